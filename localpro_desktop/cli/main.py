"""Entry point of ``localpro``: parse, open the workspace, run one command, explain errors.

Exit codes: 0 success, 1 a refused action or bad input (the message says what to fix),
2 a malformed command line (argparse), 3 an unexpected failure (logged with a traceback).
"""

import argparse
import contextlib
import logging
import sys
from collections.abc import Sequence

from localpro_desktop import __version__
from localpro_desktop.cli.commands import (
    account,
    ai,
    campaigns,
    channels,
    contacts,
    demo,
    discover,
    dispatch,
    prospects,
    replies,
    screenshot,
    segments,
    stats,
    transfer,
    workspace,
)
from localpro_desktop.cli.context import Context
from localpro_desktop.domain.errors import UserError

log = logging.getLogger("localpro")

GROUPS = (
    demo,
    transfer,
    prospects,
    discover,
    contacts,
    segments,
    campaigns,
    replies,
    channels,
    dispatch,
    ai,
    stats,
    workspace,
    account,
    screenshot,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="localpro",
        description="LocalPro: prospects, CRM and campaigns for local businesses, offline first.",
        epilog="With no command, LocalPro opens the desktop app.",
    )
    parser.add_argument(
        "--data-dir", help="workspace folder (default: LOCALPRO_HOME or the per-user data folder)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--version", action="version", version=f"localpro {__version__}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start the app on a throw-away workspace, open every tab offscreen, quit (0 = ok)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_console()
    if "--smoke-test" in (sys.argv[1:] if argv is None else argv):
        from localpro_desktop.smoke import run

        return run()
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context.from_args(args)
    try:
        if args.command is None:
            from localpro_desktop.cli.launch import launch

            return launch(ctx)
        return int(args.handler(ctx, args))
    except UserError as exc:
        _error(ctx, str(exc))
        return 1
    except KeyboardInterrupt:
        _error(ctx, "Interrupted; nothing half-written was kept.")
        return 1
    except Exception as exc:  # a bug: keep the details in the log, show a short line
        log_file = _log_crash(ctx)
        _error(ctx, f"Unexpected error: {exc}. Details in {log_file}.")
        return 3
    finally:
        ctx.close()


def _error(ctx: Context, message: str) -> None:
    if ctx.out.json_mode:
        import json

        sys.stderr.write(json.dumps({"error": message}, ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(f"error: {message}\n")


def _log_crash(ctx: Context) -> str:
    import traceback
    from datetime import datetime

    try:
        ctx.paths.logs.mkdir(parents=True, exist_ok=True)
        path = ctx.paths.logs / "crash.log"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"\n--- {datetime.now().isoformat()} localpro {__version__}\n")
            handle.write(traceback.format_exc())
        return str(path)
    except OSError:
        traceback.print_exc()
        return "the console"


def _utf8_console() -> None:
    """Windows consoles default to a legacy code page; accents must not crash output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    raise SystemExit(main())
