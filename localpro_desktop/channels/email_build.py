"""Building one e-mail (RFC 5322 / MIME) from an ``OutboundMessage``; no network here.

The shape: ``text/plain`` alone, or ``multipart/alternative`` (plain text, then HTML) when
there is HTML, wrapped in ``multipart/mixed`` when there are attachments. A signature logo
makes the HTML part ``multipart/related`` (the HTML, then the image it shows by ``cid:``,
RFC 2387 / RFC 2392); without an HTML body, one is made from the text for it. Headers that
are not plain ASCII (subject, the sender's name) are encoded per RFC 2047 by ``email.policy``.
The Message-ID is made from the outbox key, so the same message always carries the same id
and a receiver or provider can drop a duplicate.
"""

from __future__ import annotations

import html
import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8
from email.utils import formatdate

from localpro_desktop.channels.base import OutboundMessage

DEFAULT_UNSUBSCRIBE_LINE = "To stop receiving these messages: {link}"
"""The visible line added to both parts; ``{link}`` is the unsubscribe URL or address.

The caller passes the user's language (this layer has no UI strings of its own)."""

_MSGID_SAFE = re.compile(r"[A-Za-z0-9_+\-]")
_STRUCTURAL = frozenset(
    {
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "list-unsubscribe",
        "list-unsubscribe-post",
    }
)


class AddressError(ValueError):
    """The recipient's address cannot be used in an SMTP envelope."""


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].strip().lower()


def message_id(key: str, from_address: str) -> str:
    """``<key@from-domain>``, the key's unsafe characters written ``=XX`` (stable, unique)."""
    local = "".join(
        ch if _MSGID_SAFE.fullmatch(ch) else "".join(f"={b:02X}" for b in ch.encode()) for ch in key
    )
    return f"<{local or 'message'}@{domain_of(from_address) or 'localhost'}>"


def check_address(address: str) -> str:
    """The address stripped, or ``AddressError`` if it cannot be an envelope recipient."""
    addr = address.strip()
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain or "." not in domain:
        raise AddressError(f"not an e-mail address: {addr!r}")
    if any(ch.isspace() or ch in '<>,;"()[]\\' for ch in addr):
        raise AddressError(f"not an e-mail address: {addr!r}")
    return addr


def needs_smtputf8(*addresses: str) -> bool:
    return not all(a.isascii() for a in addresses)


def _unsubscribe_targets(url: str, mailto: str) -> tuple[str, str]:
    """(https-or-http URL, mailto URI) from the message's link and the channel's address."""
    web = ""
    mail = ""
    if url.lower().startswith(("https://", "http://")):
        web = url
    elif url.lower().startswith("mailto:"):
        mail = url
    elif "@" in url:
        mail = f"mailto:{url}"
    if not mail and mailto:
        mail = mailto if mailto.lower().startswith("mailto:") else f"mailto:{mailto}"
    return web, mail


def _visible_link(web: str, mail: str) -> str:
    if web:
        return web
    return mail.removeprefix("mailto:").partition("?")[0]


def _with_text_line(body: str, link: str, line: str) -> str:
    if not link or link in body:
        return body
    return f"{body.rstrip()}\n\n--\n{line.format(link=link)}\n"


def _with_html_line(markup: str, link: str, href: str, line: str) -> str:
    if not link or html.escape(link) in markup or link in markup:
        return markup
    anchor = f'<a href="{html.escape(href, quote=True)}">{html.escape(link)}</a>'
    before, sep, after = line.partition("{link}")
    para = (
        '<p style="font-size:12px;color:#666666">'
        f"{html.escape(before)}{anchor if sep else ''}{html.escape(after)}</p>"
    )
    lowered = markup.lower()
    at = lowered.rfind("</body>")
    if at < 0:
        return f"{markup}\n{para}\n"
    return f"{markup[:at]}{para}\n{markup[at:]}"


def _html_from_text(text: str) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def _with_logo(markup: str, cid: str, name: str) -> str:
    """The signature block (logo, and the sender's name as its text) under the message."""
    alt = html.escape(name or "logo", quote=True)
    block = (
        f'<p><img src="cid:{html.escape(cid, quote=True)}" alt="{alt}" '
        'style="max-height:64px;max-width:200px"></p>'
    )
    lowered = markup.lower()
    at = lowered.rfind("</body>")
    if at < 0:
        return f"{markup}\n{block}\n"
    return f"{markup[:at]}{block}\n{markup[at:]}"


def build_message(
    message: OutboundMessage,
    *,
    from_address: str,
    from_name: str = "",
    unsubscribe_mailto: str = "",
    unsubscribe_line: str = DEFAULT_UNSUBSCRIBE_LINE,
    date: str | None = None,
    logo: tuple[bytes, str] | None = None,
) -> EmailMessage:
    """The whole e-mail, ready for ``as_bytes`` (raises ``AddressError``, ``OSError``).

    ``logo``: the signature image's bytes and content type (``image/png``...), or None.
    """
    to = check_address(message.to)
    utf8 = needs_smtputf8(to, from_address)
    msg = EmailMessage(policy=SMTPUTF8 if utf8 else SMTP)
    user, _, domain = from_address.rpartition("@")
    msg["From"] = Address(display_name=from_name, username=user, domain=domain)
    msg["To"] = to
    msg["Subject"] = message.subject
    msg["Date"] = date or formatdate(localtime=True)
    msg["Message-ID"] = message_id(message.key, from_address)

    web, mail = _unsubscribe_targets(message.unsubscribe_url, unsubscribe_mailto)
    if web or mail:
        msg["List-Unsubscribe"] = ", ".join(f"<{u}>" for u in (web, mail) if u)
    if web.lower().startswith("https://"):
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    for name, value in message.headers.items():
        if name.lower() not in _STRUCTURAL:
            msg[name] = value

    link = _visible_link(web, mail)
    text = _with_text_line(message.body, link, unsubscribe_line)
    msg.set_content(text, cte=_cte(text))
    if message.html or logo is not None:
        href = web or mail
        markup = message.html or _html_from_text(message.body)
        cid = message_id(f"logo-{message.key}", from_address)[1:-1]
        if logo is not None:
            markup = _with_logo(markup, cid, from_name)
        markup = _with_html_line(markup, link, href, unsubscribe_line)
        msg.add_alternative(markup, subtype="html", cte=_cte(markup))
        if logo is not None:
            data, content_type = logo
            maintype, _, subtype = content_type.partition("/")
            html_part = msg.get_body(("html",))
            assert isinstance(html_part, EmailMessage)
            html_part.add_related(
                data,
                maintype=maintype or "image",
                subtype=subtype or "png",
                cid=f"<{cid}>",
                disposition="inline",
            )
    for attachment in message.attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        msg.add_attachment(
            attachment.path.read_bytes(),
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=attachment.path.name,
        )
    return msg


def _cte(text: str) -> str:
    """Quoted-printable keeps mostly-ASCII text readable; 7-bit ASCII needs no encoding."""
    if text.isascii() and all(len(line) <= 900 for line in text.splitlines()):
        return "7bit"
    return "quoted-printable"


def smtp_bytes(msg: EmailMessage) -> bytes:
    """The message as DATA content: CRLF lines, no dot-stuffing yet (the sender does it)."""
    return msg.as_bytes()
