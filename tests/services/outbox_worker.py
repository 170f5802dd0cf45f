"""A dispatcher (or a lease holder) in its own process, for tests that kill it with SIGKILL.

    python outbox_worker.py WORKSPACE_DIR smtp PORT [CONCURRENCY]
    python outbox_worker.py WORKSPACE_DIR twilio URL [CONCURRENCY]
    python outbox_worker.py WORKSPACE_DIR africastalking URL [CONCURRENCY]
    python outbox_worker.py WORKSPACE_DIR lease OWNER TTL

The senders print "ready" once the workspace is open, then dispatch until idle,
unthrottled (the kills should land at every step, not in the throttle's sleep). ``lease``
takes the dispatch lease, prints "held" (or "refused <owner>") and keeps it until its
standard input closes.
"""

import sys
from pathlib import Path

from localpro_desktop.channels.africastalking import AfricasTalkingSms
from localpro_desktop.channels.base import Channel
from localpro_desktop.channels.email import SmtpChannel
from localpro_desktop.channels.twilio import TwilioSms
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.dispatch import Throttle, dispatch_until_idle, lease
from localpro_desktop.services.workspace import Workspace

TWILIO_SID, TWILIO_TOKEN, TWILIO_FROM = "AC" + "0" * 32, "token-123", "+15005550006"
AT_USERNAME, AT_KEY = "sandbox", "at-key-123"


def _channel(kind: str, where: str) -> Channel:
    if kind == "smtp":
        return SmtpChannel("127.0.0.1", int(where), "none", "boutique@example.sn", timeout=10.0)
    if kind == "twilio":
        return TwilioSms(TWILIO_SID, TWILIO_TOKEN, TWILIO_FROM, base_url=where, timeout=10.0)
    return AfricasTalkingSms(AT_USERNAME, AT_KEY, base_url=where, timeout=10.0)


def _hold(ws: Workspace, owner: str, ttl: float) -> None:
    with lease(ws, owner, ttl) as held:
        print("held" if held else f"refused {held.holder.owner if held.holder else ''}")
        sys.stdout.flush()
        sys.stdin.read()  # until the test closes our stdin (or kills us)


def main() -> None:
    args = sys.argv[1:]
    if args[1].isdigit():  # the old form: WORKSPACE_DIR SMTP_PORT
        args = [args[0], "smtp", *args[1:]]
    root, kind, where, *rest = args
    ws = Workspace.open(WorkspacePaths(Path(root)), daily_backup=False)
    try:
        if kind == "lease":
            _hold(ws, where, float(rest[0]))
            return
        channel = _channel(kind, where)
        width = int(rest[0]) if rest else None
        print("ready", flush=True)
        fast = {channel.kind: Throttle(1e9, burst=1e9)}
        concurrency = {channel.kind: width} if width else None
        dispatch_until_idle(ws, {channel.kind: channel}, throttles=fast, concurrency=concurrency)
    finally:
        ws.close()
    print("done", flush=True)


if __name__ == "__main__":
    sys.exit(main())
