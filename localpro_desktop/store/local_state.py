"""This laptop's own bookkeeping, kept in the workspace: device id, sync cursor, op
numbering, server, and the correction of a laptop clock that is wrong.

Why correct the clock: conflicts are decided by hybrid logical clocks, whose wall part is
the laptop's date. A laptop a day behind stamps its edits a day in the past, so an edit
made there after a colleague's would lose to it. Each sync measures how far the laptop's
date is from the server's and stamps later edits with the corrected date (the offset is
kept across restarts). The clock still never goes backwards.
"""

import json
from collections.abc import Callable
from enum import StrEnum

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from localpro_desktop.domain.ids import new_id
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.models import SyncClock, SyncOutbox, SyncState
from localpro_desktop.store.unit_of_work import unit_of_work
from localpro_protocol.hlc import HybridClock


class StateKey(StrEnum):
    """The keys of the ``sync_state`` table (one value each, stored as text)."""

    DEVICE_ID = "device_id"
    CURSOR = "pull_cursor"
    NEXT_OP = "next_op_id"
    SERVER = "server_url"
    ACCOUNT = "account_id"
    EMAIL = "account_email"
    LAST_SYNC = "last_sync_at"
    LAST_ERROR = "last_error"
    CLOCK_OFFSET = "clock_offset_ms"
    DEMO_SEED = "demo_seed"
    """The seed of the demo data the workspace holds (set by the demo, absent otherwise)."""
    CHANNEL_EMAIL = "channel_email"
    """This laptop's e-mail (SMTP) settings as JSON, never a secret (those are in the keyring)."""
    CHANNEL_SMS = "channel_sms"
    CHANNEL_WHATSAPP = "channel_whatsapp"
    CHANNEL_PROBLEMS = "channel_problems"
    """JSON {channel: words}: a channel the dispatcher stopped using (e.g. a refused login)."""
    DISPATCH_LEASE = "dispatch_lease"
    """Who dispatches now (the app or ``localpro dispatch``) and until when: one at a time."""
    EMAIL_HOOK = "email_hook"
    HOOKS_CHECKED_AT = "hooks_checked_at"
    """When this laptop last asked the cloud which webhooks the account has (ISO time)."""
    """JSON {account_id, url, hook_id}: the cloud's e-mail webhook (open pixel, unsubscribe
    links), as ``localpro channels webhooks`` last saw it; no secret."""
    DISCOVERY_ENDPOINTS = "discovery_endpoints"
    """JSON {overpass|nominatim|places: base URL}: servers the user chose instead of the
    public ones (an environment variable still wins)."""
    AI_SETTINGS = "ai_settings"
    """JSON {model, base_url, cap}: the assistant's server and this laptop's monthly token
    cap (the key is in the OS keyring; OPENAI_* variables win)."""
    DISCOVERY_TAGS = "discovery_tags"
    """JSON {sector key: ["shop=kiosk", …]}: OpenStreetMap tags the user added to a sector."""


OFFSET_TOLERANCE_MS = 2_000
"""Below this the laptop's date is taken as right (network delays blur the measure)."""


def get(session: Session, key: StateKey, default: str = "") -> str:
    row = session.get(SyncState, key.value)
    return row.value if row is not None else default


def get_object(session: Session, key: StateKey) -> dict[str, object]:
    """A JSON object kept under ``key``: {} when absent or damaged (a hand-edited file)."""
    text = get(session, key)
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def put(session: Session, key: StateKey, value: str) -> None:
    row = session.get(SyncState, key.value)
    if row is None:
        session.add(SyncState(key=key.value, value=value))
    else:
        row.value = value


def attach_device_clock(engine: Engine, sessions: sessionmaker[Session]) -> str:
    """Make (once) this workspace's device id and start its clock after the newest seen."""
    with unit_of_work(sessions) as session:
        device = get(session, StateKey.DEVICE_ID)
        if not device:
            device = new_id()
            put(session, StateKey.DEVICE_ID, device)
        newest = max(
            session.scalar(select(func.max(SyncClock.hlc))) or "",
            session.scalar(select(func.max(SyncOutbox.hlc))) or "",
        )
        offset = int(get(session, StateKey.CLOCK_OFFSET, "0") or 0)
    capture_of(engine).attach(device, newest or None)
    if offset:
        set_clock_offset(engine, offset)
    return device


class CorrectedClock(HybridClock):
    """A hybrid clock whose wall is the laptop's date plus the offset the server measured."""

    def __init__(self, node: str, raw_wall: Callable[[], int], offset_ms: int = 0) -> None:
        self.raw_wall = raw_wall
        self.offset_ms = offset_ms
        super().__init__(node, wall=lambda: self.raw_wall() + self.offset_ms)


def raw_wall(clock: HybridClock) -> Callable[[], int]:
    """The laptop's own date, as the clock reads it (before any correction)."""
    if isinstance(clock, CorrectedClock):
        return clock.raw_wall
    return clock.read_wall


def clock_offset(engine: Engine) -> int:
    clock = capture_of(engine).clock
    return clock.offset_ms if isinstance(clock, CorrectedClock) else 0


def set_clock_offset(engine: Engine, offset_ms: int) -> None:
    """Stamp later edits at the laptop's date plus ``offset_ms`` (in place if possible:
    swapping clocks under a writer could hand out one stamp twice)."""
    capture = capture_of(engine)
    clock = capture.clock
    if isinstance(clock, CorrectedClock):
        clock.offset_ms = offset_ms
        return
    corrected = CorrectedClock(clock.node, raw_wall(clock), offset_ms)
    corrected.observe(clock.now())
    capture.clock = corrected
