"""One campaign message rendered for one person: its text, and what its channel needs.

The e-mail's HTML part (escaped paragraphs and a signature with the business name), its
attachment and unsubscribe address, a WhatsApp template's values: all rendered when the
message is queued, like the text, so the dispatcher only sends what the outbox holds.

With the cloud's e-mail webhook on (``localpro channels webhooks enable email``), each
e-mail's unsubscribe link is its own page on the cloud and its HTML part carries an open
pixel, both behind the token ``{hook_id}.{key}`` (``services.webhooks.EmailLinks``; the
key is the outbox key, the recipient's id). Without it: the ``mailto:`` address, no pixel.
"""

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from localpro_desktop.domain.campaigns import Channel, TemplateVar, parse_template_vars
from localpro_desktop.domain.recipient_texts import unsubscribe_mailto
from localpro_desktop.domain.templates import render
from localpro_desktop.services import channel_config, webhooks
from localpro_desktop.services.campaign_audience import (
    FIELD_NAMES,
    ContactLike,
    personal_fields,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign


def price_for(ws: Workspace, channel: Channel) -> Decimal | None:
    """The user's price per message (per SMS part) on ``channel``, or None if not set."""
    return channel_config.price_for(ws, channel)


def email_sender(ws: Workspace) -> tuple[str, str]:
    """(from address, from name) of the e-mail channel; empty when not configured."""
    settings = channel_config.load(ws, Channel.EMAIL)
    if not isinstance(settings, channel_config.EmailSettings):
        return "", ""
    return settings.from_address, settings.from_name


@dataclass(frozen=True)
class SenderInfo:
    """What every message of a campaign carries besides its text (read once, before the
    write transaction: the channel settings are read in their own session)."""

    signature: str
    """The business's name under an e-mail (the e-mail sender name, else the workspace's)."""
    unsubscribe_url: str
    """``mailto:`` the sender's address with an unsubscribe subject: used when the e-mail
    hook is off (or for a message without an outbox key)."""
    email_links: webhooks.EmailLinks | None = None
    """The cloud's e-mail hook: each message's own unsubscribe page and open pixel."""


def sender_info(ws: Workspace) -> SenderInfo:
    address, name = email_sender(ws)
    signature = name.strip() or ws.settings().name.strip()
    return SenderInfo(
        signature,
        unsubscribe_mailto(address, ws.settings().language),
        webhooks.email_links(ws),
    )


@dataclass(frozen=True)
class MessageSpec:
    """A campaign's content, detached from its row."""

    campaign_id: str
    channel: Channel
    subject: str
    body: str
    template_name: str = ""
    template_language: str = ""
    template_vars: tuple[TemplateVar, ...] = ()
    attachment_path: str = ""


def message_spec(campaign: Campaign) -> MessageSpec:
    channel = Channel(campaign.channel)
    template = campaign.template_name if channel is Channel.WHATSAPP else ""
    return MessageSpec(
        campaign_id=campaign.id,
        channel=channel,
        subject=campaign.subject or "" if channel is Channel.EMAIL else "",
        body=campaign.body or "",
        template_name=template,
        template_language=campaign.template_language if template else "",
        template_vars=tuple(parse_template_vars(campaign.template_vars or [], FIELD_NAMES))
        if template
        else (),
        attachment_path=campaign.attachment_path if channel is Channel.EMAIL else "",
    )


_SIMPLE_FIELD = re.compile(r"\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}")
_JINJA_MARKS = ("{{", "{%", "{#")


def compile_template(source: str) -> Callable[[Mapping[str, str]], str]:
    """A renderer for ``source``, the same text as ``domain.templates.render`` gives.

    Most messages only put fields in text ("Bonjour {{first_name}}"): those are filled by
    joining strings, ten times faster than a Jinja render (10,000 recipients in 30 ms
    rather than 300). Anything else (filters, conditions, whitespace control, a syntax
    error) goes through the sandboxed ``render`` itself.
    """
    parts = _SIMPLE_FIELD.split(source)
    literals = [text.replace("\r\n", "\n").replace("\r", "\n") for text in parts[0::2]]
    if any(mark in text for text in literals for mark in _JINJA_MARKS):
        return lambda fields: render(source, fields)
    names = parts[1::2]

    def fill(fields: Mapping[str, str]) -> str:
        out = [literals[0]]
        for name, text in zip(names, literals[1:], strict=True):
            out.append(str(fields.get(name) or ""))
            out.append(text)
        return "".join(out).strip()

    return fill


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    body: str
    extra: dict[str, Any]


def render_message(
    spec: MessageSpec, sender: SenderInfo, contact: ContactLike, key: str = ""
) -> RenderedMessage:
    fields = personal_fields(contact)
    subject = render(spec.subject, fields) if spec.subject else ""
    body = render(spec.body, fields) if spec.body else ""
    return RenderedMessage(subject, body, outbox_extra(spec, sender, body, fields, key=key))


def outbox_extra(
    spec: MessageSpec, sender: SenderInfo, body: str, fields: dict[str, str], *, key: str = ""
) -> dict[str, Any]:
    """The outbox row's ``extra``: only what the campaign's channel uses.

    ``key``: the message's outbox key (the recipient's id), which the e-mail hook's links
    name; without it (or without the hook) the e-mail gets the ``mailto:`` unsubscribe.
    """
    extra: dict[str, Any] = {}
    if spec.channel is Channel.EMAIL:
        links = sender.email_links if key else None
        pixel = links.open_pixel_url(key) if links is not None else ""
        extra["html"] = html_body(body, sender.signature, open_pixel=pixel)
        if spec.attachment_path:
            extra["attachment"] = spec.attachment_path
        unsubscribe = links.unsubscribe_url(key) if links is not None else sender.unsubscribe_url
        if unsubscribe:
            extra["unsubscribe_url"] = unsubscribe
    elif spec.channel is Channel.WHATSAPP and spec.template_name:
        extra["template"] = spec.template_name
        extra["template_language"] = spec.template_language
        extra["template_params"] = [[var.name, var.value(fields)] for var in spec.template_vars]
    return extra


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def html_body(text: str, signature: str = "", *, open_pixel: str = "") -> str:
    """Plain text as simple HTML: escaped paragraphs, line breaks kept, then a signature
    (and the open pixel, a 1x1 image from the cloud, when ``open_pixel`` is its URL)."""
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    parts = [
        "<p>" + "<br>\n".join(html.escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    ]
    if signature.strip():
        parts.append(f'<p class="signature">{html.escape(signature.strip())}</p>')
    if open_pixel:
        src = html.escape(open_pixel, quote=True)
        parts.append(f'<img src="{src}" width="1" height="1" alt="">')
    inner = "\n".join(parts)
    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>'
    return f"{head}\n{inner}\n</body></html>"
