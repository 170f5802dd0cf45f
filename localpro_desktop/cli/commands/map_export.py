"""``localpro export map``: a selection of records as one HTML map that opens offline.

A form of ``export`` (``cli/commands/transfer.py`` adds these arguments to it and hands the
``map`` kind here), so ``localpro export map --segment S --output visits.html`` reads like
the other exports. The file is ``services/exporting/map_html.py``'s; this only reads the
command line and says what was written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.exporting.map_html import (
    MapSelection,
    export_map_html,
    ids_from_lines,
)


def add_map_arguments(parser: argparse.ArgumentParser) -> None:
    """The options only ``export map`` takes (``--segment`` and ``--output`` are shared)."""
    parser.add_argument("--city", help="map: the prospects in this city (case and accents ignored)")
    parser.add_argument(
        "--ids-file",
        type=Path,
        help="map: the contacts and prospects whose ids are in this file, one per line",
    )
    parser.add_argument(
        "--language",
        choices=["en", "fr"],
        help="map: the language of the legend and labels (default: the workspace's)",
    )


def run_map_export(ctx: Context, args: argparse.Namespace) -> int:
    ids: list[str] = []
    if args.ids_file is not None:
        try:
            text = Path(args.ids_file).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise UserError(f"Cannot read {args.ids_file}: {exc.strerror}.") from None
        ids = ids_from_lines(text.splitlines())
    # An id is a contact's or a prospect's; ids are unique across both, so look in both.
    selection = MapSelection(
        segment=args.segment,
        contact_ids=tuple(ids),
        prospect_ids=tuple(ids),
        city=args.city,
    )
    result = export_map_html(ctx.ws, selection, args.output, language=args.language)
    data = {
        "file": str(result.path),
        "format": "html",
        "points": result.points,
        "contacts": result.contacts,
        "prospects": result.prospects,
        "without_location": result.without_location,
        "bytes": result.size,
    }
    human = (
        f"Map of {result.contacts:,} contacts and {result.prospects:,} prospects "
        f"written to {result.path} ({result.size / 1024:,.0f} kB, opens offline)"
    )
    if result.without_location:
        human += f"; {result.without_location:,} without a known place left out"
    ctx.out.emit(data, human)
    return 0
