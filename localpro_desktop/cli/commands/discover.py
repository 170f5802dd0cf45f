"""``localpro discover``: find businesses by sector and city, see what is new, add them.

    localpro discover --sector pharmacy --city Abidjan [--country CI] [--radius KM]
                      [--source osm|google] [--add all|new|none] [--refresh] [--json]
    localpro discover --sectors                 the sector table (keys, labels, OSM tags)
    localpro discover --run-saved               run the searches saved while offline
    localpro discover --saved | --merges | --undo-merge ID
    localpro discover --add-tag SECTOR KEY=VALUE | --remove-tag SECTOR KEY=VALUE
    localpro discover --endpoint overpass=URL   (nominatim=, places=; empty URL: public)
    localpro discover --google-key-from-stdin   the Google Places key, into the OS keyring

``--json`` prints ``{"found", "new", "known", "added", "queued", "results": [...]}`` (plus
``merged``, ``over_limit``, ``without_phone``, ``unnamed``, ``city``, ``country``,
``radius_km``, ``from_cache``); each result has its source reference (``ref``), ``match``
("new" or why it is known), ``known_id`` and ``added``. A search with no connection is
saved (``queued`` 1), runs with ``--run-saved`` or in the app, and the command exits 0.
``--add`` defaults to ``none``: adding counts against the plan's monthly prospect limit.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import discovery as msg
from localpro_desktop.services.discovery import (
    AddMode,
    AddOutcome,
    DiscoveryService,
    DiscoverySource,
    Preview,
    Queued,
    SearchRequest,
)
from localpro_desktop.services.discovery import settings as discovery_settings

COLUMNS = ["match", "name", "phone", "reach", "address", "ref"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "discover",
        help="find businesses by sector and city (OpenStreetMap, Google Places)",
        description="Find businesses of a sector in a city; see what is new; add them.",
    )
    p.add_argument("--sector", help="a sector key or label (see --sectors)")
    p.add_argument("--city", help="the city (or district) to search in")
    p.add_argument("--country", help="ISO country code, e.g. SN, CI, NG, KE")
    p.add_argument("--radius", type=float, help="km around the city centre (default: by size)")
    p.add_argument(
        "--source", choices=[s.value for s in DiscoverySource], default="osm", help="default osm"
    )
    p.add_argument(
        "--add",
        choices=[m.value for m in AddMode],
        default=AddMode.NONE.value,
        help="add every result (known ones merged), only new ones, or none (default)",
    )
    p.add_argument("--refresh", action="store_true", help="ask the source again, not the cache")
    p.add_argument("--sectors", action="store_true", help="list the sector table")
    p.add_argument("--run-saved", action="store_true", help="run searches saved while offline")
    p.add_argument("--saved", action="store_true", help="list saved searches")
    p.add_argument("--merges", action="store_true", help="list merges into known prospects")
    p.add_argument("--undo-merge", metavar="ID", help="undo one merge")
    p.add_argument("--add-tag", nargs=2, metavar=("SECTOR", "KEY=VALUE"))
    p.add_argument("--remove-tag", nargs=2, metavar=("SECTOR", "KEY=VALUE"))
    p.add_argument("--endpoint", metavar="NAME=URL", help="overpass, nominatim or places")
    p.add_argument(
        "--google-key-from-stdin", action="store_true", help="read the Google Places API key"
    )
    # Its own dest: a subcommand's default would otherwise undo "localpro --json discover".
    p.add_argument("--json", dest="discover_json", action="store_true", help="JSON output")
    p.set_defaults(handler=discover)


def discover(ctx: Context, args: argparse.Namespace) -> int:
    if args.discover_json:
        ctx.out.json_mode = True
    service = DiscoveryService(ctx.ws)
    if args.sectors:
        return _sectors(ctx, service)
    if args.add_tag or args.remove_tag:
        sector, tag = args.add_tag or args.remove_tag
        key = service.sector_of(sector)
        change = discovery_settings.add_tag if args.add_tag else discovery_settings.remove_tag
        change(ctx.ws, key, tag)
        return _sectors(ctx, service)
    if args.endpoint:
        name, _, url = args.endpoint.partition("=")
        discovery_settings.set_endpoint(ctx.ws, name.strip(), url)
        rows = [vars_of(e) for e in discovery_settings.endpoints(ctx.ws)]
        ctx.out.table(rows, ["name", "url", "from_environment"], data={"endpoints": rows})
        return 0
    if args.google_key_from_stdin:
        discovery_settings.save_google_key(ctx.ws, sys.stdin.readline().strip())
        ctx.out.emit({"google_key": "saved"}, "The Google Places key is in the OS keyring.")
        return 0
    if args.merges:
        merges = [vars_of(m) for m in service.merges()]
        ctx.out.table(
            merges,
            ["id", "prospect_name", "place_name", "reason", "fields", "merged_at"],
            title=f"{len(merges)} merge(s)",
            data={"merges": merges},
        )
        return 0
    if args.undo_merge:
        service.undo_merge(args.undo_merge)
        ctx.out.emit({"undone": args.undo_merge}, f"Merge {args.undo_merge} undone.")
        return 0
    if args.saved:
        saved = [_saved_row(s) for s in service.saved_searches(("queued", "done", "failed"))]
        ctx.out.table(
            saved,
            ["id", "state", "sector", "city", "source", "found", "new", "added", "problem"],
            data={"searches": saved},
        )
        return 0
    if args.run_saved:
        finished = [_saved_row(s) for s in service.run_saved()]
        service.mark_told(row["id"] for row in finished)
        waiting = len(service.saved_searches())
        ctx.out.table(
            finished,
            ["id", "state", "sector", "city", "found", "new", "added", "problem"],
            title=f"{len(finished)} search(es) ran; {waiting} still waiting for a connection",
            data={"ran": finished, "waiting": waiting},
        )
        return 0
    if not args.sector:
        raise UserError(msg.NO_SECTOR)
    if not args.city:
        raise UserError(msg.EMPTY_CITY)
    request = SearchRequest(
        args.sector, args.city, args.country, args.radius, DiscoverySource(args.source)
    )
    mode = AddMode(args.add)
    outcome = service.search(request, refresh=args.refresh, add_mode=mode)
    if isinstance(outcome, Queued):
        label = service.sector_of(args.sector)
        text = msg.QUEUED(sector=label, city=args.city)
        data = {"found": 0, "new": 0, "known": 0, "added": 0, "queued": 1, "results": []}
        data["search_id"] = outcome.search_id
        ctx.out.emit(data, str(text))
        return 0
    added = service.add(outcome, mode=mode) if mode is not AddMode.NONE else AddOutcome()
    return _report(ctx, outcome, added)


def _report(ctx: Context, preview: Preview, added: AddOutcome) -> int:
    added_refs = set(added.added_refs) | set(added.merged_refs)
    results: list[dict[str, Any]] = [
        {
            "ref": row.place.ref,
            "source": row.place.source.value,
            "name": row.place.name,
            "phone": row.place.phone,
            "phones": list(row.place.phones),
            "whatsapp": row.place.whatsapp,
            "email": row.place.email,
            "website": row.place.website,
            "address": row.place.address,
            "opening_hours": row.place.opening_hours,
            "lat": row.place.lat,
            "lon": row.place.lon,
            "reachable_by": list(row.place.reachable_by),
            "match": row.match.value,
            "known_id": row.known_id,
            "added": row.place.ref in added_refs,
        }
        for row in preview.rows
    ]
    data: dict[str, Any] = {
        "found": preview.found,
        "new": preview.new,
        "known": preview.known,
        "added": added.added,
        "queued": 0,
        "merged": added.merged,
        "over_limit": added.over_limit,
        "without_phone": preview.without_phone,
        "unnamed": preview.unnamed,
        "city": preview.city.name,
        "country": preview.city.country,
        "radius_km": preview.radius_km,
        "source": preview.request.source.value,
        "from_cache": preview.from_cache,
        "fetched_at": preview.fetched_at,
        "results": results,
    }
    if ctx.out.json_mode:
        ctx.out.emit(data)
        return 0
    shown = [
        {
            "match": str(msg.MATCH[r["match"]]()),
            "name": r["name"],
            "phone": r["phone"] or r["whatsapp"] or "",
            "reach": ", ".join(str(msg.REACH[w]()) for w in r["reachable_by"]),
            "address": r["address"] or "",
            "ref": r["ref"],
        }
        for r in results
    ]
    where = f"{preview.city.name} ({preview.city.country}), {preview.radius_km:g} km"
    cached = f" — saved results of {preview.fetched_at:%Y-%m-%d}" if preview.from_cache else ""
    ctx.out.table(shown, COLUMNS, title=f"{where}{cached}")
    lines = [
        f"{preview.found} found, {preview.new} new, {preview.known} already known, "
        f"{preview.without_phone} without a phone."
    ]
    if preview.unnamed:
        lines.append(str(msg.UNNAMED(count=preview.unnamed)))
    if added.added or added.merged:
        lines.append(f"{added.added} added, {added.merged} merged into known prospects.")
    if (problem := added.limit_message()) is not None:
        lines.append(str(problem))
    ctx.out.stream.write("\n".join(lines) + "\n")
    return 0


def _sectors(ctx: Context, service: DiscoveryService) -> int:
    language = ctx.ws.settings().language
    rows = [
        {
            "key": row.key,
            "label": row.label(language),
            "label_en": row.label_en,
            "label_fr": row.label_fr,
            "osm_tags": list(row.osm_tags),
            "added_tags": list(row.added_tags),
        }
        for row in service.sectors()
    ]
    ctx.out.table(rows, ["key", "label", "osm_tags"], data={"sectors": rows})
    return 0


def _saved_row(saved: Any) -> dict[str, Any]:
    return {
        "id": saved.id,
        "state": saved.state,
        "sector": saved.request.sector,
        "city": saved.request.city,
        "country": saved.request.country,
        "source": saved.request.source.value,
        "add": saved.add_mode.value,
        "found": saved.found,
        "new": saved.new,
        "added": saved.added,
        "problem": saved.problem,
        "created_at": saved.created_at,
        "finished_at": saved.finished_at,
    }


def vars_of(value: Any) -> dict[str, Any]:
    return {name: getattr(value, name) for name in value.__slots__}
