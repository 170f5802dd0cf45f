"""``demo``: fill the workspace with realistic sample data."""

import argparse
import sys

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.countries import COUNTRIES
from localpro_desktop.services.demo import generate_demo


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("demo", help="generate a realistic demo workspace")
    p.add_argument("--size", type=int, default=2000, help="number of prospects (default 2000)")
    p.add_argument("--seed", type=int, default=7, help="same seed, same data")
    p.add_argument(
        "--country",
        action="append",
        choices=sorted(COUNTRIES),
        help="limit to these countries (repeatable; default: all)",
    )
    p.set_defaults(handler=demo)


def demo(ctx: Context, args: argparse.Namespace) -> int:
    def progress(phase: str, done: int, total: int) -> None:
        if not ctx.out.json_mode and sys.stderr.isatty():
            sys.stderr.write(f"\r{phase}: {done:,}/{total:,}   ")
            if done >= total:
                sys.stderr.write("\n")

    summary = generate_demo(
        ctx.ws, size=args.size, seed=args.seed, countries=args.country, progress=progress
    )
    human = (
        f"Demo workspace ready in {ctx.paths.root}: {summary.prospects:,} prospects, "
        f"{summary.contacts:,} contacts, {summary.activities:,} timeline entries, "
        f"{summary.campaigns} campaigns ({summary.recipients:,} recipients), "
        f"{summary.segments} segments ({summary.seconds:.1f} s)"
    )
    ctx.out.emit(summary, human)
    return 0
