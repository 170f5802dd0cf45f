"""E-mail over SMTP (RFC 5321): one connection per message, sent step by step.

The steps are done one by one (not ``sendmail``) so each failure maps to the outcome the
outbox needs (see ``base``):

- nothing reached the server, or it answered 4xx at any step: ``SendError`` transient;
- 5xx (no such user, rejected as spam, sender not allowed...): ``SendError`` permanent,
  with the server's code and words;
- the login refused (535): permanent, the words name the user and never the password;
- the whole message and its final ``.`` were written but no reply came (cut, timeout):
  ``AmbiguousSend`` — the server may have queued it.

Channel-wide (``scope="channel"``: nothing was sent and every message would meet the same
answer): the server cannot be reached or refuses the connection, STARTTLS or TLS fails,
the login is refused (535) or impossible, the sender address is refused (5xx at MAIL FROM),
the signature logo cannot be read.

An optional signature logo (``logo``) goes in the HTML part as an inline image
(``multipart/related``, RFC 2387), shown under the message with the sender's name.

The Message-ID comes from the outbox key (``email_build.message_id``), so a message sent
again after an unknown outcome carries the same id and can be recognised as a duplicate.
"""

from __future__ import annotations

import mimetypes
import re
import smtplib
import socket
import ssl
from base64 import b64encode
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal, get_args

from localpro_desktop.channels.base import (
    Accepted,
    AmbiguousSend,
    ChannelKind,
    OutboundMessage,
    Scope,
    SendError,
)
from localpro_desktop.channels.email_build import (
    DEFAULT_UNSUBSCRIBE_LINE,
    AddressError,
    build_message,
    needs_smtputf8,
)

Security = Literal["starttls", "ssl", "none"]
DEFAULT_TIMEOUT: Final = 30.0


@dataclass(frozen=True)
class SmtpPreset:
    host: str
    port: int
    security: Security


presets: Final = MappingProxyType(
    {
        # https://support.google.com/mail/answer/7126229 (smtp.gmail.com, TLS 587 / SSL 465)
        "gmail": SmtpPreset("smtp.gmail.com", 587, "starttls"),
        # https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-
        # multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365
        "outlook": SmtpPreset("smtp.office365.com", 587, "starttls"),
        "office365": SmtpPreset("smtp.office365.com", 587, "starttls"),
    }
)
"""Known providers' submission servers, for the configure command ("custom": none)."""


def _default_helo() -> str:
    name = socket.gethostname()
    return (
        name if re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?", name) else "localhost"
    )


def _reply_words(resp: bytes | str) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else resp
    return " ".join(text.split())


class SmtpChannel:
    """``base.Channel`` for one SMTP submission account."""

    kind: ChannelKind = ChannelKind.EMAIL

    def __init__(
        self,
        host: str,
        port: int,
        security: Security,
        from_address: str,
        username: str | None = None,
        password: str | None = None,
        from_name: str = "",
        timeout: float = DEFAULT_TIMEOUT,
        *,
        ssl_context: ssl.SSLContext | None = None,
        helo_name: str | None = None,
        unsubscribe_mailto: str = "",
        unsubscribe_line: str = DEFAULT_UNSUBSCRIBE_LINE,
        logo: Path | None = None,
    ) -> None:
        if security not in get_args(Security):
            raise ValueError(f"security must be one of {get_args(Security)}, not {security!r}")
        if logo is not None and not (mimetypes.guess_type(logo.name)[0] or "").startswith("image/"):
            raise ValueError(f"the signature logo must be an image, not {logo.name!r}")
        self.host = host
        self.port = port
        self.security: Security = security
        self.from_address = from_address
        self.from_name = from_name
        self.username = username
        self._password = password
        self.timeout = timeout
        self._ssl_context = ssl_context
        self.helo_name = helo_name or _default_helo()
        self.unsubscribe_mailto = unsubscribe_mailto
        self.unsubscribe_line = unsubscribe_line
        self.logo = logo

    def __repr__(self) -> str:
        return (
            f"SmtpChannel(host={self.host!r}, port={self.port}, security={self.security!r}, "
            f"from_address={self.from_address!r}, username={self.username!r})"
        )

    # -- the Channel protocol ------------------------------------------------------------

    def send(self, message: OutboundMessage) -> Accepted:
        logo: tuple[bytes, str] | None = None
        if self.logo is not None:
            try:
                logo = (self.logo.read_bytes(), mimetypes.guess_type(self.logo.name)[0] or "")
            except OSError as exc:
                words = f"cannot read the signature logo {self.logo.name!r}: {exc.strerror or exc}"
                raise SendError("logo", words, transient=False, scope="channel") from None
        try:
            msg = build_message(
                message,
                from_address=self.from_address,
                from_name=self.from_name,
                unsubscribe_mailto=self.unsubscribe_mailto,
                unsubscribe_line=self.unsubscribe_line,
                logo=logo,
            )
        except AddressError as exc:
            raise SendError("address", str(exc), transient=False) from None
        except OSError as exc:
            raise SendError(
                "attachment", f"cannot read an attachment: {exc}", transient=False
            ) from None
        data = msg.as_bytes()
        to = str(msg["To"])
        smtp = self._connect()
        try:
            self._login(smtp)
            self._envelope(smtp, to, needs_smtputf8(to, self.from_address))
            self._data(smtp, data)
        finally:
            _close(smtp)
        return Accepted(provider_id=str(msg["Message-ID"]), status="sent")

    def lookup(self, message: OutboundMessage, since: datetime) -> Accepted | None:
        raise NotImplementedError("SMTP offers no way to ask whether a message was taken")

    # -- the steps -----------------------------------------------------------------------

    def _context(self) -> ssl.SSLContext:
        return self._ssl_context or ssl.create_default_context()

    def _connect(self) -> smtplib.SMTP:
        where = f"{self.host}:{self.port}"
        smtp: smtplib.SMTP | None = None
        try:
            if self.security == "ssl":
                smtp = smtplib.SMTP_SSL(
                    self.host,
                    self.port,
                    local_hostname=self.helo_name,
                    timeout=self.timeout,
                    context=self._context(),
                )
            else:
                smtp = smtplib.SMTP(
                    self.host, self.port, local_hostname=self.helo_name, timeout=self.timeout
                )
            smtp.ehlo_or_helo_if_needed()
            if self.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise SendError(
                        "starttls",
                        f"{where} does not offer STARTTLS",
                        transient=False,
                        scope="channel",
                    )
                smtp.starttls(context=self._context())
                smtp.ehlo_or_helo_if_needed()
            return smtp
        except SendError:
            _close(smtp)
            raise
        except smtplib.SMTPResponseException as exc:
            _close(smtp)
            stage = f"{where} at connection"
            raise self._refused(exc.smtp_code, exc.smtp_error, stage, scope="channel") from None
        except ssl.SSLEOFError as exc:
            _close(smtp)
            words = f"{where}: TLS cut: {exc}"
            raise SendError("connect", words, transient=True, scope="channel") from None
        except ssl.SSLError as exc:
            _close(smtp)
            words = f"{where}: TLS failed: {exc}"
            raise SendError("tls", words, transient=False, scope="channel") from None
        except (OSError, smtplib.SMTPException) as exc:
            _close(smtp)
            words = f"could not reach {where}: {exc or type(exc).__name__}"
            raise SendError("connect", words, transient=True, scope="channel") from None

    def _login(self, smtp: smtplib.SMTP) -> None:
        if not self.username:
            return
        try:
            smtp.login(self.username, self._password or "")
        except smtplib.SMTPAuthenticationError as exc:
            transient = 400 <= exc.smtp_code < 500
            words = (
                f"the server refused the login for user {self.username!r}: "
                f"{exc.smtp_code} {_reply_words(exc.smtp_error)}"
            )
            raise SendError(
                str(exc.smtp_code), self._scrub(words), transient=transient, scope="channel"
            ) from None
        except smtplib.SMTPNotSupportedError:
            words = f"{self.host} offers no login (AUTH) on this connection"
            raise SendError("auth", words, transient=False, scope="channel") from None
        except smtplib.SMTPResponseException as exc:
            raise self._refused(exc.smtp_code, exc.smtp_error, "login", scope="channel") from None
        except (OSError, smtplib.SMTPException) as exc:
            # SMTPException without a code: no mechanism both sides know.
            if isinstance(exc, smtplib.SMTPServerDisconnected) or not isinstance(
                exc, smtplib.SMTPException
            ):
                words = f"cut during login: {exc}"
                raise SendError("connect", words, transient=True, scope="channel") from None
            words = self._scrub(str(exc))
            raise SendError("auth", words, transient=False, scope="channel") from None

    def _envelope(self, smtp: smtplib.SMTP, to: str, utf8: bool) -> None:
        if utf8 and not smtp.has_extn("smtputf8"):
            words = f"{self.host} cannot take non-ASCII addresses (no SMTPUTF8)"
            raise SendError("smtputf8", words, transient=False)
        try:
            code, resp = smtp.mail(self.from_address, ["SMTPUTF8"] if utf8 else [])
            if code != 250:
                # The sender is the same for every message: a 5xx here refuses them all.
                scope: Scope = "channel" if 500 <= code < 600 else "message"
                raise self._refused(code, resp, "MAIL FROM", scope=scope)
            code, resp = smtp.rcpt(to)
            if code not in (250, 251):
                raise self._refused(code, resp, "RCPT TO")
            code, resp = smtp.docmd("DATA")
            if code != 354:
                raise self._refused(code, resp, "DATA")
        except SendError:
            raise
        except (OSError, smtplib.SMTPException) as exc:
            raise SendError("connect", f"cut before the message: {exc}", transient=True) from None

    def _data(self, smtp: smtplib.SMTP, data: bytes) -> None:
        """Write the content and the final dot, then wait for the one reply that counts."""
        payload = re.sub(rb"(?m)^\.", b"..", data)
        if not payload.endswith(b"\r\n"):
            payload += b"\r\n"
        try:
            smtp.send(payload + b".\r\n")
        except (OSError, smtplib.SMTPException) as exc:
            # sendall failed: the final dot did not leave, the server cannot have taken it.
            raise SendError(
                "connect", f"cut while writing the message: {exc}", transient=True
            ) from None
        try:
            code, resp = smtp.getreply()
        except (OSError, smtplib.SMTPException) as exc:
            raise AmbiguousSend(
                f"{self.host}:{self.port} got the whole message but gave no answer ({exc}); "
                "it may have been queued"
            ) from None
        if code != 250:
            raise self._refused(code, resp, "end of DATA")

    def _refused(
        self, code: int, resp: bytes | str, stage: str, *, scope: Scope = "message"
    ) -> SendError:
        words = self._scrub(f"{_reply_words(resp)} (at {stage})")
        return SendError(str(code), words, transient=not 500 <= code < 600, scope=scope)

    def _scrub(self, text: str) -> str:
        """Remove the password (and its AUTH encodings) should a server echo it back."""
        secret = self._password
        if not secret:
            return text
        user = self.username or ""
        for form in (
            secret,
            b64encode(secret.encode()).decode(),
            b64encode(f"\0{user}\0{secret}".encode()).decode(),
        ):
            text = text.replace(form, "***")
        return text


def _close(smtp: smtplib.SMTP | None) -> None:
    if smtp is None:
        return
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()
