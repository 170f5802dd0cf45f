"""The OpenAPI document says what the server really answers (issue 14, API fuzzing).

Each test here is one finding of ``faults/api_fuzz/`` (schemathesis, all checks): an
answer the document did not declare, a body it declared wrongly, a method missing from
``Allow``, a value refused that the document allowed, or one accepted that it forbade.
"""

import re
import uuid
from typing import Any

import httpx
import pytest
import schemathesis
from cloudkit import Cloud

from localpro_protocol.wire import SCHEMA_VERSION


def _document(cloud: Cloud) -> dict[str, Any]:
    response = cloud.http.get("/openapi.json")
    assert response.status_code == 200
    doc: dict[str, Any] = response.json()
    return doc


def _conforms(cloud: Cloud, path: str, method: str, response: httpx.Response) -> None:
    """The status is documented for the operation and the body matches its schema."""
    doc = _document(cloud)
    answers = doc["paths"][path][method.lower()]["responses"]
    assert str(response.status_code) in answers, (path, response.status_code, sorted(answers))
    operation = schemathesis.openapi.from_dict(doc)[path][method.upper()]
    operation.validate_response(response)  # raises when the body does not match


def test_options_names_every_method_of_the_path(cloud: Cloud) -> None:
    # Starlette answered 405 with the first matching route's methods only.
    for path, methods in [
        ("/v1/account", {"GET", "PATCH"}),
        ("/v1/hooks", {"GET", "POST"}),
        ("/hooks/whatsapp/some-hook", {"GET", "POST"}),
        ("/health", {"GET"}),
    ]:
        response = cloud.http.request("OPTIONS", path)
        assert response.status_code == 405
        allowed = {m.strip() for m in response.headers["allow"].split(",")}
        assert allowed == methods, (path, response.headers["allow"])


def test_refusals_in_one_sentence_match_the_document(cloud: Cloud) -> None:
    # 422 was documented as FastAPI's list of field errors only.
    device = cloud.register().device()
    auth = {"Authorization": f"Bearer {device.tokens.access_token}"}
    register = cloud.http.post(
        "/v1/auth/register", json={"email": "0@0", "password": "Zq9-long-enough-pass"}
    )
    assert register.status_code == 422 and isinstance(register.json()["detail"], str)
    _conforms(cloud, "/v1/auth/register", "POST", register)
    hooks = cloud.http.post("/v1/hooks", json={"channel": "sms", "provider": "x"}, headers=auth)
    assert hooks.status_code == 422 and isinstance(hooks.json()["detail"], str)
    _conforms(cloud, "/v1/hooks", "POST", hooks)
    push = cloud.http.post("/v1/sync/push", json=[], headers=auth)
    assert push.status_code == 422 and isinstance(push.json()["detail"], str)
    _conforms(cloud, "/v1/sync/push", "POST", push)
    fields = cloud.http.post("/v1/auth/login", json={}, headers=auth)
    assert fields.status_code == 422 and isinstance(fields.json()["detail"], list)
    _conforms(cloud, "/v1/auth/login", "POST", fields)


def test_provider_callbacks_document_their_refusals(cloud: Cloud) -> None:
    # 404 (no such hook) and 403 (bad signature) were not in the document.
    account = cloud.register()
    unknown = cloud.http.post("/hooks/twilio/no-such-hook", content=b"a=b")
    assert unknown.status_code == 404
    _conforms(cloud, "/hooks/twilio/{hook_id}", "POST", unknown)
    verify = cloud.http.get("/hooks/whatsapp/no-such-hook", params={"hub.mode": "subscribe"})
    assert verify.status_code == 404
    _conforms(cloud, "/hooks/whatsapp/{hook_id}", "GET", verify)
    enabled = cloud.http.post(
        "/v1/hooks",
        json={"channel": "sms", "provider": "twilio", "secret": "s" * 32},
        headers=account.headers,
    )
    assert enabled.status_code == 200, enabled.text
    path = httpx.URL(enabled.json()["url"]).path
    unsigned = cloud.http.post(path, content=b"MessageSid=SM1&MessageStatus=delivered")
    assert unsigned.status_code == 403
    _conforms(cloud, "/hooks/twilio/{hook_id}", "POST", unsigned)
    answers = _document(cloud)["paths"]["/hooks/twilio/{hook_id}"]["post"]["responses"]
    assert set(answers["200"]["content"]) == {"text/xml"}  # TwiML, not JSON


@pytest.mark.parametrize(
    "body",
    [
        {"channel": "whatsapp", "secret": "app-secret"},
        {"channel": "whatsapp", "provider": "whatsapp", "secret": "app-secret"},
        {"channel": "sms", "secret": "auth-token"},
        {"channel": "sms", "provider": "twilio", "secret": "auth-token"},
        {"channel": "sms", "provider": "africastalking"},
        {"channel": "email"},
        {"channel": "email", "provider": "email"},
    ],
)
def test_every_hook_request_the_document_allows_is_accepted(
    cloud: Cloud, body: dict[str, str]
) -> None:
    account = cloud.register()
    assert _allowed_hook(_document(cloud), body)
    response = cloud.http.post("/v1/hooks", json=body, headers=account.headers)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "body",
    [
        {"channel": "whatsapp"},
        {"channel": "whatsapp", "secret": "  "},
        # Blank to str.strip, text to the \S of schemathesis's (Rust) regex engine.
        {"channel": "whatsapp", "secret": "\x1c\x85"},
        {"channel": "sms", "provider": "whatsapp", "secret": "x"},
        {"channel": "sms"},
        {"channel": "email", "provider": "0000"},
    ],
)
def test_hook_requests_the_service_refuses_are_outside_the_document(
    cloud: Cloud, body: dict[str, str]
) -> None:
    # schemathesis generated these from the document; the service answered 422.
    account = cloud.register()
    assert not _allowed_hook(_document(cloud), body)
    response = cloud.http.post("/v1/hooks", json=body, headers=account.headers)
    assert response.status_code == 422, response.text


def _allowed_hook(doc: dict[str, Any], body: dict[str, str]) -> bool:
    # schemathesis's own validator (jsonschema-rs, one of its dependencies)
    import jsonschema_rs

    schema = {**doc["components"]["schemas"]["HookRequest"], "components": doc["components"]}
    return bool(jsonschema_rs.Draft202012Validator(schema).is_valid(body))


def test_names_and_addresses_publish_what_they_refuse(cloud: Cloud) -> None:
    # A name with a control character was refused although the document allowed it.
    schemas = _document(cloud)["components"]["schemas"]
    name = schemas["RegisterRequest"]["properties"]["name"]["pattern"]
    email = schemas["RegisterRequest"]["properties"]["email"]["pattern"]
    assert re.search(name, "Awa Diop") and not re.search(name, "Awa\u0081")
    assert re.search(email, "awa@example.sn") and not re.search(email, "000")
    account = cloud.register()
    refused = cloud.http.patch("/v1/account", json={"name": "Awa\u0081"}, headers=account.headers)
    assert refused.status_code == 422


def test_schema_versions_served_are_in_the_document(cloud: Cloud) -> None:
    # schema_version=0 was valid in the document and answered 426.
    doc = _document(cloud)
    for path in ("/v1/sync/meta", "/v1/sync/pull"):
        (parameter,) = [
            p for p in doc["paths"][path]["get"]["parameters"] if p["name"] == "schema_version"
        ]
        versions = parameter["schema"]["anyOf"][0]
        assert versions["minimum"] == 1 and versions["maximum"] == SCHEMA_VERSION
    push = doc["components"]["schemas"]["PushRequest"]["properties"]["schema_version"]
    assert push["minimum"] == 1 and push["maximum"] == SCHEMA_VERSION


def test_push_refuses_booleans_and_fractions_where_integers_go(cloud: Cloud) -> None:
    # {"cursor": false} was read as cursor 0 and the push accepted.
    device = cloud.register().device()
    row = str(uuid.uuid4())
    block = {
        "table": "contacts",
        "op_ids": [True],
        "row_ids": [row],
        "hlcs": [device.hlc()],
        "columns": {"first_name": ["Awa"]},
    }
    for extra in (
        {"cursor": False},
        {"cursor": 1.0},
        {"schema_version": True},
        {"blocks": [block]},
    ):
        body = {"device_id": device.device_id, "schema_version": 1, "ops": [], **extra}
        response = cloud.http.post("/v1/sync/push", json=body, headers=device.headers)
        assert response.status_code == 422, (extra, response.text)
        assert isinstance(response.json()["detail"], str)
    good = {"device_id": device.device_id, "schema_version": 1, "ops": [], "cursor": 0}
    assert cloud.http.post("/v1/sync/push", json=good, headers=device.headers).status_code == 200
