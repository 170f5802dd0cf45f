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

from localpro_desktop.domain.names import fold

FUZZY_THRESHOLD = 90
_DIGITS = re.compile(r"\d+")

Ref = str | int  # existing row id, or index of an accepted row of the file


@dataclass
class _Identity:
    phones: frozenset[str]
    email: str | None
    numbers: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    ref: Ref
    reason: str


@dataclass
class DuplicateIndex:
    _phones: dict[str, Ref] = field(default_factory=dict)
    _emails: dict[str, Ref] = field(default_factory=dict)
    # Per block, the distinct folded names and who carries each: same-name people are
    # common (one key can stand for hundreds of rows), so we compare names once each.
    _names: dict[tuple[str, str], tuple[list[str], dict[str, list[Ref]]]] = field(
        default_factory=dict
    )
    _identity: dict[Ref, _Identity] = field(default_factory=dict)

    def add(self, ref: Ref, values: Mapping[str, Any]) -> None:
        phones = _phones(values)
        email = values.get("email_normalized") or None
        self._identity[ref] = _Identity(phones, email, _numbers(values))
        for phone in phones:
            self._phones.setdefault(phone, ref)
        if email:
            self._emails.setdefault(email, ref)
        key = values.get("name_key") or ""
        if key:
            names, refs = self._names.setdefault(_block(values), ([], {}))
            if key not in refs:
                names.append(key)
                refs[key] = []
            refs[key].append(ref)

    def find(self, values: Mapping[str, Any]) -> Match | None:
        for phone in _phones(values):
            if phone in self._phones:
                return Match(self._phones[phone], f"same phone {phone}")
        email = values.get("email_normalized")
        if email and email in self._emails:
            return Match(self._emails[email], f"same e-mail {email}")
        key = values.get("name_key") or ""
        bucket = self._names.get(_block(values)) if key and values.get("city") else None
        if not bucket:
            return None
        names, refs = bucket
        mine = _Identity(_phones(values), email or None, _numbers(values))
        for name, score, _index in process.extract(
            key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=5
        ):
            for ref in refs[name]:
                if not _contradict(mine, self._identity[ref]):
                    return Match(ref, f"similar name in {values.get('city')} ({score:.0f}%)")
        return None


def _phones(values: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(p for p in (values.get("phone_e164"), values.get("whatsapp_e164")) if p)


def _block(values: Mapping[str, Any]) -> tuple[str, str]:
    key = values.get("name_key") or ""
    return fold(str(values.get("city") or "")), key[:1]


def _numbers(values: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(_DIGITS.findall(str(values.get("name_key") or "")))


def _contradict(a: _Identity, b: _Identity) -> bool:
    if a.numbers != b.numbers:  # "Pharmacie du Point 2" is another branch than "… 3"
        return True
    if a.phones and b.phones and not (a.phones & b.phones):
        return True
    return bool(a.email and b.email and a.email != b.email)
