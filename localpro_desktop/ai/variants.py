"""Improved versions of a campaign message: what to ask the model, and what to refuse.

A campaign's text is a Jinja2 template (``Bonjour {{first_name}}``) typed by the user.
The model is asked for a few rewordings, but a model can drop ``{{first_name}}``, invent
``{{shop_name}}``, add an emoji that turns a 1-part GSM-7 SMS into a 3-part UCS-2 one, or
renumber a WhatsApp template's ``{{1}}``. Each of those would reach hundreds of people,
so every version is checked here against the original before the user sees it, and a
refused version carries its reason (a ``Message``) so the screen can say why.

Pure: no network, no database. The service builds an ``Original`` from the campaign,
sends ``instructions`` + ``response_schema`` through the AI client and hands the answer
to ``parse_output``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message, joined
from localpro_desktop.domain.messages import ai_tools as msg
from localpro_desktop.domain.sms import SmsLength, is_gsm7, sms_length, unicode_chars
from localpro_desktop.domain.templates import check_template, render

MIN_VARIANTS, MAX_VARIANTS = 1, 5
WHATSAPP_TEMPLATE_LIMIT = 1024
"""Meta's limit for a template body; free WhatsApp text allows 4096."""
WHATSAPP_TEXT_LIMIT = 4096
SUBJECT_LIMIT = 150

SAMPLE_FIELDS: dict[str, str] = {
    "first_name": "Aminata",
    "last_name": "Diallo",
    "full_name": "Aminata Diallo",
    "company": "Boutique Awa",
    "business_name": "Boutique Awa",
    "city": "Ouagadougou",
    "sector": "restaurant",
    "phone": "+221771234567",
    "email": "aminata@example.com",
}
"""Typical values (GSM-7, medium length) to measure a template's SMS parts: the original
and its versions are measured the same way, so the comparison is fair."""

_ENV = SandboxedEnvironment()
_EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}", re.DOTALL)
_WHATSAPP_VAR = re.compile(r"\{\{\s*(\d+)\s*\}\}")


@dataclass(frozen=True)
class Original:
    """The message to improve and the limits its versions must respect.

    ``sms_parts``: the most SMS parts the user accepts (None: as many as the original).
    ``whatsapp_template``: the approved template the campaign sends, if any.
    """

    channel: Channel
    text: str
    subject: str = ""
    sms_parts: int | None = None
    whatsapp_template: str = ""

    @property
    def parts_limit(self) -> int:
        if self.sms_parts is not None:
            return max(1, self.sms_parts)
        return max(1, measure(self.text).segments)

    @property
    def gsm7(self) -> bool:
        return all(is_gsm7(ch) for ch in self.text)


@dataclass(frozen=True)
class Variant:
    """A version that passed every check; ``parts`` are SMS parts (0 on other channels)."""

    text: str
    subject: str
    parts: int
    gsm7: bool
    why: str


class Rejected(NamedTuple):
    text: str
    reason: Message


@dataclass(frozen=True)
class Shape:
    """What a template must keep: its placeholders, how each is written, WhatsApp numbers."""

    names: frozenset[str]
    expressions: dict[str, str]  # canonical form -> as first written
    whatsapp: Counter[str]


@lru_cache(maxsize=256)
def shape(text: str) -> Shape:
    """The template's placeholders; a ``UserError`` (the template's own message) if broken."""
    check_template(text)
    try:
        names = frozenset(meta.find_undeclared_variables(_ENV.parse(text)))
    except TemplateSyntaxError as exc:  # pragma: no cover - check_template saw it first
        raise UserError(msg.VARIANT_SYNTAX, detail=exc.message) from None
    expressions: dict[str, str] = {}
    for match in _EXPRESSION.finditer(text):
        if _WHATSAPP_VAR.fullmatch(match.group(0)):
            continue  # {{1}}: checked as a WhatsApp variable
        expressions.setdefault(_canonical(match.group(1)), match.group(0))
    return Shape(names, expressions, Counter(_WHATSAPP_VAR.findall(text)))


def _canonical(inner: str) -> str:
    """``{{ city|default("x") }}`` and ``{{city | default( "x" )}}`` compare equal."""
    try:
        body = _ENV.parse("{{" + inner + "}}").body
        if body and isinstance(body[0], nodes.Output) and len(body[0].nodes) == 1:
            return repr(body[0].nodes[0])
    except TemplateSyntaxError:
        pass
    return " ".join(inner.split())


def measure(text: str) -> SmsLength:
    """SMS length of the template filled with ``SAMPLE_FIELDS``."""
    try:
        filled = render(text, SAMPLE_FIELDS)
    except UserError:
        filled = text
    return sms_length(filled)


def _syntax_detail(exc: UserError) -> str:
    """Jinja's own words ("unexpected end of template"), without the template's advice."""
    message = exc.message
    detail = message.args.get("detail") if isinstance(message, Message) else None
    return str(detail or exc).rstrip(".")


def _names(names: set[str] | frozenset[str]) -> str:
    return ", ".join("{{" + name + "}}" for name in sorted(names))


def _counted(found: Counter[str]) -> str:
    items = []
    for number in sorted(found, key=int):
        items.extend(["{{" + number + "}}"] * found[number])
    return ", ".join(items) if items else str(msg.NONE_LISTED())


# -- checking one version ---------------------------------------------------------------------


def validate(original: Original, text: str, subject: str = "") -> list[Message]:
    """Every reason to refuse this version (empty: it may be shown)."""
    if not text.strip():
        return [msg.VARIANT_EMPTY()]
    same_subject = original.channel is not Channel.EMAIL or subject.strip() == original.subject
    if text.strip() == original.text.strip() and same_subject:
        return [msg.VARIANT_SAME()]
    try:
        got = shape(text)
    except UserError as exc:
        return [msg.VARIANT_SYNTAX(detail=_syntax_detail(exc))]
    want = shape(original.text)
    subject_names = shape(original.subject).names if original.subject.strip() else frozenset()
    problems = _placeholder_problems(want, got, subject_names)
    if original.channel is Channel.SMS:
        problems += _sms_problems(original, text)
    elif original.channel is Channel.WHATSAPP:
        problems += _whatsapp_problems(original, want, got, text)
    else:
        problems += _subject_problems(want.names | subject_names, subject)
    return problems


def _placeholder_problems(want: Shape, got: Shape, subject_names: frozenset[str]) -> list[Message]:
    problems: list[Message] = []
    dropped = want.names - got.names
    invented = got.names - want.names - subject_names
    if dropped:
        problems.append(msg.VARIANT_DROPS(names=_names(dropped)))
    if invented:
        problems.append(msg.VARIANT_INVENTS(names=_names(invented)))
    # Same names, another form: "{{city}}" for "{{ city | default('chez vous') }}" loses
    # the fallback the user wrote for contacts without a city.
    for canonical, written in want.expressions.items():
        if canonical not in got.expressions and not dropped:
            problems.append(msg.VARIANT_REWRITES(expected=written))
    if problems:
        return problems
    for canonical, written in got.expressions.items():
        if canonical not in want.expressions and not invented:
            problems.append(msg.VARIANT_NEW_FORM(found=written))
    return problems


def _sms_problems(original: Original, text: str) -> list[Message]:
    problems: list[Message] = []
    parts, limit = measure(text).segments, original.parts_limit
    if parts > limit:
        problems.append(msg.VARIANT_SMS_PARTS(parts=parts, limit=limit))
    if original.gsm7:
        outside = unicode_chars([text])
        if outside:
            problems.append(msg.VARIANT_NOT_GSM7(chars=" ".join(outside)))
    return problems


def _whatsapp_problems(original: Original, want: Shape, got: Shape, text: str) -> list[Message]:
    problems: list[Message] = []
    if want.whatsapp != got.whatsapp:
        problems.append(
            msg.VARIANT_WHATSAPP_VARS(
                expected=_counted(want.whatsapp), found=_counted(got.whatsapp)
            )
        )
    limit = WHATSAPP_TEMPLATE_LIMIT if original.whatsapp_template else WHATSAPP_TEXT_LIMIT
    if len(text) > limit:
        problems.append(msg.VARIANT_TOO_LONG(length=len(text), channel="WhatsApp", limit=limit))
    return problems


def _subject_problems(known: frozenset[str], subject: str) -> list[Message]:
    subject = subject.strip()
    if not subject:
        return [msg.VARIANT_NO_SUBJECT()]
    if "\n" in subject or "\r" in subject:
        return [msg.VARIANT_SUBJECT_LINES()]
    if len(subject) > SUBJECT_LIMIT:
        return [msg.VARIANT_SUBJECT_TOO_LONG(length=len(subject), limit=SUBJECT_LIMIT)]
    try:
        names = shape(subject).names
    except UserError as exc:
        return [msg.VARIANT_SUBJECT_SYNTAX(detail=_syntax_detail(exc))]
    invented = names - known
    return [msg.VARIANT_SUBJECT_INVENTS(names=_names(invented))] if invented else []


# -- asking -------------------------------------------------------------------------------------


def response_schema(channel: Channel, count: int) -> dict[str, Any]:
    """``{"variants": [{"text", "subject"?, "why"}]}``, strict-mode ready (every key
    required, no others), exactly ``count`` items."""
    properties: dict[str, Any] = {
        "text": {"type": "string", "description": "the new message, placeholders kept"},
    }
    if channel is Channel.EMAIL:
        properties["subject"] = {"type": "string", "description": "the e-mail subject line"}
    properties["why"] = {"type": "string", "description": "one sentence: what changed and why"}
    item = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {
            "variants": {"type": "array", "items": item, "minItems": count, "maxItems": count}
        },
        "required": ["variants"],
        "additionalProperties": False,
    }


_LANGUAGES = {"fr": "French", "en": "English"}


def instructions(
    original: Original, count: int, *, language: str = "en", business: str = ""
) -> list[dict[str, str]]:
    """The chat messages asking for ``count`` versions: rules first, then the text."""
    rules = [
        f"You improve a marketing message a small business{f' ({business})' if business else ''}"
        " in Africa sends to its customers and prospects, so that more people answer it.",
        f"Write exactly {count} different versions, in the language of the original message.",
        "Keep the offer, prices, dates and facts of the original; invent nothing.",
    ]
    rules += _placeholder_rules(original)
    rules += _channel_rules(original)
    lang = _LANGUAGES.get(language[:2].lower(), "English")
    rules.append(f'For each version, "why" says in one short sentence, in {lang}, what changed.')
    user = f"Channel: {original.channel.value}\n"
    if original.channel is Channel.EMAIL:
        user += f"Subject:\n{original.subject}\n"
    user += f"Message:\n{original.text}"
    return [
        {"role": "system", "content": "\n".join(f"- {rule}" for rule in rules)},
        {"role": "user", "content": user},
    ]


def _placeholder_rules(original: Original) -> list[str]:
    want = shape(original.text)
    if not want.expressions and not want.whatsapp:
        return ["The original has no {{placeholders}}: add none."]
    written = [*want.expressions.values(), *("{{" + n + "}}" for n in sorted(want.whatsapp))]
    return [
        "Placeholders in double braces are filled per person when sending. Keep every one "
        f"exactly as written, character for character: {', '.join(written)}. "
        "Add no other placeholder and no {% %} tag."
    ]


def _channel_rules(original: Original) -> list[str]:
    if original.channel is Channel.SMS:
        limit = original.parts_limit
        gsm7 = original.gsm7
        per = (160 if limit == 1 else 153 * limit) if gsm7 else (70 if limit == 1 else 67 * limit)
        rules = [
            f"It is an SMS: at most {per} characters once the placeholders are filled "
            "(count about 12 characters for each), or it costs more.",
        ]
        if gsm7:
            rules.append(
                "Use only the GSM-7 SMS alphabet: no emoji, no curly quotes or apostrophes "
                "(use ' and \"), no « », no ê â î ô û ç œ (write e a i o u c oe); é è à ù are fine."
            )
        return rules
    if original.channel is Channel.WHATSAPP:
        rules = [
            "It is a WhatsApp message: short lines, *bold* for the key offer, at most "
            "two emoji, a clear question or call to answer at the end."
        ]
        if shape(original.text).whatsapp:
            rules.append("Keep the numbered variables {{1}}, {{2}}… each exactly once, as written.")
        if original.whatsapp_template:
            rules.append(f"At most {WHATSAPP_TEMPLATE_LIMIT} characters.")
        return rules
    return [
        "It is an e-mail: also write a subject line (one line, under 60 characters, no "
        "placeholder the original does not use), and a body with short paragraphs."
    ]


# -- reading the answer ---------------------------------------------------------------------


def parse_output(raw: str, original: Original) -> tuple[list[Variant], list[Rejected]]:
    """The versions that pass ``validate`` and those refused, each with its reason.

    An answer that is not the asked shape at all raises ``UserError`` (nothing shown).
    """
    try:
        data = json.loads(raw)
    except (TypeError, ValueError):
        raise UserError(msg.BAD_OUTPUT, detail=msg.OUTPUT_NOT_JSON()) from None
    if not isinstance(data, dict):
        raise UserError(msg.BAD_OUTPUT, detail=msg.OUTPUT_NOT_OBJECT())
    items = data.get("variants")
    if not isinstance(items, list):
        raise UserError(msg.BAD_OUTPUT, detail=msg.OUTPUT_NO_VARIANTS())
    kept: list[Variant] = []
    refused: list[Rejected] = []
    seen: set[tuple[str, str]] = set()
    for number, item in enumerate(items, start=1):
        text, subject, why = _fields(item)
        if text is None:
            refused.append(Rejected(str(item), msg.OUTPUT_BAD_ITEM(number=number)))
            continue
        problems = validate(original, text, subject)
        key = (text.strip(), subject.strip())
        if not problems and key in seen:
            problems = [msg.VARIANT_REPEATED()]
        if problems:
            refused.append(Rejected(text, problems[0] if len(problems) == 1 else _joined(problems)))
            continue
        seen.add(key)
        kept.append(_variant(original, text.strip(), subject.strip(), why.strip()))
    return kept, refused


def _fields(item: object) -> tuple[str | None, str, str]:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return None, "", ""
    subject = item.get("subject")
    why = item.get("why")
    return (
        item["text"],
        subject if isinstance(subject, str) else "",
        why if isinstance(why, str) else "",
    )


def _joined(problems: list[Message]) -> Message:
    return joined(problems, " ")


def _variant(original: Original, text: str, subject: str, why: str) -> Variant:
    sms = original.channel is Channel.SMS
    return Variant(
        text=text,
        subject=subject if original.channel is Channel.EMAIL else "",
        parts=measure(text).segments if sms else 0,
        gsm7=all(is_gsm7(ch) for ch in text),
        why=why,
    )
