"""The sync client: sign in, then push local changes and pull the account's changes.

One round (``sync_once``) pushes every prepared operation in batches, then pulls pages
until the server has nothing more; each page lands with its cursor in one transaction,
so a round cut anywhere resumes where it stopped, resending at most one batch or page.
Every loop is bounded: a server that stops making progress ends the round with
``SyncUnavailable`` instead of spinning.
"""

import contextlib
import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from time import monotonic
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import sync as msg
from localpro_desktop.store import local_state
from localpro_desktop.store.database import Database
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.sync import engine, secrets, state
from localpro_desktop.sync.pulled import ApplyResult
from localpro_desktop.sync.transport import SyncUnavailable, gzip_json, make_client, with_retries
from localpro_protocol.hlc import ZERO, Timestamp
from localpro_protocol.wire import (
    SCHEMA_VERSION,
    Change,
    ChangeBlock,
    HookChannel,
    HookInfo,
    HookRequest,
    LoginRequest,
    Profile,
    PullResponse,
    PushRequest,
    PushResponse,
    RefreshRequest,
    RegisterRequest,
    Rejection,
    ServerMeta,
    TokenPair,
    to_push_blocks,
)

log = logging.getLogger(__name__)
_Model = TypeVar("_Model", bound=BaseModel)
_HOOK_LIST = TypeAdapter(list[HookInfo])

DEFAULT_SERVER = "https://cloud.localpro.africa"
PUSH_BATCH = 1000
"""Ops per push (half the server's limit): on 3G every push costs a 300 ms round trip, and
1,000 ops are still a few seconds of server work on a busy machine."""
PULL_MAX_BYTES = 1024 * 1024
"""JSON bytes per pull page: ~2,500 contacts, ~220 KB on the wire (3 s on 3G, the most a
cut can cost); bigger pages compress better and need fewer round trips."""
TOKEN_MARGIN = 60.0
"""Seconds before its expiry that an access token is replaced (a slow request must not
outlive it)."""
MAX_ROUND_STEPS = 100_000
"""Upper bound on batches or pages in one round (10 million rows): loops always end."""


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    pulled_changes: int = 0
    pulled_rows: int = 0
    pages: int = 0
    batches: int = 0
    cursor: int = 0
    tables_down: dict[str, int] = field(default_factory=dict)
    tables_up: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    """Pulled rows or values this device could not store (kept in the rejected list)."""


class CursorAhead(Exception):
    """The server's history is shorter than our cursor (it was restored from a backup)."""


class BodyTooLarge(Exception):
    """The server refused a push as too large (413): send fewer ops at a time."""


class NotSignedIn(UserError):
    """No account on this workspace yet (or the sign-in was revoked)."""


class SyncClient:
    """Signs a workspace in and syncs it; one per workspace and thread.

    ``stall`` is how long no byte may move before a request fails (not a total time: a
    big page on a slow link legitimately takes minutes). ``batch_size`` (ops per push)
    and ``page_bytes`` (pull page bound) are attributes tests shrink to cut mid-stream.
    """

    def __init__(
        self,
        ws: Database,
        server_url: str | None = None,
        *,
        stall: float = 30.0,
        batch_size: int = PUSH_BATCH,
        page_bytes: int = PULL_MAX_BYTES,
    ):
        self.ws = ws
        self.batch_size = batch_size
        self.page_bytes = page_bytes
        self._fits: int | None = None
        """A batch size the server accepted after a 413, kept for the rest of the round."""
        self._asked_from = 0
        """The cursor the last page was asked from (to see that pages move forward)."""
        with ws.read() as session:
            remembered = local_state.get(session, StateKey.SERVER)
        self.server_url = (server_url or remembered or DEFAULT_SERVER).rstrip("/")
        if server_url and server_url != remembered:
            with ws.write() as session:
                local_state.put(session, StateKey.SERVER, self.server_url)
        self.http = make_client(self.server_url, stall=stall)
        self._access: str | None = None
        self._access_until = 0.0
        """monotonic() after which the access token is refreshed before use."""

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "SyncClient":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- http helpers -------------------------------------------------------------------

    def _send(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        if auth:
            headers["Authorization"] = f"Bearer {self._token()}"
        try:
            response = self.http.request(method, path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise SyncUnavailable(f"cannot reach {self.server_url}: {exc}") from exc
        if response.status_code == 401 and auth:
            # The access token expired: refresh once and retry.
            self._access = None
            headers["Authorization"] = f"Bearer {self._token()}"
            try:
                response = self.http.request(method, path, headers=headers, **kwargs)
            except httpx.TransportError as exc:
                raise SyncUnavailable(f"cannot reach {self.server_url}: {exc}") from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise SyncUnavailable(f"server busy ({response.status_code})")
        if response.status_code == 409 and path.startswith("/v1/sync/pull"):
            raise CursorAhead(_detail(response))
        if response.status_code == 413 and path.startswith("/v1/sync/push"):
            raise BodyTooLarge(_detail(response))
        if response.status_code == 426:
            raise UserError(_detail(response) or msg.UPDATE_NEEDED())
        if response.status_code >= 400:
            raise UserError(_detail(response) or msg.SERVER_REFUSED(status=response.status_code))
        return response

    def _token(self) -> str:
        if self._access and monotonic() < self._access_until:
            return self._access
        refresh = secrets.load_refresh_token(self.ws.device_id)
        if not refresh:
            raise NotSignedIn(msg.SIGN_IN_FIRST)
        try:
            response = self.http.post(
                "/v1/auth/refresh", json=RefreshRequest(refresh_token=refresh).model_dump()
            )
        except httpx.TransportError as exc:
            raise SyncUnavailable(f"cannot reach {self.server_url}: {exc}") from exc
        if response.status_code in (400, 401, 403):
            secrets.forget_refresh_token(self.ws.device_id)
            raise NotSignedIn(msg.SIGN_IN_EXPIRED)
        if response.status_code >= 500 or response.status_code == 429:
            raise SyncUnavailable(f"server busy ({response.status_code})")
        self._store(TokenPair.model_validate(response.json()))
        assert self._access is not None
        return self._access

    def _store(self, tokens: TokenPair, email: str | None = None) -> None:
        secrets.save_refresh_token(self.ws.device_id, tokens.refresh_token)
        self._access = tokens.access_token
        # Refresh a little early rather than pay a 401 and a second round trip on 3G.
        self._access_until = monotonic() + max(0.0, tokens.expires_in - TOKEN_MARGIN)
        with self.ws.write() as session:
            local_state.put(session, StateKey.ACCOUNT, tokens.account_id)
            local_state.put(session, StateKey.SERVER, self.server_url)
            if email:
                local_state.put(session, StateKey.EMAIL, email)

    # -- account ------------------------------------------------------------------------

    def register(self, request: RegisterRequest) -> Profile:
        self._send("POST", "/v1/auth/register", auth=False, json=request.model_dump())
        return self.login(request.email, request.password)

    def login(self, email: str, password: str) -> Profile:
        body = LoginRequest(
            email=email,
            password=password,
            device_id=self.ws.device_id,
            device_name=self.ws.settings().name,
        )
        response = self._send("POST", "/v1/auth/login", auth=False, json=body.model_dump())
        self._store(TokenPair.model_validate(response.json()), email=email.strip().lower())
        return self.profile()

    def logout(self) -> None:
        refresh = secrets.load_refresh_token(self.ws.device_id)
        if refresh:
            # Offline, signing out still forgets the token locally.
            with contextlib.suppress(SyncUnavailable, UserError):
                self._send(
                    "POST",
                    "/v1/auth/logout",
                    auth=False,
                    json=RefreshRequest(refresh_token=refresh).model_dump(),
                )
        secrets.forget_refresh_token(self.ws.device_id)
        self._access = None
        with self.ws.write() as session:
            local_state.put(session, StateKey.ACCOUNT, "")

    def profile(self) -> Profile:
        return Profile.model_validate(self._send("GET", "/v1/account").json())

    def signed_in(self) -> bool:
        return secrets.load_refresh_token(self.ws.device_id) is not None

    # -- provider webhooks ----------------------------------------------------------------

    def enable_webhook(self, channel: HookChannel, provider: str, secret: str) -> HookInfo:
        """Enable the account's webhook for ``channel`` (again: a new URL, the old one
        stops). ``secret`` is the provider's signing secret ("" for none): it goes in the
        request body only, never in a URL or a log line."""
        body = HookRequest(channel=channel, provider=provider, secret=secret)
        return _parse(HookInfo, self._send("POST", "/v1/hooks", json=body.model_dump()))

    def webhooks(self) -> list[HookInfo]:
        """Every webhook the account has enabled."""
        response = self._send("GET", "/v1/hooks")
        try:
            return _HOOK_LIST.validate_json(response.content)
        except ValidationError as exc:
            raise SyncUnavailable(f"unexpected answer from the server: {exc}") from exc

    # -- sync ---------------------------------------------------------------------------

    def meta(self) -> ServerMeta:
        # The server answers its clock to signed-in devices only.
        return ServerMeta.model_validate(self._send("GET", "/v1/sync/meta").json())

    def push_batch(self) -> tuple[int, int, dict[str, int]]:
        """Send one batch of prepared ops; returns (applied, rejected, per table)."""
        applied, rejected, tables, _progress = self._push_batch()
        return applied, rejected, tables

    def _push_batch(self) -> tuple[int, int, dict[str, int], bool]:
        """One batch; the last item says whether the server took any of it (False when
        there was nothing to send), so the round knows whether to go on."""
        size = max(1, min(self.batch_size, self._fits or self.batch_size))
        while True:
            ops = engine.prepare_ops(self.ws, max_ops=size)
            if not ops:
                return 0, 0, {}, False
            # Column blocks: ~2.5x fewer bytes than an object per op (see PushBlock).
            sent_cursor = engine.cursor(self.ws)
            request = PushRequest(
                device_id=self.ws.device_id,
                schema_version=SCHEMA_VERSION,
                blocks=to_push_blocks(ops),
                cursor=sent_cursor,
            )
            body, headers = gzip_json(request.model_dump(mode="json"))
            try:
                response = self._send("POST", "/v1/sync/push", content=body, headers=headers)
                break
            except BodyTooLarge as exc:
                if len(ops) > 1:
                    size = self._fits = max(1, len(ops) // 2)  # the same ops, fewer a push
                    continue
                # One op alone is too large: it can never go; keep it visible, not stuck.
                parsed = PushResponse(
                    acked_op_id=ops[0].op_id,
                    rejected=[Rejection(op_id=ops[0].op_id, reason=str(exc) or "too large")],
                    server_hlc=ZERO,
                )
                engine.acknowledge(self.ws, parsed, ops[:1])
                return 0, 1, {ops[0].table: 1}, True
        parsed = _parse(PushResponse, response)
        self._measure_clock(parsed.server_hlc)
        applied = engine.acknowledge(self.ws, parsed, ops, sent_cursor=sent_cursor)
        tables: dict[str, int] = {}
        for op in ops:
            tables[op.table] = tables.get(op.table, 0) + 1
        rejected = sum(1 for r in parsed.rejected if r.op_id in {op.op_id for op in ops})
        return applied, rejected, tables, parsed.acked_op_id >= ops[0].op_id

    def pull_page(self) -> tuple[PullResponse, ApplyResult]:
        """Fetch the page after this workspace's cursor and apply it."""
        cursor = engine.cursor(self.ws)
        page = self._fetch_page(cursor, first=True)
        return page, self.apply_page(page)

    def _fetch_page(self, cursor: int, *, first: bool) -> PullResponse:
        """Download and parse one page (no database write unless the server is behind)."""
        params: dict[str, int | str] = {
            "cursor": cursor,
            "max_bytes": self.page_bytes,
            "layout": "blocks",
            "schema_version": SCHEMA_VERSION,
        }
        try:
            response = self._send("GET", "/v1/sync/pull", params=params)
        except CursorAhead:
            if not first:
                raise  # a cursor the server itself just gave: not a restored server
            # The server was restored from an older backup: pull everything again, and
            # send everything this device knows, so what the server lost comes back from
            # the devices (merging keeps the newer clock; nothing local is lost).
            log.warning("the server's history is behind this device: full resync")
            engine.reset_cursor(self.ws, resend=True)
            params["cursor"] = 0
            response = self._send("GET", "/v1/sync/pull", params=params)
        page = _parse_page(response)
        self._asked_from = int(params["cursor"])
        return page

    def apply_page(self, page: PullResponse) -> ApplyResult:
        self._measure_clock(page.server_hlc)
        return engine.apply_pull(self.ws, page)

    def _pull_all(self, report: SyncReport) -> None:
        """Pull pages until the server has no more, downloading the next page while the
        current one is written: on a slow link the writing then costs no time at all."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="localpro-pull") as fetcher:
            ahead = fetcher.submit(self._fetch_page, engine.cursor(self.ws), first=True)
            for _ in range(MAX_ROUND_STEPS):
                page = ahead.result()
                asked_from = self._asked_from
                if page.has_more and page.next_cursor > asked_from:
                    ahead = fetcher.submit(self._fetch_page, page.next_cursor, first=False)
                result = self.apply_page(page)
                report.pages += 1
                report.pulled_changes += result.changes
                report.pulled_rows += result.rows
                report.skipped += len(result.problems)
                for table, count in result.tables.items():
                    report.tables_down[table] = report.tables_down.get(table, 0) + count
                if not page.has_more:
                    return
                if page.next_cursor <= asked_from:
                    raise SyncUnavailable("the server keeps sending the same page; try later")

    def _measure_clock(self, server_hlc: str) -> None:
        """Keep the laptop's stamps on the server's time (see ``state``: a wrong date)."""
        offset = state.measure_clock(self.ws.engine, Timestamp.decode(server_hlc).millis)
        if offset is not None:
            log.info(
                "this computer's clock is off by %.1f s; edits are stamped corrected", offset / 1000
            )
            with self.ws.write() as session:
                local_state.put(session, StateKey.CLOCK_OFFSET, str(offset))

    def sync_once(self) -> SyncReport:
        """One round: push everything waiting, then pull until the server has no more.

        Raises ``SyncUnavailable`` when the link or the server fails; what was done so far
        is kept (acknowledged batches, applied pages), so the next round resumes.
        """
        report = SyncReport()
        self._fits = None
        for _ in range(MAX_ROUND_STEPS):
            applied, rejected, tables, progress = self._push_batch()
            if applied or rejected:
                report.batches += 1
            report.pushed += applied
            report.rejected += rejected
            for table, count in tables.items():
                report.tables_up[table] = report.tables_up.get(table, 0) + count
            if not progress:
                break
        self._pull_all(report)
        report.cursor = engine.cursor(self.ws)
        with self.ws.write() as session:
            local_state.put(
                session, StateKey.LAST_SYNC, datetime.now(UTC).isoformat(timespec="seconds")
            )
            local_state.put(session, StateKey.LAST_ERROR, "")
        return report

    def sync(
        self,
        *,
        attempts: int = 5,
        base_delay: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> SyncReport:
        """``sync_once`` retried with exponential backoff and jitter on temporary failures."""
        report: SyncReport = with_retries(
            self.sync_once, attempts=attempts, sleep=sleep, base=base_delay
        )
        return report


def _parse(model: type[_Model], response: httpx.Response) -> _Model:
    try:
        return model.model_validate_json(response.content)
    except ValidationError as exc:
        raise SyncUnavailable(f"unexpected answer from the server: {exc}") from exc


def _parse_page(response: httpx.Response) -> PullResponse:
    """A pull page. If it does not validate as a whole, it is read change by change: one
    change this version cannot read (a table added by a newer server, say) is skipped
    instead of failing every page after it."""
    try:
        return PullResponse.model_validate_json(response.content)  # fast path, in Rust
    except ValidationError:
        pass
    try:
        doc = json.loads(response.content)
        changes: list[Change] = []
        for raw in doc.get("changes", []):
            try:
                changes.append(Change.model_validate(raw))
            except ValidationError:
                log.warning("skipped a change this version cannot read: %.200s", raw)
        blocks: list[ChangeBlock] = []
        for raw in doc.get("blocks", []):
            try:
                blocks.append(ChangeBlock.model_validate(raw))
            except ValidationError:
                changes += _block_rows(raw)
        return PullResponse(
            changes=changes,
            blocks=blocks,
            next_cursor=doc["next_cursor"],
            has_more=doc["has_more"],
            server_hlc=doc["server_hlc"],
        )
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError) as exc:
        raise SyncUnavailable(f"unexpected answer from the server: {exc}") from exc


def _block_rows(raw: Any) -> list[Change]:
    """The rows of a block that does not validate as a whole, each read alone: one bad row
    must not take the rest of its block with it."""
    try:
        ids, hlcs, columns = raw["row_ids"], raw["hlcs"], raw["columns"]
        others: dict[int, dict[str, Any]] = {}
        for index, name, hlc in raw.get("other_hlcs", []):
            others.setdefault(index, {})[name] = hlc
        rows = [
            {
                "table": raw["table"],
                "row_id": row_id,
                "seq": 0,
                "fields": {
                    name: [values[i], others.get(i, {}).get(name, hlcs[i])]
                    for name, values in columns.items()
                },
            }
            for i, row_id in enumerate(ids)
        ]
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        log.warning("skipped a block this version cannot read: %.200s", raw)
        return []
    changes: list[Change] = []
    for row in rows:
        try:
            changes.append(Change.model_validate(row))
        except ValidationError:
            log.warning("skipped a change this version cannot read: %.200s", row)
    return changes


def _detail(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.text[:200]
    detail = data.get("detail") if isinstance(data, dict) else None
    if isinstance(detail, list):
        return "; ".join(str(d.get("msg", d)) for d in detail)
    return str(detail or "")
