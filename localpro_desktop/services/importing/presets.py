"""Presets for the exports people download from LinkedIn and Facebook, as they come.

A LinkedIn ``Connections.csv`` (Settings > Data privacy > Get a copy of your data) and a
Meta lead-ads download (Leads Center / Ads Manager) are not spreadsheets anyone typed:
their columns are fixed, their values carry the platform's conventions ("p:+234…" phone
numbers, "l:…" lead ids) and a prospect's business name has to be put together from
several columns (the company, else the person). Guessing from column names cannot do
that, so a preset turns such a file's table into one the importer understands: a derived
"Business name" and "Contact person", cleaned phone numbers, a notes column holding the
answers to the form's own questions, and a mapping per kind of record. Every column of
the file stays in the table, so the user can still map one the preset leaves out.

A preset applies by itself only when the headers leave no doubt (``detect``); the user
may also name one, or ``none`` to map the columns by hand. Rows that the preset cannot
turn into a record (no name, no company) are set aside with a reason, so the import
report lists them with the rest of the rejected rows: nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, get_args

from localpro_desktop.domain.messages import Message, MessageId
from localpro_desktop.domain.messages import importing as msg
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services.importing.mapping import Kind, guess_mapping
from localpro_desktop.services.importing.readers import ImportFileError, RawTable, read_table

PresetChoice = Literal["auto", "linkedin", "facebook-leads", "none"]
PRESET_CHOICES: tuple[str, ...] = get_args(PresetChoice)

BUSINESS_NAME = "Business name"
CONTACT_PERSON = "Contact person"
LEAD_DETAILS = "Lead details"
"""Headers of the columns a preset adds; ``--map`` may name them like any other column."""

Record = Mapping[str, str]


def _fold(header: str) -> str:
    """ "Email Address", "email_address" and "EMAIL ADDRESS" are the same column."""
    return re.sub(r"[\s_]+", " ", header.strip().casefold())


def _joined(*parts: str) -> str:
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Preset:
    """One platform's export: how to recognise it and how to read each of its rows."""

    key: str  # as on the command line
    label: MessageId
    source: ProspectSource
    evidence: frozenset[str]  # folded headers that together make the file unmistakable
    needs: tuple[str, ...]  # headers (as the platform spells them) it cannot work without
    derive: Callable[[Record, list[str]], dict[str, str]]
    """(row by folded header, the file's headers) → derived column → value."""
    missing_name: MessageId  # why a row with no name and no company is set aside
    mappings: Mapping[Kind, Mapping[str, str]] = field(default_factory=dict)
    """Per kind: folded header (or derived column) → field."""
    clean: Mapping[str, Callable[[str], str]] = field(default_factory=dict)
    """Folded header → how its values are cleaned in place."""

    def missing(self, headers: list[str]) -> list[str]:
        present = {_fold(h) for h in headers}
        return [name for name in self.needs if _fold(name) not in present]

    def mapping(
        self, headers: list[str], kind: Kind, derived: Mapping[str, str] | None = None
    ) -> dict[str, str]:
        """Column → field; ``derived`` names the added columns (header → preset name)."""
        wanted = self.mappings[kind]
        names = derived or {}
        mapping: dict[str, str] = {}
        taken: set[str] = set()
        for header in headers:
            field_name = wanted.get(_fold(names.get(header, header)))
            if field_name and field_name not in taken:
                mapping[header] = field_name
                taken.add(field_name)
        return mapping


# -- LinkedIn ----------------------------------------------------------------------------


def _linkedin_row(row: Record, _headers: list[str]) -> dict[str, str]:
    person = _joined(row.get("first name", ""), row.get("last name", ""))
    return {
        BUSINESS_NAME: row.get("company", "") or person,
        CONTACT_PERSON: person,
    }


LINKEDIN = Preset(
    key="linkedin",
    label=msg.PRESET_LINKEDIN,
    source=ProspectSource.LINKEDIN,
    # The URL and e-mail columns came and went over the years; these five stayed.
    evidence=frozenset({"first name", "last name", "company", "position", "connected on"}),
    needs=("First Name", "Last Name", "Company"),
    derive=_linkedin_row,
    missing_name=msg.LINKEDIN_NO_NAME,
    mappings={
        "prospects": {
            _fold(BUSINESS_NAME): "business_name",
            _fold(CONTACT_PERSON): "contact_person",
            "email address": "email",
            "url": "source_ref",  # the person's profile: where the prospect was found
            "position": "notes",
        },
        "contacts": {
            "first name": "first_name",
            "last name": "last_name",
            "company": "company",
            "email address": "email",
            "url": "website",
            "position": "notes",
        },
    },
)


# -- Facebook lead ads -------------------------------------------------------------------

# Columns every lead download has, about the ad rather than the person, and the standard
# questions a form may ask (Meta's prefilled fields). Any other column is one of the
# form's own questions, whose answers go to the notes.
_FACEBOOK_AD_COLUMNS = frozenset(
    {
        "id", "created time", "ad id", "ad name", "adset id", "adset name", "campaign id",
        "campaign name", "form id", "form name", "is organic", "platform", "lead status",
        "inbox url",
    }
)  # fmt: skip
_FACEBOOK_PERSON_COLUMNS = frozenset(
    {
        "full name", "first name", "last name", "phone number", "work phone number", "email",
        "work email", "city", "state", "province", "country", "zip code", "post code",
        "street address", "company name", "job title", "date of birth", "gender",
    }
)  # fmt: skip
_FACEBOOK_CONTEXT = ("form name", "campaign name", "created time")
_PHONE_PREFIX = re.compile(r"^\s*p:\s*", re.IGNORECASE)


def _facebook_phone(value: str) -> str:
    """Meta writes "p:+2348031234567" so spreadsheets keep the "+"; the number is after it."""
    return _PHONE_PREFIX.sub("", value)


def _facebook_row(row: Record, headers: list[str]) -> dict[str, str]:
    person = row.get("full name", "") or _joined(
        row.get("first name", ""), row.get("last name", "")
    )
    answers = [
        f"{header.replace('_', ' ').strip()}: {row[_fold(header)]}"
        for header in headers
        if _fold(header) not in _FACEBOOK_AD_COLUMNS | _FACEBOOK_PERSON_COLUMNS
        and row.get(_fold(header))
    ]
    context = [
        f"{name.replace(' ', '_')}: {row[name]}" for name in _FACEBOOK_CONTEXT if row.get(name)
    ]
    return {
        BUSINESS_NAME: row.get("company name", "") or person,
        CONTACT_PERSON: person,
        LEAD_DETAILS: "\n".join(answers + context),
    }


FACEBOOK_LEADS = Preset(
    key="facebook-leads",
    label=msg.PRESET_FACEBOOK,
    source=ProspectSource.FACEBOOK,
    evidence=frozenset({"id", "created time", "form id"}),
    needs=("id",),
    derive=_facebook_row,
    missing_name=msg.FACEBOOK_NO_NAME,
    clean={"phone number": _facebook_phone, "work phone number": _facebook_phone},
    mappings={
        "prospects": {
            _fold(BUSINESS_NAME): "business_name",
            _fold(CONTACT_PERSON): "contact_person",
            "phone number": "phone",
            "email": "email",
            "city": "city",
            "country": "country",
            "street address": "address",
            "id": "source_ref",  # "l:1234…", kept as given: Meta's reference to the lead
            _fold(LEAD_DETAILS): "notes",
        },
        "contacts": {
            "full name": "full_name",
            "first name": "first_name",
            "last name": "last_name",
            "company name": "company",
            "phone number": "phone",
            "email": "email",
            "city": "city",
            "country": "country",
            "street address": "address",
            _fold(LEAD_DETAILS): "notes",
        },
    },
)

PRESETS: tuple[Preset, ...] = (LINKEDIN, FACEBOOK_LEADS)
_BY_KEY = {preset.key: preset for preset in PRESETS}
_FACEBOOK_ANY_PERSON = frozenset({"full name", "first name", "last name", "phone number", "email"})


def detect(headers: list[str]) -> Preset | None:
    """The preset whose export these headers unmistakably are, if any."""
    folded = {_fold(h) for h in headers}
    for preset in PRESETS:
        if preset.evidence <= folded and (
            preset is not FACEBOOK_LEADS or folded & _FACEBOOK_ANY_PERSON
        ):
            return preset
    return None


def preset_named(key: str) -> Preset | None:
    """The preset a user named; "none" and "auto" name none."""
    text = key.strip().lower()
    if text not in PRESET_CHOICES:
        raise ImportFileError(msg.UNKNOWN_PRESET(preset=key, choices=", ".join(PRESET_CHOICES)))
    return _BY_KEY.get(text)


@dataclass(frozen=True)
class PreparedTable:
    """A file's table as the importer should see it, with the preset that shaped it."""

    table: RawTable
    preset: Preset | None = None
    # Rows the preset could not make a record of, with the reason (as the file numbers them).
    set_aside: tuple[tuple[int, Message], ...] = ()
    # The columns the preset added: their header in ``table`` → the preset's name for them.
    derived: Mapping[str, str] = field(default_factory=dict)

    def mapping(self, kind: Kind) -> dict[str, str]:
        """The preset's mapping, or the guess from the column names when there is none."""
        if self.preset is None:
            return guess_mapping(self.table.headers, kind)
        return self.preset.mapping(self.table.headers, kind, self.derived)

    @property
    def source(self) -> ProspectSource | None:
        return self.preset.source if self.preset else None


def prepare(table: RawTable, choice: str = "auto", *, file: str) -> PreparedTable:
    """Apply the chosen preset ("auto": the detected one, if any) to a table as read."""
    automatic = choice.strip().lower() == "auto"
    preset = detect(table.headers) if automatic else preset_named(choice)
    if preset is None:
        return PreparedTable(table)
    missing = preset.missing(table.headers)
    if missing:
        raise ImportFileError(
            msg.PRESET_DOES_NOT_FIT(file=file, preset=preset.label(), missing=", ".join(missing))
        )
    return _apply(preset, table)


def read_prepared(path: Path, choice: str = "auto") -> PreparedTable:
    """Read a file and apply the chosen preset; raises ImportFileError for the user."""
    path = Path(path)
    return prepare(read_table(path), choice, file=path.name)


def _apply(preset: Preset, table: RawTable) -> PreparedTable:
    headers = list(table.headers)
    folded = [_fold(h) for h in headers]
    cleaners = [preset.clean.get(name) for name in folded]
    added = (BUSINESS_NAME, CONTACT_PERSON, LEAD_DETAILS)
    rows: list[list[str]] = []
    numbers: list[int] = []
    set_aside: list[tuple[int, Message]] = []
    derived_names: list[str] | None = None
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        cleaned = [
            clean(cell) if clean else cell for clean, cell in zip(cleaners, cells, strict=True)
        ]
        record = dict(zip(folded, cleaned, strict=True))
        derived = preset.derive(record, headers)
        if derived_names is None:
            derived_names = [name for name in added if name in derived]
        if not derived.get(BUSINESS_NAME):
            set_aside.append((number, preset.missing_name()))
            continue
        rows.append([*(derived[name] for name in derived_names), *cleaned])
        numbers.append(number)
    if derived_names is None:  # no rows: the columns are still those of the preset
        derived_names = list(preset.derive(dict.fromkeys(folded, ""), headers))
    renamed = {_unique(name, headers): name for name in derived_names}
    prepared = replace(table, headers=[*renamed, *headers], rows=rows, row_numbers=numbers)
    return PreparedTable(prepared, preset, tuple(set_aside), renamed)


def _unique(name: str, headers: list[str]) -> str:
    """A derived column never takes the name of one of the file's columns."""
    taken = {_fold(h) for h in headers}
    candidate, n = name, 2
    while _fold(candidate) in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate
