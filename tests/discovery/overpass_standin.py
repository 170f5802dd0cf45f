"""A local stand-in for the Overpass API: a real HTTP server on 127.0.0.1.

It answers ``POST /api/interpreter`` (form field ``data``) with the documented JSON output
(https://dev.overpass-api.de/output_formats.html#json): ``version``, ``generator``,
``osm3s`` and ``elements``, each with ``type``, ``id``, ``lat``/``lon`` (nodes) or
``center`` (ways and relations under ``out center``) and ``tags``. Errors are scripted
with ``StandIn.script`` (tests/channels/sms_standins.py).
"""

from __future__ import annotations

from typing import Any

from tests.channels.sms_standins import Received, Reply, StandIn

PATH = "/api/interpreter"
OSM3S = {
    "timestamp_osm_base": "2026-12-01T09:58:03Z",
    "timestamp_areas_base": "2026-12-01T07:41:12Z",
    "copyright": "The data included in this document is from www.openstreetmap.org. "
    "The data is made available under ODbL.",
}


def answer(elements: list[dict[str, Any]], remark: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "version": 0.6,
        "generator": "Overpass API 0.7.62.4 2390de5a",
        "osm3s": OSM3S,
        "elements": elements,
    }
    if remark is not None:
        body["remark"] = remark
    return body


def overpass(elements: list[dict[str, Any]]) -> StandIn:
    """Answers every well-formed query with ``elements``; anything else with 400."""

    def respond(request: Received) -> Reply:
        if request.method != "POST" or request.path != PATH or "data" not in request.form:
            return Reply(400, "<html><body><p>Error: no query</p></body></html>")
        return Reply(200, answer(elements))

    return StandIn(respond)


def query_of(request: Received) -> str:
    return request.form["data"][0]


__all__ = ["PATH", "Received", "Reply", "StandIn", "answer", "overpass", "query_of"]
