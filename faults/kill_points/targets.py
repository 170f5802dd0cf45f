"""The targets: what one is, and the import and the demo generation."""

from __future__ import annotations

import random
import shutil
from abc import ABC, abstractmethod
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from faults.kill_points.constants import (
    DEMO_SIZE,
    DEMO_TABLES,
    DISPATCH_RECIPIENTS,
    IMPORT_ROWS,
    SYNC_A,
    SYNC_B,
)
from faults.kill_points.runner import Outcome
from faults.kill_points.shared_checks import count, database_of, integrity, open_ws


class Target(ABC):
    """One operation: set up once, prepare each case, check what a kill left."""

    name = ""

    def __init__(self, workdir: Path, stack: ExitStack, scale: float = 1.0) -> None:
        self.workdir = workdir
        self.stack = stack
        self.rows = max(int(IMPORT_ROWS * scale), 10)
        self.demo_size = max(int(DEMO_SIZE * scale), 10)
        self.sync_a = max(int(SYNC_A * scale), 10)
        self.sync_b = max(int(SYNC_B * scale), 10)
        self.recipients = max(int(DISPATCH_RECIPIENTS * scale), 10)

    @abstractmethod
    def prepare(self, case: Path) -> dict[str, Any]:
        """The child's instructions for one case (files copied into ``case``)."""

    @abstractmethod
    def check(self, case: Path, outcome: Outcome) -> list[str]:
        """What is wrong after the kill and the rerun (empty: it held)."""


class ImportTarget(Target):
    name = "import"

    def __init__(self, workdir: Path, stack: ExitStack, scale: float = 1.0) -> None:
        super().__init__(workdir, stack, scale)
        self.template = workdir / "import-template"
        open_ws(self.template).close()
        self.csv = workdir / "contacts.csv"
        rng = random.Random(11)
        lines = ["first_name,last_name,company,phone,email,city,notes"]
        cities = ["Dakar", "Thiès", "Saint-Louis", "Ziguinchor", "Kaolack", "Mbour"]
        for i in range(self.rows):
            last = rng.choice(["Ndiaye", "Diop", "Fall", "Sow", "Ba", "Gueye"])
            lines.append(
                f"Awa{i},{last},Boutique {i},+22177{i:07d},awa{i}@example.sn,"
                f"{rng.choice(cities)},Cliente depuis {2015 + i % 9}"
            )
        self.csv.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def prepare(self, case: Path) -> dict[str, Any]:
        shutil.copytree(self.template, case)
        return {"root": str(case), "csv": str(self.csv), "workers": None}

    def check(self, case: Path, outcome: Outcome) -> list[str]:
        from localpro_desktop.services.importing.importer import import_file

        db = database_of(case)
        problems: list[str] = []
        ok = integrity(db)
        if ok != "ok":
            return [f"integrity_check: {ok[:100]}"]
        live = "SELECT count(*) FROM contacts WHERE deleted_at IS NULL"
        after_kill = count(db, live)
        if after_kill not in (0, self.rows):
            problems.append(f"not all-or-nothing: {after_kill} of {self.rows} rows")
        if not outcome.killed and after_kill != self.rows:
            problems.append(f"finished run left {after_kill} rows")
        ws = open_ws(case)
        try:
            report = import_file(ws, "contacts", self.csv, workers=1)
        finally:
            ws.close()
        total = count(db, live)
        distinct = count(db, "SELECT count(DISTINCT phone_e164) FROM contacts")
        if total != self.rows or distinct != self.rows:
            problems.append(
                f"after the rerun {total} rows ({distinct} distinct phones, created "
                f"{report.created}), expected {self.rows}"
            )
        if integrity(db) != "ok":
            problems.append("integrity_check failed after the rerun")
        return problems


class DemoTarget(Target):
    name = "demo"
    expected: dict[str, int] | None = None

    def prepare(self, case: Path) -> dict[str, Any]:
        return {"root": str(case), "size": self.demo_size, "seed": 7}

    def counts(self, db: Path) -> dict[str, int]:
        return {t: count(db, f"SELECT count(*) FROM {t}") for t in DEMO_TABLES}

    def check(self, case: Path, outcome: Outcome) -> list[str]:
        from localpro_desktop.services.demo import generate_demo, has_demo_data

        db = database_of(case)
        ok = integrity(db)
        if ok != "ok":
            return [f"integrity_check: {ok[:100]}"]
        problems: list[str] = []
        after_kill = self.counts(db)
        if not outcome.killed and self.expected is None:
            self.expected = after_kill
        try:
            ws = open_ws(case)
        except Exception as exc:
            return [f"the workspace does not open again: {type(exc).__name__}: {exc}"]
        try:
            had = has_demo_data(ws)
            if had and self.expected is not None and after_kill != self.expected:
                problems.append(f"demo marked done but partial: {after_kill}")
            if not had and any(after_kill.values()):
                problems.append(f"partial demo rows without the mark: {after_kill}")
            if not had:
                generate_demo(ws, size=self.demo_size, seed=7)
        finally:
            ws.close()
        final = self.counts(db)
        if self.expected is not None and final != self.expected:
            problems.append(f"after the rerun {final}, expected {self.expected}")
        dupes = count(
            db,
            "SELECT count(*) FROM (SELECT name, city FROM prospects GROUP BY name, city, "
            "phone, latitude HAVING count(*) > 1)",
        )
        if dupes:
            problems.append(f"{dupes} prospects twice after the rerun")
        return problems
