"""The Overpass API client: one polite query at a time, failures told apart from "nothing".

What the Overpass documentation asks of a client, and how this one answers:

- The public instance is shared by tens of thousands of users and defends itself with load
  shedding; apps for more than mappers should not rely on it as their backend
  (https://dev.overpass-api.de/overpass-doc/en/preface/commons.html). So the endpoint can
  be changed to a mirror or one's own instance (``base_url`` or ``LOCALPRO_OVERPASS_URL``),
  requests carry a named User-Agent, and the whole app sends one query at a time (a
  process-wide lock: each address gets only a couple of query slots).
- HTTP 429 (Too Many Requests: no slot free for this address, see ``/api/status``) and
  HTTP 504 (Gateway Timeout: the server is too loaded to start the query) are answered with
  a bounded number of retries after a growing pause (``Retry-After`` honoured, capped).
- A query that runs out of time or memory still ends with HTTP 200 and a JSON body whose
  ``remark`` says ``runtime error: Query timed out in "query" at line 4 after 25 seconds.``
  (https://wiki.openstreetmap.org/wiki/Overpass_API/Wording, and the JSON output of
  https://dev.overpass-api.de/output_formats.html#json); its ``elements`` are then
  incomplete, so this is raised as ``OverpassRuntimeError``, never returned as "no results".
- The query declares ``[timeout:25]`` (``query.py``); the client waits a little longer than
  that for the answer.

httpx is used directly: ``discovery`` and ``channels`` are sibling layers and may not import
each other (``pyproject.toml``'s import-linter contracts).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

from localpro_desktop import __version__
from localpro_desktop.discovery.osm.parse import OsmPlace, parse_elements
from localpro_desktop.discovery.osm.query import TIMEOUT_SECONDS, Area, NamedArea, build_query
from localpro_desktop.discovery.osm.tags import OsmSector, osm_sector

DEFAULT_URL = "https://overpass-api.de/api/interpreter"
ENV_URL = "LOCALPRO_OVERPASS_URL"
USER_AGENT = f"LocalPro/{__version__} (+https://localpro.app)"
RETRY_STATUSES = frozenset({429, 504})
MAX_ATTEMPTS = 4
BACKOFF_SECONDS = 5.0
MAX_PAUSE_SECONDS = 60.0

_ONE_AT_A_TIME = threading.Lock()
"""Shared by every client of the process: the slots are per address, not per client."""


class OverpassError(Exception):
    """The search did not produce a full answer; the message says why, for the user."""


class OverpassUnreachable(OverpassError):
    """No answer at all (no connection, refused, timed out)."""


class OverpassBusy(OverpassError):
    """Still 429 or 504 after every retry."""

    def __init__(self, status: int, attempts: int) -> None:
        super().__init__(f"Overpass answered HTTP {status} {attempts} times; try again later")
        self.status = status
        self.attempts = attempts


class OverpassRuntimeError(OverpassError):
    """HTTP 200 whose ``remark`` reports a runtime error: the results are incomplete."""

    def __init__(self, remark: str) -> None:
        super().__init__(f"Overpass could not finish the query: {remark}")
        self.remark = remark


class OverpassClient:
    def __init__(
        self,
        base_url: str | None = None,
        *,
        user_agent: str = USER_AGENT,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = BACKOFF_SECONDS,
        sleep: Callable[[float], None] = time.sleep,
        timeout: float = TIMEOUT_SECONDS + 15,
    ) -> None:
        self.base_url = base_url or os.environ.get(ENV_URL) or DEFAULT_URL
        self.user_agent = user_agent
        self._max_attempts = max(1, max_attempts)
        self._backoff = backoff
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": "application/json"},
            timeout=httpx.Timeout(timeout, connect=10.0),
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> OverpassClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def search(
        self, sector: str | OsmSector, area: Area, *, country: str | None = None
    ) -> list[OsmPlace]:
        """The places of ``sector`` in ``area``; phones read with ``country`` as the default
        region (a ``NamedArea``'s own country when not given)."""
        if isinstance(sector, str):
            sector = osm_sector(sector)
        if country is None and isinstance(area, NamedArea):
            country = area.country
        answer = self.run(build_query(sector, area))
        return parse_elements(answer.get("elements") or [], (country or "").upper())

    def run(self, query: str) -> dict[str, Any]:
        """The JSON answer to one Overpass QL query, with the retries and checks above."""
        with _ONE_AT_A_TIME:
            response = self._post_with_retries(query)
        try:
            answer = response.json()
        except ValueError:
            raise OverpassError("Overpass answered with something other than JSON") from None
        if not isinstance(answer, dict):
            raise OverpassError("Overpass answered with unexpected JSON")
        remark = answer.get("remark")
        if isinstance(remark, str) and "runtime error" in remark.lower():
            raise OverpassRuntimeError(remark)
        return answer

    def _post_with_retries(self, query: str) -> httpx.Response:
        for attempt in range(1, self._max_attempts + 1):
            try:
                response = self._client.post(self.base_url, data={"data": query})
            except httpx.HTTPError as exc:
                raise OverpassUnreachable(
                    f"Overpass could not be reached ({type(exc).__name__})"
                ) from None
            if response.status_code not in RETRY_STATUSES:
                if response.status_code != 200:
                    raise OverpassError(
                        f"Overpass answered HTTP {response.status_code}: {_excerpt(response.text)}"
                    )
                return response
            if attempt == self._max_attempts:
                raise OverpassBusy(response.status_code, attempt)
            self._sleep(self._pause(attempt, response))
        raise AssertionError("unreachable")  # pragma: no cover

    def _pause(self, attempt: int, response: httpx.Response) -> float:
        pause: float = self._backoff * float(2 ** (attempt - 1))
        retry_after = response.headers.get("Retry-After", "")
        if retry_after.strip().isdigit():
            pause = max(pause, float(retry_after))
        return min(pause, MAX_PAUSE_SECONDS)


def _excerpt(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"
