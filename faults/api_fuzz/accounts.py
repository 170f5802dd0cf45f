"""The fuzzing account: registered, signed in, with contacts, and its hooks enabled."""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from localpro_protocol.wire import PushResponse, TokenPair


@dataclass
class Account:
    """The fuzzing account: its password, a device and a token that stays fresh."""

    base: str
    email: str
    password: str
    device_id: str
    tokens: TokenPair | None = None
    signed_in_at: float = 0.0
    sign_ins: int = 0
    secrets_seen: set[str] = field(default_factory=set)

    def sign_in(self) -> str:
        response = httpx.post(
            f"{self.base}/v1/auth/login",
            json={
                "email": self.email,
                "password": self.password,
                "device_id": self.device_id,
                "device_name": "fuzzer",
            },
            headers={"X-Forwarded-For": "192.0.2.1"},
            timeout=60,
        )
        response.raise_for_status()
        self.tokens = TokenPair.model_validate_json(response.content)
        self.secrets_seen |= {self.tokens.access_token, self.tokens.refresh_token}
        self.signed_in_at = time.monotonic()
        self.sign_ins += 1
        return self.tokens.access_token

    def token(self) -> str:
        """A valid access token (signed in again after 10 minutes of its 15)."""
        if self.tokens is None or time.monotonic() - self.signed_in_at > 600:
            return self.sign_in()
        return self.tokens.access_token

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}


def _register(base: str, rng: random.Random) -> Account:
    email = f"fuzz-{rng.getrandbits(48):012x}@example.sn"
    password = f"Fz-{rng.getrandbits(64):016x}-{rng.getrandbits(32):08x}"
    response = httpx.post(
        f"{base}/v1/auth/register",
        json={"email": email, "password": password, "name": "Fuzz"},
        timeout=60,
    )
    response.raise_for_status()
    account = Account(base, email, password, str(uuid.UUID(int=rng.getrandbits(128))))
    account.secrets_seen.add(password)
    account.sign_in()
    _push_contacts(account, rng, 5)
    return account


def _push_contacts(account: Account, rng: random.Random, count: int) -> None:
    """A few real rows, so a pull after the fuzzing has something to carry."""
    hlc = f"{int(time.time() * 1000):013d}-00000-{account.device_id}"
    ops = [
        {
            "op_id": op_id,
            "table": "contacts",
            "row_id": str(uuid.UUID(int=rng.getrandbits(128))),
            "fields": {
                "first_name": [f"Contact {op_id}", hlc],
                "phone": [f"+22177000{op_id:04d}", hlc],
            },
        }
        for op_id in range(1, count + 1)
    ]
    response = httpx.post(
        f"{account.base}/v1/sync/push",
        json={"device_id": account.device_id, "schema_version": 1, "ops": ops},
        headers=account.auth,
        timeout=60,
    )
    response.raise_for_status()
    if PushResponse.model_validate_json(response.content).rejected:
        raise RuntimeError(f"the fuzzing account's first push was refused: {response.text[:200]}")


# -- 1. schemathesis ---------------------------------------------------------------------------


def _enable_hooks(base: str, account: Account) -> dict[str, str]:
    """Real webhook paths of the account (path -> provider), so callbacks parse bodies."""
    paths: dict[str, str] = {}
    # One provider per channel: enabling Twilio for SMS would retire Africa's Talking's.
    for channel, provider in (("sms", "africastalking"), ("whatsapp", "")):
        response = httpx.post(
            f"{base}/v1/hooks",
            json={"channel": channel, "provider": provider, "secret": "s" * 32},
            headers=account.auth,
            timeout=30,
        )
        response.raise_for_status()
        info = response.json()
        for url in [info["url"], *info.get("urls", {}).values()]:
            if url.rstrip("/") != info["url"].rstrip("/") or info["provider"] != "africastalking":
                paths[urlsplit(url).path] = info["provider"]
    paths["/hooks/twilio/no-such-hook"] = "twilio"  # unknown: refused before any parsing
    return paths
