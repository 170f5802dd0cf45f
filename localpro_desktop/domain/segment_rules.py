"""Segment rules: which contacts a saved group holds, as plain data shared by every layer.

A rule is stored as JSON in ``segments.rule`` and may travel to another device running an
older or newer build, so ``to_dict`` always writes every key under a stable name and
``from_dict`` refuses keys it does not know instead of silently widening the segment.
All criteria combine with AND; an empty rule means "every live contact".
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import segments as msg
from localpro_desktop.domain.names import fold
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.sectors import sector_label

_COUNTRY = re.compile(r"^[A-Z]{2}$")

_STATUS_LABELS: dict[str, dict[PipelineStatus, str]] = {
    "en": {
        PipelineStatus.NEW: "New",
        PipelineStatus.CONTACTED: "Contacted",
        PipelineStatus.INTERESTED: "Interested",
        PipelineStatus.NEGOTIATION: "Negotiation",
        PipelineStatus.CLIENT: "Client",
        PipelineStatus.INACTIVE: "Inactive",
    },
    "fr": {
        PipelineStatus.NEW: "Nouveau",
        PipelineStatus.CONTACTED: "Contacté",
        PipelineStatus.INTERESTED: "Intéressé",
        PipelineStatus.NEGOTIATION: "Négociation",
        PipelineStatus.CLIENT: "Client",
        PipelineStatus.INACTIVE: "Inactif",
    },
}

# fmt: off
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin",
           "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}
# fmt: on

# Every phrase describe() can produce, per language; {} slots are filled with values.
_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "all": "All contacts",
        "status": "Status: {}",
        "tags_any": "Tag: {}",
        "tags_all": "Tags: {}",
        "or": " or ",
        "and": " and ",
        "city": "City: {}",
        "sector": "Sector: {}",
        "country": "Country: {}",
        "text": "Search: “{}”",
        "created_since": "added since {}",
        "created_before": "added before {}",
        "last_contacted_since": "contacted since {}",
        "last_contacted_before": "not contacted since {}",
        "has_phone": "has phone",
        "no_phone": "no phone",
        "has_email": "has e-mail",
        "no_email": "no e-mail",
        "has_whatsapp": "has WhatsApp",
        "no_whatsapp": "no WhatsApp",
        "reachable_whatsapp": "reachable on WhatsApp",
        "reachable_email": "reachable by e-mail",
        "reachable_sms": "reachable by SMS",
    },
    "fr": {
        "all": "Tous les contacts",
        "status": "Statut : {}",
        "tags_any": "Étiquette : {}",
        "tags_all": "Étiquettes : {}",
        "or": " ou ",
        "and": " et ",
        "city": "Ville : {}",
        "sector": "Secteur : {}",
        "country": "Pays : {}",
        "text": "Recherche : « {} »",
        "created_since": "ajouté depuis le {}",
        "created_before": "ajouté avant le {}",
        "last_contacted_since": "contacté depuis le {}",
        "last_contacted_before": "pas contacté depuis le {}",
        "has_phone": "a un téléphone",
        "no_phone": "sans téléphone",
        "has_email": "a un e-mail",
        "no_email": "sans e-mail",
        "has_whatsapp": "a WhatsApp",
        "no_whatsapp": "sans WhatsApp",
        "reachable_whatsapp": "joignable sur WhatsApp",
        "reachable_email": "joignable par e-mail",
        "reachable_sms": "joignable par SMS",
    },
}


@dataclass(frozen=True)
class SegmentRule:
    """Criteria a contact must all meet; ``None`` / empty tuple means "don't care".

    Dates are calendar days: ``*_since`` includes that day, ``*_before`` excludes it, so
    ``created_since=1 March, created_before=1 April`` is exactly March.
    ``last_contacted_before`` also matches contacts never reached: "not contacted since X"
    is what users mean when they build a follow-up list.
    ``reachable_on`` means a valid address for that channel *and* no opt-out from it, the
    test a campaign must apply before sending anything.

    Values are normalized on construction (strings trimmed, tags lowercased like the
    importer does, statuses parsed), so two rules that mean the same compare equal.
    """

    statuses: tuple[PipelineStatus, ...] = ()
    tags_any: tuple[str, ...] = ()
    tags_all: tuple[str, ...] = ()
    city: str | None = None
    sector: str | None = None
    country: str | None = None
    text: str | None = None
    created_since: date | None = None
    created_before: date | None = None
    last_contacted_before: date | None = None
    last_contacted_since: date | None = None
    has_phone: bool | None = None
    has_email: bool | None = None
    has_whatsapp: bool | None = None
    reachable_on: Channel | None = None

    def __post_init__(self) -> None:
        statuses = _statuses(self.statuses)
        set_ = object.__setattr__
        set_(self, "statuses", statuses)
        set_(self, "tags_any", _tags(self.tags_any, "tags_any"))
        set_(self, "tags_all", _tags(self.tags_all, "tags_all"))
        for name in ("city", "sector", "text"):
            set_(self, name, _optional_text(getattr(self, name), name))
        set_(self, "country", _country(self.country))
        for name in _DATE_FIELDS:
            set_(self, name, _date(getattr(self, name), name))
        for name in _BOOL_FIELDS:
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool):
                raise UserError(msg.RULE_FLAG, name=name)
        if self.reachable_on is not None and not isinstance(self.reachable_on, Channel):
            set_(self, "reachable_on", Channel.parse(str(self.reachable_on)))
        self._check_consistency()

    def _check_consistency(self) -> None:
        """Refuse rules that can never match anybody: an empty segment is always a mistake."""
        for since, before in (
            ("created_since", "created_before"),
            ("last_contacted_since", "last_contacted_before"),
        ):
            low, high = getattr(self, since), getattr(self, before)
            if low is not None and high is not None and low >= high:
                raise UserError(
                    msg.RULE_DATE_ORDER,
                    since=since,
                    low=low.isoformat(),
                    before=before,
                    high=high.isoformat(),
                )
        if self.reachable_on is not None:
            flag = _CHANNEL_FLAG[self.reachable_on]
            if getattr(self, flag) is False:
                raise UserError(
                    msg.RULE_REACHABLE_CONFLICT, channel=self.reachable_on.value, flag=flag
                )

    # -- queries on the rule ----------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        """True when the rule selects every live contact."""
        return self == SegmentRule()

    # -- JSON -------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Every key, always, in field order: stored rules diff cleanly and read the same."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                out[f.name] = [str(v) for v in value]
            elif isinstance(value, date):
                out[f.name] = value.isoformat()
            elif isinstance(value, Channel):
                out[f.name] = value.value
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "SegmentRule":
        """Missing keys take their default (rules saved by older builds still load)."""
        if not isinstance(data, Mapping):
            raise UserError(msg.RULE_NOT_OBJECT)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise UserError(
                msg.RULE_UNKNOWN_KEYS,
                unknown=", ".join(unknown),
                known=", ".join(f.name for f in fields(cls)),
            )
        values: dict[str, Any] = {k: v for k, v in data.items() if v is not None}
        for name in ("statuses", "tags_any", "tags_all"):
            if name in values and isinstance(values[name], list):
                values[name] = tuple(values[name])
        return cls(**values)

    # -- words ------------------------------------------------------------------------

    def describe(self, language: str = "en") -> str:
        """A one-line summary for segment lists; unknown languages fall back to English."""
        lang = language[:2].lower() if language[:2].lower() in _PHRASES else "en"
        say = _PHRASES[lang]
        parts: list[str] = []
        if self.statuses:
            labels = _STATUS_LABELS[lang]
            parts.append(say["status"].format(", ".join(labels[s] for s in self.statuses)))
        if self.tags_any:
            parts.append(say["tags_any"].format(say["or"].join(self.tags_any)))
        if self.tags_all:
            key = "tags_all" if len(self.tags_all) > 1 else "tags_any"
            parts.append(say[key].format(say["and"].join(self.tags_all)))
        for name in ("city", "sector", "country", "text"):
            value = getattr(self, name)
            if value is not None:
                shown = sector_label(value, lang) if name == "sector" else value
                parts.append(say[name].format(shown))
        for name in _DATE_FIELDS:
            value = getattr(self, name)
            if value is not None:
                parts.append(say[name].format(_format_date(value, lang)))
        for name in _BOOL_FIELDS:
            value = getattr(self, name)
            if value is not None:
                parts.append(say[name if value else name.replace("has_", "no_")])
        if self.reachable_on is not None:
            parts.append(say[f"reachable_{self.reachable_on.value}"])
        return " · ".join(parts) if parts else say["all"]


_DATE_FIELDS = ("created_since", "created_before", "last_contacted_since", "last_contacted_before")
_BOOL_FIELDS = ("has_phone", "has_email", "has_whatsapp")
_CHANNEL_FLAG = {
    Channel.WHATSAPP: "has_whatsapp",
    Channel.EMAIL: "has_email",
    Channel.SMS: "has_phone",
}


def status_label(status: PipelineStatus, language: str = "en") -> str:
    """The pipeline stage as users read it; shared so lists and rules say the same word."""
    lang = language[:2].lower() if language[:2].lower() in _STATUS_LABELS else "en"
    return _STATUS_LABELS[lang][status]


def _statuses(value: object) -> tuple[PipelineStatus, ...]:
    items = _sequence(value, "statuses")
    parsed: set[PipelineStatus] = set()
    for item in items:
        if isinstance(item, PipelineStatus):
            parsed.add(item)
        elif isinstance(item, str):
            parsed.add(PipelineStatus.parse(item))
        else:
            raise UserError(msg.RULE_STATUS_NOT_NAME, value=item)
    # Pipeline order, not input order: equal rules compare equal and read like the board.
    return tuple(s for s in PIPELINE_ORDER if s in parsed)


def _tags(value: object, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = re.split(r"[,;|]", value)
    seen: dict[str, None] = {}
    for item in _sequence(value, name):
        if not isinstance(item, str):
            raise UserError(msg.RULE_NOT_TEXT, name=name, value=item)
        tag = item.strip().lower()
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def _sequence(value: object, name: str) -> tuple[object, ...]:
    if value is None:
        return ()
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise UserError(msg.RULE_NOT_LIST, name=name)
    return tuple(value)


def _optional_text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise UserError(msg.RULE_NOT_TEXT, name=name, value=value)
    cleaned = " ".join(value.split())
    # Text that folds to nothing ("!!", "  ") would match everyone or no one; treat as unset.
    return cleaned if fold(cleaned) else None


def _country(value: object) -> str | None:
    text = _optional_text(value, "country")
    if text is None:
        return None
    code = text.upper()
    if not _COUNTRY.match(code):
        raise UserError(msg.RULE_COUNTRY, value=value)
    return code


def _date(value: object, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        # A datetime is a date too; keep only the day so rules stay calendar-based.
        return date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise UserError(msg.RULE_DATE, name=name, value=value)


def _format_date(day: date, lang: str) -> str:
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"
