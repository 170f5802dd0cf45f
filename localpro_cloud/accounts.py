"""Accounts: register, sign in (binding a device), refresh with rotation, sign out, profile.

Sessions are token *families*: a sign-in starts one, each refresh replaces the refresh token
by a new one of the same family. Presenting a refresh token that was already replaced means
two parties hold it (a copied token); the whole family is revoked, which signs out both the
thief and the user — the user signs in again, the thief cannot.

A refresh token replaced less than ``REFRESH_GRACE_MS`` ago is accepted once more when the
token that replaced it was never used: the answer of a refresh can be lost on a mobile link
(AWS Cognito's ``RetryGracePeriodSeconds``, up to 60 s, and Curity's ``grace-period`` do
the same). Only the immediately preceding token, only once, and the lost token is dropped.

Failed sign-ins are counted in the database (not in memory), so the limits hold across any
number of instances behind a load balancer (``throttle``).
"""

import asyncio
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, and_, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from localpro_cloud import db, throttle
from localpro_cloud.context import Service, service
from localpro_cloud.security import (
    ACCESS_TTL_S,
    REFRESH_TTL_S,
    TokenError,
    burn_verify,
    email_problem,
    hash_password,
    issue_access_token,
    needs_rehash,
    new_refresh_token,
    normalise_email,
    password_problem,
    read_access_token,
    refresh_token_account,
    token_hash,
    verify_password,
)
from localpro_protocol.plans import PLAN_LIMITS, Plan, month_key
from localpro_protocol.wire import (
    LoginRequest,
    Profile,
    ProfileUpdate,
    RefreshRequest,
    RegisterRequest,
    TokenPair,
    UsageLine,
)

router = APIRouter()

REFRESH_GRACE_MS = 60 * 1000
_bearer = HTTPBearer(auto_error=False)
_WRONG = "Wrong e-mail or password."


# -- the caller ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Caller:
    """Who is calling, from the access token only (never from a request body)."""

    account_id: str
    device_id: str | None
    family_id: str


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"}
    )


def current_caller(
    svc: Annotated[Service, Depends(service)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized("Sign in first: this endpoint needs a Bearer access token.")
    try:
        claims = read_access_token(svc.secret, credentials.credentials, svc.now_s())
    except TokenError as exc:
        raise _unauthorized(f"Sign in again: {exc}.") from None
    with db.read(svc.engine) as conn:
        revoked = conn.execute(
            select(db.sessions.c.revoked_ms).where(
                db.sessions.c.account_id == claims.account_id,
                db.sessions.c.family_id == claims.family_id,
            )
        ).first()
    if revoked is None or revoked.revoked_ms is not None:
        raise _unauthorized("Sign in again: this session was signed out.")
    return Caller(claims.account_id, claims.device_id, claims.family_id)


CallerDep = Annotated[Caller, Depends(current_caller)]
ServiceDep = Annotated[Service, Depends(service)]


# -- sessions -----------------------------------------------------------------------------


def _start_session(
    conn: Connection, svc: Service, account_id: str, device_id: str | None
) -> TokenPair:
    family = str(uuid.uuid4())
    # Housekeeping for this account only: expired refresh tokens can never be used again.
    conn.execute(
        delete(db.refresh_tokens).where(
            db.refresh_tokens.c.account_id == account_id,
            db.refresh_tokens.c.expires_ms <= svc.now_ms(),
        )
    )
    conn.execute(
        insert(db.sessions).values(
            account_id=account_id, family_id=family, device_id=device_id, created_ms=svc.now_ms()
        )
    )
    return _issue(conn, svc, account_id, device_id, family)


def _issue(
    conn: Connection, svc: Service, account_id: str, device_id: str | None, family: str
) -> TokenPair:
    return _issue_hashed(conn, svc, account_id, device_id, family)[0]


def _issue_hashed(
    conn: Connection, svc: Service, account_id: str, device_id: str | None, family: str
) -> tuple[TokenPair, str]:
    """A new pair, and the stored hash of its refresh token."""
    refresh = new_refresh_token(account_id)
    now = svc.now_ms()
    hashed = token_hash(refresh)
    conn.execute(
        insert(db.refresh_tokens).values(
            account_id=account_id,
            token_hash=hashed,
            family_id=family,
            created_ms=now,
            expires_ms=now + REFRESH_TTL_S * 1000,
        )
    )
    pair = TokenPair(
        access_token=issue_access_token(svc.secret, account_id, device_id, family, svc.now_s()),
        refresh_token=refresh,
        expires_in=ACCESS_TTL_S,
        account_id=account_id,
    )
    return pair, hashed


def _revoke_family(conn: Connection, svc: Service, account_id: str, family: str) -> None:
    conn.execute(
        update(db.sessions)
        .where(
            db.sessions.c.account_id == account_id,
            db.sessions.c.family_id == family,
            db.sessions.c.revoked_ms.is_(None),
        )
        .values(revoked_ms=svc.now_ms())
    )


# -- register / login / refresh / logout ----------------------------------------------------


_AUTH_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"description": "Wrong e-mail or password"},
    429: {"description": "Too many attempts from this network address; see Retry-After"},
}


@router.post(
    "/v1/auth/register",
    status_code=status.HTTP_201_CREATED,
    response_model=TokenPair,
    responses=_AUTH_ERRORS,
)
async def register(body: RegisterRequest, request: Request, svc: ServiceDep) -> TokenPair:
    """Create an account on the Starter plan and sign it in (no device bound yet).

    The returned session has no device: sign in with ``/v1/auth/login`` and the device id
    before pushing changes. An address that already has an account is answered as a
    sign-in would be (its session with the right password, otherwise 401 "Wrong e-mail or
    password."), so registering tells nobody which addresses have accounts.
    """
    address = throttle.client_address(request)
    await run_in_threadpool(throttle.register_gate, svc, address)
    email = normalise_email(body.email)
    problem = email_problem(email) or password_problem(
        body.password, email, body.name, body.business_name
    )
    if problem:
        raise HTTPException(422, detail=problem)
    taken = await run_in_threadpool(_account_by_email, svc, email)
    if taken is None:
        created = await run_in_threadpool(_create_account, svc, body, email)
        if created is not None:
            return created
    # Taken (or taken meanwhile): a sign-in attempt, throttled like one.
    attempt = await run_in_threadpool(throttle.login_gate, svc, email, address)
    if attempt.delay_s:
        await asyncio.sleep(attempt.delay_s)
    return await run_in_threadpool(_sign_in, svc, email, body.password, attempt, None, "")


def _account_by_email(svc: Service, email: str) -> str | None:
    with db.read(svc.engine) as conn:
        found: str | None = conn.scalar(
            select(db.account_emails.c.account_id).where(db.account_emails.c.email == email)
        )
        return found


def _create_account(svc: Service, body: RegisterRequest, email: str) -> TokenPair | None:
    password_hash = hash_password(body.password)  # slow on purpose: outside the transaction
    account_id = str(uuid.uuid4())
    try:
        with db.write(svc.engine) as conn:
            conn.execute(
                insert(db.accounts).values(
                    id=account_id,
                    email=email,
                    password_hash=password_hash,
                    name=body.name.strip(),
                    business_name=body.business_name.strip(),
                    country=body.country,
                    plan=Plan.STARTER.value,
                    seq=0,
                    created_ms=svc.now_ms(),
                )
            )
            conn.execute(insert(db.account_emails).values(email=email, account_id=account_id))
            return _start_session(conn, svc, account_id, None)
    except IntegrityError:
        return None


@router.post(
    "/v1/auth/login",
    response_model=TokenPair,
    responses={
        **_AUTH_ERRORS,
        409: {"description": "The device belongs to another account"},
        429: {"description": "Too many failed attempts for this e-mail from this address"},
    },
)
async def login(body: LoginRequest, request: Request, svc: ServiceDep) -> TokenPair:
    """Sign in and bind the device to the account (a device serves one account only)."""
    email = normalise_email(body.email)
    attempt = await run_in_threadpool(
        throttle.login_gate, svc, email, throttle.client_address(request)
    )
    if attempt.delay_s:  # slowed down, without holding a worker thread
        await asyncio.sleep(attempt.delay_s)
    return await run_in_threadpool(
        _sign_in, svc, email, body.password, attempt, body.device_id, body.device_name
    )


def _sign_in(
    svc: Service,
    email: str,
    password: str,
    attempt: throttle.Attempt,
    device_id: str | None,
    device_name: str,
) -> TokenPair:
    with db.read(svc.engine) as conn:
        account = conn.execute(
            select(db.accounts.c.id, db.accounts.c.password_hash)
            .join(db.account_emails, db.account_emails.c.account_id == db.accounts.c.id)
            .where(db.account_emails.c.email == email)
        ).first()
    if account is None:
        burn_verify(password)
        raise _unauthorized(_WRONG)
    if not verify_password(account.password_hash, password):
        raise _unauthorized(_WRONG)
    rehash = hash_password(password) if needs_rehash(account.password_hash) else None
    with db.write(svc.engine) as conn:
        throttle.forget(conn, attempt)
        if rehash:
            conn.execute(
                update(db.accounts)
                .where(db.accounts.c.id == account.id)
                .values(password_hash=rehash)
            )
        if device_id is None:
            return _start_session(conn, svc, account.id, None)
        owner = conn.execute(
            select(db.device_owners.c.account_id).where(db.device_owners.c.device_id == device_id)
        ).first()
        conflict = owner is not None and owner.account_id != account.id
        if not conflict:
            _bind_device(conn, svc, account.id, device_id, device_name, owner is None)
            return _start_session(conn, svc, account.id, device_id)
    raise HTTPException(
        status.HTTP_409_CONFLICT,
        detail="This device is linked to another LocalPro account: sign in with that account, "
        "or reset the device's sync identity to use it with this one.",
    )


def _bind_device(
    conn: Connection, svc: Service, account_id: str, device_id: str, name: str, new: bool
) -> None:
    now = svc.now_ms()
    if new:
        conn.execute(insert(db.device_owners).values(device_id=device_id, account_id=account_id))
        conn.execute(
            insert(db.devices).values(
                account_id=account_id,
                device_id=device_id,
                name=name.strip()[:200],
                last_op_id=0,
                created_ms=now,
                last_seen_ms=now,
            )
        )
        return
    conn.execute(
        update(db.devices)
        .where(db.devices.c.account_id == account_id, db.devices.c.device_id == device_id)
        .values(name=name.strip()[:200], last_seen_ms=now)
    )


@router.post(
    "/v1/auth/refresh",
    response_model=TokenPair,
    responses={401: {"description": "Unknown, expired, revoked or reused refresh token"}},
)
def refresh(body: RefreshRequest, svc: ServiceDep) -> TokenPair:
    """Swap a refresh token for a new pair; the old token stops working (rotation).

    A token that was already swapped is a replay: the family is revoked (committed) before
    answering 401, so whoever holds the newer token is signed out too. Except once, within
    ``REFRESH_GRACE_MS``, for the token just replaced when its successor was never used:
    the answer was lost, and the client retries (see the module's docstring).
    """
    account_id = refresh_token_account(body.refresh_token)
    if account_id is None:
        raise _unauthorized("Sign in again: unknown refresh token.")
    hashed = token_hash(body.refresh_token)
    now = svc.now_ms()
    outcome: TokenPair | str
    tokens = db.refresh_tokens
    mine = and_(tokens.c.account_id == account_id, tokens.c.token_hash == hashed)
    with db.write(svc.engine) as conn:
        # Locked as it is read: a concurrent refresh of this token (the client's retry while
        # the first is still running, on this instance or another) waits and then sees it
        # used, which is a grace retry; reading it unlocked, it saw a stale unused token, its
        # claim then failed, and the family was revoked (faults/load/, two instances).
        row = conn.execute(
            select(
                tokens.c.family_id,
                tokens.c.expires_ms,
                tokens.c.used_ms,
                tokens.c.next_hash,
                tokens.c.grace_ms,
            )
            .where(mine)
            .with_for_update()
        ).first()
        session = None
        if row is not None:
            session = conn.execute(
                select(db.sessions.c.device_id, db.sessions.c.revoked_ms).where(
                    db.sessions.c.account_id == account_id,
                    db.sessions.c.family_id == row.family_id,
                )
            ).first()
        if row is None or session is None:
            outcome = "unknown refresh token"
        elif session.revoked_ms is not None:
            outcome = "this session was signed out"
        elif row.expires_ms <= now:
            outcome = "the session has expired"
        else:
            # Claim the token atomically: of two concurrent refreshes, only one wins.
            claimed = conn.execute(
                update(tokens).where(mine, tokens.c.used_ms.is_(None)).values(used_ms=now)
            ).rowcount
            if claimed == 1 or _lost_answer(conn, account_id, row, now):
                outcome, new_hash = _issue_hashed(
                    conn, svc, account_id, session.device_id, row.family_id
                )
                conn.execute(update(tokens).where(mine).values(next_hash=new_hash))
            else:
                _revoke_family(conn, svc, account_id, row.family_id)
                outcome = (
                    "this refresh token was already used, so every session it started "
                    "has been signed out for safety"
                )
    if isinstance(outcome, str):
        raise _unauthorized(f"Sign in again: {outcome}.")
    return outcome


def _lost_answer(conn: Connection, account_id: str, row: Any, now: int) -> bool:
    """A used token presented again: the retry of a lost answer (grace) or a replay?

    Grace once, within the window, when its successor was never used; the successor (the
    token whose answer was lost) is then dropped, so one chain stays alive.
    """
    tokens = db.refresh_tokens
    if row.grace_ms is not None or row.next_hash is None:
        return False
    if row.used_ms is None or row.used_ms < now - REFRESH_GRACE_MS:
        return False
    successor = and_(tokens.c.account_id == account_id, tokens.c.token_hash == row.next_hash)
    dropped = conn.execute(delete(tokens).where(successor, tokens.c.used_ms.is_(None))).rowcount
    if dropped != 1:
        return False
    conn.execute(
        update(tokens)
        .where(
            tokens.c.account_id == account_id,
            tokens.c.next_hash == row.next_hash,
            tokens.c.grace_ms.is_(None),
        )
        .values(grace_ms=now)
    )
    return True


@router.post("/v1/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(body: RefreshRequest, svc: ServiceDep) -> Response:
    """Revoke the session (every refresh token and access token of its family).

    Answers 204 even for an unknown token: signing out twice is not an error.
    """
    account_id = refresh_token_account(body.refresh_token)
    if account_id is not None:
        with db.write(svc.engine) as conn:
            family = conn.scalar(
                select(db.refresh_tokens.c.family_id).where(
                    db.refresh_tokens.c.account_id == account_id,
                    db.refresh_tokens.c.token_hash == token_hash(body.refresh_token),
                )
            )
            if family is not None:
                _revoke_family(conn, svc, account_id, family)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# -- profile ----------------------------------------------------------------------------------


@router.get("/v1/account", response_model=Profile)
def get_profile(caller: CallerDep, svc: ServiceDep) -> Profile:
    """The account, its plan and this month's usage against the plan's limits."""
    with db.read(svc.engine) as conn:
        return _profile(conn, svc, caller.account_id)


@router.patch("/v1/account", response_model=Profile)
def update_profile(body: ProfileUpdate, caller: CallerDep, svc: ServiceDep) -> Profile:
    values = {
        key: value.strip()
        for key, value in body.model_dump(exclude_none=True).items()
        if isinstance(value, str)
    }
    with db.write(svc.engine) as conn:
        if values:
            conn.execute(
                update(db.accounts).where(db.accounts.c.id == caller.account_id).values(**values)
            )
        return _profile(conn, svc, caller.account_id)


def _profile(conn: Connection, svc: Service, account_id: str) -> Profile:
    account = conn.execute(select(db.accounts).where(db.accounts.c.id == account_id)).first()
    if account is None:
        raise _unauthorized("Sign in again: this account no longer exists.")
    try:
        plan = Plan(account.plan)
    except ValueError:
        plan = Plan.STARTER
    month = month_key(datetime.fromtimestamp(svc.clock(), UTC).date())
    usage = db.usage_index
    totals = {
        metric: int(total or 0)
        for metric, total in conn.execute(
            select(usage.c.metric, func.sum(usage.c.quantity))
            .where(
                and_(
                    usage.c.account_id == account_id,
                    usage.c.month == month,
                    usage.c.deleted.is_(False),
                )
            )
            .group_by(usage.c.metric)
        )
    }
    lines = [
        UsageLine(metric=metric.value, used=totals.get(metric.value, 0), limit=limit)
        for metric, limit in PLAN_LIMITS[plan].items()
    ]
    return Profile(
        account_id=account.id,
        email=account.email,
        name=account.name,
        business_name=account.business_name,
        country=account.country,
        plan=plan.value,
        usage=lines,
    )
