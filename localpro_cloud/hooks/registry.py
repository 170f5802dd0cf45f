"""Each account's webhooks: enabling (or rotating) one per channel, listing them, and
finding the hook a provider's call names.

A hook id is 32 random bytes (URL-safe): the part of the URL nobody can guess. For
Africa's Talking, which signs nothing, it is the only secret; WhatsApp and Twilio also sign
each call with a secret the user gives once (kept encrypted, ``hooks.secrets``). Enabling a
channel again draws a new hook id, so a leaked URL is revoked by enabling it again.
"""

import secrets as random
import time
from dataclasses import dataclass

from fastapi import APIRouter, HTTPException, Request, status
from sqlalchemy import delete, insert, select

from localpro_cloud import db
from localpro_cloud.accounts import CallerDep, ServiceDep
from localpro_cloud.context import Service
from localpro_cloud.hooks.secrets import seal, unseal
from localpro_protocol.wire import HookInfo, HookRequest

router = APIRouter(prefix="/v1/hooks", tags=["webhooks"])

PROVIDERS: dict[str, tuple[str, ...]] = {
    "whatsapp": ("whatsapp",),
    "sms": ("twilio", "africastalking"),
    "email": ("email",),
}
SIGNED = frozenset({"whatsapp", "twilio"})
"""Providers that sign their calls: their signing secret is required."""
SECRET_NAMES = {"whatsapp": "the WhatsApp app secret", "twilio": "the Twilio auth token"}


@dataclass(frozen=True)
class Hook:
    account_id: str
    channel: str
    provider: str
    hook_id: str
    secret: str
    """The provider's signing secret, decrypted ("" if it signs nothing)."""
    verify_token: str


def public_url(request: Request, svc: Service) -> str:
    """What providers and recipients reach: ``--public-url``, else this request's base."""
    return (svc.public_url or str(request.base_url)).rstrip("/")


CACHE_SECONDS = 2.0
"""How long this process trusts a hook it looked up. A provider posts hundreds of calls a
second to one hook, and the look-up (a read and, for signed hooks, a decryption) was a
fifth of each call's cost. Rotating a hook forgets it here at once; another instance of
the service may still accept the old address for this long."""
_CACHE: dict[tuple[int, str, str], tuple[float, "Hook | None"]] = {}
_CACHE_LIMIT = 10_000


def find_hook(svc: Service, hook_id: str, provider: str) -> Hook | None:
    """The hook named in a provider's call (``None``: unknown, or another provider's)."""
    if not hook_id or len(hook_id) > 64:
        return None
    key = (id(svc.engine), hook_id, provider)
    now = time.monotonic()
    cached = _CACHE.get(key)
    if cached is not None and cached[0] > now:
        return cached[1]
    found = _look_up(svc, hook_id, provider)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = (now + CACHE_SECONDS, found)
    return found


def require_hook(svc: Service, hook_id: str, provider: str, not_found: str) -> Hook:
    """``find_hook``, or 404 with ``not_found`` (words about the address, never an account)."""
    hook = find_hook(svc, hook_id, provider)
    if hook is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=not_found)
    return hook


def _forget(svc: Service, hook_ids: list[str]) -> None:
    for key in [k for k in _CACHE if k[0] == id(svc.engine) and k[1] in hook_ids]:
        _CACHE.pop(key, None)


def _look_up(svc: Service, hook_id: str, provider: str) -> Hook | None:
    hooks = db.webhooks
    with db.read(svc.engine) as conn:
        row = conn.execute(select(hooks).where(hooks.c.hook_id == hook_id)).first()
    if row is None or row.provider != provider:
        return None
    return Hook(
        account_id=row.account_id,
        channel=row.channel,
        provider=row.provider,
        hook_id=row.hook_id,
        secret=unseal(svc.secret, row.secret_box),
        verify_token=row.verify_token,
    )


def info(base: str, channel: str, provider: str, hook_id: str, verify_token: str) -> HookInfo:
    """The URLs the user pastes into the provider's console."""
    if provider == "whatsapp":
        url = f"{base}/hooks/whatsapp/{hook_id}"
        return HookInfo(
            channel=channel,
            provider=provider,
            url=url,
            verify_token=verify_token,
            urls={"callback": url},
            hook_id=hook_id,
        )
    if provider == "twilio":
        url = f"{base}/hooks/twilio/{hook_id}"
        return HookInfo(
            channel=channel,
            provider=provider,
            url=url,
            urls={"status_callback": url, "incoming": url},
            hook_id=hook_id,
        )
    if provider == "africastalking":
        url = f"{base}/hooks/africastalking/{hook_id}"
        return HookInfo(
            channel=channel,
            provider=provider,
            url=url,
            urls={"delivery": f"{url}/delivery", "inbound": f"{url}/inbound"},
            hook_id=hook_id,
        )
    url = f"{base}/e"
    return HookInfo(
        channel=channel,
        provider=provider,
        url=url,
        urls={
            "open": f"{url}/{hook_id}.{{key}}/open.gif",
            "unsubscribe": f"{url}/{hook_id}.{{key}}/unsubscribe",
        },
        hook_id=hook_id,
    )


@router.post("", response_model=HookInfo)
def enable(body: HookRequest, request: Request, caller: CallerDep, svc: ServiceDep) -> HookInfo:
    """Enable the channel's webhook, or rotate it: a new URL (the old one stops at once)
    and, for WhatsApp and Twilio, the signing secret given now."""
    choices = PROVIDERS[body.channel]
    provider = body.provider or choices[0]
    if provider not in choices:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"{body.channel} hooks are for {' or '.join(choices)}, not {provider!r}.",
        )
    if provider in SIGNED and not body.secret.strip():
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"Give {SECRET_NAMES[provider]}: it checks that calls come from {provider}.",
        )
    hook_id = random.token_urlsafe(32)
    verify_token = random.token_urlsafe(24) if provider == "whatsapp" else ""
    hooks = db.webhooks
    with db.write(svc.engine) as conn:
        old = list(
            conn.scalars(
                select(hooks.c.hook_id).where(
                    hooks.c.account_id == caller.account_id, hooks.c.channel == body.channel
                )
            )
        )
        conn.execute(
            delete(hooks).where(
                hooks.c.account_id == caller.account_id, hooks.c.channel == body.channel
            )
        )
        conn.execute(
            insert(hooks).values(
                account_id=caller.account_id,
                channel=body.channel,
                provider=provider,
                hook_id=hook_id,
                secret_box=seal(svc.secret, body.secret.strip()),
                verify_token=verify_token,
                created_ms=svc.now_ms(),
            )
        )
    _forget(svc, old)
    return info(public_url(request, svc), body.channel, provider, hook_id, verify_token)


@router.get("", response_model=list[HookInfo])
def listing(request: Request, caller: CallerDep, svc: ServiceDep) -> list[HookInfo]:
    """The account's enabled webhooks (never their secrets)."""
    hooks = db.webhooks
    with db.read(svc.engine) as conn:
        rows = conn.execute(
            select(hooks).where(hooks.c.account_id == caller.account_id).order_by(hooks.c.channel)
        ).all()
    base = public_url(request, svc)
    return [info(base, r.channel, r.provider, r.hook_id, r.verify_token) for r in rows]
