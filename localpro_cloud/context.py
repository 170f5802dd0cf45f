"""What every request handler needs: the database, the signing secret and the clock.

Kept in ``app.state`` rather than module globals, so several apps (tests, two instances
in one process) never share anything but the database they are pointed at.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy import Engine

from localpro_protocol.hlc import Timestamp

Clock = Callable[[], float]
"""Seconds since the epoch, like ``time.time``; injectable so tests can move time."""

SERVER_NODE = "server"


@dataclass(frozen=True)
class Service:
    engine: Engine
    secret: str
    clock: Clock = time.time
    public_url: str = ""
    """What providers and recipients reach (``--public-url``); "" → the request's own."""
    registrations_per_hour: int = 20  # throttle.MAX_REGISTRATIONS_PER_IP
    """Accounts one client address may create an hour (``--registrations-per-hour``)."""

    def now_ms(self) -> int:
        return int(self.clock() * 1000)

    def now_s(self) -> int:
        return int(self.clock())

    def server_hlc(self) -> str:
        """The server's clock as an HLC: clients observe it so a late laptop catches up."""
        return Timestamp(self.now_ms(), 0, SERVER_NODE).encode()


def service(request: Request) -> Service:
    """FastAPI dependency: the service of the app handling this request."""
    svc: Service = request.app.state.service  # Starlette's app.state is untyped
    return svc
