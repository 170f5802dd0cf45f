"""Run by test_outbox_kill: a dispatcher in its own process, killed with SIGKILL at will.

python outbox_worker.py WORKSPACE_DIR SMTP_PORT
"""

import sys
from pathlib import Path

from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.channels.email import SmtpChannel
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.dispatcher import Throttle, dispatch_until_idle
from localpro_desktop.services.workspace import Workspace


def main() -> None:
    ws = Workspace.open(WorkspacePaths(Path(sys.argv[1])), daily_backup=False)
    channel = SmtpChannel(
        "127.0.0.1", int(sys.argv[2]), "none", "boutique@example.sn", timeout=10.0
    )
    print("ready", flush=True)
    try:
        # Unthrottled: the kills should land at every step, not in the throttle's sleep.
        fast = {ChannelKind.EMAIL: Throttle(1e9, burst=1e9)}
        dispatch_until_idle(ws, {ChannelKind.EMAIL: channel}, throttles=fast)
    finally:
        ws.close()
    print("done", flush=True)


if __name__ == "__main__":
    sys.exit(main())
