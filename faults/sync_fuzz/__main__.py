"""``python -m faults.sync_fuzz``: the command line."""

import faults.sync_fuzz
from faults._common import main_for
from faults.sync_fuzz.campaign import run
from faults.sync_fuzz.settings import DEFAULT_CASES

if __name__ == "__main__":
    raise SystemExit(main_for(run, faults.sync_fuzz.__doc__, DEFAULT_CASES))
