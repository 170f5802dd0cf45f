"""``python -m faults.api_fuzz``: the command line."""

import faults.api_fuzz
from faults._common import main_for
from faults.api_fuzz.campaign import run
from faults.api_fuzz.settings import DEFAULT_CASES

if __name__ == "__main__":
    raise SystemExit(main_for(run, faults.api_fuzz.__doc__, DEFAULT_CASES))
