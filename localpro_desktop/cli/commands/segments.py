"""``segments list|create|show|delete``."""

import argparse
from datetime import date

from localpro_desktop.cli.commands.contacts import COLUMNS as CONTACT_COLUMNS
from localpro_desktop.cli.commands.contacts import row as contact_row
from localpro_desktop.cli.context import Context
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.segments import SegmentInfo, SegmentService


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in ("yes", "true", "1", "y", "oui"):
        return True
    if value in ("no", "false", "0", "n", "non"):
        return False
    raise argparse.ArgumentTypeError(f"{text!r}: use yes or no")


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("segments", help="saved groups of contacts")
    ss = p.add_subparsers(dest="action", required=True)
    ss.add_parser("list", help="segments with their live member counts").set_defaults(
        handler=list_segments
    )

    c = ss.add_parser("create", help="save a rule (or a static list with --contact)")
    c.add_argument("name")
    c.add_argument("--description", default="")
    c.add_argument(
        "--status", type=PipelineStatus.parse, action="append", help="status in (repeatable)"
    )
    c.add_argument("--tag-any", action="append", default=[], help="has any of these tags")
    c.add_argument("--tag-all", action="append", default=[], help="has all of these tags")
    c.add_argument("--city")
    c.add_argument("--sector")
    c.add_argument("--country")
    c.add_argument("--text")
    c.add_argument("--created-since", type=_day)
    c.add_argument("--created-before", type=_day)
    c.add_argument(
        "--last-contacted-before",
        type=_day,
        help="not contacted since this day (includes never contacted)",
    )
    c.add_argument("--last-contacted-since", type=_day)
    c.add_argument("--has-phone", type=_yes_no)
    c.add_argument("--has-email", type=_yes_no)
    c.add_argument("--has-whatsapp", type=_yes_no)
    c.add_argument(
        "--reachable-on", type=Channel.parse, help="valid address for the channel and not opted out"
    )
    c.add_argument(
        "--contact",
        action="append",
        default=[],
        help="contact id for a static (hand-picked) segment; repeatable",
    )
    c.set_defaults(handler=create)

    sh = ss.add_parser("show", help="a segment's rule and members")
    sh.add_argument("name")
    sh.add_argument("--limit", type=int, default=50)
    sh.set_defaults(handler=show)

    d = ss.add_parser("delete", help="delete a segment (its contacts stay)")
    d.add_argument("name")
    d.set_defaults(handler=delete)


def info_row(info: SegmentInfo, language: str = "en") -> dict[str, object]:
    return {
        "id": info.id,
        "name": info.name,
        "kind": info.kind.value,
        "members": info.member_count,
        "rule": info.rule.to_dict() if info.rule else None,
        "description": info.description,
        "summary": info.rule.describe(language) if info.rule else "hand-picked contacts",
    }


def list_segments(ctx: Context, _args: argparse.Namespace) -> int:
    language = ctx.ws.settings().language
    rows = [info_row(i, language) for i in SegmentService(ctx.ws).list()]
    ctx.out.table(rows, ["name", "kind", "members", "summary"], data=rows)
    return 0


def create(ctx: Context, args: argparse.Namespace) -> int:
    svc = SegmentService(ctx.ws)
    if args.contact:
        info = svc.create_static(args.name, args.contact, args.description)
    else:
        rule = SegmentRule(
            statuses=tuple(args.status or ()),
            tags_any=tuple(args.tag_any),
            tags_all=tuple(args.tag_all),
            city=args.city,
            sector=args.sector,
            country=args.country,
            text=args.text,
            created_since=args.created_since,
            created_before=args.created_before,
            last_contacted_before=args.last_contacted_before,
            last_contacted_since=args.last_contacted_since,
            has_phone=args.has_phone,
            has_email=args.has_email,
            has_whatsapp=args.has_whatsapp,
            reachable_on=args.reachable_on,
        )
        if rule.is_empty:
            raise UserError(
                "This rule matches every contact: add a condition such as --status or --city."
            )
        info = svc.create_rule(args.name, rule, args.description)
    data = info_row(info, ctx.ws.settings().language)
    ctx.out.emit(data, f"Segment {info.name!r} saved: {info.member_count} contact(s)")
    return 0


def show(ctx: Context, args: argparse.Namespace) -> int:
    svc = SegmentService(ctx.ws)
    info = svc.get(args.name)
    members = [contact_row(c) for c in svc.contacts(info, limit=args.limit)]
    data = info_row(info, ctx.ws.settings().language) | {"contacts": members}
    if ctx.out.json_mode:
        ctx.out.emit(data)
        return 0
    ctx.out.emit(f"{info.name} — {data['summary']} ({info.member_count} contacts)")
    ctx.out.table(members, CONTACT_COLUMNS)
    return 0


def delete(ctx: Context, args: argparse.Namespace) -> int:
    svc = SegmentService(ctx.ws)
    info = svc.get(args.name)
    svc.delete(info)
    ctx.out.emit({"deleted": info.name}, f"Segment {info.name!r} deleted")
    return 0
