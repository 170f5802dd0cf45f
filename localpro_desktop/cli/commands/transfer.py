"""``import`` and ``export``: files in and out of the workspace."""

import argparse
import sys
from pathlib import Path

from localpro_desktop.cli.commands.map_export import add_map_arguments, run_map_export
from localpro_desktop.cli.context import Context
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services.exporting.exporters import ExportFormat, export_records
from localpro_desktop.services.importing.importer import DuplicatePolicy, Progress, import_file
from localpro_desktop.services.importing.mapping import parse_overrides
from localpro_desktop.services.importing.presets import PRESET_CHOICES
from localpro_desktop.services.segments import SegmentService


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    i = sub.add_parser("import", help="import prospects or contacts from CSV or XLSX")
    i.add_argument("kind", choices=["prospects", "contacts"])
    i.add_argument("file", type=Path)
    i.add_argument(
        "--on-duplicate",
        choices=[p.value for p in DuplicatePolicy],
        default="skip",
        help="what to do with a row that matches an existing record",
    )
    i.add_argument("--dry-run", action="store_true", help="report what would happen; write nothing")
    i.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="map a column to a field (FIELD empty or 'ignore' drops it)",
    )
    i.add_argument(
        "--source",
        choices=[s.value for s in ProspectSource],
        default=None,
        help="where imported prospects come from (e.g. linkedin, directory); "
        "default: the preset's platform, else import",
    )
    i.add_argument(
        "--preset",
        choices=list(PRESET_CHOICES),
        default="auto",
        help="read a LinkedIn connections export (linkedin) or a Facebook lead-ads download "
        "(facebook-leads) as such; auto: when the columns show it; none: never",
    )
    i.set_defaults(handler=run_import)

    e = sub.add_parser(
        "export",
        help="export prospects or contacts, or share a map of them",
        description="'export prospects|contacts --format F --output FILE' writes a file to "
        "open in a spreadsheet or GIS; 'export map --segment S --output visits.html' writes "
        "one HTML map that opens offline (on a phone, for a day of visits).",
    )
    e.add_argument("kind", choices=["prospects", "contacts", "map"])
    # Required for prospects and contacts (checked in run_export: map takes no format).
    e.add_argument("--format", choices=[f.value for f in ExportFormat])
    e.add_argument("--output", type=Path, required=True)
    e.add_argument("--segment", help="only the contacts of this segment")
    e.add_argument(
        "--semicolon",
        action="store_true",
        help="separate CSV columns with ';' (Excel set to French)",
    )
    add_map_arguments(e)
    e.set_defaults(handler=run_export, export_parser=e)


def _progress(ctx: Context) -> Progress | None:
    if ctx.out.json_mode or not sys.stderr.isatty():
        return None

    def show(phase: str, done: int, total: int) -> None:
        sys.stderr.write(f"\r{phase}: {done:,}/{total:,}   ")
        if done >= total:
            sys.stderr.write("\n")

    return show


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    from localpro_desktop.domain.errors import UserError
    from localpro_desktop.services.importing.mapping import MappingError

    try:
        overrides = parse_overrides(args.map)
    except MappingError as exc:
        raise UserError(str(exc)) from None
    report = import_file(
        ctx.ws,
        args.kind,
        args.file,
        on_duplicate=DuplicatePolicy(args.on_duplicate),
        dry_run=args.dry_run,
        overrides=overrides,
        source=ProspectSource(args.source) if args.source else None,
        progress=_progress(ctx),
        preset=args.preset,
    )
    data = report.as_dict()
    verb = "Would import" if report.dry_run else "Imported"
    lines = [
        f"{verb} {args.kind} from {args.file} ({report.encoding}, separator {report.delimiter!r})"
        if report.delimiter
        else f"{verb} {args.kind} from {args.file}",
        *([f"Read as a {report.preset} export"] if report.preset else []),
        *([f"Source: {report.source}"] if report.source else []),
        "Columns: " + ", ".join(f"{h} → {f}" for h, f in report.mapping.items()),
        f"  created            {report.created}",
        f"  updated            {report.updated}",
        f"  unchanged          {report.unchanged}",
        f"  skipped duplicate  {report.skipped_duplicate}",
    ]
    # Every duplicate says what it matched (an earlier row, or a record already there).
    if report.duplicates:
        lines.append(f"  duplicates         {len(report.duplicates)}")
    for problem in report.duplicates[:50]:
        lines.append(f"    row {problem.row}: {problem.matched}")
    if len(report.duplicates) > 50:
        lines.append(f"    … {len(report.duplicates) - 50} more (use --json for all)")
    lines.append(f"  rejected           {len(report.rejected)}")
    for problem in report.rejected[:50]:
        lines.append(f"    row {problem.row}: {problem.reason}")
    if len(report.rejected) > 50:
        lines.append(f"    … {len(report.rejected) - 50} more (use --json for all)")
    if report.warnings:
        lines.append(f"  warnings           {len(report.warnings)} (kept, flagged)")
        for problem in report.warnings[:10]:
            lines.append(f"    row {problem.row}: {problem.reason}")
    ctx.out.emit(data, "\n".join(lines))
    return 0


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    from localpro_desktop.domain.errors import UserError

    parser: argparse.ArgumentParser = args.export_parser
    if args.kind == "map":
        if args.format or args.semicolon:
            parser.error("export map writes one HTML file: leave out --format and --semicolon")
        return run_map_export(ctx, args)
    if args.format is None:
        parser.error("the following arguments are required: --format")
    if args.city or args.ids_file or args.language:
        parser.error("--city, --ids-file and --language go with 'export map'")
    ids = None
    if args.segment:
        if args.kind != "contacts":
            raise UserError("Segments group contacts: use --segment with 'export contacts'.")
        ids = SegmentService(ctx.ws).contact_ids(args.segment)
    result = export_records(
        ctx.ws,
        args.kind,
        ExportFormat(args.format),
        args.output,
        ids=ids,
        semicolon=args.semicolon,
        progress=None,
    )
    data = {
        "file": str(result.path),
        "format": args.format,
        "rows": result.rows_written,
        "rows_without_coordinates": result.rows_without_coordinates,
    }
    human = f"{result.rows_written:,} {args.kind} written to {result.path}"
    if args.format == "geojson" and result.rows_without_coordinates:
        human += f" ({result.rows_without_coordinates:,} without coordinates left out)"
    ctx.out.emit(data, human)
    return 0
