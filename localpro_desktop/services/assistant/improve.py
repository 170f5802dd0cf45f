"""Improve with AI: a few better versions of a campaign's message, each checked first.

The model gets the campaign's text (the user's own words, no contact's data) and the
channel's rules; every version it writes goes through ``ai.variants.validate`` so one that
drops ``{{first_name}}``, leaves GSM-7 or renumbers a WhatsApp variable never reaches
the screen. When every version is refused, the model is asked once more, told why; after
that the result says what was refused and why, and the user keeps the original.

Nothing is saved: accepting a version is the composer's ordinary edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from localpro_desktop.ai import AiError, TokenUse
from localpro_desktop.ai.variants import (
    MAX_VARIANTS,
    MIN_VARIANTS,
    Original,
    Rejected,
    Variant,
    instructions,
    parse_output,
    response_schema,
)
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import ai_tools as msg
from localpro_desktop.services.assistant import settings, usage
from localpro_desktop.services.assistant.errors import user_error
from localpro_desktop.services.records import get_live
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign

__all__ = ["ImproveResult", "Rejected", "Variant", "improve_campaign", "original_of"]

ATTEMPTS = 2
"""The first answer and one retry when every version was refused."""


@dataclass(frozen=True)
class ImproveResult:
    original_text: str
    original_subject: str
    channel: Channel
    variants: list[Variant]
    rejected: list[Rejected]
    usage: TokenUse
    model: str
    notes: list[Message] = field(default_factory=list)


def original_of(ws: Workspace, campaign_id: str, sms_parts: int | None = None) -> Original:
    """The campaign's message and its limits, read in a transaction of its own."""
    with ws.read() as session:
        campaign = get_live(session, Campaign, campaign_id, "campaign")
        channel = Channel(campaign.channel)
        return Original(
            channel=channel,
            text=campaign.body or "",
            subject=(campaign.subject or "") if channel is Channel.EMAIL else "",
            sms_parts=sms_parts,
            whatsapp_template=(campaign.template_name or "") if channel is Channel.WHATSAPP else "",
        )


def improve_campaign(
    ws: Workspace, campaign_id: str, variants: int = 3, *, sms_parts: int | None = None
) -> ImproveResult:
    """``variants`` checked versions of the campaign's message (fewer when some are refused).

    ``sms_parts``: the most SMS parts a version may take (None: as many as the original).
    Raises ``UserError`` for a campaign without text, a broken original, the monthly
    cap, and every failure of the AI server (in the user's words).
    """
    if not MIN_VARIANTS <= variants <= MAX_VARIANTS:
        raise UserError(msg.BAD_VARIANT_COUNT, low=MIN_VARIANTS, high=MAX_VARIANTS, value=variants)
    original = original_of(ws, campaign_id, sms_parts)
    if not original.text.strip():
        raise UserError(msg.NOTHING_TO_IMPROVE)
    settings_view = ws.settings()
    messages = instructions(
        original, variants, language=settings_view.language, business=settings_view.name
    )
    schema = response_schema(original.channel, variants)
    kept: list[Variant] = []
    refused: list[Rejected] = []
    spent = TokenUse(0, 0)
    model = ""
    for attempt in range(ATTEMPTS):
        usage.ensure_under_cap(ws)
        client = settings.client_for(ws)
        try:
            with client:
                answer = client.complete(
                    messages, json_schema=schema, schema_name="improved_versions", temperature=0.8
                )
        except AiError as exc:
            if exc.kind != "bad_output" or attempt + 1 == ATTEMPTS:
                raise user_error(exc, base_url=client.config.base_url) from None
            messages = [*messages, _retry_prompt(variants, [exc.detail or "not JSON"])]
            continue
        usage.record(ws, "improve", answer.usage, answer.model)
        spent = TokenUse(
            spent.prompt + answer.usage.prompt, spent.completion + answer.usage.completion
        )
        model = answer.model
        try:
            kept, refused_now = parse_output(answer.text, original)
        except UserError as exc:
            if attempt + 1 == ATTEMPTS:
                raise
            messages = [
                *messages,
                {"role": "assistant", "content": answer.text},
                _retry_prompt(variants, [str(exc)]),
            ]
            continue
        refused += refused_now
        if kept:
            break
        messages = [
            *messages,
            {"role": "assistant", "content": answer.text},
            _retry_prompt(variants, [str(r.reason) for r in refused_now]),
        ]
    notes: list[Message] = []
    if original.whatsapp_template:
        notes.append(msg.TEMPLATE_FIXED(name=original.whatsapp_template))
    return ImproveResult(
        original_text=original.text,
        original_subject=original.subject,
        channel=original.channel,
        variants=kept,
        rejected=refused,
        usage=spent,
        model=model,
        notes=notes,
    )


def _retry_prompt(count: int, reasons: list[str]) -> dict[str, str]:
    """Why the last answer was refused, so the second try can fix exactly that."""
    return {
        "role": "user",
        "content": (
            "None of those versions can be used: "
            + json.dumps(reasons, ensure_ascii=False)
            + f". Write {count} new versions that follow every rule above."
        ),
    }
