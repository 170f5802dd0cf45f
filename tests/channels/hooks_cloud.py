"""The real cloud service on 127.0.0.1 for the laptop's webhook tests (``channels webhooks``,
``services.webhooks``, the e-mail links), and signing calls as the providers do."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from localpro_cloud.app import create_app
from localpro_cloud.loopback import running
from localpro_desktop.services.account import CloudAccount
from localpro_desktop.services.workspace import Workspace
from localpro_protocol.wire import RegisterRequest

SECRET = "tests-only-hooks-secret-" + "h" * 40
PASSWORD = "correct horse battery staple"


@contextmanager
def live_cloud(folder: Path, public_url: str | None = None) -> Iterator[str]:
    """The cloud app under uvicorn on a free port (its URL); ``public_url``: what it tells
    providers and recipients to call (default: its own address)."""
    folder.mkdir(parents=True, exist_ok=True)
    app = create_app(
        f"sqlite:///{(folder / 'cloud.sqlite').as_posix()}", secret=SECRET, public_url=public_url
    )
    with running(app) as url:
        yield url


def new_email() -> str:
    return f"hooks-{uuid.uuid4().hex[:10]}@example.sn"


def sign_up(ws: Workspace, url: str, email: str | None = None) -> str:
    """Create an account and sign ``ws`` in (test setup, not what is under test)."""
    email = email or new_email()
    with CloudAccount(ws, url) as account:
        account.register(RegisterRequest(email=email, password=PASSWORD, country="SN"))
    return email


def whatsapp_signature(body: bytes, app_secret: str) -> str:
    """``X-Hub-Signature-256`` as Meta sends it."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def twilio_signature(url: str, params: dict[str, str], auth_token: str) -> str:
    """``X-Twilio-Signature``: Base64(HMAC-SHA1(token, URL + sorted name/value pairs))."""
    data = url + "".join(name + value for name, value in sorted(params.items()))
    digest = hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()
