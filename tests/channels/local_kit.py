"""What the channel, CLI, service and UI tests share: a keyring in a file and an SMTP
server with a login, both on this machine only (never the user's keyring or a real server).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyrings.alt.file import PlaintextKeyring


@contextmanager
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """A keyring file under ``tmp_path``, where a subprocess with XDG_DATA_HOME finds it."""
    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "xdg" / "python_keyring" / "keyring_pass.cfg")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


class Inbox:
    """What the SMTP server received: (recipients, raw message) per message."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 Ok: queued"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def smtp_with_login(
    login: str, password: str, handler: Any | None = None
) -> Iterator[tuple[Any, int]]:
    """aiosmtpd on 127.0.0.1 taking ``login``/``password`` (AUTH without TLS, for tests)."""

    def check(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == login.encode()
            and auth_data.password == password.encode()
        )
        return AuthResult(success=ok, handled=False)

    box = handler if handler is not None else Inbox()
    port = free_port()
    controller = Controller(
        box, hostname="127.0.0.1", port=port, authenticator=check, auth_require_tls=False
    )
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()
