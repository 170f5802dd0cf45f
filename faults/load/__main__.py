"""``python -m faults.load``: the command line (its own options, then the campaigns' common
ones)."""

from __future__ import annotations

import argparse
import functools

import faults.load
from faults._common import main_for
from faults.load.campaign import run
from faults.load.settings import BACKENDS, DEFAULT_CASES, DEFAULT_DURATION


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--duration", type=float, default=DEFAULT_DURATION)
    parser.add_argument("--devices", type=int, default=None)
    parser.add_argument("--backend", choices=("all", *BACKENDS), default="all")
    known, rest = parser.parse_known_args(argv)
    if known.devices is not None:
        rest += ["--cases", str(known.devices)]
    backends = BACKENDS if known.backend == "all" else (known.backend,)
    campaign = functools.partial(run, duration=known.duration, backends=backends)
    return main_for(campaign, faults.load.__doc__ or "", DEFAULT_CASES, rest)


if __name__ == "__main__":
    raise SystemExit(main())
