"""Kill points: `kill -9` an import, a demo generation, a sync round and a campaign dispatch.

Each target's operation runs in a child process (forked from a pre-warmed process, see
``faults.kill_points.child``; a fresh interpreter where there is no fork) and is killed with
SIGKILL at a seeded random moment drawn uniformly over the measured duration of an
unkilled run of the same operation. After each kill:

- ``import``: the contacts import service (what ``localpro contacts import`` calls) on a
  CSV of a few thousand rows: ``PRAGMA integrity_check`` ok; all rows or none in the
  database; the rerun imports the rest, no duplicate.
- ``demo``: a new workspace created and filled with demo data (``localpro --data-dir NEW
  demo``): the workspace opens again; no demo rows or all of them; the rerun gives the
  complete demo workspace, nothing twice.
- ``sync``: one round (push of a device's contacts, pull of another device's) against the
  real cloud on 127.0.0.1: every row the server acknowledged before the kill is there
  after the rerun, the devices and the server converge, no duplicate row.
- ``dispatch``: an SMS campaign sent through the outbox to a Twilio stand-in on
  127.0.0.1 (which counts what it received): no recipient got the message twice; after
  the rerun every recipient got it exactly once, or is flagged ``unknown`` for a person
  to check (it reached the provider at most once).

    python -m faults.kill_points [--target import|demo|sync|dispatch|all] [--cases N]
        [--seed S] [--workdir D] [--json F]

``--cases`` is per target. A failure names the target, seed, case and delay: rerun with the
same ``--target``, ``--seed`` and at least that many cases (a kill moment is a time, so
the replay lands near, not exactly at, the same instruction).
"""

from faults.kill_points.campaign import TARGET_CLASSES, Tally, run, run_target
from faults.kill_points.command_line import main
from faults.kill_points.constants import DEFAULT_CASES, TARGETS
from faults.kill_points.runner import Outcome, Runner

__all__ = [
    "DEFAULT_CASES",
    "TARGETS",
    "TARGET_CLASSES",
    "Outcome",
    "Runner",
    "Tally",
    "main",
    "run",
    "run_target",
]
