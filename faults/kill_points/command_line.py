"""The command line: ``--target`` picks the targets, the rest is every campaign's."""

from __future__ import annotations

import argparse
from pathlib import Path

from faults._common import CampaignResult, main_for
from faults.kill_points.campaign import run
from faults.kill_points.constants import DEFAULT_CASES, TARGETS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    known, rest = parser.parse_known_args(argv)
    targets = TARGETS if known.target == "all" else (known.target,)

    def campaign(cases: int, seed: int, workdir: Path) -> CampaignResult:
        return run(cases, seed, workdir, targets)

    from faults import kill_points

    return main_for(campaign, kill_points.__doc__ or "", DEFAULT_CASES, rest)
