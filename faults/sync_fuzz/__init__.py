"""Sync fuzzing: seeded operation sequences over three devices, with partial syncs, cuts,
kills and one device whose clock is a day wrong.

Three devices (real workspaces, real SQLite files) of one account sync with the real cloud
(uvicorn on 127.0.0.1, SQLite) through a fault proxy. A *case* is one short seeded
sequence (3 to 12 steps) of local writes on random devices — contacts and prospects added,
edited, tagged, moved on the board, deleted; static segments made, contacts added to and
taken out of them; the workspace's name changed; the same field edited on two devices
before either syncs; a delete on one device against an edit on another; one contact added
to one segment on two devices; an unsent edit under a pulled page that carries the row —
interleaved with full syncs, push-only and pull-only rounds, rounds cut through the proxy
(request cut after N bytes, answer cut, answer lost after the server committed, at a random
request of the round), app restarts, pauses, and now and then ``kill -9`` of a device's
sync running as the real command line in a subprocess (at a random moment, right after
the server committed its first push, or right after its first page landed). Every device
and the server read one virtual clock, so a run is the same from its seed (except where a
random kill lands); one device per account reads it a day ahead or a day behind, and
sometimes loses its correction again (the clock set wrong again).

Checked: after each local write, the device reads what it wrote (read-your-writes); after
each of its own sync steps, every field it last wrote holds its value unless a write with
a later clock legitimately replaced it. After the case, all three sync fully: every row the
case touched is identical on the three devices and on the server, nothing waits to be sent,
and each field holds what the reference model says: last writer wins per field by hybrid
logical clock (``protocol.merge``, a delete losing to a later write), over every write any
device made, each with the clock the server kept for it (the server pulls a clock more than
a minute ahead back to its own time, which is how a device a day ahead is stopped from
winning every conflict; the model takes those clamped clocks from the server as it applies
them). Every ``FULL_CHECK_EVERY`` cases and at the end of an account, whole tables are
compared and ``PRAGMA integrity_check`` run on every workspace.

Devices and server are reused across cases (each case writes new records); a fresh account
with three fresh devices starts every ``EPOCH`` cases, which bounds the tables' growth.
"""

import sys
from pathlib import Path

# The campaign drives the sync test kit (tests/sync: faultproxy, synckit); every module of
# this package imports it, and this package's __init__ runs before any of them.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "sync"))

from faults.sync_fuzz.campaign import run
from faults.sync_fuzz.settings import DEFAULT_CASES, EPOCH

__all__ = ["DEFAULT_CASES", "EPOCH", "run"]
