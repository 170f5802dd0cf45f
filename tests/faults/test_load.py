"""CI subset of the load campaign: 20 devices for a few seconds on a SQLite server, and the
statelessness checks on two server processes sharing one PostgreSQL database.

The full campaign (``python -m faults.load``) runs 200 devices for 5 minutes on SQLite, on
PostgreSQL and on two instances behind a proxy; this runs the same code (real
``localpro-cloud serve`` subprocesses, the wire protocol, the end-of-run verification of
every account) small. The PostgreSQL part runs where ``LOCALPRO_TEST_PG_URL`` is set, as
CI sets it (the rest of tests/cloud selects PostgreSQL the same way).
"""

import os
from pathlib import Path

from faults.load import PG_ENV, run

DEVICES = 20
SECONDS = 4.0


def test_load_subset(tmp_path: Path) -> None:
    backends = ("sqlite", "two") if os.environ.get(PG_ENV) else ("sqlite",)
    result = run(DEVICES, 14, tmp_path, duration=SECONDS, backends=backends, two_devices=0)
    assert result.ok, "\n".join(result.failures)
    assert str(result.figures["sqlite: errors / 429 honoured / refreshes"]).startswith("0 /")
    assert f"{DEVICES} devices" in str(result.figures["sqlite: verified"])
    if "two" in backends:
        assert "6 run" in str(result.figures["two: statelessness checks"])
