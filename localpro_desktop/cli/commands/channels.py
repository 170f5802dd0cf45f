"""``channels configure|list|test|templates|remove|webhooks``: the sending accounts of this laptop.

A contract other tools script against::

    localpro channels configure email --host H --port P --security starttls|ssl|none --from ADDR
        [--username U] [--price AMOUNT] [--preset gmail|outlook|custom] [--from-name NAME]
        [--rate PER_SECOND] [--logo IMAGE]
    localpro channels configure sms --provider africastalking|twilio --username U|--account-sid SID
        [--sender-id ID] [--price AMOUNT] [--rate PER_SECOND] [--base-url URL]
    localpro channels configure whatsapp --phone-number-id ID --business-account-id ID
        [--price AMOUNT] [--rate PER_SECOND] [--base-url URL]
    localpro channels list [--json]             # configured channels, never a secret
    localpro channels test CHANNEL [--to ADDRESS] [--json]
    localpro channels templates [--json]        # WhatsApp approved templates
    localpro channels remove CHANNEL [--yes]
    localpro channels webhooks enable whatsapp|sms|email [--json]
    localpro channels webhooks [--json]         # every webhook on: channel, url, verify_token

Secrets (SMTP password, API key, auth token, access token) are read from the first line of
standard input when it is not a terminal, else from a prompt that does not echo; never
from an argument (arguments end up in shell history and process lists). Nothing asks for
a confirmation when standard input is not a terminal.

``webhooks enable`` turns on (again: rotates) the cloud account's webhook for a channel and
prints what to paste into the provider's console; ``--json`` prints ``{"channel", "url",
"verify_token"}`` (plus ``provider`` and ``urls``, the URLs to paste by role). The signing
secret (WhatsApp app secret, Twilio auth token) is read like the others; for Twilio, none
given means the auth token saved with the SMS channel. It needs a signed-in cloud account.
"""

import argparse
import dataclasses
import getpass
import sys
from decimal import Decimal
from typing import Any

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import channels as msg
from localpro_desktop.services import channel_config, webhooks
from localpro_desktop.services.account import CloudAccount, CloudUnreachable
from localpro_desktop.services.channel_config import (
    ChannelSettings,
    EmailSettings,
    SmsSettings,
    WhatsAppSettings,
)
from localpro_protocol.wire import HookInfo


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("channels", help="the e-mail, SMS and WhatsApp accounts of this laptop")
    actions = p.add_subparsers(dest="action", required=True)

    configure = actions.add_parser(
        "configure", help="set a channel's account (the secret comes from stdin or a prompt)"
    )
    kinds = configure.add_subparsers(dest="kind", required=True)

    email = kinds.add_parser("email", help="an SMTP account (Gmail, Outlook or your server)")
    email.add_argument(
        "--preset",
        choices=sorted(channel_config.EMAIL_PRESETS),
        help="fill the server, port and security of a known provider",
    )
    email.add_argument("--host", help="SMTP server, e.g. smtp.gmail.com")
    email.add_argument("--port", type=int, help="587 (STARTTLS), 465 (SSL) or 25")
    email.add_argument("--security", choices=channel_config.SECURITIES)
    email.add_argument("--from", dest="from_address", required=True, help="sender address")
    email.add_argument("--from-name", default="", help="sender name, e.g. your business")
    email.add_argument("--username", default="", help="sign-in name (none: no sign-in)")
    email.add_argument("--logo", default="", help="an image for the e-mails' signature")
    _common(email)
    email.set_defaults(handler=configure_email)

    sms = kinds.add_parser("sms", help="an Africa's Talking or Twilio account")
    sms.add_argument("--provider", required=True, choices=channel_config.SMS_PROVIDERS)
    sms.add_argument("--username", default="", help="Africa's Talking username")
    sms.add_argument("--account-sid", default="", help="Twilio account SID (AC…)")
    sms.add_argument(
        "--sender-id", default="", help="sender id, short code, number or Twilio MG… SID"
    )
    sms.add_argument("--base-url", default="", help="the provider's API address (tests)")
    _common(sms)
    sms.set_defaults(handler=configure_sms)

    wa = kinds.add_parser("whatsapp", help="a WhatsApp Business (Cloud API) number")
    wa.add_argument("--phone-number-id", required=True)
    wa.add_argument("--business-account-id", required=True)
    wa.add_argument("--base-url", default="", help="the Graph API address (tests)")
    _common(wa)
    wa.set_defaults(handler=configure_whatsapp)

    listing = actions.add_parser("list", help="configured channels (never a secret)")
    _json_flag(listing)
    listing.set_defaults(handler=list_channels)

    test = actions.add_parser(
        "test", help="check the connection, then send one test message (with --to)"
    )
    test.add_argument("channel", choices=[c.value for c in Channel])
    test.add_argument("--to", help="your own address or phone number")
    _json_flag(test)
    test.set_defaults(handler=test_channel)

    templates = actions.add_parser("templates", help="the WhatsApp account's approved templates")
    _json_flag(templates)
    templates.set_defaults(handler=list_templates)

    remove = actions.add_parser("remove", help="forget a channel's settings and secret")
    remove.add_argument("channel", choices=[c.value for c in Channel])
    remove.add_argument("--yes", action="store_true", help="do not ask for a confirmation")
    _json_flag(remove)
    remove.set_defaults(handler=remove_channel)

    hooks = actions.add_parser(
        "webhooks",
        help="the cloud's webhooks that bring replies, receipts and opt-outs back",
    )
    _json_flag(hooks)
    hooks.set_defaults(handler=list_webhooks)
    hook_actions = hooks.add_subparsers(dest="webhooks_action")
    enable = hook_actions.add_parser(
        "enable",
        help="turn a channel's webhook on (again: a new URL); the signing secret from stdin",
    )
    enable.add_argument("channel", choices=[c.value for c in Channel])
    _json_flag(enable)
    enable.set_defaults(handler=enable_webhook)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--price", help="price per message (per SMS part), workspace currency")
    p.add_argument("--rate", type=float, help="messages per second (default: safe for it)")
    _json_flag(p)


def _json_flag(p: argparse.ArgumentParser) -> None:
    # Its own dest: a subcommand's default would otherwise undo "localpro --json channels …".
    p.add_argument("--json", dest="channels_json", action="store_true", help="JSON output")


def _json_mode(ctx: Context, args: argparse.Namespace) -> None:
    if getattr(args, "channels_json", False):
        ctx.out.json_mode = True


def _price(text: str | None) -> Decimal | None:
    return channel_config.parse_price(text) if text is not None else None


# -- configure -------------------------------------------------------------------------------


def configure_email(ctx: Context, args: argparse.Namespace) -> int:
    preset = channel_config.EMAIL_PRESETS.get(args.preset or "custom")
    assert preset is not None
    settings = EmailSettings(
        host=args.host or preset.host,
        port=args.port if args.port is not None else preset.port,
        security=args.security or preset.security,
        from_address=args.from_address,
        from_name=args.from_name,
        username=args.username,
        price=_price(args.price),
        rate=args.rate,
        logo_path=args.logo,
    )
    return _configure(ctx, args, settings)


def configure_sms(ctx: Context, args: argparse.Namespace) -> int:
    settings = SmsSettings(
        provider=args.provider,
        username=args.username,
        account_sid=args.account_sid,
        sender_id=args.sender_id,
        price=_price(args.price),
        rate=args.rate,
        base_url=args.base_url,
    )
    return _configure(ctx, args, settings)


def configure_whatsapp(ctx: Context, args: argparse.Namespace) -> int:
    settings = WhatsAppSettings(
        phone_number_id=args.phone_number_id,
        business_account_id=args.business_account_id,
        price=_price(args.price),
        rate=args.rate,
        base_url=args.base_url,
    )
    return _configure(ctx, args, settings)


def _configure(ctx: Context, args: argparse.Namespace, settings: ChannelSettings) -> int:
    _json_mode(ctx, args)
    settings = channel_config.validate(settings)  # say what to fix before asking a secret
    channel = channel_config.channel_of(settings)
    secret = None
    if channel_config.needs_secret(settings):
        stored = channel_config.has_secret(ctx.ws, channel)
        secret = _read_secret(str(channel_config.secret_label(settings)), keep=stored)
    channel_config.save(ctx.ws, settings, secret)
    summary = next(s for s in channel_config.summaries(ctx.ws) if s.channel is channel)
    words = msg.SAVED(
        channel=channel_config.channel_name(channel),
        description=summary.description,
        command=channel.value,
    )
    ctx.out.emit({**_summary_data(summary), "message": words}, words)
    return 0


def _read_secret(label: str, *, keep: bool) -> str | None:
    """The first line of stdin (not a terminal) or a silent prompt; empty: ``None``."""
    stream = sys.stdin
    if stream is None:
        return None
    if not stream.isatty():
        return stream.readline().rstrip("\r\n") or None
    prompt = msg.SECRET_PROMPT_KEEP if keep else msg.SECRET_PROMPT
    return getpass.getpass(str(prompt(secret=label))) or None


# -- list, test, templates, remove -----------------------------------------------------------


def _summary_data(summary: channel_config.ChannelSummary) -> dict[str, Any]:
    return {
        "channel": summary.channel.value,
        "provider": summary.provider,
        "description": str(summary.description),
        "has_secret": summary.has_secret,
        "ready": summary.ready,
        "price": str(summary.price) if summary.price is not None else None,
        "currency": summary.currency,
        "rate": summary.rate,
    }


def list_channels(ctx: Context, args: argparse.Namespace) -> int:
    _json_mode(ctx, args)
    found = channel_config.summaries(ctx.ws)
    data = []
    for summary in found:
        row = _summary_data(summary)
        settings = channel_config.load(ctx.ws, summary.channel)
        if settings is not None:  # its non-secret settings, for scripts
            row["settings"] = {
                key: str(value) if isinstance(value, Decimal) else value
                for key, value in dataclasses.asdict(settings).items()
            }
        data.append(row)
    if ctx.out.json_mode:
        ctx.out.emit(data)
        return 0
    if not data:
        ctx.out.emit(data, str(msg.NO_CHANNEL_CONFIGURED()))
        return 0
    rows = [
        {
            **row,
            "secret": "yes" if row["has_secret"] else "no",
            "price": f"{row['price']} {row['currency']}" if row["price"] is not None else "",
        }
        for row in data
    ]
    ctx.out.table(
        rows, ["channel", "provider", "description", "secret", "price", "rate"], data=data
    )
    return 0


def test_channel(ctx: Context, args: argparse.Namespace) -> int:
    _json_mode(ctx, args)
    channel = Channel(args.channel)
    checked = channel_config.check_connection(ctx.ws, channel)
    data: dict[str, Any] = {"channel": channel.value, "checked": str(checked)}
    lines = [str(checked)]
    if args.to:
        provider_id = channel_config.send_test(ctx.ws, channel, args.to)
        data.update(to=args.to, provider_id=provider_id)
        lines.append(str(msg.TEST_SENT(to=args.to, provider_id=provider_id)))
    ctx.out.emit(data, "\n".join(lines))
    return 0


def list_templates(ctx: Context, args: argparse.Namespace) -> int:
    _json_mode(ctx, args)
    found = channel_config.whatsapp_templates(ctx.ws)
    data = [
        {
            "name": t.name,
            "language": t.language,
            "category": t.category,
            "body": t.body,
            "params": list(t.params),
        }
        for t in found
    ]
    ctx.out.table(data, ["name", "language", "category", "params", "body"], data=data)
    return 0


def remove_channel(ctx: Context, args: argparse.Namespace) -> int:
    _json_mode(ctx, args)
    channel = Channel(args.channel)
    name = channel_config.channel_name(channel)
    if channel_config.load(ctx.ws, channel) is None and not channel_config.has_secret(
        ctx.ws, channel
    ):
        words = msg.NOTHING_TO_REMOVE(channel=name)
        ctx.out.emit({"channel": channel.value, "removed": False, "message": words}, words)
        return 0
    if not args.yes and sys.stdin is not None and sys.stdin.isatty():
        answer = input(str(msg.CONFIRM_REMOVE(channel=name)))
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            raise UserError(msg.NOT_REMOVED)
    channel_config.remove(ctx.ws, channel)
    words = msg.REMOVED(channel=name)
    ctx.out.emit({"channel": channel.value, "removed": True, "message": words}, words)
    return 0


# -- webhooks ------------------------------------------------------------------------------


def _unreachable(exc: CloudUnreachable) -> UserError:
    return UserError(f"The cloud cannot be reached right now ({exc}); try again later.")


def enable_webhook(ctx: Context, args: argparse.Namespace) -> int:
    _json_mode(ctx, args)
    channel = Channel(args.channel)
    with CloudAccount(ctx.ws) as account:
        hook = webhooks.plan(ctx.ws, account, channel)  # signed in? which provider?
        secret = None
        if hook.secret_label is not None:
            secret = _read_webhook_secret(hook)
        try:
            info = webhooks.enable(ctx.ws, account, channel, secret)
        except CloudUnreachable as exc:
            raise _unreachable(exc) from None
    data = _hook_data(info)
    name = channel_config.channel_name(channel)
    provider = webhooks.provider_name(info.provider)
    lines = [str(msg.WEBHOOK_ENABLED(channel=name, provider=provider)), *_how_to(info)]
    ctx.out.emit(data, "\n".join(lines))
    return 0


def _read_webhook_secret(hook: webhooks.HookPlan) -> str | None:
    """Like ``_read_secret``; at a prompt, Enter keeps the SMS channel's auth token."""
    stream = sys.stdin
    if stream is None:
        return None
    if not stream.isatty():
        return stream.readline().rstrip("\r\n") or None
    prompt = msg.WEBHOOK_SECRET_PROMPT_STORED if hook.secret_stored else msg.SECRET_PROMPT
    return getpass.getpass(str(prompt(secret=hook.secret_label))) or None


def list_webhooks(ctx: Context, args: argparse.Namespace) -> int:
    _json_mode(ctx, args)
    with CloudAccount(ctx.ws) as account:
        try:
            found = webhooks.listing(ctx.ws, account)
        except CloudUnreachable as exc:
            raise _unreachable(exc) from None
    data = [_hook_data(info) for info in found]
    if not found:
        ctx.out.emit(data, str(msg.NO_WEBHOOK()))
        return 0
    blocks = []
    for info in found:
        name = channel_config.channel_name(Channel(info.channel))
        provider = webhooks.provider_name(info.provider)
        blocks.append(
            "\n".join([str(msg.WEBHOOK_LISTED(channel=name, provider=provider)), *_how_to(info)])
        )
    ctx.out.emit(data, "\n\n".join(blocks))
    return 0


def _hook_data(info: HookInfo) -> dict[str, Any]:
    """The contract's ``{"channel", "url", "verify_token"}`` plus provider and urls."""
    return {
        "channel": info.channel,
        "url": info.url,
        "verify_token": info.verify_token,
        "provider": info.provider,
        "urls": webhooks.paste_urls(info),
    }


def _how_to(info: HookInfo) -> list[str]:
    """What to paste where in the provider's console (indented lines)."""
    if info.provider == "whatsapp":
        return [
            "  " + str(msg.WEBHOOK_WHATSAPP_WHERE()),
            "    " + str(msg.WEBHOOK_CALLBACK_URL(url=info.url)),
            "    " + str(msg.WEBHOOK_VERIFY_TOKEN(token=info.verify_token)),
            "  " + str(msg.WEBHOOK_WHATSAPP_FIELDS()),
        ]
    if info.provider == "twilio":
        return [
            "  " + str(msg.WEBHOOK_TWILIO_WHERE()),
            "    " + str(msg.WEBHOOK_URL(url=info.url)),
        ]
    if info.provider == "africastalking":
        urls = webhooks.paste_urls(info)
        return [
            "  " + str(msg.WEBHOOK_AT_WHERE()),
            "    " + str(msg.WEBHOOK_AT_DELIVERY(url=urls["delivery"])),
            "    " + str(msg.WEBHOOK_AT_INBOUND(url=urls["inbound"])),
        ]
    if info.channel == Channel.EMAIL.value:
        return ["  " + str(msg.WEBHOOK_EMAIL_LINKS(url=info.url))]
    return ["    " + str(msg.WEBHOOK_URL(url=info.url))]
