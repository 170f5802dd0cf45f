"""The SMTP adapter against a real SMTP server on 127.0.0.1 (aiosmtpd).

What is checked, and where the rules come from:

- RFC 5321 (SMTP), https://www.rfc-editor.org/rfc/rfc5321 : reply codes 4yz are transient
  ("the action may be requested again"), 5yz permanent (§4.2.1); the DATA reply is given
  only after the final ``<CRLF>.<CRLF>`` and dot-stuffing of lines beginning with "." (§4.5.2);
  no answer after the final dot is the case §6.1 warns about (the message may be delivered).
- RFC 4954 (SMTP AUTH), https://www.rfc-editor.org/rfc/rfc4954 : 535 5.7.8 credentials
  invalid; RFC 3207: STARTTLS.
- RFC 8058 (one-click unsubscribe), https://www.rfc-editor.org/rfc/rfc8058 :
  ``List-Unsubscribe`` with an https URI plus ``List-Unsubscribe-Post:
  List-Unsubscribe=One-Click``; RFC 2369 for ``List-Unsubscribe`` with ``mailto:``.
- RFC 2047 (encoded words) for the non-ASCII subject and sender name; RFC 2046 for
  ``multipart/alternative`` and ``multipart/mixed``.
- aiosmtpd, https://aiosmtpd.aio-libs.org/en/latest/controller.html (``Controller``),
  https://aiosmtpd.aio-libs.org/en/latest/handlers.html (``handle_RCPT`` / ``handle_DATA``
  return the reply line), https://aiosmtpd.aio-libs.org/en/latest/auth.html
  (``authenticator``, ``AuthResult``; ``auth_require_tls=False`` is needed with implicit TLS,
  https://github.com/aio-libs/aiosmtpd/issues/281).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from localpro_desktop.channels.base import (
    AmbiguousSend,
    Attachment,
    ChannelKind,
    OutboundMessage,
    SendError,
)
from localpro_desktop.channels.email import SmtpChannel, presets

FROM = "boutique@aissata-couture.sn"
TO = "client@example.org"
PASSWORD = "s3cret-P@ss"


@dataclass
class Recorder:
    """An aiosmtpd handler that keeps what it was sent, or answers what a test sets."""

    received: list[tuple[str, list[str], bytes, Any]] = field(default_factory=list)
    mail_reply: str = ""
    rcpt_reply: str = ""
    data_reply: str = ""
    data_delay: float = 0.0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # type: ignore[no-untyped-def]
        if self.mail_reply:
            return self.mail_reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        if self.data_reply:
            return self.data_reply
        self.received.append(
            (envelope.mail_from, list(envelope.rcpt_tos), envelope.content, session.auth_data)
        )
        if self.data_delay:  # taken, but the answer comes too late (or never)
            await asyncio.sleep(self.data_delay)
        return "250 2.0.0 Ok: queued as 4F2A1"


def _authenticator(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"tailor"
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1 (cert, key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _server_ctx(tls_files: tuple[Path, Path]) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(*tls_files)
    return ctx


def _client_ctx(tls_files: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(tls_files[0]))


@pytest.fixture
def serve() -> Iterator[Any]:
    """Start aiosmtpd servers on 127.0.0.1; each call returns (handler, port)."""
    started: list[Controller] = []

    def start(handler: Recorder | None = None, **kwargs: Any) -> tuple[Recorder, int]:
        handler = handler or Recorder()
        port = _free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        started.append(controller)
        return handler, port

    yield start
    for controller in started:
        controller.stop()


def _channel(port: int, **kwargs: Any) -> SmtpChannel:
    options: dict[str, Any] = {"security": "none", "timeout": 5.0, "helo_name": "laptop.local"}
    options.update(kwargs)
    return SmtpChannel("127.0.0.1", port, from_address=FROM, **options)


def _message(**kwargs: Any) -> OutboundMessage:
    fields: dict[str, Any] = {
        "key": "camp-7:rcpt-42",
        "to": TO,
        "subject": "Tabaski : -20 % sur les boubous brodés, Fatou",
        "body": "Bonjour Fatou,\nvotre boubou est prêt.\n.point final\n",
        "html": "<html><body><p>Bonjour <b>Fatou</b>, votre boubou est prêt.</p></body></html>",
        "unsubscribe_url": "https://cloud.localpro.app/u/abc123",
    }
    fields.update(kwargs)
    return OutboundMessage(**fields)


def _parse(raw: bytes) -> EmailMessage:
    parsed = email.message_from_bytes(raw, policy=default_policy)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_a_full_message_reaches_the_server_with_its_headers_and_both_parts(serve: Any) -> None:
    handler, port = serve()
    accepted = _channel(port, from_name="Boutique Aïssata").send(_message())

    assert accepted.provider_id == "<camp-7=3Arcpt-42@aissata-couture.sn>"
    assert accepted.status == "sent"
    (mail_from, rcpt_tos, raw, _login), *_ = handler.received
    assert (mail_from, rcpt_tos) == (FROM, [TO])
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()  # RFC 2047: no raw 8-bit in headers
    assert b"Subject: Tabaski : -20 % sur les boubous =?utf-8?q?brod=C3=A9s=2C?= Fatou" in head
    assert b"From: Boutique =?utf-8?q?A=C3=AFssata?= <boutique@aissata-couture.sn>" in head
    assert b"Message-ID: <camp-7=3Arcpt-42@aissata-couture.sn>" in head
    assert b"List-Unsubscribe: <https://cloud.localpro.app/u/abc123>" in head
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in head

    parsed = _parse(raw)
    assert parsed["Subject"] == "Tabaski : -20 % sur les boubous brodés, Fatou"
    assert parsed["From"].addresses[0].display_name == "Boutique Aïssata"
    assert parsed["To"] == TO
    sent_at = parsedate_to_datetime(parsed["Date"])
    assert abs((dt.datetime.now(dt.UTC) - sent_at).total_seconds()) < 60
    assert parsed.get_content_type() == "multipart/alternative"
    plain, rich = parsed.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert rich.get_content_type() == "text/html"
    text = plain.get_content().replace("\r\n", "\n")
    markup = rich.get_content()
    assert "Bonjour Fatou,\nvotre boubou est prêt.\n.point final\n" in text  # dot-stuffing
    assert "https://cloud.localpro.app/u/abc123" in text.splitlines()[-1]
    assert "<b>Fatou</b>" in markup
    assert '<a href="https://cloud.localpro.app/u/abc123">' in markup
    assert markup.index("abc123") < markup.index("</body>")


def test_the_same_key_gives_the_same_message_id(serve: Any) -> None:
    handler, port = serve()
    channel = _channel(port)
    first = channel.send(_message())
    second = channel.send(_message())
    assert first.provider_id == second.provider_id
    ids = [_parse(raw)["Message-ID"] for _f, _t, raw, _l in handler.received]
    assert ids == [first.provider_id] * 2


def test_plain_text_only_with_a_mailto_unsubscribe(serve: Any) -> None:
    handler, port = serve()
    channel = _channel(port, unsubscribe_line="Pour ne plus recevoir nos messages : {link}")
    channel.send(_message(html="", unsubscribe_url="mailto:stop@aissata-couture.sn"))
    parsed = _parse(handler.received[0][2])
    assert parsed.get_content_type() == "text/plain"
    assert parsed["List-Unsubscribe"] == "<mailto:stop@aissata-couture.sn>"
    assert parsed["List-Unsubscribe-Post"] is None  # RFC 8058 needs an https URI
    assert (
        parsed.get_content()
        .rstrip()
        .endswith("Pour ne plus recevoir nos messages : stop@aissata-couture.sn")
    )


def test_an_attachment_round_trips_byte_for_byte(serve: Any, tmp_path: Path) -> None:
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n.\r\n\x00\xff trailer\n%%EOF\n"
    path = tmp_path / "catalogue-tabaski.pdf"
    path.write_bytes(pdf)
    handler, port = serve()
    _channel(port).send(_message(attachments=(Attachment(path, "application/pdf"),)))
    parsed = _parse(handler.received[0][2])
    assert parsed.get_content_type() == "multipart/mixed"
    alternative, attached = parsed.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    assert attached.get_content_type() == "application/pdf"
    assert attached.get_filename() == "catalogue-tabaski.pdf"
    assert attached.get_content() == pdf


def test_a_4xx_reply_is_transient_with_the_servers_code_and_words(serve: Any) -> None:
    _handler, port = serve(Recorder(rcpt_reply="450 4.2.1 Mailbox busy, try later"))
    with pytest.raises(SendError) as caught:
        _channel(port).send(_message())
    assert caught.value.transient
    assert caught.value.code == "450"
    assert "Mailbox busy" in caught.value.words


def test_a_5xx_on_rcpt_is_permanent(serve: Any) -> None:
    handler, port = serve(Recorder(rcpt_reply="550 5.1.1 No such user here"))
    with pytest.raises(SendError) as caught:
        _channel(port).send(_message())
    assert not caught.value.transient
    assert (caught.value.code, "No such user here" in caught.value.words) == ("550", True)
    assert handler.received == []


@pytest.mark.parametrize(
    ("reply", "transient"), [("451 4.3.0 Try again", True), ("554 5.7.1 Spam", False)]
)
def test_the_reply_after_data_decides(serve: Any, reply: str, transient: bool) -> None:
    _handler, port = serve(Recorder(data_reply=reply))
    with pytest.raises(SendError) as caught:
        _channel(port).send(_message())
    assert caught.value.transient is transient
    assert caught.value.code == reply[:3]


def test_login_then_send_over_a_plain_connection(serve: Any) -> None:
    handler, port = serve(authenticator=_authenticator, auth_require_tls=False)
    _channel(port, username="tailor", password=PASSWORD).send(_message())
    assert handler.received[0][3].login == b"tailor"


def test_a_refused_login_is_permanent_and_never_shows_the_password(serve: Any) -> None:
    handler, port = serve(authenticator=_authenticator, auth_require_tls=False)
    channel = _channel(port, username="tailor", password="wrong-" + PASSWORD)
    with pytest.raises(SendError) as caught:
        channel.send(_message())
    error = caught.value
    assert not error.transient
    assert error.code == "535"
    assert error.channel_wide  # every message would be refused: the dispatcher stops e-mail
    assert "tailor" in error.words and "refused the login" in error.words
    for shown in (str(error), error.words, repr(error), repr(channel)):
        assert PASSWORD not in shown
    assert handler.received == []


def test_starttls_with_login(serve: Any, tls_files: tuple[Path, Path]) -> None:
    handler, port = serve(
        tls_context=_server_ctx(tls_files),
        require_starttls=True,
        authenticator=_authenticator,
    )
    channel = _channel(
        port,
        security="starttls",
        username="tailor",
        password=PASSWORD,
        ssl_context=_client_ctx(tls_files),
    )
    channel.send(_message())
    assert handler.received[0][3].login == b"tailor"


def test_starttls_refuses_a_certificate_it_cannot_verify(
    serve: Any, tls_files: tuple[Path, Path]
) -> None:
    handler, port = serve(tls_context=_server_ctx(tls_files), require_starttls=True)
    with pytest.raises(SendError) as caught:
        _channel(port, security="starttls").send(_message())  # the system's CAs only
    assert (caught.value.code, caught.value.transient) == ("tls", False)
    assert handler.received == []


def test_implicit_tls(serve: Any, tls_files: tuple[Path, Path]) -> None:
    handler, port = serve(
        ssl_context=_server_ctx(tls_files), authenticator=_authenticator, auth_require_tls=False
    )
    channel = _channel(
        port,
        security="ssl",
        username="tailor",
        password=PASSWORD,
        ssl_context=_client_ctx(tls_files),
    )
    channel.send(_message())
    assert handler.received[0][3].login == b"tailor"


def test_nobody_listening_is_transient() -> None:
    with pytest.raises(SendError) as caught:
        _channel(_free_port()).send(_message())
    assert (caught.value.code, caught.value.transient) == ("connect", True)
    assert caught.value.channel_wide  # no connection: not this message's fault


def test_a_refused_sender_stops_the_channel_a_refused_recipient_does_not(serve: Any) -> None:
    _handler, port = serve(Recorder(mail_reply="553 5.7.1 Sender address rejected"))
    with pytest.raises(SendError) as caught:
        _channel(port).send(_message())
    assert (caught.value.code, caught.value.transient, caught.value.scope) == (
        "553",
        False,
        "channel",
    )
    _handler, port = serve(Recorder(mail_reply="451 4.3.0 Try again later"))
    with pytest.raises(SendError) as caught:
        _channel(port).send(_message())
    assert (caught.value.transient, caught.value.scope) == (True, "message")
    _handler, port = serve(Recorder(rcpt_reply="550 5.1.1 No such user here"))
    with pytest.raises(SendError) as caught:
        _channel(port).send(_message())
    assert caught.value.scope == "message"


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
    b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_a_signature_logo_is_an_inline_image_of_the_html_part(serve: Any, tmp_path: Path) -> None:
    """RFC 2387 ``multipart/related``: the HTML, then the image it shows by ``cid:``."""
    logo = tmp_path / "atelier.png"
    logo.write_bytes(PNG)
    pdf = tmp_path / "catalogue.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    handler, port = serve()
    channel = _channel(port, from_name="Atelier Aïssata", logo=logo)
    channel.send(_message(attachments=(Attachment(pdf, "application/pdf"),)))

    parsed = _parse(handler.received[0][2])
    assert parsed.get_content_type() == "multipart/mixed"
    alternative, attached = parsed.iter_parts()
    assert attached.get_content_type() == "application/pdf"
    plain, related = alternative.iter_parts()
    assert (plain.get_content_type(), related.get_content_type()) == (
        "text/plain",
        "multipart/related",
    )
    html_part, image = related.iter_parts()
    assert image.get_content_type() == "image/png"
    assert image.get_content() == PNG
    assert image.get_content_disposition() == "inline"
    cid = image["Content-ID"].strip("<>")
    markup = html_part.get_content()
    assert f'src="cid:{cid}"' in markup and 'alt="Atelier Aïssata"' in markup
    # The logo sits above the unsubscribe line, which stays the last thing in the HTML.
    assert markup.index(cid) < markup.index("https://cloud.localpro.app/u/abc123")
    assert "<b>Fatou</b>" in markup


def test_a_logo_without_an_html_body_gets_one_made_from_the_text(
    serve: Any, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    handler, port = serve()
    _channel(port, logo=logo).send(_message(html="", body="Bonjour <Fatou> & co\n\nA bientôt"))
    parsed = _parse(handler.received[0][2])
    _plain, related = parsed.iter_parts()
    markup = next(related.iter_parts()).get_content()
    assert "<p>Bonjour &lt;Fatou&gt; &amp; co</p>" in markup and "cid:" in markup


def test_a_logo_that_cannot_be_read_stops_the_channel(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        _channel(25, logo=tmp_path / "notes.txt")  # not an image: refused at once
    channel = _channel(_free_port(), logo=tmp_path / "gone.png")
    with pytest.raises(SendError) as caught:
        channel.send(_message())
    assert (caught.value.code, caught.value.channel_wide) == ("logo", True)


def test_a_server_that_never_greets_times_out_as_transient() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # the kernel completes the handshake; nobody ever answers
        started = time.monotonic()
        with pytest.raises(SendError) as caught:
            _channel(silent.getsockname()[1], timeout=0.5).send(_message())
    assert (caught.value.code, caught.value.transient) == ("connect", True)
    assert time.monotonic() - started < 3


def test_no_answer_after_the_final_dot_is_ambiguous(serve: Any) -> None:
    handler, port = serve(Recorder(data_delay=1.5))
    with pytest.raises(AmbiguousSend):
        _channel(port, timeout=0.5).send(_message())
    assert len(handler.received) == 1  # the server did take it: resending would duplicate


def test_a_bad_address_is_permanent_without_connecting() -> None:
    with pytest.raises(SendError) as caught:
        _channel(_free_port()).send(_message(to="fatou at example"))
    assert (caught.value.code, caught.value.transient) == ("address", False)


def test_lookup_cannot_be_asked_and_kind_presets() -> None:
    channel = _channel(25)
    assert channel.kind is ChannelKind.EMAIL
    with pytest.raises(NotImplementedError):
        channel.lookup(_message(), dt.datetime.now(dt.UTC))
    assert (presets["gmail"].host, presets["gmail"].port, presets["gmail"].security) == (
        "smtp.gmail.com",
        587,
        "starttls",
    )
    assert presets["outlook"] == presets["office365"]
    assert presets["office365"].host == "smtp.office365.com"
