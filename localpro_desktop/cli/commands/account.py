"""``account register|login|logout|status`` and ``sync``: the cloud account from a terminal.

Passwords are read from a prompt (or standard input when piped), never from an argument:
arguments end up in shell history and process lists.
"""

import argparse
import getpass
import json
import sys
import time
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from localpro_desktop.cli.context import Context
from localpro_desktop.cli.output import to_jsonable
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import workspace as msg
from localpro_desktop.services.account import (
    CloudAccount,
    CloudUnreachable,
    Failure,
    NotSignedIn,
    RoundOutcome,
    SyncReport,
    SyncStatus,
    keep_syncing,
    sync_overview,
    waiting,
)
from localpro_protocol.wire import RegisterRequest

_sleep = time.sleep
"""How ``sync --watch`` waits (a test replaces it to stop the loop)."""


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("account", help="your LocalPro cloud account")
    acc = p.add_subparsers(dest="action", required=True)

    r = acc.add_parser("register", help="create an account and sign this workspace in")
    r.add_argument("--email", required=True)
    r.add_argument("--name", default="")
    r.add_argument("--business", default="")
    r.add_argument("--country", default=None, help="ISO code (default: the workspace's)")
    r.add_argument("--server", help="cloud URL (remembered by the workspace)")
    r.set_defaults(handler=do_register)

    login = acc.add_parser("login", help="sign this workspace in to an existing account")
    login.add_argument("--email", required=True)
    login.add_argument("--server")
    login.set_defaults(handler=do_login)

    out = acc.add_parser("logout", help="sign out and forget the stored sign-in")
    out.add_argument("--server")
    out.set_defaults(handler=do_logout)

    st = acc.add_parser("status", help="account, plan, usage and sync state")
    st.add_argument("--server")
    st.set_defaults(handler=do_status)

    s = sub.add_parser("sync", help="one sync round with the cloud")
    s.add_argument("--server")
    s.add_argument(
        "--watch",
        action="store_true",
        help="keep syncing on the app's schedule (after edits, every 5 minutes, backing off "
        "while the cloud is unreachable) until interrupted; one line (or JSON object) a round",
    )
    s.set_defaults(handler=do_sync)


def _password(confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise UserError("No password given on standard input.")
        return line.rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Repeat the password: ") != password:
        raise UserError("The two passwords differ.")
    return password


def _friendly(exc: CloudUnreachable) -> UserError:
    return UserError(f"The cloud cannot be reached right now ({exc}); try again later.")


def _register_request(**fields: str) -> RegisterRequest:
    """The request, or a UserError naming what is wrong: never pydantic's own text, which
    quotes the values given (the password included) and would end up in a crash report."""
    try:
        return RegisterRequest(**fields)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False)
    for error in errors:
        if tuple(error["loc"]) == ("password",):
            ctx = error.get("ctx") or {}
            length = len(fields["password"])
            if "max_length" in ctx:
                raise UserError(msg.PASSWORD_TOO_LONG, length=length, limit=ctx["max_length"])
            if "min_length" in ctx:
                raise UserError(msg.PASSWORD_TOO_SHORT, limit=ctx["min_length"])
    names = sorted({str(error["loc"][0]) for error in errors if error["loc"]})
    raise UserError(msg.ACCOUNT_DETAILS_INVALID, fields=", ".join(names) or "?")


def do_register(ctx: Context, args: argparse.Namespace) -> int:
    password = _password(confirm=True)
    if len(password) < 10:
        raise UserError(msg.PASSWORD_TOO_SHORT, limit=10)
    request = _register_request(
        email=args.email.strip().lower(),
        password=password,
        name=args.name,
        business_name=args.business or ctx.ws.settings().name,
        country=(args.country or ctx.ws.settings().country).upper(),
    )
    with CloudAccount(ctx.ws, args.server) as account:
        try:
            profile = account.register(request)
        except CloudUnreachable as exc:
            raise _friendly(exc) from None
    ctx.out.emit(
        profile.model_dump(),
        f"Account created for {profile.email}; this workspace is signed in ({profile.plan} plan).",
    )
    return 0


def do_login(ctx: Context, args: argparse.Namespace) -> int:
    password = _password()
    with CloudAccount(ctx.ws, args.server) as account:
        try:
            profile = account.sign_in(args.email, password)
        except CloudUnreachable as exc:
            raise _friendly(exc) from None
    ctx.out.emit(profile.model_dump(), f"Signed in as {profile.email}. Run 'localpro sync'.")
    return 0


def do_logout(ctx: Context, args: argparse.Namespace) -> int:
    with CloudAccount(ctx.ws, args.server) as account:
        account.sign_out()
    ctx.out.emit({"signed_in": False}, "Signed out; the sign-in was removed from the keyring.")
    return 0


def do_status(ctx: Context, args: argparse.Namespace) -> int:
    overview = sync_overview(ctx.ws)
    data: dict[str, Any] = {
        "server": overview.server,
        "email": overview.email,
        "device_id": overview.device_id,
        "last_sync_at": overview.last_sync_at,
        "changes_waiting": overview.changes_waiting,
        "rejected": [
            {"op_id": r.op_id, "table": r.table, "row_id": r.row_id, "reason": r.reason}
            for r in overview.rejected
        ],
    }
    with CloudAccount(ctx.ws, args.server) as account:
        data["signed_in"] = account.signed_in()
        data["online"] = False
        if account.signed_in():
            try:
                profile = account.profile()
                data["online"] = True
                data["plan"] = profile.plan
                data["usage"] = [u.model_dump() for u in profile.usage]
            except (CloudUnreachable, NotSignedIn):
                pass
    lines = [
        f"Server          {data['server'] or '(none)'}",
        f"Account         {data['email'] or '(not signed in)'}",
        f"Signed in       {'yes' if data['signed_in'] else 'no'}",
        f"Last sync       {data['last_sync_at'] or 'never'}",
        f"Changes waiting {data['changes_waiting']}",
    ]
    if "plan" in data:
        lines.append(f"Plan            {data['plan']}")
    for rejection in data["rejected"]:
        lines.append(
            f"Rejected        {rejection['table']} {rejection['row_id']}: {rejection['reason']}"
        )
    ctx.out.emit(data, "\n".join(lines))
    return 0


def do_sync(ctx: Context, args: argparse.Namespace) -> int:
    if args.watch:
        return _watch(ctx, args)
    with CloudAccount(ctx.ws, args.server) as account:
        try:
            report = account.sync_once()
        except CloudUnreachable as exc:
            count = waiting(ctx.ws)
            raise UserError(
                f"Sync did not complete: {exc}. {count} change(s) wait and will go next time."
            ) from None
    ctx.out.emit(_report_data(ctx, report), _report_text(report))
    return 0


def _report_data(ctx: Context, report: SyncReport) -> dict[str, Any]:
    return {
        "pushed": report.pushed,
        "rejected": report.rejected,
        "pulled_rows": report.pulled_rows,
        "pulled_changes": report.pulled_changes,
        "pages": report.pages,
        "batches": report.batches,
        "cursor": report.cursor,
        "up": report.tables_up,
        "down": report.tables_down,
        "waiting": waiting(ctx.ws),
    }


def _report_text(report: SyncReport) -> str:
    return (
        f"Sent {report.pushed} change(s)"
        + (f", {report.rejected} rejected (see 'account status')" if report.rejected else "")
        + f"; received {report.pulled_rows} record update(s)."
    )


def _watch(ctx: Context, args: argparse.Namespace) -> int:
    """Rounds on the app's schedule until Ctrl+C; each round is one line (JSON Lines with
    --json: the keys of ``sync``, plus ``at``, ``trigger``, ``ok``, ``error``, ``retry_at``)."""

    def show(outcome: RoundOutcome, status: SyncStatus) -> None:
        data: dict[str, Any] = {
            "at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "trigger": outcome.trigger.value,
            "ok": outcome.failure is None,
            "skipped": outcome.skipped,
        }
        if outcome.report is not None:
            data.update(_report_data(ctx, outcome.report))
        else:
            data["waiting"] = status.waiting
        if outcome.failure is not None:
            data.update(error=outcome.message, retry_at=status.retry_at)
        if ctx.out.json_mode:
            line = json.dumps(to_jsonable(data), ensure_ascii=False)
        else:
            line = f"{data['at']} {_watch_text(outcome, status)}"
        ctx.out.stream.write(line + "\n")
        ctx.out.stream.flush()

    with CloudAccount(ctx.ws, args.server) as account:
        try:
            keep_syncing(account, show, sleep=lambda seconds: _sleep(seconds))
        except KeyboardInterrupt:
            return 0
    return 0


def _watch_text(outcome: RoundOutcome, status: SyncStatus) -> str:
    if outcome.report is not None:
        return _report_text(outcome.report)
    if outcome.skipped:
        return "Nothing to send."
    if outcome.failure is Failure.OFFLINE and status.retry_at is not None:
        seconds = max(
            int((status.retry_at - datetime.now(status.retry_at.tzinfo)).total_seconds()), 0
        )
        return (
            f"Sync did not complete: {outcome.message}. {status.waiting} change(s) wait; "
            f"next try in {seconds} s."
        )
    return f"Sync did not complete: {outcome.message}."
