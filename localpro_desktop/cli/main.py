"""Entry point of ``localpro``: parse, open the workspace, run one command, explain errors.

Exit codes: 0 success, 1 a refused action or bad input (the message says what to fix),
2 a malformed command line (argparse), 3 an unexpected failure (logged with a traceback,
secrets masked), 141 when the reader of the output went away (``| head``), as Unix tools.
"""

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

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
from localpro_desktop.domain.disk import disk_error
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import workspace as msg
from localpro_desktop.paths import PRIVATE_DIR, make_private, private_opener

log = logging.getLogger("localpro")

BROKEN_PIPE = 141
"""Exit status when the output's reader closed it: 128 + SIGPIPE, what ``cat`` reports."""
MAX_ERROR_CHARS = 2_000
"""An error line is cut here: a message quoting a hostile file must not flood the terminal."""

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
    parser.add_argument(
        "--skip",
        action="append",
        choices=["web"],
        help="with --smoke-test: leave out the tabs that need QtWebEngine (web)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return parser


def _smoke_skips(given: list[str]) -> tuple[str, ...]:
    """``--skip PART`` values of a smoke run (read before Qt or the parser are loaded)."""
    parser = argparse.ArgumentParser(prog="localpro --smoke-test", add_help=False)
    parser.add_argument("--skip", action="append", default=[], choices=["web"])
    known, _rest = parser.parse_known_args(given)
    return tuple(known.skip)


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_console()
    given = list(sys.argv[1:] if argv is None else argv)
    if "--smoke-test" in given:
        from localpro_desktop.smoke import run

        return run(skip=_smoke_skips(given))
    if given:
        _console_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context.from_args(args)
    try:
        if args.command is None:
            from localpro_desktop.cli.launch import launch

            return launch(ctx)
        code = int(args.handler(ctx, args))
        sys.stdout.flush()  # a closed pipe shows here, not at exit after the report
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return BROKEN_PIPE
    except UserError as exc:
        _error(ctx, str(exc))
        return 1
    except KeyboardInterrupt:
        _error(ctx, "Interrupted; nothing half-written was kept.")
        return 1
    except Exception as exc:  # a bug: keep the details in the log, show a short line
        disk = disk_error(exc, ctx.paths.root)
        if disk is not None:  # a full or failing disk is no bug: no crash report to fill it
            _error(ctx, str(disk))
            return 1
        log_file, summary = _log_crash(ctx, exc)
        _error(ctx, msg.UNEXPECTED_ERROR(error=summary, where=log_file))
        return 3
    finally:
        ctx.close()


def _quiet_stdout() -> None:
    """The standard recipe for a closed pipe: point stdout at devnull, so the flush at
    exit finds nowhere to fail (and Python prints no "Exception ignored" line)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _error(ctx: Context, message: str) -> None:
    if len(message) > MAX_ERROR_CHARS:
        message = message[: MAX_ERROR_CHARS - 1] + "…"
    with contextlib.suppress(OSError, ValueError):  # stderr closed too: nothing to tell
        if ctx.out.json_mode:
            import json

            sys.stderr.write(json.dumps({"error": message}, ensure_ascii=False) + "\n")
        else:
            sys.stderr.write(f"error: {message}\n")


def _log_crash(ctx: Context, exc: Exception) -> tuple[str, str]:
    """Append the report to ``logs/crash.log`` (0600); return where, and a one-line summary.

    The report is the traceback, versions and platform, never local variables, arguments
    or the environment, with whatever looks like a secret masked (``ui/crash.py``): a
    password refused by a validator must not survive in a file the user e-mails to support.
    """
    from datetime import datetime

    report, redact = _report(exc)
    summary = redact(f"{type(exc).__name__}: {exc}")
    summary = summary if len(summary) <= 200 else summary[:199] + "…"
    try:
        ctx.paths.logs.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        path = ctx.paths.logs / "crash.log"
        make_private(path)
        with open(path, "a", encoding="utf-8", opener=private_opener) as handle:
            handle.write(f"\n--- {datetime.now().isoformat()} localpro {__version__}\n")
            handle.write(report)
        return str(path), summary
    except OSError:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(report)
        return "the console", summary


def _report(exc: Exception) -> "tuple[str, Callable[[str], str]]":
    """The window's report and redaction; without Qt, the exception types and frames only."""
    try:
        from localpro_desktop.ui.crash import format_report, redact
    except Exception:  # Qt's libraries missing on a headless machine
        import traceback

        chain: list[str] = []
        seen: BaseException | None = exc
        while seen is not None and len(chain) < 10:
            frames = traceback.format_tb(seen.__traceback__)
            chain.append("".join(frames) + f"{type(seen).__name__} (message withheld)\n")
            seen = seen.__cause__ or seen.__context__
        return "".join(reversed(chain)), lambda text: text.split(":", 1)[0]
    return format_report(type(exc), exc, exc.__traceback__), redact


def _console_streams() -> None:
    """Streams for a command run by the windowed Windows executable (``LocalPro.exe demo``).

    A windowed program has no stdout/stderr (None): writing to them raised AttributeError.
    The command line's own executable is ``localpro.com`` (a console program); when the
    windowed one gets a command anyway, it writes to the console of the program that started
    it (cmd, PowerShell) if there is one, and otherwise nowhere, rather than crash.
    """
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream: TextIO | None = None
    if sys.platform == "win32":
        import ctypes

        attach_parent_process = -1
        if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            with contextlib.suppress(OSError):
                stream = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    if stream is None:
        stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives with the process)
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream


def _utf8_console() -> None:
    """Windows consoles default to a legacy code page; accents must not crash output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    raise SystemExit(main())
