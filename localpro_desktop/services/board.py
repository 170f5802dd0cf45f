"""The CRM board: filtered cards per pipeline column, their counts, one page at a time.

This is the one board query: the CRM screen, ``ContactService.board`` and ``localpro
contacts board`` all read the board through it. For each column it returns the dozen
fields a card shows plus the contact's last activity, under a filter. Pages are fetched by
*keyset* ("cards after this one" in most-recently-updated order), so page 40 of a
10,000-card column costs what page 1 does, and a card moved away meanwhile never shifts a
page.

Filtering is the store's own ``contact_filter`` (and ``in_static_segment``), so the board,
segments, campaigns and the map always agree on what a filter matches.

Headless: the screen runs these functions on its task runner's database worker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from enum import IntEnum
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.exporting.exporters import (
    CancelCallback,
    ExportFormat,
    ExportResult,
    ProgressCallback,
    export_records,
)
from localpro_desktop.services.segments import SegmentInfo, SegmentKind, workspace_tz
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact
from localpro_desktop.store.queries.contacts import contact_filter, in_static_segment

PAGE_SIZE = 50
"""Cards per column on first display and per ``fetchMore``: a screenful and a half."""
_ID_CHUNK = 500  # SQLite caps bound parameters; id lists are queried in chunks


class Reach(IntEnum):
    """What a card's channel badge says about one way of reaching the contact."""

    ABSENT = 0
    VALID = 1
    INVALID = 2  # typed, but not a number / address we could send to
    OPTED_OUT = 3  # valid, but the contact asked not to be contacted this way


@dataclass(frozen=True, slots=True)
class Card:
    """What one card shows; ``updated_at`` and ``id`` are its place in the column order."""

    id: str
    status: PipelineStatus
    name: str
    company: str
    city: str
    phone: str
    phone_reach: Reach
    whatsapp: str
    whatsapp_reach: Reach
    email: str
    email_reach: Reach
    updated_at: datetime
    last_activity: datetime | None

    def comes_before(self, other: Card) -> bool:
        """Column order: most recently updated first, ties broken by id (as the query)."""
        if self.updated_at != other.updated_at:
            return self.updated_at > other.updated_at
        return self.id < other.id


@dataclass(frozen=True)
class BoardFilter:
    """What the board shows: free text within an optional segment.

    This is also what ``CrmTab.sig_filter_changed`` emits. ``rule`` is the complete rule
    (the segment's rule with the typed words added) for rule segments and for text alone;
    a *static* segment's members cannot be written as a rule, so for those ``rule`` holds
    only the text and ``segment_id`` names the list whose members also apply.
    """

    text: str = ""
    segment: SegmentInfo | None = None

    @property
    def segment_id(self) -> str | None:
        return self.segment.id if self.segment is not None else None

    @property
    def is_static(self) -> bool:
        return self.segment is not None and self.segment.kind is SegmentKind.STATIC

    @property
    def is_empty(self) -> bool:
        return self.segment is None and self.rule.is_empty

    @property
    def rule(self) -> SegmentRule:
        words = " ".join(self.text.split())
        base = (
            self.segment.rule
            if self.segment is not None and self.segment.rule is not None
            else SegmentRule()
        )
        if not words:
            return base
        # Text criteria AND their words together, so appending is exactly "both".
        joined = " ".join(part for part in (base.text, words) if part)
        return dataclasses.replace(base, text=joined)

    def same_as(self, other: BoardFilter) -> bool:
        """Selects the same contacts (a segment's member count or name may differ)."""
        mine, theirs = self.segment, other.segment
        return self.text.split() == other.text.split() and (
            (mine is None and theirs is None)
            or (
                mine is not None
                and theirs is not None
                and (mine.id, mine.kind, mine.rule) == (theirs.id, theirs.kind, theirs.rule)
            )
        )

    def shows(self, status: PipelineStatus) -> bool:
        """False for a column the segment's statuses leave out (always empty)."""
        statuses = self.rule.statuses
        return not statuses or status in statuses


@dataclass(frozen=True)
class BoardCounts:
    per_status: dict[PipelineStatus, int]
    everyone: int
    """Live contacts in the workspace, filter or not: tells "no contacts yet" from "no match"."""

    @property
    def matching(self) -> int:
        return sum(self.per_status.values())


@dataclass(frozen=True)
class BoardPage:
    counts: BoardCounts
    columns: dict[PipelineStatus, list[Card]]


@dataclass(frozen=True)
class RefreshedCards:
    """Fresh cards for changed contacts; ``None`` means "not on this board any more"."""

    counts: BoardCounts
    cards: dict[str, Card | None] = field(default_factory=dict)


# -- filter → SQL ------------------------------------------------------------------------


def filter_clauses(flt: BoardFilter, tz: tzinfo) -> list[ColumnElement[bool]]:
    clauses = contact_filter(flt.rule, tz=tz)
    if flt.is_static:
        clauses.append(in_static_segment(flt.segment_id or ""))
    return clauses


def _last_activity() -> Any:
    """Correlated max over the (contact_id, occurred_at) index: one seek per card."""
    return (
        select(func.max(Activity.occurred_at))
        .where(Activity.contact_id == Contact.id, Activity.deleted_at.is_(None))
        .correlate(Contact)
        .scalar_subquery()
    )


_CARD_COLUMNS = (
    Contact.id,
    Contact.status,
    Contact.first_name,
    Contact.last_name,
    Contact.company,
    Contact.city,
    Contact.phone,
    Contact.phone_e164,
    Contact.whatsapp,
    Contact.whatsapp_e164,
    Contact.email,
    Contact.email_normalized,
    Contact.opt_out_whatsapp,
    Contact.opt_out_email,
    Contact.opt_out_sms,
    Contact.updated_at,
)


def _reach(raw: str, normalized: str | None, opted_out: bool) -> Reach:
    if not raw and not normalized:
        return Reach.ABSENT
    if not normalized:
        return Reach.INVALID
    return Reach.OPTED_OUT if opted_out else Reach.VALID


def _card(row: Sequence[Any]) -> Card:
    (
        ident,
        status,
        first,
        last,
        company,
        city,
        phone,
        phone_e164,
        whatsapp,
        whatsapp_e164,
        email,
        email_normalized,
        out_whatsapp,
        out_email,
        out_sms,
        updated_at,
        last_activity,
    ) = row
    person = f"{first or ''} {last or ''}".strip()
    return Card(
        id=ident,
        status=PipelineStatus(status),
        name=person or company or "",
        company=(company or "") if person else "",
        city=city or "",
        phone=phone or "",
        phone_reach=_reach(phone or "", phone_e164, bool(out_sms)),
        whatsapp=whatsapp or "",
        whatsapp_reach=_reach(whatsapp or "", whatsapp_e164, bool(out_whatsapp)),
        email=email or "",
        email_reach=_reach(email or "", email_normalized, bool(out_email)),
        updated_at=updated_at,
        last_activity=last_activity,
    )


def _cards_query(clauses: Sequence[ColumnElement[bool]]) -> Any:
    return select(*_CARD_COLUMNS, _last_activity()).where(*clauses)


def _page(
    session: Session,
    clauses: Sequence[ColumnElement[bool]],
    status: PipelineStatus,
    after: Card | None,
    limit: int,
) -> list[Card]:
    # Cheap terms first: SQLite tends to test them in order, before the costly text fold.
    cheap: list[ColumnElement[bool]] = [Contact.status == status.value]
    if after is not None:
        cheap.append(
            or_(
                Contact.updated_at < after.updated_at,
                and_(Contact.updated_at == after.updated_at, Contact.id > after.id),
            )
        )
    query = select(*_CARD_COLUMNS, _last_activity()).where(*cheap, *clauses)
    query = query.order_by(Contact.updated_at.desc(), Contact.id).limit(limit)
    return [_card(row) for row in session.execute(query)]


def _counts(
    session: Session, flt: BoardFilter, clauses: Sequence[ColumnElement[bool]]
) -> BoardCounts:
    per_status = dict.fromkeys(PIPELINE_ORDER, 0)
    for status, count in session.execute(
        select(Contact.status, func.count()).where(*clauses).group_by(Contact.status)
    ):
        per_status[PipelineStatus(status)] = int(count)
    if flt.is_empty:
        everyone = sum(per_status.values())
    else:
        everyone = int(
            session.scalar(
                select(func.count()).select_from(Contact).where(Contact.deleted_at.is_(None))
            )
            or 0
        )
    return BoardCounts(per_status, everyone)


# -- entry points (database worker) --------------------------------------------------------


def load_board(ws: Workspace, flt: BoardFilter, per_column: int = PAGE_SIZE) -> BoardPage:
    """Counts for every column and the first ``per_column`` cards of each, in one read.

    Without text, SQL counts by the status index and pages each column itself. A text
    search folds every contact in Python (about 20 µs each), so it is evaluated once:
    the matching (id, status, updated_at) come back, counts and first pages are made
    here, and only the cards shown are read in full.
    """
    clauses = filter_clauses(flt, workspace_tz(ws))
    with ws.read() as session:
        if flt.rule.text is None:
            counts = _counts(session, flt, clauses)
            columns = {
                status: (
                    _page(session, clauses, status, None, per_column)
                    if counts.per_status[status]
                    else []
                )
                for status in PIPELINE_ORDER
            }
            return BoardPage(counts, columns)
        return _board_in_one_pass(session, flt, clauses, per_column)


def _board_in_one_pass(
    session: Session, flt: BoardFilter, clauses: Sequence[ColumnElement[bool]], per_column: int
) -> BoardPage:
    # The stored text sorts exactly like the SQL ORDER BY, and skips datetime parsing.
    stamp = type_coerce(Contact.updated_at, String)
    by_status: dict[PipelineStatus, list[tuple[str, str]]] = {s: [] for s in PIPELINE_ORDER}
    for ident, status, updated in session.execute(
        select(Contact.id, Contact.status, stamp).where(*clauses)
    ):
        by_status[PipelineStatus(status)].append((updated or "", ident))
    wanted: dict[str, PipelineStatus] = {}
    for status, keys in by_status.items():
        # Newest first, then id ascending: negate by sorting twice (stable sort).
        keys.sort(key=lambda key: key[1])
        keys.sort(key=lambda key: key[0], reverse=True)
        wanted.update((ident, status) for _updated, ident in keys[:per_column])
    cards: dict[str, Card] = {}
    ordered = list(wanted)
    for chunk in _chunks(ordered):
        for row in session.execute(_cards_query([Contact.id.in_(chunk)])):
            card = _card(row)
            cards[card.id] = card
    columns: dict[PipelineStatus, list[Card]] = {s: [] for s in PIPELINE_ORDER}
    for status, keys in by_status.items():
        columns[status] = [cards[i] for _u, i in keys[:per_column] if i in cards]
    per_status = {status: len(keys) for status, keys in by_status.items()}
    everyone = int(
        session.scalar(
            select(func.count()).select_from(Contact).where(Contact.deleted_at.is_(None))
        )
        or 0
    )
    return BoardPage(BoardCounts(per_status, everyone), columns)


def load_cards(
    ws: Workspace,
    flt: BoardFilter,
    status: PipelineStatus,
    after: Card | None,
    limit: int = PAGE_SIZE,
) -> list[Card]:
    """The next page of one column, after the last card the view already has."""
    clauses = filter_clauses(flt, workspace_tz(ws))
    with ws.read() as session:
        return _page(session, clauses, status, after, limit)


def load_counts(ws: Workspace, flt: BoardFilter) -> BoardCounts:
    clauses = filter_clauses(flt, workspace_tz(ws))
    with ws.read() as session:
        return _counts(session, flt, clauses)


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _ID_CHUNK):
        yield ids[start : start + _ID_CHUNK]


def refresh_cards(
    ws: Workspace,
    flt: BoardFilter,
    contact_ids: Collection[str],
    activity_ids: Collection[str] = (),
) -> RefreshedCards:
    """Fresh cards for contacts another view changed, plus the new counts.

    Activities are mapped to their contacts here, so a note or a call logged elsewhere
    refreshes the card's "last activity" without reloading its column.
    """
    clauses = filter_clauses(flt, workspace_tz(ws))
    with ws.read() as session:
        wanted = set(contact_ids)
        activity_list = sorted(activity_ids)
        for chunk in _chunks(activity_list):
            wanted.update(
                session.scalars(select(Activity.contact_id).where(Activity.id.in_(chunk)))
            )
        cards: dict[str, Card | None] = dict.fromkeys(wanted)
        ordered = sorted(wanted)
        for chunk in _chunks(ordered):
            for row in session.execute(_cards_query(clauses).where(Contact.id.in_(chunk))):
                card = _card(row)
                cards[card.id] = card
        counts = _counts(session, flt, clauses)
    return RefreshedCards(counts, cards)


def locate(ws: Workspace, flt: BoardFilter, contact_id: str) -> Card | None:
    """One contact's card if the filter shows it (for ``select_record``)."""
    clauses = filter_clauses(flt, workspace_tz(ws))
    with ws.read() as session:
        row = session.execute(_cards_query(clauses).where(Contact.id == contact_id)).first()
    return _card(row) if row is not None else None


def matching_ids(ws: Workspace, flt: BoardFilter) -> list[str] | None:
    """Ids the filter selects, for the exporter; ``None`` (everyone) when there is no filter."""
    if flt.is_empty:
        return None
    clauses = filter_clauses(flt, workspace_tz(ws))
    with ws.read() as session:
        return [str(i) for i in session.scalars(select(Contact.id).where(*clauses))]


def export_board(
    ws: Workspace,
    flt: BoardFilter,
    export_format: ExportFormat,
    path: Path,
    *,
    semicolon: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCallback | None = None,
) -> ExportResult:
    """Write the contacts the board shows under ``flt`` (everyone when unfiltered) to ``path``."""
    return export_records(
        ws,
        "contacts",
        export_format,
        path,
        ids=matching_ids(ws, flt),
        semicolon=semicolon,
        progress=progress,
        cancel=cancel,
    )
