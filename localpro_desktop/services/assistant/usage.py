"""Tokens the assistant used, per month, and the cap the user may set on them.

Each call's prompt and completion tokens (from the answer's ``usage``) are one synced
``ai_usage`` row, summed per calendar month (UTC) like the plan's usage events: two
laptops offline the same month each add theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from localpro_desktop.ai import TokenUse
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import assistant as msg
from localpro_desktop.domain.plans import month_key, next_reset
from localpro_desktop.services.assistant import settings
from localpro_desktop.services.usage import today_utc
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import AiUsage as AiUsageRow
from localpro_protocol.wire import Table


@dataclass(frozen=True, slots=True)
class AiUsage:
    month: str
    prompt: int
    completion: int
    calls: int
    cap: int | None
    resets_on: date

    @property
    def total(self) -> int:
        return self.prompt + self.completion

    @property
    def remaining(self) -> int | None:
        return None if self.cap is None else max(self.cap - self.total, 0)


def month_usage(ws: Workspace, day: date | None = None) -> AiUsage:
    day = day or today_utc()
    month = month_key(day)
    with ws.read() as session:
        prompt, completion, calls = session.execute(
            select(
                func.coalesce(func.sum(AiUsageRow.prompt_tokens), 0),
                func.coalesce(func.sum(AiUsageRow.completion_tokens), 0),
                func.count(AiUsageRow.id),
            ).where(AiUsageRow.month == month, AiUsageRow.deleted_at.is_(None))
        ).one()
    return AiUsage(
        month, int(prompt), int(completion), int(calls), settings.view(ws).cap, next_reset(day)
    )


def ensure_under_cap(ws: Workspace) -> None:
    """``UserError`` when the user's monthly cap is reached (checked before each call)."""
    used = month_usage(ws)
    if used.cap is not None and used.total >= used.cap:
        raise UserError(msg.CAP_REACHED, used=used.total, cap=used.cap, resets=used.resets_on)


def record(ws: Workspace, kind: str, use: TokenUse, model: str) -> None:
    changes = ChangeSet()
    with ws.write(changes) as session:
        row = AiUsageRow(
            kind=kind,
            model=model,
            month=month_key(today_utc()),
            prompt_tokens=use.prompt,
            completion_tokens=use.completion,
            at=utcnow(),
        )
        session.add(row)
        session.flush()
        changes.add(Table.AI_USAGE, row.id)
