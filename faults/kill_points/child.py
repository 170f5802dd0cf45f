"""The work a kill-points case kills, and the pre-warmed process that forks it.

``python -m faults.kill_points.child`` is a *zygote*: it imports everything the four operations
need once, then reads one JSON command a line on stdin (``{"target": ..., "args": ...}``),
forks a child that does the work in its own process group, answers ``pid N`` at once
and ``done N STATUS`` when the child is gone (STATUS: ``exit:CODE`` or ``signal:NUM``).
The campaign sends SIGKILL to the child's group in between. A fork costs milliseconds
where a fresh interpreter costs a second, so a thousand kills per target stay affordable.

Where ``os.fork`` is missing (Windows), ``python -m faults.kill_points.child --once JSON`` does
one operation in a fresh process instead (the spawn fallback).

The child's output goes to ``<args.root>.log`` (the case's folder name plus ``.log``), so
a failure can show what the child said.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import traceback
from contextlib import suppress
from pathlib import Path
from typing import Any

# Imported before any fork: the child starts working at once (that is the point).
from localpro_desktop.channels.africastalking import AfricasTalkingSms
from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.channels.twilio import TwilioSms
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.demo import generate_demo
from localpro_desktop.services.dispatch import Throttle, dispatch_until_idle
from localpro_desktop.services.importing.importer import import_file
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.sync.client import SyncClient

STALL = 30.0


def open_workspace(root: Path) -> Workspace:
    return Workspace.open(WorkspacePaths(root), daily_backup=False)


def do_import(args: dict[str, Any]) -> None:
    """``localpro contacts import``'s service on a CSV, into an existing workspace."""
    ws = open_workspace(Path(args["root"]))
    try:
        import_file(ws, "contacts", Path(args["csv"]), workers=args.get("workers"))
    finally:
        ws.close()


def do_demo(args: dict[str, Any]) -> None:
    """``localpro --data-dir NEW demo``: create the workspace, then fill it."""
    ws = open_workspace(Path(args["root"]))
    try:
        generate_demo(ws, size=int(args["size"]), seed=int(args.get("seed", 7)))
    finally:
        ws.close()


def do_sync(args: dict[str, Any]) -> None:
    """One sync round of a signed-in workspace: push, then pull, to the end."""
    ws = open_workspace(Path(args["root"]))
    client = SyncClient(ws, args["url"], stall=STALL)
    try:
        client.sync_once()
    finally:
        client.close()
        ws.close()


def do_dispatch(args: dict[str, Any]) -> None:
    """The dispatcher sending a queued SMS campaign through Twilio's or Africa's Talking's
    API (a stand-in on 127.0.0.1)."""
    ws = open_workspace(Path(args["root"]))
    sms: TwilioSms | AfricasTalkingSms
    if args.get("provider", "twilio") == "twilio":
        sms = TwilioSms(args["sid"], args["token"], from_number=args["from"], base_url=args["url"])
    else:
        sms = AfricasTalkingSms(args["username"], args["key"], base_url=args["url"])
    try:
        dispatch_until_idle(
            ws,
            {ChannelKind.SMS: sms},
            throttles={ChannelKind.SMS: Throttle(float(args.get("rate", 1e9)), burst=1e9)},
            concurrency={ChannelKind.SMS: int(args.get("concurrency", 8))},
        )
    finally:
        sms.close()
        ws.close()


WORK = {"import": do_import, "demo": do_demo, "sync": do_sync, "dispatch": do_dispatch}


def work(command: dict[str, Any]) -> int:
    """Do one command in this process: 0 when it finished, 3 when it raised."""
    try:
        WORK[command["target"]](command["args"])
    except BaseException:
        traceback.print_exc()
        return 3
    return 0


def _child(command: dict[str, Any]) -> None:
    """In the forked child: own process group, output to the case's log, then the work."""
    code = 3
    try:
        os.setpgid(0, 0)
        log = os.open(
            str(command["args"]["root"]) + ".log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600
        )
        os.dup2(log, 1)
        os.dup2(log, 2)
        sys.stdout = os.fdopen(1, "w", buffering=1)
        sys.stderr = os.fdopen(2, "w", buffering=1)
        code = work(command)
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(code)


def zygote() -> None:
    out = sys.stdout
    print("ready", file=out, flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        command = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(command)
        with suppress(OSError):  # both sides set it: no window where a kill misses it
            os.setpgid(pid, pid)
        print(f"pid {pid}", file=out, flush=True)
        _pid, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            end = f"signal:{os.WTERMSIG(status)}"
        else:
            end = f"exit:{os.WEXITSTATUS(status)}"
        print(f"done {pid} {end}", file=out, flush=True)


def main() -> None:
    logging.disable(logging.WARNING)
    if len(sys.argv) == 3 and sys.argv[1] == "--once":
        raise SystemExit(work(json.loads(sys.argv[2])))
    zygote()


if __name__ == "__main__":
    main()
