"""``campaigns list|show|create|send|status|pause|resume|cancel|take-over``.

A contract other tools script against: ``create --json`` prints an object with ``id``;
``status --json`` prints ``status`` and ``counts`` (queued, sending, sent, delivered,
opened, replied, failed, skipped, unknown). No command asks a question when standard
input is not a terminal.
"""

import argparse
import sys
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.campaigns import CampaignStatus, Channel, shown_state
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message, joined
from localpro_desktop.domain.messages import campaigns as msg
from localpro_desktop.services import campaign_sending, scheduling
from localpro_desktop.services.campaign_drafts import (
    CampaignDraft,
    RecipientSource,
    compute_audience,
    save_draft,
)
from localpro_desktop.services.campaign_views import load_overview, load_recipients
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.segments import SegmentService


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("campaigns", help="campaigns: create, send, follow and control them")
    cs = p.add_subparsers(dest="action", required=True)
    cs.add_parser("list", help="all campaigns with their counts").set_defaults(handler=list_all)
    sh = cs.add_parser("show", help="one campaign and its recipients")
    sh.add_argument("id")
    sh.add_argument("--limit", type=int, default=50)
    sh.set_defaults(handler=show)

    cr = cs.add_parser("create", help="a new campaign (a draft, or scheduled with --schedule)")
    cr.add_argument("--name", required=True)
    cr.add_argument("--channel", required=True, help="whatsapp, email or sms")
    who = cr.add_mutually_exclusive_group(required=True)
    who.add_argument("--segment", help="a segment's id or name (its members now)")
    who.add_argument(
        "--contact", action="extend", nargs="+", metavar="ID", help="contact ids (repeatable)"
    )
    what = cr.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--body-file", metavar="FILE", help="the message (UTF-8 text; - reads standard input)"
    )
    what.add_argument("--template", metavar="NAME", help="WhatsApp: an approved template")
    cr.add_argument("--language", help="the template's language (e.g. fr, en_US)")
    cr.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=FIELD",
        help="a template variable from a contact field (e.g. 1=first_name, or "
        "1=first_name|friend with a fallback); repeatable, in order",
    )
    cr.add_argument("--subject", default="", help="e-mail: the subject")
    cr.add_argument("--attach", metavar="FILE", help="e-mail: an image or PDF (at most 10 MB)")
    cr.add_argument(
        "--schedule",
        metavar="WHEN",
        help="ISO 8601 time to send at (without an offset: the workspace's time zone)",
    )
    _json_flag(cr)
    cr.set_defaults(handler=create)

    se = cs.add_parser(
        "send",
        help="queue a draft or scheduled campaign now; prints audience, exclusions and cost "
        "(refused while its channel has no service set up, or over the plan's limit)",
    )
    se.add_argument("id")
    se.add_argument(
        "--at-most",
        type=int,
        metavar="N",
        help="send only the first N now (what the plan allows); the rest are skipped",
    )
    _json_flag(se)
    se.set_defaults(handler=send)

    st = cs.add_parser("status", help="counts by recipient status and the campaign's status")
    st.add_argument("id")
    _json_flag(st)
    st.set_defaults(handler=status)

    for action, words, handler in (
        ("pause", "stop taking its messages until resumed", pause),
        ("resume", "let a paused campaign's messages leave again", resume),
        ("cancel", "skip every message not sent yet (sent ones stay sent)", cancel),
    ):
        ac = cs.add_parser(action, help=words)
        ac.add_argument("id")
        _json_flag(ac)
        ac.set_defaults(handler=handler)

    to = cs.add_parser(
        "take-over",
        help="send the rest of a campaign another computer was sending (says the risk)",
    )
    to.add_argument("id")
    to.add_argument("--yes", action="store_true", help="do not ask (needed without a terminal)")
    _json_flag(to)
    to.set_defaults(handler=take_over)


def _json_flag(parser: argparse.ArgumentParser) -> None:
    # Its own dest: a subcommand's default would otherwise undo "localpro --json campaigns …".
    parser.add_argument("--json", dest="campaigns_json", action="store_true", help="JSON output")


def _json(ctx: Context, args: argparse.Namespace) -> None:
    if getattr(args, "campaigns_json", False):
        ctx.out.json_mode = True


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _left_out(excluded: dict[str, int]) -> str | None:
    """ "Left out: no address 2, opted out 1." (None: nobody)."""
    items = [
        f"{msg.SKIP_REASONS[reason]() if reason in msg.SKIP_REASONS else reason} {count}"
        for reason, count in sorted(excluded.items())
        if count
    ]
    return str(msg.LEFT_OUT(details=", ".join(items))) if items else None


def list_all(ctx: Context, _args: argparse.Namespace) -> int:
    # The same read model as the Campaigns screen's list.
    rows = [
        {
            "id": c.id,
            "name": c.name,
            "channel": c.channel.value,
            "status": c.status.value,
            # "status" is stored; "state" is what the screen says ("waiting": nothing sent).
            "state": c.state.value,
            "recipients": c.stats.recipients,
            "sent": c.stats.sent,
            "delivered": c.stats.delivered,
            "opened": c.stats.opened,
            "replied": c.stats.replied,
            "failed": c.stats.failed,
            "created_at": c.created_at,
            "sent_at": c.sent_at,
        }
        for c in load_overview(ctx.ws)
    ]
    ctx.out.table(
        rows,
        ["id", "name", "channel", "state", "recipients", "sent", "opened", "replied"],
        data=rows,
    )
    return 0


def show(ctx: Context, args: argparse.Namespace) -> int:
    svc = CampaignService(ctx.ws)
    c = svc.get(args.id)
    s = svc.stats(c.id)
    recipients = [
        {
            "id": r.id,
            "contact": r.name,
            "address": r.address,
            "status": r.status.value,
            "error": r.error,
            "sent_at": r.sent_at,
        }
        for r in load_recipients(ctx.ws, c.id, limit=args.limit)
    ]
    data = {
        "id": c.id,
        "name": c.name,
        "channel": c.channel,
        "status": c.status,
        "state": shown_state(
            CampaignStatus(c.status), sent=s.sent, paused=c.paused_at is not None
        ).value,
        "subject": c.subject,
        "body": c.body,
        "template": c.template_name,
        "template_language": c.template_language,
        "template_vars": list(c.template_vars or []),
        "attachment": c.attachment_path,
        "scheduled_at": c.scheduled_at,
        "sent_at": c.sent_at,
        "completed_at": c.completed_at,
        "paused": c.paused_at is not None,
        "cancelled": c.cancelled_at is not None,
        "sends_here": bool(c.sender_device_id) and c.sender_device_id == ctx.ws.device_id,
        "stats": {
            "recipients": s.recipients,
            "sent": s.sent,
            "delivered": s.delivered,
            "opened": s.opened,
            "replied": s.replied,
            "failed": s.failed,
        },
        "recipients": recipients,
    }
    if ctx.out.json_mode:
        ctx.out.emit(data)
        return 0
    ctx.out.emit({k: v for k, v in data.items() if k not in ("recipients",)})
    ctx.out.table(recipients, ["contact", "address", "status", "error"], title="\nRecipients:")
    return 0


# -- create -------------------------------------------------------------------------------


def _read_body(path_text: str) -> str:
    try:
        if path_text == "-":
            return sys.stdin.read()
        return Path(path_text).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(msg.BODY_FILE_UNREADABLE, path=path_text, detail=str(exc)) from None


def create(ctx: Context, args: argparse.Namespace) -> int:
    _json(ctx, args)
    ws = ctx.ws
    channel = Channel.parse(args.channel)
    if args.template is None and (args.language or args.var):
        raise UserError(msg.TEMPLATE_FLAGS_NEED_TEMPLATE)
    if args.template is not None and channel is not Channel.WHATSAPP:
        raise UserError(msg.TEMPLATE_ONLY_WHATSAPP)
    if args.template is not None and not (args.language or "").strip():
        raise UserError(msg.TEMPLATE_NEEDS_LANGUAGE)
    if args.attach and channel is not Channel.EMAIL:
        raise UserError(msg.ATTACHMENT_ONLY_EMAIL)
    if args.segment is not None:
        source = RecipientSource(segment_id=SegmentService(ws).get(args.segment).id)
    else:
        source = RecipientSource(contact_ids=tuple(args.contact))
    schedule_at = scheduling.parse_when(ws, args.schedule) if args.schedule else None
    body = _read_body(args.body_file) if args.body_file is not None else ""
    draft = CampaignDraft(
        campaign_id=None,
        name=args.name,
        channel=channel,
        subject=args.subject if channel is Channel.EMAIL else "",
        body=body,
        source=source,
        schedule_at=schedule_at,
        template_name=args.template or "",
        template_language=args.language or "",
        template_vars=tuple(args.var),
        attachment_path=args.attach or "",
    )
    audience = compute_audience(ws, channel, source)
    campaign_id = save_draft(ws, draft)
    campaign = CampaignService(ws).get(campaign_id)
    recipients = CampaignService(ws).stats(campaign_id).recipients
    excluded = audience.excluded_counts()
    data: dict[str, Any] = {
        "id": campaign.id,
        "name": campaign.name,
        "channel": channel.value,
        "status": campaign.status,
        "recipients": recipients,
        "excluded": excluded,
        "scheduled_at": campaign.scheduled_at,
    }
    lines = [
        str(
            msg.CREATED(
                name=campaign.name, id=campaign.id, recipients=recipients, channel=channel.value
            )
        )
    ]
    if (left := _left_out(excluded)) is not None:
        lines.append(left)
    if campaign.scheduled_at is not None:
        local = scheduling.workspace_time(ws, campaign.scheduled_at)
        lines.append(str(msg.CREATED_SCHEDULED(when=local.strftime("%Y-%m-%d %H:%M"))))
    ctx.out.emit(data, "\n".join(lines))
    return 0


# -- send, status -------------------------------------------------------------------------


def send(ctx: Context, args: argparse.Namespace) -> int:
    """Queue now, with the summary first; over the plan's limit, refuse with the way out."""
    _json(ctx, args)
    ws = ctx.ws
    campaign_id = CampaignService(ws).get(args.id).id
    summary = campaign_sending.summarize(ws, campaign_id)
    if args.at_most is None and summary.over_limit and summary.allowed_now > 0:
        raise UserError(
            msg.OVER_LIMIT,
            allowed=summary.allowed_now,
            total=summary.recipients,
            reset=summary.resets_on.isoformat(),
        )
    campaign = campaign_sending.send(ws, campaign_id, at_most=args.at_most)
    stats = CampaignService(ws).stats(campaign.id)
    queued = stats.by_status.get("queued", 0)
    later = summary.recipients - queued if args.at_most is not None else 0
    # With --at-most, the cost of what was queued, not of the whole audience.
    cost = summary.cost if args.at_most is None else campaign_sending.queued_cost(ws, campaign.id)
    data: dict[str, Any] = {
        "id": campaign.id,
        "name": campaign.name,
        "channel": summary.channel.value,
        "status": campaign.status,
        "state": shown_state(CampaignStatus(campaign.status), sent=stats.sent).value,
        "queued": queued,
        "skipped_for_later": later,
        "audience": summary.recipients,
        "excluded": summary.excluded,
        "sms_parts": summary.sms_parts,
        "unicode_chars": summary.unicode_chars,
        "parts_if_replaced": summary.parts_if_replaced,
        "price": _money(summary.price),
        "currency": summary.currency,
        "cost": _money(cost),
    }
    lines = [
        str(msg.QUEUED_REPORT(queued=queued, name=campaign.name, channel=summary.channel.value))
    ]
    if later:
        lines.append(str(msg.SKIPPED_FOR_LATER(count=later)))
    if (left := _left_out(summary.excluded)) is not None:
        lines.append(left)
    if summary.channel is Channel.SMS:
        lines.append(str(msg.SMS_PARTS_REPORT(parts=summary.sms_parts)))
        if summary.unicode_chars and summary.parts_if_replaced < summary.sms_parts:
            lines.append(
                str(
                    msg.UNICODE_REPORT(
                        chars=summary.unicode_chars,
                        replaced=summary.parts_if_replaced,
                        parts=summary.sms_parts,
                    )
                )
            )
    if cost is not None:
        lines.append(str(msg.COST_REPORT(cost=_money(cost), currency=summary.currency)))
    else:
        lines.append(str(msg.NO_PRICE()))
    ctx.out.emit(data, "\n".join(lines))
    return 0


def status(ctx: Context, args: argparse.Namespace) -> int:
    _json(ctx, args)
    campaign = CampaignService(ctx.ws).get(args.id)
    p = campaign_sending.progress(ctx.ws, campaign.id)
    stats = CampaignService(ctx.ws).stats(campaign.id)
    data: dict[str, Any] = {
        "id": p.campaign_id,
        "name": campaign.name,
        "channel": campaign.channel,
        "status": p.status.value,
        "state": p.shown.value,
        "total": p.total,
        "counts": p.counts,
        "paused": p.paused,
        "cancelled": p.cancelled,
        "sends_here": p.sends_here,
        "sender_device_id": p.sender_device_id,
        "not_on_whatsapp": p.not_on_whatsapp,
        # Replies over messages sent (issue 11); people who opted out of the channel since.
        "response_rate": stats.response_rate,
        "opted_out": stats.opted_out,
        "failures": [asdict(f) for f in p.failures],
        "unknown": [asdict(u) for u in p.unknown],
    }
    if ctx.out.json_mode:
        ctx.out.emit(data)
        return 0
    ctx.out.emit({k: v for k, v in data.items() if k not in ("counts", "failures", "unknown")})
    ctx.out.table(
        [{"status": key, "count": count} for key, count in p.counts.items()],
        ["status", "count"],
        title="\nCounts:",
    )
    if p.failures:
        ctx.out.table(data["failures"], ["name", "address", "code", "words"], title="\nFailed:")
    if p.unknown:
        ctx.out.table(data["unknown"], ["name", "address", "words"], title="\nUnknown:")
    return 0


# -- pause, resume, cancel, take over -----------------------------------------------------


def _control_report(ctx: Context, campaign_id: str, words: Message) -> int:
    campaign = CampaignService(ctx.ws).get(campaign_id)
    ctx.out.emit(
        {
            "id": campaign.id,
            "status": campaign.status,
            "paused": campaign.paused_at is not None,
            "cancelled": campaign.cancelled_at is not None,
            "sends_here": campaign.sender_device_id == ctx.ws.device_id,
        },
        str(words),
    )
    return 0


def pause(ctx: Context, args: argparse.Namespace) -> int:
    _json(ctx, args)
    campaign = CampaignService(ctx.ws).get(args.id)
    campaign_sending.pause(ctx.ws, campaign.id)
    return _control_report(ctx, campaign.id, msg.PAUSED_REPORT(name=campaign.name))


def resume(ctx: Context, args: argparse.Namespace) -> int:
    _json(ctx, args)
    campaign = CampaignService(ctx.ws).get(args.id)
    campaign_sending.resume(ctx.ws, campaign.id)
    return _control_report(ctx, campaign.id, msg.RESUMED_REPORT(name=campaign.name))


def cancel(ctx: Context, args: argparse.Namespace) -> int:
    _json(ctx, args)
    campaign = CampaignService(ctx.ws).get(args.id)
    campaign_sending.cancel(ctx.ws, campaign.id)
    return _control_report(ctx, campaign.id, msg.CANCELLED_REPORT(name=campaign.name))


def take_over(ctx: Context, args: argparse.Namespace) -> int:
    """Asks on a terminal (the risk first); never without one: refused unless --yes."""
    _json(ctx, args)
    campaign = CampaignService(ctx.ws).get(args.id)
    if not args.yes:
        risk = campaign_sending.take_over_risk(ctx.ws, campaign.id)
        if not sys.stdin.isatty():
            raise UserError(joined([risk, msg.TAKE_OVER_NEEDS_YES()], " "))
        sys.stderr.write(f"{risk}\n{msg.TAKE_OVER_ASK()}")
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes", "o", "oui"):
            raise UserError(msg.TAKE_OVER_DECLINED)
    campaign_sending.take_over(ctx.ws, campaign.id)
    return _control_report(ctx, campaign.id, msg.TAKEN_OVER(name=campaign.name))
