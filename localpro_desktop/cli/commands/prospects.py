"""``prospects search|show|add|convert|delete``."""

import argparse

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.prospect_fields import EDITABLE, OPTIONAL, REQUIRED
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services.prospect_search import ProspectFilter
from localpro_desktop.services.prospects import ProspectRecord, ProspectService

COLUMNS = ["id", "business_name", "sector", "city", "phone", "source"]


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("prospects", help="find, add and convert prospects")
    ps = p.add_subparsers(dest="action", required=True)

    s = ps.add_parser("search", help="search by sector, city and text")
    s.add_argument("--sector")
    s.add_argument("--city")
    s.add_argument("--text", help="words from the name, address, notes or tags")
    s.add_argument("--source", choices=[x.value for x in ProspectSource])
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--offset", type=int, default=0)
    s.set_defaults(handler=search)

    sh = ps.add_parser("show", help="all fields of one prospect")
    sh.add_argument("id")
    sh.set_defaults(handler=show)

    a = ps.add_parser("add", help="add a prospect by hand")
    a.add_argument(REQUIRED)
    for name in OPTIONAL:
        a.add_argument("--" + name.replace("_", "-"), dest=name)
    a.add_argument("--allow-duplicate", action="store_true")
    a.set_defaults(handler=add)

    c = ps.add_parser("convert", help="turn prospects into contacts (status New)")
    c.add_argument("ids", nargs="+")
    c.set_defaults(handler=convert)

    d = ps.add_parser("delete", help="delete prospects")
    d.add_argument("ids", nargs="+")
    d.set_defaults(handler=delete)


def row(p: ProspectRecord) -> dict[str, object]:
    return {
        "id": p.id,
        "business_name": p.business_name,
        "sector": p.sector,
        "city": p.city,
        "country": p.country,
        "address": p.address,
        "phone": p.phone,
        "phone_e164": p.phone_e164,
        "whatsapp": p.whatsapp,
        "whatsapp_e164": p.whatsapp_e164,
        "email": p.email,
        "website": p.website,
        "latitude": p.latitude,
        "longitude": p.longitude,
        "source": p.source,
        "source_ref": p.source_ref,
        "contact_person": p.contact_person,
        "tags": list(p.tags),
        "notes": p.notes,
        "contact_id": p.contact_id,
        "created_at": p.created_at,
    }


def search(ctx: Context, args: argparse.Namespace) -> int:
    flt = ProspectFilter(sector=args.sector, city=args.city, text=args.text, source=args.source)
    page = ProspectService(ctx.ws).search(flt, limit=args.limit, offset=args.offset)
    rows = [row(p) for p in page.rows]
    ctx.out.table(
        rows,
        COLUMNS,
        title=f"{page.total} prospect(s)"
        + (f", showing {len(rows)}" if page.total > len(rows) else ""),
        data={"total": page.total, "offset": args.offset, "prospects": rows},
    )
    return 0


def show(ctx: Context, args: argparse.Namespace) -> int:
    ctx.out.emit(row(ProspectService(ctx.ws).get(args.id)))
    return 0


def add(ctx: Context, args: argparse.Namespace) -> int:
    fields = {name: getattr(args, name) for name in EDITABLE if getattr(args, name) is not None}
    prospect = ProspectService(ctx.ws).add(fields, allow_duplicate=args.allow_duplicate)
    data = row(prospect)
    warning = ""
    if prospect.phone and not prospect.phone_e164:
        warning = f"\nwarning: phone {prospect.phone!r} is not a valid number; kept as typed"
    ctx.out.emit(data, f"Added {prospect.business_name} ({prospect.id}){warning}")
    return 0


def convert(ctx: Context, args: argparse.Namespace) -> int:
    result = ProspectService(ctx.ws).convert(args.ids)
    data = {
        "created": result.created,
        "already_converted": result.already_converted,
        "contacts": [{"id": c.id, "name": c.display_name} for c in result.contacts],
    }
    human = "\n".join(f"{c.id}  {c.display_name}" for c in result.contacts)
    human += f"\n{result.created} contact(s) created, {result.already_converted} already converted"
    ctx.out.emit(data, human)
    return 0


def delete(ctx: Context, args: argparse.Namespace) -> int:
    count = ProspectService(ctx.ws).delete(args.ids)
    ctx.out.emit({"deleted": count}, f"{count} prospect(s) deleted")
    return 0
