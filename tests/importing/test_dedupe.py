"""The duplicate index must find what the plain rule finds, pair by pair."""

import random
import re
from collections.abc import Mapping
from typing import Any

from rapidfuzz import fuzz, process

from localpro_desktop.domain.names import fold
from localpro_desktop.services.importing.dedupe import FUZZY_THRESHOLD, DuplicateIndex

_DIGITS = re.compile(r"\d+")


class _PlainRule:
    """The rule as first written: every namesake of the five closest names, one by one."""

    def __init__(self) -> None:
        self.phones: dict[str, Any] = {}
        self.emails: dict[str, Any] = {}
        self.names: dict[tuple[str, str], tuple[list[str], dict[str, list[Any]]]] = {}
        self.identity: dict[Any, tuple[frozenset[str], str | None, tuple[str, ...]]] = {}

    @staticmethod
    def _who(values: Mapping[str, Any]) -> tuple[frozenset[str], str | None, tuple[str, ...]]:
        phones = frozenset(p for p in (values.get("phone_e164"), values.get("whatsapp_e164")) if p)
        key = str(values.get("name_key") or "")
        return phones, values.get("email_normalized") or None, tuple(_DIGITS.findall(key))

    @staticmethod
    def _block(values: Mapping[str, Any]) -> tuple[str, str]:
        return fold(str(values.get("city") or "")), (values.get("name_key") or "")[:1]

    def add(self, ref: Any, values: Mapping[str, Any]) -> None:
        who = self.identity[ref] = self._who(values)
        for phone in who[0]:
            self.phones.setdefault(phone, ref)
        if who[1]:
            self.emails.setdefault(who[1], ref)
        key = values.get("name_key") or ""
        if key:
            names, refs = self.names.setdefault(self._block(values), ([], {}))
            if key not in refs:
                names.append(key)
                refs[key] = []
            refs[key].append(ref)

    def find(self, values: Mapping[str, Any]) -> tuple[Any, str] | None:
        mine = self._who(values)
        for phone in mine[0]:
            if phone in self.phones:
                return self.phones[phone], f"same phone {phone}"
        if mine[1] and mine[1] in self.emails:
            return self.emails[mine[1]], f"same e-mail {mine[1]}"
        key = values.get("name_key") or ""
        bucket = self.names.get(self._block(values)) if key and values.get("city") else None
        if not bucket:
            return None
        names, refs = bucket
        for name, score, _ in process.extract(
            key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=5
        ):
            for ref in refs[name]:
                other = self.identity[ref]
                if mine[2] != other[2]:
                    continue
                if mine[0] and other[0] and not (mine[0] & other[0]):
                    continue
                if mine[1] and other[1] and mine[1] != other[1]:
                    continue
                return ref, f"similar name in {values.get('city')} ({score:.0f}%)"
        return None


def _rows(count: int, seed: int) -> list[dict[str, Any]]:
    """Few names, cities and phones, so namesakes, near names and clashes are common."""
    rng = random.Random(seed)
    firsts = ["awa", "awaa", "aw", "moussa", "mousa", "moussaa", "fatou", "fatoo", "fatu"]
    lasts = ["diop", "diopp", "dio", "ndiaye", "ndiay", "sow", "soww", "fall", "fal", "faal"]
    shops = ["boutique 2", "boutique 3", "boutique 23", "pharmacie 1", "pharmacie"]
    cities = ["Dakar", "dakar", "DAKAR ", "Thiès", "thies", "", "Saint-Louis"]
    rows = []
    for _ in range(count):
        name = (
            rng.choice(shops) if rng.random() < 0.2 else f"{rng.choice(firsts)} {rng.choice(lasts)}"
        )
        has_phone, has_email = rng.random() < 0.5, rng.random() < 0.4
        rows.append(
            {
                "name_key": name if rng.random() < 0.97 else "",
                "city": rng.choice(cities),
                "phone_e164": f"+22177{rng.randrange(60):07d}" if has_phone else None,
                "whatsapp_e164": f"+22170{rng.randrange(60):07d}" if rng.random() < 0.3 else None,
                "email_normalized": f"{rng.randrange(80)}@x.sn" if has_email else "",
            }
        )
    return rows


def test_index_matches_the_plain_rule_row_by_row() -> None:
    for seed in range(6):
        index, plain = DuplicateIndex(), _PlainRule()
        existing = _rows(40, seed + 100)
        for i, values in enumerate(existing):
            index.add(f"id{i}", values)
            plain.add(f"id{i}", values)
        kept = 0
        for values in _rows(1500, seed):
            got = index.find(values)
            want = plain.find(values)
            assert (got and (got.ref, got.reason)) == want, values
            if got is None:
                index.add(kept, values)
                plain.add(kept, values)
                kept += 1
        assert 0 < kept < 1500


def test_a_namesake_with_a_phone_is_not_a_person_without_one() -> None:
    index = DuplicateIndex()
    index.add("a", {"name_key": "moussa diop", "city": "Dakar", "phone_e164": "+221771234567"})
    other = {"name_key": "moussa diop", "city": "Dakar", "phone_e164": "+221771234568"}
    assert index.find(other) is None
    same = {"name_key": "mousa diop", "city": "dakar", "email_normalized": "m@x.sn"}
    match = index.find(same)
    assert match is not None and match.ref == "a" and "similar name in dakar" in match.reason
