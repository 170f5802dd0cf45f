"""What a run measures: latencies, counts and the failures it met."""

from __future__ import annotations

from dataclasses import dataclass, field

from faults.load.settings import MAX_FAILURES_KEPT


def percentiles(values: list[float]) -> str:
    if not values:
        return "n/a"
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return f"p50 {at(0.50):.0f} / p95 {at(0.95):.0f} / p99 {at(0.99):.0f} / max {at(1.0):.0f} ms"


@dataclass
class Stats:
    rounds: int = 0
    pushes: int = 0
    pulls: int = 0
    ops: int = 0
    refreshes: int = 0
    throttled: int = 0
    """429 answers with Retry-After, honoured (not failures)."""
    errors: int = 0
    push_s: list[float] = field(default_factory=list)
    pull_s: list[float] = field(default_factory=list)
    lag_s: list[float] = field(default_factory=list)
    """How late the devices' event loop woke up (client-side share of the latencies)."""
    failures: list[str] = field(default_factory=list)
    setup_s: float = 0.0
    """Registering the accounts and signing every device in."""

    def fail(self, message: str) -> None:
        self.errors += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(message[:300])


# -- devices ------------------------------------------------------------------------------
