"""The event loop the devices run on."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def _run_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run on uvloop where installed (uvicorn[standard] brings it): the devices' own
    overhead then weighs less in the latencies they measure."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - plain asyncio works, a little slower
        return asyncio.run(coroutine)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)
