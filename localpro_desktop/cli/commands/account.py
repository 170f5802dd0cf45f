"""``account register|login|logout|status`` and ``sync``: the cloud account from a terminal.

Passwords are read from a prompt (or standard input when piped), never from an argument:
arguments end up in shell history and process lists.
"""

import argparse
import getpass
import sys

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.errors import UserError
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.sync import engine, state
from localpro_desktop.sync.client import NotSignedIn, SyncClient
from localpro_desktop.sync.transport import SyncUnavailable
from localpro_protocol.wire import RegisterRequest


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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


def _friendly(exc: SyncUnavailable) -> UserError:
    return UserError(f"The cloud cannot be reached right now ({exc}); try again later.")


def do_register(ctx: Context, args: argparse.Namespace) -> int:
    password = _password(confirm=True)
    if len(password) < 10:
        raise UserError("Choose a password of at least 10 characters.")
    request = RegisterRequest(
        email=args.email.strip().lower(),
        password=password,
        name=args.name,
        business_name=args.business or ctx.ws.settings().name,
        country=(args.country or ctx.ws.settings().country).upper(),
    )
    with SyncClient(ctx.ws, args.server) as client:
        try:
            profile = client.register(request)
        except SyncUnavailable as exc:
            raise _friendly(exc) from None
    ctx.out.emit(
        profile.model_dump(),
        f"Account created for {profile.email}; this workspace is signed in ({profile.plan} plan).",
    )
    return 0


def do_login(ctx: Context, args: argparse.Namespace) -> int:
    password = _password()
    with SyncClient(ctx.ws, args.server) as client:
        try:
            profile = client.login(args.email, password)
        except SyncUnavailable as exc:
            raise _friendly(exc) from None
    ctx.out.emit(profile.model_dump(), f"Signed in as {profile.email}. Run 'localpro sync'.")
    return 0


def do_logout(ctx: Context, args: argparse.Namespace) -> int:
    with SyncClient(ctx.ws, args.server) as client:
        client.logout()
    ctx.out.emit({"signed_in": False}, "Signed out; the sign-in was removed from the keyring.")
    return 0


def do_status(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.ws.read() as session:
        data: dict[str, object] = {
            "server": local_state.get(session, StateKey.SERVER),
            "email": local_state.get(session, StateKey.EMAIL),
            "device_id": ctx.ws.device_id,
            "last_sync_at": local_state.get(session, StateKey.LAST_SYNC) or None,
            "changes_waiting": state.pending_changes(session),
            "rejected": [
                {"op_id": r.op_id, "table": r.tbl, "row_id": r.row_id, "reason": r.reason}
                for r in state.rejected(session)
            ],
        }
    with SyncClient(ctx.ws, args.server) as client:
        data["signed_in"] = client.signed_in()
        data["online"] = False
        if client.signed_in():
            try:
                profile = client.profile()
                data["online"] = True
                data["plan"] = profile.plan
                data["usage"] = [u.model_dump() for u in profile.usage]
            except (SyncUnavailable, NotSignedIn):
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
    for rejection in data["rejected"]:  # type: ignore[attr-defined]
        lines.append(
            f"Rejected        {rejection['table']} {rejection['row_id']}: {rejection['reason']}"
        )
    ctx.out.emit(data, "\n".join(lines))
    return 0


def do_sync(ctx: Context, args: argparse.Namespace) -> int:
    with SyncClient(ctx.ws, args.server) as client:
        try:
            report = client.sync_once()
        except SyncUnavailable as exc:
            with ctx.ws.write() as session:
                local_state.put(session, StateKey.LAST_ERROR, str(exc))
            waiting = engine.pending(ctx.ws)
            raise UserError(
                f"Sync did not complete: {exc}. {waiting} change(s) wait and will go next time."
            ) from None
    data = {
        "pushed": report.pushed,
        "rejected": report.rejected,
        "pulled_rows": report.pulled_rows,
        "pulled_changes": report.pulled_changes,
        "pages": report.pages,
        "batches": report.batches,
        "cursor": report.cursor,
        "up": report.tables_up,
        "down": report.tables_down,
        "waiting": engine.pending(ctx.ws),
    }
    human = (
        f"Sent {report.pushed} change(s)"
        + (f", {report.rejected} rejected (see 'account status')" if report.rejected else "")
        + f"; received {report.pulled_rows} record update(s)."
    )
    ctx.out.emit(data, human)
    return 0
