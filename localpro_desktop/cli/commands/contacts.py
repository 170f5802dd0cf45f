"""``contacts list|board|show|add|move|note|opt-out|merge``."""

import argparse
from datetime import datetime
from typing import Any, Protocol

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.board import PAGE_SIZE, BoardFilter, Card, load_board
from localpro_desktop.services.contact_merge import merge_contacts
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.inbound import opt_outs_of, set_opt_out
from localpro_desktop.services.segments import SegmentService

COLUMNS = ["id", "name", "company", "city", "status", "phone"]
FIELDS = (
    "first_name",
    "last_name",
    "company",
    "sector",
    "phone",
    "whatsapp",
    "email",
    "website",
    "address",
    "city",
    "country",
    "latitude",
    "longitude",
    "tags",
    "notes",
)


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("contacts", help="the CRM: list, move along the pipeline, add notes")
    cs = p.add_subparsers(dest="action", required=True)

    ls = cs.add_parser("list", help="list contacts")
    ls.add_argument(
        "--status",
        type=PipelineStatus.parse,
        action="append",
        help="pipeline status (repeatable): " + ", ".join(PipelineStatus),
    )
    ls.add_argument("--segment", help="only members of this segment")
    ls.add_argument("--text", help="matches name, company, phone, e-mail or city")
    ls.add_argument("--city")
    ls.add_argument("--tag", action="append", help="has this tag (repeatable: any)")
    ls.add_argument("--limit", type=int, default=100)
    ls.add_argument("--offset", type=int, default=0)
    ls.set_defaults(handler=list_contacts)

    bd = cs.add_parser("board", help="the pipeline board: counts and first cards per stage")
    bd.add_argument("--text", default="", help="as the CRM tab's search box")
    bd.add_argument("--segment", help="a segment's id or name, as the CRM tab's segment list")
    bd.add_argument("--per-column", type=int, default=PAGE_SIZE, help="cards shown per stage")
    bd.set_defaults(handler=board)

    sh = cs.add_parser("show", help="fields, opt-outs and timeline of one contact")
    sh.add_argument("id")
    # Its own dest: a subcommand's default would otherwise undo "localpro --json contacts …".
    sh.add_argument("--json", dest="contacts_json", action="store_true", help="JSON output")
    sh.set_defaults(handler=show)

    a = cs.add_parser("add", help="add a contact by hand")
    a.add_argument("--full-name", dest="full_name")
    for name in FIELDS:
        a.add_argument("--" + name.replace("_", "-"), dest=name)
    a.set_defaults(handler=add)

    mv = cs.add_parser("move", help="move a contact to another pipeline status")
    mv.add_argument("id")
    mv.add_argument("status", help=", ".join(PipelineStatus))
    mv.add_argument("--note", default="")
    mv.set_defaults(handler=move)

    nt = cs.add_parser("note", help="add a note, call or meeting to the timeline")
    nt.add_argument("id")
    nt.add_argument("text")
    nt.add_argument("--kind", choices=["note", "call", "meeting", "message"], default="note")
    nt.set_defaults(handler=note)

    oo = cs.add_parser("opt-out", help="record that a contact refuses a channel")
    oo.add_argument("id")
    oo.add_argument("channel", type=Channel.parse)
    oo.add_argument("--undo", action="store_true", help="opt the contact back in")
    oo.set_defaults(handler=opt_out)

    mg = cs.add_parser(
        "merge",
        help="merge a contact (e.g. one made for an unknown number) into another, then delete it",
    )
    mg.add_argument("source", help="the contact to merge (it is deleted)")
    mg.add_argument("into", help="the contact that receives its timeline, campaigns, opt-outs")
    mg.add_argument("--json", dest="contacts_json", action="store_true", help="JSON output")
    mg.set_defaults(handler=merge)


class ContactFields(Protocol):
    """What ``row`` reads of the contacts the services return (the CLI never imports store)."""

    id: str
    first_name: str
    last_name: str
    company: str
    status: str
    phone: str
    phone_e164: str | None
    whatsapp: str
    whatsapp_e164: str | None
    email: str
    city: str
    country: str
    sector: str
    tags: list[str]
    latitude: float | None
    longitude: float | None
    notes: str
    last_contacted_at: datetime | None
    prospect_id: str | None
    opt_out_whatsapp: bool
    opt_out_email: bool
    opt_out_sms: bool
    created_at: datetime


def row(c: ContactFields) -> dict[str, object]:
    return {
        "id": c.id,
        "name": f"{c.first_name} {c.last_name}".strip(),
        "first_name": c.first_name,
        "last_name": c.last_name,
        "company": c.company,
        "status": c.status,
        "phone": c.phone,
        "phone_e164": c.phone_e164,
        "whatsapp": c.whatsapp,
        "whatsapp_e164": c.whatsapp_e164,
        "email": c.email,
        "city": c.city,
        "country": c.country,
        "sector": c.sector,
        "tags": c.tags,
        "latitude": c.latitude,
        "longitude": c.longitude,
        "notes": c.notes,
        "last_contacted_at": c.last_contacted_at,
        "prospect_id": c.prospect_id,
        "opt_out": [ch.value for ch in Channel if getattr(c, f"opt_out_{ch.value}")],
        "created_at": c.created_at,
    }


def list_contacts(ctx: Context, args: argparse.Namespace) -> int:
    rule = SegmentRule(
        statuses=tuple(args.status or ()),
        text=args.text,
        city=args.city,
        tags_any=tuple(args.tag or ()),
    )
    segments = SegmentService(ctx.ws)
    if args.segment:
        # A segment plus filters: the rule's matches, kept when they are members.
        members = set(segments.contact_ids(args.segment))
        matching = [c for c in segments.preview(rule, limit=None).contacts if c.id in members]
        total, page = len(matching), matching[args.offset : args.offset + args.limit]
    else:
        preview = segments.preview(rule, limit=args.limit + args.offset)
        total, page = preview.count, preview.contacts[args.offset :]
    rows = [row(c) for c in page]
    ctx.out.table(
        rows,
        COLUMNS,
        title=f"{total} contact(s)",
        data={"total": total, "offset": args.offset, "contacts": rows},
    )
    return 0


def card_row(card: Card) -> dict[str, object]:
    return {
        "id": card.id,
        "name": card.name,
        "company": card.company,
        "city": card.city,
        "status": card.status.value,
        "phone": card.phone,
        "updated_at": card.updated_at,
        "last_activity": card.last_activity,
    }


def board(ctx: Context, args: argparse.Namespace) -> int:
    """The CRM tab's board, through the same service query."""
    segment = SegmentService(ctx.ws).get(args.segment) if args.segment else None
    page = load_board(ctx.ws, BoardFilter(args.text, segment), max(args.per_column, 0))
    columns: list[dict[str, Any]] = [
        {
            "status": status.value,
            "count": page.counts.per_status[status],
            "cards": [card_row(card) for card in page.columns[status]],
        }
        for status, _cards in page.columns.items()
    ]
    data = {"matching": page.counts.matching, "everyone": page.counts.everyone}
    if ctx.out.json_mode:
        ctx.out.emit(data | {"columns": columns})
        return 0
    for column in columns:
        title = f"{column['status']} ({column['count']})"
        ctx.out.table(column["cards"], COLUMNS, title=title)
    ctx.out.emit(data, f"{page.counts.matching} of {page.counts.everyone} contact(s)")
    return 0


def show(ctx: Context, args: argparse.Namespace) -> int:
    """``--json``: the contact's fields (``row``), ``opt_outs`` (one per channel with a
    recorded choice: ``channel``, ``opted_out``, ``source``, ``at``) and ``timeline``."""
    if getattr(args, "contacts_json", False):
        ctx.out.json_mode = True
    svc = ContactService(ctx.ws)
    contact = svc.get(args.id)
    opt_outs = [
        {
            "channel": choice.channel.value,
            "opted_out": choice.opted_out,
            "source": choice.source.value,
            "at": choice.at,
        }
        for choice in opt_outs_of(ctx.ws, contact.id)
    ]
    timeline = [
        {
            "when": a.occurred_at,
            "kind": a.kind,
            "from": a.old_status,
            "to": a.new_status,
            "text": a.body,
        }
        for a in svc.timeline(contact.id)
    ]
    data = row(contact) | {"opt_outs": opt_outs, "timeline": timeline}
    if ctx.out.json_mode:
        ctx.out.emit(data)
        return 0
    ctx.out.emit({k: v for k, v in data.items() if k not in ("opt_outs", "timeline")})
    if opt_outs:
        ctx.out.table(opt_outs, ["channel", "opted_out", "source", "at"], title="\nOpt-outs:")
    ctx.out.table(timeline, ["when", "kind", "from", "to", "text"], title="\nTimeline:")
    return 0


def add(ctx: Context, args: argparse.Namespace) -> int:
    names = ("full_name", *FIELDS)
    fields = {n: getattr(args, n) for n in names if getattr(args, n) is not None}
    contact = ContactService(ctx.ws).add(fields)
    ctx.out.emit(row(contact), f"Added {contact.display_name} ({contact.id})")
    return 0


def move(ctx: Context, args: argparse.Namespace) -> int:
    contact = ContactService(ctx.ws).move(args.id, args.status, note=args.note)
    ctx.out.emit(row(contact), f"{contact.display_name} is now {contact.status}")
    return 0


def note(ctx: Context, args: argparse.Namespace) -> int:
    activity = ContactService(ctx.ws).add_activity(args.id, args.text, kind=ActivityKind(args.kind))
    ctx.out.emit(
        {"id": activity.id, "contact_id": activity.contact_id, "kind": activity.kind},
        f"{args.kind.capitalize()} added",
    )
    return 0


def opt_out(ctx: Context, args: argparse.Namespace) -> int:
    """A choice entered by hand: recorded with source "manual" (``contacts show``)."""
    choice = set_opt_out(ctx.ws, args.id, args.channel, not args.undo)
    contact = ContactService(ctx.ws).get(choice.contact_id)
    state = "opted back in to" if args.undo else "opted out of"
    ctx.out.emit(row(contact), f"{contact.display_name} {state} {args.channel.value}")
    return 0


def merge(ctx: Context, args: argparse.Namespace) -> int:
    """``--json``: ``{"merged": SOURCE_ID, "into": INTO_ID, "moved": {kind: count}}``."""
    if getattr(args, "contacts_json", False):
        ctx.out.json_mode = True
    result = merge_contacts(ctx.ws, args.source, args.into)
    moved = ", ".join(f"{n} {kind}" for kind, n in result.moved.items() if n)
    ctx.out.emit(
        {"merged": result.source_id, "into": result.into_id, "moved": result.moved},
        f"Merged {result.source_name} into {result.into_name}" + (f" ({moved})" if moved else ""),
    )
    return 0
