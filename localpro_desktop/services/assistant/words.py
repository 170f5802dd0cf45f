"""Ask in words: a contact segment rule or a prospect search filter from a sentence.

The model sees today's date in the workspace's time zone and the names the workspace
uses (cities, sectors, tags, prospect sources: the most frequent first), never a person's
name, number or e-mail. Its answer is checked whole by ``ai.words`` and returned as a rule
or filter plus the sentence describing it, for the screen to show *before* anything runs:
nothing is saved or searched here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import InstrumentedAttribute

from localpro_desktop.ai import AiError, TokenUse
from localpro_desktop.ai import words as ai_words
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import ai_tools as msg
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.domain.zones import zone_or_utc
from localpro_desktop.services.assistant import settings, usage
from localpro_desktop.services.assistant.errors import user_error
from localpro_desktop.services.prospect_search import ProspectFilter
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect

CONTEXT_LIMIT = ai_words.CONTEXT_LIMIT


@dataclass(frozen=True)
class WordsResult:
    rule: SegmentRule
    description: str
    usage: TokenUse
    model: str


@dataclass(frozen=True)
class FilterResult:
    filter: ProspectFilter
    description: Message
    usage: TokenUse
    model: str


def workspace_today(ws: Workspace) -> date:
    """Today where the business is: "a month ago" counts from the user's calendar."""
    return datetime.now(zone_or_utc(ws.settings().timezone)).date()


def _most_used(ws: Workspace, column: InstrumentedAttribute[str], model: type) -> tuple[str, ...]:
    deleted = model.deleted_at  # type: ignore[attr-defined]
    query = (
        select(column, func.count())
        .where(deleted.is_(None), column != "")
        .group_by(column)
        .order_by(func.count().desc(), column)
        .limit(CONTEXT_LIMIT)
    )
    with ws.read() as session:
        return tuple(str(value) for value, _count in session.execute(query))


def _tags(ws: Workspace) -> tuple[str, ...]:
    query = text(
        "SELECT value, count(*) AS uses FROM contacts, json_each(contacts.tags) "
        "WHERE contacts.deleted_at IS NULL AND json_valid(contacts.tags) "
        "GROUP BY value ORDER BY uses DESC, value LIMIT :limit"
    )
    with ws.read() as session:
        return tuple(str(row[0]) for row in session.execute(query, {"limit": CONTEXT_LIMIT}))


def contacts_context(ws: Workspace) -> ai_words.WordsContext:
    return ai_words.WordsContext(
        today=workspace_today(ws),
        cities=_most_used(ws, Contact.city, Contact),
        sectors=_most_used(ws, Contact.sector, Contact),
        tags=_tags(ws),
        language=ws.settings().language,
    )


def prospects_context(ws: Workspace) -> ai_words.WordsContext:
    return ai_words.WordsContext(
        today=workspace_today(ws),
        cities=_most_used(ws, Prospect.city, Prospect),
        sectors=_most_used(ws, Prospect.sector, Prospect),
        sources=_most_used(ws, Prospect.source, Prospect),
        language=ws.settings().language,
    )


def _ask(
    ws: Workspace, messages: list[dict[str, str]], schema: dict[str, object], name: str
) -> tuple[str, TokenUse, str]:
    """One structured answer; its tokens are recorded even when the answer is refused."""
    usage.ensure_under_cap(ws)
    client = settings.client_for(ws)
    try:
        with client:
            answer = client.complete(messages, json_schema=schema, schema_name=name, temperature=0)
    except AiError as exc:
        if exc.kind == "bad_output":
            # Not JSON at all: the same refusal as any other unusable answer.
            raise UserError(msg.WORDS_REFUSED, reason=msg.OUTPUT_NOT_JSON()) from None
        raise user_error(exc, base_url=client.config.base_url) from None
    usage.record(ws, "words", answer.usage, answer.model)
    return answer.text, answer.usage, answer.model


def segment_rule_from_words(ws: Workspace, words: str) -> WordsResult:
    """The segment rule ``words`` ask for, checked whole (``UserError`` otherwise)."""
    words = ai_words.check_words(words)
    ctx = contacts_context(ws)
    raw, use, model = _ask(
        ws,
        ai_words.segment_instructions(words, ctx),
        ai_words.segment_schema(ctx),
        "segment_rule",
    )
    rule = ai_words.parse_segment_rule(raw, ctx, words)
    return WordsResult(rule, rule.describe(ctx.language), use, model)


def prospect_filter_from_words(ws: Workspace, words: str) -> FilterResult:
    """The prospect search filter ``words`` ask for, checked whole."""
    words = ai_words.check_words(words)
    ctx = prospects_context(ws)
    raw, use, model = _ask(
        ws,
        ai_words.filter_instructions(words, ctx),
        ai_words.filter_schema(ctx),
        "prospect_filter",
    )
    values = ai_words.parse_prospect_filter(raw, ctx, words)
    known = {f.name for f in fields(ProspectFilter)}
    flt = ProspectFilter(**{k: v for k, v in values.items() if k in known})  # type: ignore[arg-type]
    return FilterResult(flt, ai_words.describe_filter(values, ctx.language), use, model)
