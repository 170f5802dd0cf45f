"""Duplicate detection for imports: the same phone, the same e-mail, or a close name nearby.

Records are identified by a reference (an existing row's id, or a row number in the file)
so the same index catches duplicates against the workspace and within the file.

The fuzzy rule compares folded names (``domain.names.name_key``) with rapidfuzz, only
within the same city and the same first letter (blocking keeps 100,000 rows fast), and
only when the two records do not contradict each other: two "Moussa Diop" in Dakar with
different phone numbers are two people, and "Boutique 2" is not "Boutique 3".
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from localpro_desktop.domain.messages import importing as msg
from localpro_desktop.domain.names import fold

FUZZY_THRESHOLD = 90
_DIGITS = re.compile(r"\d+")

_NONE: frozenset[str] = frozenset()
Ref = str | int  # existing row id, or index of an accepted row of the file


@dataclass
class _Carriers:
    """Who carries one folded name in one block, as far as the fuzzy rule can use them.

    A row reaches the fuzzy rule only when its phones and e-mail matched nobody, so a
    carrier contradicts it exactly when both have a phone, or both an e-mail, or their
    names hold other numbers (the same for every carrier of one name). The match is the
    first carrier that does not contradict: one slot per "has a phone / has an e-mail"
    shape of the new row, filled once, instead of re-checking hundreds of namesakes
    ("Moussa Diop") for every row.
    """

    numbers: tuple[str, ...]
    # first[shape]: the first carrier whose own shape shares no bit with ``shape``
    # (bit 2: has a phone, bit 1: has an e-mail), or None while there is none.
    first: list[Ref | None] = field(default_factory=lambda: [None, None, None, None])

    def add(self, ref: Ref, shape: int) -> list[int]:
        """Record a carrier; returns the shapes this name has just become usable for."""
        first = self.first
        opened = []
        for wanted in range(4):
            if first[wanted] is None and not wanted & shape:
                first[wanted] = ref
                opened.append(wanted)
        return opened


@dataclass
class _Block:
    """The distinct folded names of one city and first letter, and who carries each.

    Same-name people are common (one name can stand for hundreds of rows), so names are
    compared once each. ``usable[shape]`` lists the names with a carrier a row of that
    shape could match: a row whose shape no name is usable for cannot match, and when no
    usable name is close enough neither can it, so most rows (those with a phone, whose
    namesakes have phones too) skip comparing against every name of the block.
    """

    names: list[str] = field(default_factory=list)
    carriers: dict[str, _Carriers] = field(default_factory=dict)
    usable: tuple[list[str], ...] = field(default_factory=lambda: ([], [], [], []))

    def add(self, key: str, ref: Ref, shape: int) -> None:
        holder = self.carriers.get(key)
        if holder is None:
            self.names.append(key)
            holder = self.carriers[key] = _Carriers(_numbers(key))
        for opened in holder.add(ref, shape):
            self.usable[opened].append(key)

    def may_match(self, key: str, shape: int) -> bool:
        """Whether some usable name is close enough: cheap, exact (never a false "no")."""
        usable = self.usable[shape]
        if not usable:
            return False
        close = process.extract(
            key, usable, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=None
        )
        if not close:
            return False
        numbers = _numbers(key)
        return any(self.carriers[name].numbers == numbers for name, _score, _index in close)


@dataclass(frozen=True)
class Match:
    ref: Ref
    reason: str


@dataclass
class DuplicateIndex:
    """Phones, e-mails and (per city and first letter) folded names seen so far.

    ``add`` must be given every record ``find`` may match (the importer adds each row it
    keeps), each ref once: the fuzzy rule relies on every known phone and e-mail being in
    the exact-match tables.
    """

    _phones: dict[str, Ref] = field(default_factory=dict)
    _emails: dict[str, Ref] = field(default_factory=dict)
    _blocks: dict[tuple[str, str], _Block] = field(default_factory=dict)
    _cities: dict[str, str] = field(default_factory=dict)  # city as typed -> folded

    def add(self, ref: Ref, values: Mapping[str, Any]) -> None:
        phones = _phones(values)
        email = values.get("email_normalized") or None
        for phone in phones:
            self._phones.setdefault(phone, ref)
        if email:
            self._emails.setdefault(email, ref)
        key = values.get("name_key") or ""
        if key:
            block = self._blocks.get(where := self._block(values, key))
            if block is None:
                block = self._blocks[where] = _Block()
            block.add(key, ref, _shape(phones, email))

    def find(self, values: Mapping[str, Any]) -> Match | None:
        phones = _phones(values)
        for phone in phones:
            if phone in self._phones:
                return Match(self._phones[phone], msg.SAME_PHONE(phone=phone))
        email = values.get("email_normalized")
        if email and email in self._emails:
            return Match(self._emails[email], msg.SAME_EMAIL(email=email))
        key = values.get("name_key") or ""
        block = self._blocks.get(self._block(values, key)) if key and values.get("city") else None
        if block is None:
            return None
        shape = _shape(phones, email)
        if not block.may_match(key, shape):
            return None
        numbers = _numbers(key)
        # The rule itself: the first carrier that does not contradict, among the five
        # closest names of the block (a close name without one hides a farther one).
        for name, score, _index in process.extract(
            key, block.names, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=5
        ):
            holder = block.carriers[name]
            ref = holder.first[shape] if holder.numbers == numbers else None
            if ref is not None:
                return Match(ref, msg.SIMILAR_NAME(city=values.get("city"), score=score))
        return None

    def _block(self, values: Mapping[str, Any], key: str) -> tuple[str, str]:
        city = str(values.get("city") or "")
        folded = self._cities.get(city)
        if folded is None:
            folded = self._cities[city] = fold(city)
        return folded, key[:1]


def _phones(values: Mapping[str, Any]) -> frozenset[str]:
    phone, whatsapp = values.get("phone_e164"), values.get("whatsapp_e164")
    if phone and whatsapp:
        return frozenset((phone, whatsapp))
    return frozenset((phone,)) if phone else frozenset((whatsapp,)) if whatsapp else _NONE


def _shape(phones: frozenset[str], email: str | None) -> int:
    """Bit 2: the record has a phone; bit 1: it has an e-mail (see ``_Carriers``)."""
    return (2 if phones else 0) | (1 if email else 0)


def _numbers(key: str) -> tuple[str, ...]:
    return tuple(_DIGITS.findall(key))
