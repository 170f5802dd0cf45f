"""Load: devices syncing against real servers, then two instances behind a proxy.

    python -m faults.load [--devices 200] [--duration 300] [--backend all|sqlite|postgresql|two]
                          [--seed 1] [--workdir D] [--json F]

``--devices`` is the campaign's ``--cases``. Each backend gets a fresh database and real
``localpro-cloud serve`` subprocesses on 127.0.0.1: ``sqlite`` (one server on a SQLite
file), ``postgresql`` (one server on a fresh PostgreSQL database, ``LOCALPRO_TEST_PG_URL``)
and ``two`` (two servers on one PostgreSQL database behind a round-robin TCP proxy,
``faults/_proxy.py``). The devices are asyncio tasks speaking the app's wire protocol as
``localpro_desktop.sync.client`` does (gzip column-block pushes with the pull cursor, pulls
in ``blocks`` layout by cursor, refresh-token rotation), several devices per account, each
doing push/pull rounds with think time for the duration.

What counts as a failure: any non-2xx answer or protocol error (a 429 with Retry-After is
honoured and counted apart), a rejected op, an error in a server log; and at the end, for
every account: the server's documents differ from what its devices pushed (merged by HLC,
field by field: nothing lost, nothing extra), its sequence is not exactly the number of row
stamps its pushes made (no gap, no reuse), seqs not unique, or a device's data differs from
the server's after a last pull.

On ``two`` the instances must share everything through the database (the service is
stateless): the registration limit and the sign-in throttle count across instances, a
refresh token rotated on A and presented again on B is a grace retry once and a replay
after that (family revoked on both), two concurrent refreshes of one token on A and B do
not sign the user out, a sign-out on A holds on B, and concurrent pushes of one account on
both instances get unique, gap-free seqs.

Timing makes runs differ (devices interleave as the scheduler lets them); the data each
device writes, and so every check, follows from the seed.
"""

from faults.load.campaign import run
from faults.load.settings import BACKENDS, DEFAULT_CASES, DEFAULT_DURATION, PG_ENV

__all__ = ["BACKENDS", "DEFAULT_CASES", "DEFAULT_DURATION", "PG_ENV", "run"]
