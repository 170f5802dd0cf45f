"""``workspace show|set|forget-secrets``, ``usage``, ``backup`` and ``restore``."""

import argparse
import sys
from pathlib import Path

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.plans import format_limit
from localpro_desktop.services import backups, stored_secrets, usage
from localpro_desktop.services.assistant import usage as ai_usage


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    ws = sub.add_parser("workspace", help="show or change the workspace settings")
    ws_sub = ws.add_subparsers(dest="action", required=True)
    ws_sub.add_parser("show", help="print the settings").set_defaults(handler=show)
    setp = ws_sub.add_parser("set", help="change settings")
    setp.add_argument("--name")
    setp.add_argument("--country", help="ISO code used as default region for phones, e.g. SN")
    setp.add_argument("--currency", help="ISO currency code, e.g. XOF")
    setp.add_argument("--language", choices=["en", "fr"])
    setp.add_argument("--timezone", help="IANA zone, e.g. Africa/Dakar")
    setp.set_defaults(handler=set_settings)
    forget = ws_sub.add_parser(
        "forget-secrets",
        help="remove the saved sign-in and keys from the OS keyring (what uninstalling with "
        "'delete my data' does)",
    )
    forget.add_argument(
        "--all",
        action="store_true",
        help="every LocalPro entry of this user, of any workspace (Windows)",
    )
    forget.set_defaults(handler=forget_secrets)

    sub.add_parser("usage", help="this month's usage against the plan").set_defaults(
        handler=show_usage
    )

    bp = sub.add_parser("backup", help="write a consistent copy of the workspace database")
    bp.add_argument("--output", type=Path, help="file to write (default: the backups folder)")
    bp.set_defaults(handler=backup)

    rp = sub.add_parser("restore", help="replace the workspace database with a backup")
    rp.add_argument("file", type=Path, nargs="?", help="backup file (default: list backups)")
    rp.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rp.set_defaults(handler=restore)


def show(ctx: Context, _args: argparse.Namespace) -> int:
    s = ctx.ws.settings()
    data = {
        "data_dir": str(ctx.paths.root),
        "name": s.name,
        "country": s.country,
        "currency": s.currency,
        "language": s.language,
        "timezone": s.timezone,
        "plan": s.plan.value,
    }
    ctx.out.emit(data)
    return 0


def set_settings(ctx: Context, args: argparse.Namespace) -> int:
    values = {k: getattr(args, k) for k in ("name", "country", "currency", "language", "timezone")}
    if all(v is None for v in values.values()):
        raise UserError("Nothing to change: give --country, --currency, --language, ...")
    ctx.ws.update_settings(**values)
    return show(ctx, args)


def show_usage(ctx: Context, _args: argparse.Namespace) -> int:
    with ctx.ws.read() as session:
        rep = usage.report(session, ctx.ws.settings().plan)
    data: dict[str, object] = {
        "plan": rep.plan.value,
        "month": rep.month,
        "resets_on": rep.resets_on.isoformat(),
        "usage": {
            line.metric.value: {"used": line.used, "limit": line.limit, "remaining": line.remaining}
            for line in rep.lines
        },
    }
    tokens = ai_usage.month_usage(ctx.ws)
    # Beside the plan's usage: the assistant's tokens, against the user's own cap (if any).
    data["ai_tokens"] = {"used": tokens.total, "cap": tokens.cap, "remaining": tokens.remaining}
    human = [f"Plan {rep.plan.label} — {rep.month} (resets on {rep.resets_on})"]
    for line in rep.lines:
        human.append(f"  {line.metric.value:<10} {line.used:>8,} / {format_limit(line.limit)}")
    cap = f"{tokens.cap:,}" if tokens.cap else "no cap"
    human.append(f"  {'AI tokens':<10} {tokens.total:>8,} / {cap}")
    ctx.out.emit(data, "\n".join(human))
    return 0


def backup(ctx: Context, args: argparse.Namespace) -> int:
    ws = ctx.ws
    done = backups.back_up(ws.paths, Path(args.output) if args.output else None)
    ctx.out.emit(
        {"backup": str(done.path), "integrity": done.integrity}, f"Backup written to {done.path}"
    )
    return 0 if done.ok else 1


def restore(ctx: Context, args: argparse.Namespace) -> int:
    if args.file is None:
        files = backups.list_backups(ctx.paths)
        ctx.out.table(
            [{"file": str(f), "size_kb": f.stat().st_size // 1024} for f in files],
            ["file", "size_kb"],
            title="Backups (newest first):",
        )
        return 0
    source = Path(args.file)
    if not source.exists():
        raise UserError(f"No backup file at {source}.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("Restoring replaces the current data: add --yes to confirm.")
        answer = input(f"Replace the workspace at {ctx.paths.root} with {source}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            ctx.out.emit({"restored": False}, "Nothing changed.")
            return 1
    ctx.close()
    backups.restore(ctx.paths, source)
    ctx.out.emit({"restored": True, "from": str(source)}, f"Restored from {source}.")
    return 0


def forget_secrets(ctx: Context, args: argparse.Namespace) -> int:
    """The workspace's keyring entries (never creates a workspace), and with ``--all`` on
    Windows every ``LocalPro`` entry of the user."""
    from localpro_desktop.services.workspace import Workspace

    removed = 0
    if ctx.paths.database.exists():
        ws = Workspace.open(ctx.paths, daily_backup=False)
        try:
            removed = stored_secrets.forget_workspace_secrets(ws.device_id)
        finally:
            ws.close()
    listed = stored_secrets.forget_every_entry() if args.all else None
    total = removed + (listed or 0)
    human = f"Removed {total} saved secret(s) from the OS keyring."
    if args.all and listed is None:
        human += " (Only this workspace's: this system cannot list the others.)"
    ctx.out.emit({"removed": total, "every_entry": listed is not None}, human)
    return 0
