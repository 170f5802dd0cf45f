"""Ask in words: "restaurants à Dakar pas contactés depuis un mois" as a segment rule or a
prospect search filter, through structured output.

The model answers against a JSON schema generated from ``SegmentRule``'s own fields (so a
field added there cannot be forgotten here: ``segment_schema`` refuses a type it does not
know), and the answer goes through ``SegmentRule.from_dict``, the same gate a rule synced
from another device passes: unknown keys, wrong types and impossible rules (dates in the
wrong order, "reachable on WhatsApp" without WhatsApp) are refused whole, with a message,
never applied half-way. On top of that, what the model is likely to get wrong: a sector
that is not one of the product's keys, a date in the future, a rule that asks nothing.

The prospect filter lives in the store layer, which ``ai/`` may not reach through the
services; it is described here by its plain field names (``PROSPECT_FILTER_FIELDS``) and the
service builds the ``ProspectFilter`` from the checked values.

Pure: no network, no database; the service gives the workspace's cities, sectors and tags
as ``WordsContext`` so the model uses the spellings the user's data has.
"""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message, joined
from localpro_desktop.domain.messages import ai_tools as msg
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.sectors import SECTOR_LIST, SECTORS, sector_label
from localpro_desktop.domain.segment_rules import SegmentRule

MAX_WORDS = 300
"""A request longer than this is a paste, not a question."""
CONTEXT_LIMIT = 150
"""At most this many cities / tags are listed to the model (the most used first)."""
EARLIEST = date(1970, 1, 1)

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")

PROSPECT_FILTER_FIELDS: dict[str, type] = {
    "sector": str,
    "city": str,
    "text": str,
    "source": str,
    "country": str,
    "converted": bool,
    "has_phone": bool,
    "has_coordinates": bool,
}
"""``ProspectFilter``'s fields and their types (None: "don't care"); a service test checks
they are exactly the store's."""


@dataclass(frozen=True)
class WordsContext:
    """What the model is told about the workspace (names of places and groups, no people)."""

    today: date
    cities: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    language: str = "en"

    @property
    def known_sectors(self) -> tuple[str, ...]:
        """The product's keys, then any the workspace's records typed by hand."""
        extra = sorted(s for s in self.sectors if s and s not in SECTORS)
        return (*SECTORS, *extra)


def check_words(words: str) -> str:
    """The request, trimmed; a ``UserError`` when empty or too long."""
    cleaned = " ".join(words.split())
    if not cleaned:
        raise UserError(msg.WORDS_EMPTY)
    if len(cleaned) > MAX_WORDS:
        raise UserError(msg.WORDS_TOO_LONG, limit=MAX_WORDS, length=len(cleaned))
    return cleaned


# -- schemas ------------------------------------------------------------------------------------


def _nullable(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": [kind, "null"], **extra}


def _enum_or_null(values: list[str], description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"type": ["string", "null"], "enum": [*values, None]}
    if description:
        out["description"] = description
    return out


def _field_schema(name: str, annotation: object, ctx: WordsContext) -> dict[str, Any]:
    """One ``SegmentRule`` field as JSON schema, from its type annotation."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is tuple:
        item = args[0]
        if item is PipelineStatus:
            return {"type": "array", "items": {"type": "string", "enum": [s.value for s in item]}}
        if item is str:
            return {"type": "array", "items": {"type": "string"}}
    elif isinstance(annotation, types.UnionType) and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        if name == "sector":
            return _enum_or_null(list(ctx.known_sectors), "a sector key")
        if inner is str:
            description = "two-letter ISO code, e.g. SN" if name == "country" else ""
            return _nullable("string", **({"description": description} if description else {}))
        if inner is date:
            return _nullable("string", description="a day, YYYY-MM-DD")
        if inner is bool:
            return _nullable("boolean")
        if inner is Channel:
            return _enum_or_null([c.value for c in Channel])
    raise TypeError(f"SegmentRule.{name}: no JSON schema for {annotation!r}")


def segment_schema(ctx: WordsContext) -> dict[str, Any]:
    """Every ``SegmentRule`` field, each required (strict mode), none other."""
    properties = {f.name: _field_schema(f.name, f.type, ctx) for f in fields(SegmentRule)}
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def filter_schema(ctx: WordsContext) -> dict[str, Any]:
    """``PROSPECT_FILTER_FIELDS`` as JSON schema (sector and source from the known lists)."""
    properties: dict[str, Any] = {}
    for name, kind in PROSPECT_FILTER_FIELDS.items():
        if name == "sector":
            properties[name] = _enum_or_null(list(ctx.known_sectors), "a sector key")
        elif name == "source" and ctx.sources:
            properties[name] = _enum_or_null(sorted(ctx.sources))
        elif kind is bool:
            properties[name] = _nullable("boolean")
        else:
            properties[name] = _nullable("string")
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


# -- instructions -------------------------------------------------------------------------------


def _dates(today: date) -> str:
    ago = {
        "a week ago": today - timedelta(days=7),
        "two weeks ago": today - timedelta(days=14),
        "a month ago (30 days)": today - timedelta(days=30),
        "three months ago (90 days)": today - timedelta(days=90),
        "six months ago (180 days)": today - timedelta(days=180),
        "a year ago (365 days)": today - timedelta(days=365),
        "first day of this month": today.replace(day=1),
        "first day of this year": today.replace(month=1, day=1),
    }
    return "; ".join(f"{label}: {day.isoformat()}" for label, day in ago.items())


def _listed(values: tuple[str, ...]) -> str:
    shown = [v for v in values if v][:CONTEXT_LIMIT]
    return ", ".join(shown) if shown else "(none yet)"


def _common_rules(ctx: WordsContext) -> list[str]:
    sectors = "; ".join(f"{s.key} = {s.label_en} / {s.label_fr}" for s in SECTOR_LIST)
    extra = [s for s in ctx.known_sectors if s not in SECTORS]
    return [
        f"Today is {ctx.today.isoformat()} ({_WEEKDAYS[ctx.today.weekday()]}). "
        f"Dates: {_dates(ctx.today)}.",
        f"Sector keys: {sectors}" + (f"; also used here: {', '.join(extra)}" if extra else ""),
        f"Cities in this workspace: {_listed(ctx.cities)}. Use a city's spelling from this "
        "list when the words name it.",
        "Leave a key null (or its list empty) unless the words ask for it; never put in "
        "'text' words another key already covers ('text' is a name or word to search for).",
        "The words may be French or English.",
    ]


def segment_instructions(words: str, ctx: WordsContext) -> list[dict[str, str]]:
    """Chat messages turning ``words`` into a contact segment rule."""
    rules = [
        "You turn a request for a group of contacts in a small business's CRM into filters.",
        *_common_rules(ctx),
        f"Tags in this workspace: {_listed(ctx.tags)}.",
        "statuses (pipeline stage, any of): new, contacted, interested, negotiation (quote "
        "sent), client (customer), inactive.",
        "'Not contacted for a month' / 'pas contactés depuis un mois' means "
        "last_contacted_before = the day a month ago; 'contacted this week' means "
        "last_contacted_since = the day a week ago. created_since / created_before: when the "
        "contact was added. *_since includes the day, *_before excludes it.",
        "tags_any: has at least one of the tags; tags_all: has every tag.",
        "reachable_on: 'on WhatsApp', 'by SMS', 'by e-mail' (a valid address, not opted out); "
        "has_phone / has_email / has_whatsapp only when the words say with or without one.",
    ]
    return _messages(rules, words)


def filter_instructions(words: str, ctx: WordsContext) -> list[dict[str, str]]:
    """Chat messages turning ``words`` into a prospect search filter."""
    rules = [
        "You turn a search for prospects (businesses found but not yet customers) into filters.",
        *_common_rules(ctx),
        f"Sources of prospects here: {_listed(ctx.sources)}.",
        "converted: true = already turned into a contact, false = not yet; has_phone: with "
        "or without a phone number; has_coordinates: placed on the map or not.",
    ]
    return _messages(rules, words)


def _messages(rules: list[str], words: str) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "\n".join(f"- {rule}" for rule in rules)},
        {"role": "user", "content": words},
    ]


# -- reading the answer -------------------------------------------------------------------------


def _refused(reason: str) -> UserError:
    return UserError(msg.WORDS_REFUSED, reason=reason)


def _load_object(raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except (TypeError, ValueError):
        raise _refused(msg.OUTPUT_NOT_JSON()) from None
    if not isinstance(data, dict):
        raise _refused(msg.OUTPUT_NOT_OBJECT())
    return data


def parse_segment_rule(raw: str, ctx: WordsContext, words: str = "") -> SegmentRule:
    """The rule the model wrote, checked whole; ``UserError`` (``WORDS_REFUSED``) otherwise."""
    data = _load_object(raw)
    try:
        rule = SegmentRule.from_dict(data)
    except UserError as exc:
        raise _refused(exc.message) from None
    except (TypeError, ValueError) as exc:  # e.g. an unhashable status in the list
        raise _refused(str(exc)) from None
    problem = _sector_problem(rule.sector, ctx) or _date_problem(rule, ctx.today)
    if problem is not None:
        raise _refused(problem)
    if rule.is_empty:
        raise UserError(msg.WORDS_NOTHING, words=words)
    return rule


def _sector_problem(value: str | None, ctx: WordsContext) -> Message | None:
    if value is None:
        return None
    known = ctx.known_sectors
    if value in known or value.casefold() in {k.casefold() for k in known}:
        return None
    return msg.WORDS_UNKNOWN_SECTOR(value=value, known=", ".join(known))


def _date_problem(rule: SegmentRule, today: date) -> Message | None:
    for name in ("created_since", "last_contacted_since"):
        day = getattr(rule, name)
        if day is not None and day > today:
            return msg.WORDS_FUTURE_DATE(name=name, day=day.isoformat())
    for name in (
        "created_since",
        "created_before",
        "last_contacted_since",
        "last_contacted_before",
    ):
        day = getattr(rule, name)
        if day is not None and day < EARLIEST:
            return msg.WORDS_OLD_DATE(name=name, day=day.isoformat(), earliest=EARLIEST.isoformat())
    return None


def parse_prospect_filter(
    raw: str, ctx: WordsContext, words: str = ""
) -> dict[str, str | bool | None]:
    """Every ``PROSPECT_FILTER_FIELDS`` key with a checked value (None: don't care)."""
    data = _load_object(raw)
    unknown = sorted(set(data) - set(PROSPECT_FILTER_FIELDS))
    if unknown:
        raise _refused(msg.OUTPUT_UNKNOWN_KEYS(names=", ".join(unknown)))
    values: dict[str, str | bool | None] = {}
    for name, kind in PROSPECT_FILTER_FIELDS.items():
        value = data.get(name)
        if kind is bool:
            if value is not None and not isinstance(value, bool):
                raise _refused(
                    msg.OUTPUT_WRONG_TYPE(name=name, expected=msg.TYPE_TRUE_FALSE(), value=value)
                )
            values[name] = value
            continue
        if value is not None and not isinstance(value, str):
            raise _refused(msg.OUTPUT_WRONG_TYPE(name=name, expected=msg.TYPE_TEXT(), value=value))
        values[name] = (" ".join(value.split()) or None) if isinstance(value, str) else None
    problem = _filter_problem(values, ctx)
    if problem is not None:
        raise _refused(problem)
    if all(value is None for value in values.values()):
        raise UserError(msg.WORDS_NOTHING, words=words)
    return values


def _filter_problem(values: dict[str, str | bool | None], ctx: WordsContext) -> Message | None:
    sector = values["sector"]
    if isinstance(sector, str) and (problem := _sector_problem(sector, ctx)):
        return problem
    country = values["country"]
    if isinstance(country, str):
        if not _COUNTRY.match(country):
            return msg.WORDS_BAD_COUNTRY(value=country)
        values["country"] = country.upper()
    source = values["source"]
    if isinstance(source, str) and ctx.sources and source not in ctx.sources:
        return msg.WORDS_UNKNOWN_SOURCE(value=source, known=", ".join(sorted(ctx.sources)))
    return None


def describe_filter(values: dict[str, str | bool | None], language: str = "en") -> Message:
    """The filter as the user reads it before it runs: "Sector: Restaurant · City: Dakar"."""
    parts: list[Message] = []
    texts = (
        ("sector", msg.FILTER_SECTOR),
        ("city", msg.FILTER_CITY),
        ("text", msg.FILTER_TEXT),
        ("source", msg.FILTER_SOURCE),
        ("country", msg.FILTER_COUNTRY),
    )
    for name, message_id in texts:
        value = values.get(name)
        if isinstance(value, str):
            shown = sector_label(value, language) if name == "sector" else value
            parts.append(message_id(value=shown))
    flags = (
        ("converted", msg.FILTER_CONVERTED, msg.FILTER_NOT_CONVERTED),
        ("has_phone", msg.FILTER_HAS_PHONE, msg.FILTER_NO_PHONE),
        ("has_coordinates", msg.FILTER_ON_MAP, msg.FILTER_NOT_ON_MAP),
    )
    for name, yes, no in flags:
        flag = values.get(name)
        if flag is not None:
            parts.append(yes() if flag else no())
    return joined(parts, " · ") if parts else msg.FILTER_ALL()
