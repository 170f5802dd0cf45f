"""E-mail links: the open pixel and the unsubscribe page, behind an opaque token per message.

Each e-mail LocalPro sends carries ``{public}/e/{token}/open.gif`` (an invisible image) and
``{public}/e/{token}/unsubscribe`` (in the body and in the ``List-Unsubscribe`` header, with
``List-Unsubscribe-Post: List-Unsubscribe=One-Click``). ``token = "{hook_id}.{key}"``: the
hook id finds the account, the key is the outbox message's own key (a random id), so the
URL holds no personal data.

- ``GET …/open.gif`` answers a 1×1 transparent GIF, always (an unknown token too, so the
  image never shows broken and says nothing about which tokens exist), never cached, and
  records an ``opened`` receipt for a valid hook. Mail clients fetch images again and
  again; the event id makes it one receipt.
- ``GET …/unsubscribe`` answers a small page in the recipient's language (French when
  ``Accept-Language`` prefers it, English otherwise) with one button that POSTs to the same
  address. Nothing is recorded on GET: link scanners open links.
- ``POST …/unsubscribe`` records the opt-out for the e-mail channel and answers a
  confirmation page (200, never a redirect). It is what the button sends and what mail
  providers send for RFC 8058 one-click unsubscribes (body ``List-Unsubscribe=One-Click``).
- A token whose hook does not exist (never did, or was rotated) gets a 404 page saying the
  link is not valid any more. No page names the business, the person or their address.

The laptop maps the key back to the recipient (``outbox_messages.key``) and ignores keys it
does not know.

References:
- RFC 8058 (one-click unsubscribe): https://www.rfc-editor.org/rfc/rfc8058#section-3.2
- Gmail's sender guidelines (the POST mail providers send):
  https://support.google.com/mail/answer/81126
"""

import logging
import re
from html import escape

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from sqlalchemy.exc import SQLAlchemyError

from localpro_cloud.context import Service, service
from localpro_cloud.hooks.events import Event, record
from localpro_cloud.hooks.registry import find_hook

log = logging.getLogger(__name__)
router = APIRouter(tags=["e-mail links"])

PROVIDER = "email"
CHANNEL = "email"
_KEY = re.compile(r"^[A-Za-z0-9_-]{1,128}$")

PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
    b"!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
"""A 1×1 GIF whose only pixel is transparent (43 bytes)."""

NO_STORE = {
    "Cache-Control": "no-store, max-age=0",
    "Pragma": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "ask_title": "Unsubscribe",
        "ask_heading": "Stop receiving these e-mails?",
        "ask_text": (
            "Press the button to stop receiving e-mails from this sender. "
            "You can ask them to write to you again at any time."
        ),
        "ask_button": "Unsubscribe",
        "done_title": "Unsubscribed",
        "done_heading": "You are unsubscribed",
        "done_text": "You will not receive these e-mails any more. You can close this page.",
        "gone_title": "Link not valid",
        "gone_heading": "This link is not valid any more",
        "gone_text": (
            "The sender may have changed their settings. If you keep receiving e-mails you "
            "do not want, reply to one of them and ask to be removed from the list."
        ),
    },
    "fr": {
        "ask_title": "Désabonnement",
        "ask_heading": "Ne plus recevoir ces e-mails ?",
        "ask_text": (
            "Appuyez sur le bouton pour ne plus recevoir d'e-mails de cet expéditeur. "
            "Vous pourrez lui demander de vous écrire à nouveau à tout moment."
        ),
        "ask_button": "Me désabonner",
        "done_title": "Désabonnement confirmé",
        "done_heading": "Vous êtes désabonné(e)",
        "done_text": "Vous ne recevrez plus ces e-mails. Vous pouvez fermer cette page.",
        "gone_title": "Lien non valide",
        "gone_heading": "Ce lien n'est plus valide",
        "gone_text": (
            "L'expéditeur a peut-être changé ses réglages. Si vous recevez encore des e-mails "
            "que vous ne souhaitez pas, répondez à l'un d'eux pour demander à être retiré(e) "
            "de la liste."
        ),
    },
}


def parse_token(token: str) -> tuple[str, str] | None:
    """``"{hook_id}.{key}"`` → (hook id, key); None when it cannot be one of ours."""
    hook_id, dot, key = token.rpartition(".")
    if not dot or not hook_id or len(hook_id) > 128 or not _KEY.match(key):
        return None
    return hook_id, key


def _account_of(svc: Service, token: str) -> tuple[str, str] | None:
    """(account id, message key) of a valid token; None for an unknown or malformed one."""
    parts = parse_token(token)
    if parts is None:
        return None
    hook = find_hook(svc, parts[0], PROVIDER)
    return None if hook is None else (hook.account_id, parts[1])


def _record_open(svc: Service, token: str) -> None:
    found = _account_of(svc, token)
    if found is None:
        return
    account_id, key = found
    record(
        svc,
        account_id,
        [
            Event(
                kind="receipt",
                channel=CHANNEL,
                provider=PROVIDER,
                dedupe_key=f"opened|{key}",
                message_id=key,
                status="opened",
            )
        ],
    )


def _record_unsubscribe(svc: Service, token: str) -> bool:
    found = _account_of(svc, token)
    if found is None:
        return False
    account_id, key = found
    record(
        svc,
        account_id,
        [
            Event(
                kind="opt_out",
                channel=CHANNEL,
                provider=PROVIDER,
                dedupe_key=f"unsubscribe|{key}",
                message_id=key,
            )
        ],
    )
    return True


@router.get("/e/{token}/open.gif", include_in_schema=False)
async def open_pixel(token: str, request: Request) -> Response:
    """The invisible image: an ``opened`` receipt for a valid token, the same GIF for all."""
    try:
        await run_in_threadpool(_record_open, service(request), token)
    except SQLAlchemyError:
        # The image must still show; the next fetch of it records the open.
        log.exception("email: an open could not be recorded")
    return Response(content=PIXEL, media_type="image/gif", headers=NO_STORE)


@router.get("/e/{token}/unsubscribe", response_class=HTMLResponse, include_in_schema=False)
async def unsubscribe_page(token: str, request: Request) -> HTMLResponse:
    """The page with the button (nothing is recorded until it is pressed)."""
    lang = language(request.headers.get("accept-language"))
    found = await run_in_threadpool(_account_of, service(request), token)
    if found is None:
        return _page(lang, "gone", status_code=404)
    return _page(lang, "ask")


@router.post("/e/{token}/unsubscribe", response_class=HTMLResponse, include_in_schema=False)
async def unsubscribe(token: str, request: Request) -> HTMLResponse:
    """The button, or a mail provider's RFC 8058 one-click POST: record the opt-out."""
    lang = language(request.headers.get("accept-language"))
    done = await run_in_threadpool(_record_unsubscribe, service(request), token)
    return _page(lang, "done") if done else _page(lang, "gone", status_code=404)


def language(header: str | None) -> str:
    """``"fr"`` when Accept-Language prefers French to English, else ``"en"``."""
    best, best_q = "en", 0.0
    for item in (header or "").split(","):
        tag, *params = item.strip().split(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in WORDS:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q:
            best, best_q = primary, q
    return best


def _page(lang: str, which: str, *, status_code: int = 200) -> HTMLResponse:
    words = {name: escape(text, quote=False) for name, text in WORDS[lang].items()}
    form = ""
    if which == "ask":
        # No action: the form posts to this very address (the token stays out of the page).
        form = (
            '<form method="post">'
            '<input type="hidden" name="List-Unsubscribe" value="One-Click">'
            f'<button type="submit">{words["ask_button"]}</button></form>'
        )
    html = f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{words[which + "_title"]}</title>
<style>
body {{ font-family: system-ui, sans-serif; background: #f5f6f8; color: #1f2933;
       margin: 0; padding: 48px 16px; }}
main {{ max-width: 420px; margin: 0 auto; background: #fff; border-radius: 12px;
       padding: 32px; box-shadow: 0 1px 4px rgba(0, 0, 0, .08); }}
h1 {{ font-size: 1.3rem; margin: 0 0 12px; }}
p {{ line-height: 1.5; }}
button {{ font: inherit; background: #1f6feb; color: #fff; border: 0; border-radius: 8px;
         padding: 10px 20px; cursor: pointer; }}
</style>
</head>
<body>
<main>
<h1>{words[which + "_heading"]}</h1>
<p>{words[which + "_text"]}</p>
{form}
</main>
</body>
</html>
"""
    headers = {**NO_STORE, "Content-Language": lang}
    return HTMLResponse(html, status_code=status_code, headers=headers)
