"""Helpers for the provider webhook tests: enable a hook through the API, seed messages an
account sent (by pushing ``campaign_recipients`` rows as a laptop does), sign calls the way
each provider documents it, and read the events a laptop would pull."""

import base64
import hashlib
import hmac
from typing import Any
from urllib.parse import urlsplit

from cloudkit import Account, Device, latest, new_id


def enable(account: Account, channel: str, provider: str = "", secret: str = "") -> dict[str, Any]:
    """``POST /v1/hooks`` as the signed-in user: the ``HookInfo`` to paste at the provider."""
    body = {"channel": channel, "provider": provider, "secret": secret}
    answer = account.cloud.http.post("/v1/hooks", json=body, headers=account.headers)
    assert answer.status_code == 200, answer.text
    info: dict[str, Any] = answer.json()
    return info


def path_of(url: str) -> str:
    """The path of a hook URL (tests post to the running server's own address)."""
    return urlsplit(url).path


def sent(laptop: Device, provider_id: str, address: str = "+221770000001") -> str:
    """Push a recipient the laptop sent through a provider; returns its row id."""
    recipient = new_id()
    result = laptop.push(
        [
            laptop.op(
                "campaign_recipients",
                recipient,
                campaign_id=new_id(),
                contact_id=new_id(),
                address=address,
                status="sent",
                provider_id=provider_id,
            )
        ]
    )
    assert result.rejected == [], result.rejected
    return recipient


def events(laptop: Device) -> list[dict[str, Any]]:
    """The ``inbound_events`` rows a laptop gets by pulling from the start (with their id)."""
    changes, _cursor = laptop.pull_all()
    return [
        {"id": row_id, **fields}
        for (table, row_id), fields in latest(changes).items()
        if table == "inbound_events"
    ]


def whatsapp_signature(body: bytes, app_secret: str) -> str:
    """``X-Hub-Signature-256`` as Meta sends it (HMAC-SHA256 of the raw body, hex)."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def twilio_signature(url: str, params: dict[str, str], auth_token: str) -> str:
    """``X-Twilio-Signature``: Base64 HMAC-SHA1 of the URL then each name+value by name."""
    data = url + "".join(name + params[name] for name in sorted(params))
    digest = hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()
