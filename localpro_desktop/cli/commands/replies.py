"""``localpro replies [--since DATE] [--json]``: what people sent back, newest first.

``--json`` prints ``{"count": N, "replies": [{"id", "at", "channel", "address", "text",
"contact_id", "contact_name", "campaign_id", "campaign_name", "keyword"}]}``: ``id`` is the
event's (the same on every laptop), ``campaign_id`` the campaign the message answers (null
when none), ``keyword`` "opt_out"/"opt_in" for a stop/start word (else null). Times are UTC.
"""

import argparse
from datetime import datetime

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.messages import inbound as msg
from localpro_desktop.services.inbound import Reply, list_replies
from localpro_desktop.services.inbound.replies import LIMIT

COLUMNS = ["at", "channel", "contact", "campaign", "text"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("replies", help="messages people sent back (WhatsApp, SMS), newest first")
    p.add_argument("--since", type=since_date, help="only from this date (YYYY-MM-DD[ HH:MM], UTC)")
    p.add_argument("--limit", type=int, default=LIMIT, help=f"at most this many (default {LIMIT})")
    # Its own dest: a subcommand's default would otherwise undo "localpro --json replies".
    p.add_argument("--json", dest="replies_json", action="store_true", help="JSON output")
    p.set_defaults(handler=replies)


def since_date(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(str(msg.BAD_SINCE(text=text))) from None


def reply_row(reply: Reply) -> dict[str, object]:
    return {
        "id": reply.id,
        "at": reply.at,
        "channel": reply.channel.value,
        "address": reply.address,
        "text": reply.text,
        "contact_id": reply.contact_id,
        "contact_name": reply.contact_name,
        "campaign_id": reply.campaign_id,
        "campaign_name": reply.campaign_name,
        "keyword": reply.keyword.value if reply.keyword else None,
    }


def replies(ctx: Context, args: argparse.Namespace) -> int:
    if args.replies_json:
        ctx.out.json_mode = True
    found = list_replies(ctx.ws, since=args.since, limit=args.limit)
    rows = [reply_row(reply) for reply in found]
    shown = [
        {
            "at": reply.at,
            "channel": reply.channel.value,
            "contact": reply.contact_name or reply.address,
            "campaign": reply.campaign_name,
            "text": reply.text,
        }
        for reply in found
    ]
    ctx.out.table(
        shown, COLUMNS, title=f"{len(rows)} reply(ies)", data={"count": len(rows), "replies": rows}
    )
    return 0
