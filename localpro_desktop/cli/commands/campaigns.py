"""``campaigns list|show|send``."""

import argparse

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.campaigns import CampaignStatus, shown_state
from localpro_desktop.services.campaign_views import load_overview, load_recipients
from localpro_desktop.services.campaigns import CampaignService


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("campaigns", help="campaigns and their delivery figures")
    cs = p.add_subparsers(dest="action", required=True)
    cs.add_parser("list", help="all campaigns with their counts").set_defaults(handler=list_all)
    sh = cs.add_parser("show", help="one campaign and its recipients")
    sh.add_argument("id")
    sh.add_argument("--limit", type=int, default=50)
    sh.set_defaults(handler=show)
    se = cs.add_parser(
        "send",
        help="queue a draft or scheduled campaign now (refused while its channel has no "
        "service set up)",
    )
    se.add_argument("id")
    se.set_defaults(handler=send)


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
        "state": shown_state(CampaignStatus(c.status), sent=s.sent).value,
        "subject": c.subject,
        "body": c.body,
        "scheduled_at": c.scheduled_at,
        "sent_at": c.sent_at,
        "completed_at": c.completed_at,
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


def send(ctx: Context, args: argparse.Namespace) -> int:
    """The screen's Send without its questions: refused, with nothing queued or counted,
    when the channel has no service set up or the plan has too few messages left."""
    svc = CampaignService(ctx.ws)
    campaign_id = svc.get(args.id).id
    svc.queue_send(campaign_id)
    campaign = svc.get(campaign_id)
    stats = svc.stats(campaign.id)
    ctx.out.emit(
        {
            "id": campaign.id,
            "status": campaign.status,
            "state": shown_state(CampaignStatus(campaign.status), sent=stats.sent).value,
            "queued": stats.by_status.get("queued", 0),
        }
    )
    return 0
