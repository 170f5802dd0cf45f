"""A local stand-in for Google's Places API (New) Text Search: a real HTTP server on 127.0.0.1.

It answers ``POST /v1/places:searchText`` the way Google documents it
(https://developers.google.com/maps/documentation/places/web-service/text-search):

- the key in ``X-Goog-Api-Key``: a wrong key gets ``400 INVALID_ARGUMENT`` "API key not
  valid. Please pass a valid API key." with a ``google.rpc.ErrorInfo`` reason
  ``API_KEY_INVALID``, a missing one ``403 PERMISSION_DENIED`` (Google's error model,
  https://cloud.google.com/apis/design/errors);
- the ``X-Goog-FieldMask`` header is required ("If you omit the field mask, the method
  returns an error": ``400 INVALID_ARGUMENT``), and each Place holds only the fields the
  mask names (a sub-field such as ``places.regularOpeningHours.weekdayDescriptions`` keeps
  only that part); ``nextPageToken`` is returned only when the mask asks for it;
- ``pageSize`` (1–20, default 20), at most 60 results across all pages, and a
  ``pageToken`` only valid with the same ``textQuery`` as the request that produced it;
- no match is an empty object ``{}``.

Which places a request sees is up to ``places_for(body)`` (all of them by default), so a
test can answer per district. Errors, pauses and cut connections are scripted with
``StandIn.script`` (tests/channels/sms_standins.py).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from tests.channels.sms_standins import Received, Reply, StandIn

PATH = "/v1/places:searchText"
MAX_RESULTS = 60
FIELD_MASK_REQUIRED = (
    "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters "
    "on how to provide it. As an example, you can set the header 'X-Goog-FieldMask' to value "
    "'places.displayName', 'places.id' to ask for the display name and the place ID of a place."
)
QUOTA_MESSAGE = (
    "Quota exceeded for quota metric 'SearchTextRequest' and limit 'SearchTextRequest per "
    "minute' of service 'places.googleapis.com' for consumer 'project_number:481516234'."
)


def google_error(
    code: int, status: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Google's error body: ``{"error": {"code", "message", "status", "details"}}``."""
    error: dict[str, Any] = {"code": code, "message": message, "status": status}
    if details is not None:
        error["details"] = details
    return {"error": error}


def error_info(reason: str, **metadata: str) -> dict[str, Any]:
    return {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": reason,
        "domain": "googleapis.com",
        "metadata": {"service": "places.googleapis.com", **metadata},
    }


def key_invalid() -> Reply:
    return Reply(
        400,
        google_error(
            400,
            "INVALID_ARGUMENT",
            "API key not valid. Please pass a valid API key.",
            [error_info("API_KEY_INVALID")],
        ),
    )


def service_disabled() -> Reply:
    return Reply(
        403,
        google_error(
            403,
            "PERMISSION_DENIED",
            "Places API (New) has not been used in project 481516234 before or it is "
            "disabled. Enable it by visiting https://console.developers.google.com/apis/api/"
            "places.googleapis.com/overview?project=481516234 then retry.",
            [error_info("SERVICE_DISABLED", consumer="projects/481516234")],
        ),
    )


def quota_exceeded(retry_after: str | None = None) -> Reply:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return Reply(
        429,
        google_error(429, "RESOURCE_EXHAUSTED", QUOTA_MESSAGE, [error_info("RATE_LIMIT_EXCEEDED")]),
        headers,
    )


def invalid_argument(message: str) -> Reply:
    return Reply(400, google_error(400, "INVALID_ARGUMENT", message))


def project(place: dict[str, Any], mask: list[str]) -> dict[str, Any]:
    """The place as Google returns it for this field mask."""
    if "*" in mask:
        return dict(place)
    kept: dict[str, Any] = {}
    for path in mask:
        parts = path.split(".")
        if parts[0] != "places" or len(parts) < 2 or parts[1] not in place:
            continue
        value = place[parts[1]]
        if len(parts) == 2 or not isinstance(value, dict):
            kept[parts[1]] = value
        elif parts[2] in value:
            kept.setdefault(parts[1], {})[parts[2]] = value[parts[2]]
    return kept


def _token(query: str, offset: int) -> str:
    raw = json.dumps({"q": query, "o": offset}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _untoken(token: str) -> tuple[str, int] | None:
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        return str(data["q"]), int(data["o"])
    except (ValueError, KeyError, TypeError):
        return None


class PlacesApi:
    """The responder: ``places`` (Place objects with every field) behind ``api_key``."""

    def __init__(
        self,
        places: list[dict[str, Any]],
        api_key: str,
        places_for: Callable[[dict[str, Any], list[dict[str, Any]]], list[dict[str, Any]]]
        | None = None,
    ) -> None:
        self.places = places
        self.api_key = api_key
        self.places_for = places_for or (lambda _body, places: places)

    def __call__(self, request: Received) -> Reply:
        if request.path != PATH:
            return Reply(404, google_error(404, "NOT_FOUND", "Method not found."))
        if request.method != "POST":
            return Reply(405, google_error(405, "UNIMPLEMENTED", "Method not allowed."))
        key = request.headers.get("x-goog-api-key")
        if not key:
            return Reply(
                403,
                google_error(
                    403,
                    "PERMISSION_DENIED",
                    "Method doesn't allow unregistered callers (callers without established "
                    "identity). Please use API Key or other form of API consumer identity to "
                    "call this API.",
                ),
            )
        if key != self.api_key:
            return key_invalid()
        mask_header = request.headers.get("x-goog-fieldmask", "")
        if not mask_header:
            return invalid_argument(FIELD_MASK_REQUIRED)
        if " " in mask_header:
            return invalid_argument("Invalid field mask: spaces are not allowed.")
        mask = mask_header.split(",")
        try:
            body = json.loads(request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return invalid_argument("Invalid JSON payload received.")
        query = body.get("textQuery") if isinstance(body, dict) else None
        if not isinstance(query, str) or not query.strip():
            return invalid_argument("Empty text_query.")
        radius = (
            body.get("locationBias", {}).get("circle", {}).get("radius", 0.0)
            if isinstance(body.get("locationBias"), dict)
            else 0.0
        )
        if not 0.0 <= float(radius) <= 50000.0:
            return invalid_argument("Invalid radius. Radius must be between 0.0 and 50000.0.")
        size = int(body.get("pageSize") or 20)
        size = 20 if size <= 0 else min(size, 20)
        offset = 0
        if body.get("pageToken"):
            decoded = _untoken(str(body["pageToken"]))
            if decoded is None or decoded[0] != query:
                return invalid_argument("Invalid page token.")
            offset = decoded[1]
        matched = self.places_for(body, self.places)[:MAX_RESULTS]
        page = matched[offset : offset + size]
        answer: dict[str, Any] = {}
        if page:
            answer["places"] = [project(place, mask) for place in page]
        if offset + size < len(matched) and "nextPageToken" in mask:
            answer["nextPageToken"] = _token(query, offset + size)
        return Reply(200, answer)


def places_api(
    places: list[dict[str, Any]],
    api_key: str,
    places_for: Callable[[dict[str, Any], list[dict[str, Any]]], list[dict[str, Any]]]
    | None = None,
) -> StandIn:
    return StandIn(PlacesApi(places, api_key, places_for))


def body_of(request: Received) -> dict[str, Any]:
    data = json.loads(request.body.decode("utf-8"))
    assert isinstance(data, dict)
    return data


__all__ = [
    "PATH",
    "PlacesApi",
    "Received",
    "Reply",
    "StandIn",
    "body_of",
    "error_info",
    "google_error",
    "invalid_argument",
    "key_invalid",
    "places_api",
    "project",
    "quota_exceeded",
    "service_disabled",
]
