"""The campaign: devices, server and proxy, one case after the other, and the report."""

from __future__ import annotations

import logging
import random
import sys
import time
from pathlib import Path

from faultproxy import FaultProxy
from sqlalchemy import func, select
from synckit import (
    DAY_MS,
    SECRET,
    Cloud,
    Device,
    Fleet,
    running,
)

from faults._common import CampaignResult
from faults.sync_fuzz.checks import CampaignChecks
from faults.sync_fuzz.model import Model, Stats, VirtualClock, Write, recorded_clamps
from faults.sync_fuzz.readers import close_readers
from faults.sync_fuzz.settings import EPOCH, FULL_CHECK_EVERY, PROGRESS_EVERY, STEP_MS, STEPS, Key
from faults.sync_fuzz.steps import CampaignSteps
from localpro_cloud.app import create_app
from localpro_desktop.domain.errors import UserError
from localpro_desktop.store import local_state
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.local_state import CorrectedClock, StateKey
from localpro_desktop.store.models import SyncClock, SyncOutbox
from localpro_desktop.sync.transport import SyncUnavailable
from tests.channels import local_kit

FIXED = [
    "An unsent edit that won by device tie-break (same millisecond and counter, common once "
    "laptops have seen a clock running ahead) was overwritten on pull by the losing edit and "
    "never sent: the pull compared with the outbox stamp, a tick older than the field's clock "
    "(sync/pulled.py; test_fuzz_findings::test_unsent_edit_winning_by_device_tie_break_"
    "survives_a_pull).",
    "One contact added to one static segment on two laptops offline made two membership rows "
    "that UNIQUE (segment_id, contact_id) made every other device refuse: never converged "
    "(membership id derived from the pair, services/segments.py; test_fuzz_findings::"
    "test_same_contact_added_to_a_segment_on_two_devices_converges).",
]


class Campaign(CampaignChecks, CampaignSteps):
    def __init__(self, workdir: Path, seed: int, result: CampaignResult) -> None:
        self.workdir = workdir
        self.seed = seed
        self.result = result
        self.stats = Stats()
        self.clock = VirtualClock()
        self.clamps: dict[str, str] = {}
        self.cloud: Cloud | None = None
        self.proxy: FaultProxy | None = None
        self.fleet: Fleet | None = None
        self.devices: list[Device] = []
        self.skewed = 0
        self.skew = 0
        self.kill_seconds = 6.0
        """How long an unkilled sync subprocess took (a kill lands at a random moment of it)."""
        self.epoch = EPOCH
        self.last_whole = ""
        self.case = -1
        self.case_failures = 0
        self.counter = 0
        self.settings_writes: list[Write] = []
        """The settings row is one per account: its writes carry over from case to case."""

    # -- setting up ------------------------------------------------------------------

    def new_account(self, epoch: int) -> None:
        assert self.cloud is not None and self.proxy is not None
        if self.fleet is not None:
            self.fleet.close()
        close_readers()
        rng = random.Random(f"{self.seed}:epoch:{epoch}")
        self.fleet = Fleet(self.cloud, self.workdir / f"account-{epoch}", stall=5.0)
        self.skewed = rng.randrange(3)
        self.skew = rng.choice((DAY_MS, -DAY_MS))
        self.devices = []
        self.settings_writes = []
        for name in ("a", "b", "c"):
            device = self.fleet.device(name, url=self.proxy.url)
            self.devices.append(device)
            self.tune(len(self.devices) - 1)

    def tune(self, index: int, *, reopened: bool = False) -> None:
        """Small batches and pages (a round is several requests, to cut in the middle),
        and the device's wall clock: the virtual clock, a day off for the skewed one.

        A reopened workspace gets what the app gives it at start — its wall clock plus
        the correction the server last measured, after the newest clock it holds —
        except that the correction a killed subprocess measured against the machine's
        real clock is forgotten (measured again at the next sync)."""
        device = self.devices[index]
        device.client.batch_size = 4
        device.client.page_bytes = 6000
        wall = self.clock.wall(self.skew if index == self.skewed else 0)
        if not reopened:
            device.set_wall(wall)  # the clock set wrong again: the correction is lost
            return
        with device.ws.write() as session:
            offset = int(local_state.get(session, StateKey.CLOCK_OFFSET, "0") or 0)
            newest = max(
                session.scalar(select(func.max(SyncClock.hlc))) or "",
                session.scalar(select(func.max(SyncOutbox.hlc))) or "",
            )
        clock = CorrectedClock(device.ws.device_id, wall, offset)
        if newest:
            clock.observe(newest)
        capture_of(device.ws.engine).clock = clock

    # -- checks ----------------------------------------------------------------------

    def fail(self, message: str) -> None:
        """Record a failure; at most three per case (one broken case says it all). Each is
        also written whole to ``failures.txt`` in the work folder."""
        with (self.workdir / "failures.txt").open("a", encoding="utf-8") as out:
            out.write(message + "\n")
        self.case_failures += 1
        if self.case_failures <= 3:
            self.result.fail(message)

    def where(self) -> str:
        return f"seed {self.seed} case {self.case}"

    # -- one case --------------------------------------------------------------------

    def run_case(self, case: int) -> None:
        self.case = case
        self.case_failures = 0
        rng = random.Random(f"{self.seed}:{case}")
        model = Model(self.clamps, list(self.settings_writes))
        pool: list[Key] = []
        if rng.random() < 0.08:
            # The clock set wrong again: the correction the server measured is forgotten.
            self.tune(self.skewed)
            self.stats.count("clock wrong again")
        if rng.random() < 0.5:
            # A record every device holds, so that edits on several devices collide.
            owner = rng.randrange(3)
            adder = self.add_contact if rng.random() < 0.7 else self.add_prospect
            self.write(model, owner, lambda d: adder(d, rng, pool), "add")
            if rng.random() < 0.4:
                if adder is not self.add_contact:
                    self.write(model, owner, lambda d: self.add_contact(d, rng, pool), "add")
                self.write(
                    model, owner, lambda d: self.new_segment(d, rng, pool, empty=True), "add"
                )
            for index in (owner, *(i for i in range(3) if i != owner)):
                self.sync_step("sync", index, rng)
        for _ in range(rng.randint(*STEPS)):
            self.clock.advance(rng.randint(*STEP_MS))
            self.step(rng, model, pool)
        self.proxy_clear()
        assert self.fleet is not None
        self.clock.advance(rng.randint(*STEP_MS))
        # Everyone syncs; then the first two again for what the others pushed after them.
        for index in (0, 1, 2, 0, 1):
            device = self.devices[index]
            try:
                device.sync()
            except (SyncUnavailable, UserError) as exc:
                self.fail(f"{self.where()}: final sync of {device.name}: {exc}")
                return
            self.check_own_writes(model, index, "the final sync")
        self.check_case(model)
        self.settings_writes = [w for w in model.writes if w.key[0] == "workspace_settings"]
        self.stats.writes += len(model.writes)
        side = "ahead" if self.skew > 0 else "behind"
        self.stats.skew_cases[side] = self.stats.skew_cases.get(side, 0) + 1

    def proxy_clear(self) -> None:
        assert self.proxy is not None
        self.proxy.clear()

    # -- the whole run ---------------------------------------------------------------

    def run(self, cases: int) -> None:
        database_url = f"sqlite:///{(self.workdir / 'cloud.sqlite').as_posix()}"
        app = create_app(
            database_url, secret=SECRET, clock=self.clock.seconds, registrations_per_hour=100_000
        )
        with (
            local_kit.file_keyring(self.workdir),
            recorded_clamps() as clamps,
            running(app) as url,
            FaultProxy(url, timeout=10) as proxy,
        ):
            self.clamps = clamps
            self.cloud = Cloud(url=url, database_url=database_url, clock=None, backend="sqlite")  # type: ignore[arg-type]
            self.proxy = proxy
            started = time.monotonic()
            try:
                self.loop(cases, started)
            except KeyboardInterrupt:
                # Ctrl-C (or ``timeout -s INT``): stop here and report what was done.
                self.result.figures["stopped early"] = f"after case {self.case}"
            finally:
                elapsed = time.monotonic() - started
                if self.fleet is not None:
                    self.fleet.close()
                close_readers()
                self.cloud.close()
        self.report(elapsed)

    def loop(self, cases: int, started: float) -> None:
        """The cases, a fresh account every ``epoch``, whole checks now and then."""
        for case in range(cases):
            if case % self.epoch == 0:
                if case:
                    self.full_check()
                self.new_account(case // self.epoch)
            before = len(self.result.failures)
            self.run_case(case)
            if (case + 1) % FULL_CHECK_EVERY == 0 or case == cases - 1:
                self.full_check()
            if (case + 1) % PROGRESS_EVERY == 0:
                rate = (case + 1) / (time.monotonic() - started)
                print(
                    f"sync_fuzz: {case + 1} sequences, {len(self.result.failures)} "
                    f"failures, {rate:.2f}/s",
                    file=sys.stderr,
                    flush=True,
                )
            if len(self.result.failures) > before and len(self.result.failures) > 200:
                self.result.fail("stopped after 200 failures")
                break

    def report(self, elapsed: float) -> None:
        done = max(1, self.case + 1)
        self.result.cases = done
        self.result.figures.update(
            {
                "sequences": done,
                "steps": sum(self.stats.steps.values()),
                "local writes (fields)": self.stats.writes,
                "conflicting pairs (same field, delete vs edit)": self.stats.conflicts,
                "cases with the wrong clock ahead / behind": (
                    f"{self.stats.skew_cases.get('ahead', 0)} / "
                    f"{self.stats.skew_cases.get('behind', 0)}"
                ),
                "clocks clamped by the server": len(self.clamps),
                "step kinds": dict(sorted(self.stats.steps.items())),
                "sequences per second": round(done / elapsed, 2) if elapsed else 0,
                "10,000 sequences would take (min)": round(10_000 * elapsed / done / 60, 1),
            }
        )


def run(cases: int, seed: int, workdir: Path, *, epoch: int = EPOCH) -> CampaignResult:
    """``cases`` sequences from ``seed``; a fresh account every ``epoch`` of them."""
    result = CampaignResult(name="sync_fuzz", cases=cases, seed=seed, fixed=list(FIXED))
    campaign = Campaign(workdir, seed, result)
    campaign.epoch = epoch
    # The app's own warnings (a pulled row it refused...) would bury the report: the
    # campaign states every failure itself.
    sync_log = logging.getLogger("localpro_desktop.sync")
    level = sync_log.level
    sync_log.setLevel(logging.ERROR)
    try:
        campaign.run(cases)
    finally:
        sync_log.setLevel(level)
    return result
