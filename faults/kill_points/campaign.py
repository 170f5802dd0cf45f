"""The campaign: per target, unkilled runs measure the window, then seeded kills."""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from faults._common import CampaignResult, machine_load
from faults.kill_points.constants import REPO, TARGETS
from faults.kill_points.dispatch_target import DispatchTarget
from faults.kill_points.runner import Runner
from faults.kill_points.shared_checks import log_tail
from faults.kill_points.sync_target import SyncTarget
from faults.kill_points.targets import DemoTarget, ImportTarget, Target

TARGET_CLASSES: dict[str, type[Target]] = {
    "import": ImportTarget,
    "demo": DemoTarget,
    "sync": SyncTarget,
    "dispatch": DispatchTarget,
}


# -- the campaign --------------------------------------------------------------------------


@dataclass
class Tally:
    cases: int = 0
    mid: int = 0
    after: int = 0
    failures: int = 0
    flagged: int = 0
    unreceived: int = 0
    seconds: float = 0.0
    operation: float = 0.0

    def figure(self) -> str:
        text = (
            f"{self.cases} kills ({self.mid} mid-operation, {self.after} after it finished), "
            f"{self.failures} failures; operation {self.operation:.2f} s unkilled, "
            f"{self.seconds:.0f} s in all"
        )
        if self.flagged:
            text += (
                f"; {self.flagged} messages flagged unknown for review ({self.unreceived} of "
                "them had not reached the provider)"
            )
        return text


@contextmanager
def _quiet() -> Iterator[None]:
    import logging

    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        logging.disable(previous)


def fresh(case: Path) -> Path:
    """An empty place for a case (a kept work folder may hold an earlier run's)."""
    shutil.rmtree(case, ignore_errors=True)
    Path(str(case) + ".log").unlink(missing_ok=True)
    return case


def run_target(
    name: str,
    cases: int,
    seed: int,
    workdir: Path,
    runner: Runner,
    result: CampaignResult,
    scale: float = 1.0,
    measures: int = 2,
) -> Tally:
    tally = Tally()
    started = time.monotonic()
    rng = random.Random(f"{seed}-{name}")
    base = workdir / name
    shutil.rmtree(base, ignore_errors=True)  # a kept work folder may hold an earlier run
    base.mkdir(parents=True)
    with ExitStack() as stack:
        target = TARGET_CLASSES[name](base, stack, scale)
        # Unkilled runs (two: the first warms the caches): the kill window is the quickest
        # one's duration, so that most kills land inside the operation.
        durations: list[float] = []
        for i in range(measures):
            case = fresh(base / f"measure-{i}")
            outcome = runner.run({"target": name, "args": target.prepare(case)}, None)
            try:
                problems = target.check(case, outcome)
            except Exception as exc:
                problems = [f"the check raised {type(exc).__name__}: {exc}"]
            if outcome.code != 0 or problems:
                result.fail(
                    f"{name}: the unkilled run failed (exit {outcome.code}): "
                    f"{'; '.join(problems)} {log_tail(case)}"
                )
            durations.append(outcome.seconds)
            fresh(case)
        window = max(min(durations), 0.01)
        tally.operation = window
        for index in range(cases):
            delay = rng.uniform(0.0, window)
            case = fresh(base / f"case-{index}")
            outcome = runner.run({"target": name, "args": target.prepare(case)}, delay)
            tally.cases += 1
            if outcome.killed:
                tally.mid += 1
            else:
                tally.after += 1
            where = f"{name} seed {seed} case {index} (kill at {delay:.3f} s of {window:.2f})"
            try:
                problems = target.check(case, outcome)
            except Exception as exc:
                problems = [f"the check or rerun raised {type(exc).__name__}: {exc}"]
            if outcome.code not in (None, 0):
                problems.append(f"the child raised: {log_tail(case)}")
            tally.flagged += getattr(target, "flagged", 0)
            tally.unreceived += getattr(target, "unreceived", 0)
            if problems:
                tally.failures += 1
                result.fail(f"{where}: {'; '.join(problems)}")
            else:
                shutil.rmtree(case, ignore_errors=True)
                Path(str(case) + ".log").unlink(missing_ok=True)
    tally.seconds = time.monotonic() - started
    return tally


def run(
    cases: int,
    seed: int,
    workdir: Path,
    targets: tuple[str, ...] = TARGETS,
    scale: float = 1.0,
    measures: int = 2,
) -> CampaignResult:
    """``cases`` kills per target; ``scale`` shrinks the data and ``measures`` is how many
    unkilled runs measure the kill window (the CI subset: 0.2 and 1)."""
    result = CampaignResult("kill_points", cases * len(targets), seed)
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(workdir / "sync" / "xdg"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    started = time.monotonic()
    runner = Runner(env)
    result.figures["children"] = "forked from a pre-warmed process" if runner.fork else "spawned"
    try:
        with _quiet():
            for name in targets:
                tally = run_target(name, cases, seed, workdir, runner, result, scale, measures)
                result.figures[name] = tally.figure()
    finally:
        runner.close()
    result.seconds = time.monotonic() - started
    result.load = machine_load()
    return result
