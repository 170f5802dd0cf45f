"""The campaign's bounds, and what a case is: a hostile file and what the import must do."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CASES = 200
MAX_RSS_MB = 500.0
HUGE_SECONDS = 60.0
CASE_SECONDS = 30.0
MAX_MESSAGE_CHARS = 2_000
EXEC_EVERY = 10
TRIGGERS = "=+-@\t\r"


@dataclass
class Case:
    """One hostile file and what the import must do with it."""

    kind: str  # the generator's name
    path: Path
    expect: str  # "refuse" | "accept" | "either"
    record: str = "contacts"
    words: tuple[str, ...] = ()  # one of them in the refusal's message
    # accept: the rows that must be stored, as {column: value} of the contacts table
    rows: list[dict[str, str]] = field(default_factory=list)
    # either: the values the file's first-name column may hold
    names: frozenset[str] = frozenset()
    seconds: float = CASE_SECONDS
    export: bool = False  # check formula neutralisation on export
    count: int | None = None  # accept: how many rows are created, when not listed in rows
    workspace: str = "main"
    note: str = ""


@dataclass
class Outcome:
    code: int
    seconds: float
    rss_mb: float
    stdout: str
    stderr: str
    timed_out: bool


@dataclass
class Gen:
    """What a generator gets: the randomness, a folder, the case number, the scale."""

    rng: random.Random
    folder: Path
    case: int
    full: bool
    cache: dict[str, Path]

    def file(self, name: str) -> Path:
        return self.folder / f"c{self.case:04d}-{name}"
