"""Segments: saved groups of contacts, either a live rule or a hand-picked static list.

A rule segment stores only its rule, so its members change as contacts do; a static
segment stores memberships. Either way a deleted contact is never a member, and a
deleted segment leaves tombstones (segment and memberships) so the deletion syncs.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import NotFoundError, UserError
from localpro_desktop.domain.messages import common as words
from localpro_desktop.domain.messages import segments as msg
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.domain.zones import zone_or_utc
from localpro_desktop.services.records import get_live, tombstone
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Segment, SegmentMember
from localpro_desktop.store.queries.contacts import (
    OrderBy,
    contact_filter,
    contact_order,
    count_contacts,
    in_static_segment,
    select_contacts,
)
from localpro_protocol.wire import Table

NAME_MAX = 120
DESCRIPTION_MAX = 400


class SegmentKind(StrEnum):
    RULE = "rule"
    STATIC = "static"


@dataclass(frozen=True)
class SegmentInfo:
    """A segment as lists show it, detached from any session.

    ``problem`` is set (and ``rule`` is None) when a rule saved by a newer LocalPro on
    another device cannot be read here: the list still shows the segment instead of failing.
    """

    id: str
    name: str
    kind: SegmentKind
    description: str
    rule: SegmentRule | None
    member_count: int
    created_at: datetime
    updated_at: datetime
    problem: str = ""


@dataclass(frozen=True)
class SegmentPreview:
    count: int
    contacts: list[Contact]


SegmentRef = str | Segment | SegmentInfo


class SegmentService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- create -----------------------------------------------------------------------

    def create_rule(self, name: str, rule: SegmentRule, description: str = "") -> SegmentInfo:
        return self._create(name, SegmentKind.RULE, rule.to_dict(), description, ())

    def create_static(
        self, name: str, contact_ids: Iterable[str], description: str = ""
    ) -> SegmentInfo:
        return self._create(name, SegmentKind.STATIC, {}, description, tuple(contact_ids))

    def _create(
        self,
        name: str,
        kind: SegmentKind,
        rule: dict[str, object],
        description: str,
        contact_ids: Sequence[str],
    ) -> SegmentInfo:
        clean_name = _clean_name(name)
        clean_description = _clean_description(description)
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            _ensure_name_free(session, clean_name)
            segment = Segment(
                name=clean_name, kind=kind.value, rule=rule, description=clean_description
            )
            session.add(segment)
            session.flush()
            changes.add(Table.SEGMENTS, segment.id)
            if contact_ids:
                _add_members(session, segment, contact_ids, changes)
        return self.get(segment.id)

    # -- membership of static segments --------------------------------------------------

    def add_members(self, segment: SegmentRef, contact_ids: Iterable[str]) -> int:
        """Returns how many contacts joined; those already in are left alone."""
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            row = _static(_resolve(session, segment))
            return _add_members(session, row, tuple(contact_ids), changes)

    def remove_members(self, segment: SegmentRef, contact_ids: Iterable[str]) -> int:
        """Returns how many left; ids that were not members are ignored (removal is idempotent).

        Matching is on membership rather than on live contacts so a member whose contact
        was deleted meanwhile can still be taken out.
        """
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            row = _static(_resolve(session, segment))
            members = {
                m.contact_id: m
                for m in session.scalars(
                    select(SegmentMember).where(
                        SegmentMember.segment_id == row.id, SegmentMember.deleted_at.is_(None)
                    )
                )
            }
            removed = 0
            for ident in dict.fromkeys(i.strip().lower() for i in contact_ids):
                member = members.pop(_match_member(ident, members), None)
                if member is None:
                    continue
                tombstone(member)
                changes.add(Table.SEGMENT_MEMBERS, member.id)
                removed += 1
            if removed:
                changes.add(Table.SEGMENTS, row.id)
            return removed

    # -- read -------------------------------------------------------------------------

    def get(self, segment: SegmentRef) -> SegmentInfo:
        """By id (or unique id prefix) or by name, ignoring case."""
        tz = self._tz()
        with self.ws.read() as session:
            row = _resolve(session, segment)
            return _info(row, _member_count(session, row, tz))

    def list(self) -> list[SegmentInfo]:
        """Live segments by name, each with its current member count."""
        tz = self._tz()
        with self.ws.read() as session:
            rows = session.scalars(
                select(Segment).where(Segment.deleted_at.is_(None)).order_by(Segment.created_at)
            ).all()
            # One grouped query for every static segment instead of one count each.
            static_counts: dict[str, int] = {
                segment_id: int(count)
                for segment_id, count in session.execute(
                    select(SegmentMember.segment_id, func.count())
                    .join(Contact, Contact.id == SegmentMember.contact_id)
                    .where(SegmentMember.deleted_at.is_(None), Contact.deleted_at.is_(None))
                    .group_by(SegmentMember.segment_id)
                )
            }
            infos = []
            for row in rows:
                if row.kind == SegmentKind.STATIC.value:
                    count = static_counts.get(row.id, 0)
                else:
                    count = _member_count(session, row, tz)
                infos.append(_info(row, count))
        return sorted(infos, key=lambda i: i.name.casefold())

    def contact_ids(self, segment: SegmentRef) -> builtins.list[str]:
        tz = self._tz()
        with self.ws.read() as session:
            row = _resolve(session, segment)
            return [
                str(i)
                for i in session.scalars(
                    select(Contact.id)
                    .where(*_member_clauses(row, tz))
                    .order_by(*contact_order("name"))
                )
            ]

    def contacts(
        self,
        segment: SegmentRef,
        limit: int | None = 100,
        offset: int = 0,
        *,
        order_by: OrderBy = "name",
        descending: bool = False,
    ) -> builtins.list[Contact]:
        tz = self._tz()
        with self.ws.read() as session:
            row = _resolve(session, segment)
            query = (
                select(Contact)
                .where(*_member_clauses(row, tz))
                .order_by(*contact_order(order_by, descending))
                .offset(offset)
            )
            if limit is not None:
                query = query.limit(limit)
            return list(session.scalars(query))

    def count(self, segment: SegmentRef) -> int:
        tz = self._tz()
        with self.ws.read() as session:
            return _member_count(session, _resolve(session, segment), tz)

    def preview(self, rule: SegmentRule, *, limit: int | None = 20) -> SegmentPreview:
        """What a rule would select, for the editor to show before the segment is saved."""
        tz = self._tz()
        with self.ws.read() as session:
            total = int(session.scalar(count_contacts(rule, tz=tz)) or 0)
            rows = list(session.scalars(select_contacts(rule, limit=limit, tz=tz)))
        return SegmentPreview(total, rows)

    # -- edit -------------------------------------------------------------------------

    def rename(self, segment: SegmentRef, new_name: str) -> SegmentInfo:
        clean_name = _clean_name(new_name)
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            row = _resolve(session, segment)
            _ensure_name_free(session, clean_name, keep=row.id)
            if row.name != clean_name:
                row.name = clean_name
                changes.add(Table.SEGMENTS, row.id)
        return self.get(row.id)

    def update_rule(
        self, segment: SegmentRef, rule: SegmentRule, *, description: str | None = None
    ) -> SegmentInfo:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            row = _resolve(session, segment)
            if row.kind != SegmentKind.RULE.value:
                raise UserError(msg.STATIC_HAS_NO_RULE, name=row.name)
            row.rule = rule.to_dict()
            if description is not None:
                row.description = _clean_description(description)
            changes.add(Table.SEGMENTS, row.id)
        return self.get(row.id)

    def delete(self, segment: SegmentRef) -> None:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            row = _resolve(session, segment)
            tombstone(row)
            changes.add(Table.SEGMENTS, row.id)
            for member in session.scalars(
                select(SegmentMember).where(
                    SegmentMember.segment_id == row.id, SegmentMember.deleted_at.is_(None)
                )
            ):
                tombstone(member)
                changes.add(Table.SEGMENT_MEMBERS, member.id)

    # -- helpers ----------------------------------------------------------------------

    def _tz(self) -> tzinfo:
        return workspace_tz(self.ws)


def workspace_tz(ws: Workspace) -> tzinfo:
    """Rule dates are the user's calendar days, so they need the workspace time zone."""
    return zone_or_utc(ws.settings().timezone)


# -- module helpers (they take the caller's session and never commit) --------------------


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError(msg.NEEDS_NAME)
    if len(cleaned) > NAME_MAX:
        raise UserError(msg.NAME_TOO_LONG, max=NAME_MAX)
    return cleaned


def _clean_description(description: str) -> str:
    cleaned = description.strip()
    if len(cleaned) > DESCRIPTION_MAX:
        raise UserError(msg.DESCRIPTION_TOO_LONG, max=DESCRIPTION_MAX)
    return cleaned


def _live_segments(session: Session) -> Sequence[Segment]:
    return session.scalars(
        select(Segment).where(Segment.deleted_at.is_(None)).order_by(Segment.name)
    ).all()


def _ensure_name_free(session: Session, name: str, *, keep: str | None = None) -> None:
    """Names are compared ignoring case: "VIP Dakar" and "vip dakar" confuse everyone."""
    key = name.casefold()
    for other in _live_segments(session):
        if other.id != keep and other.name.casefold() == key:
            raise UserError(msg.NAME_TAKEN, name=other.name)


def _resolve(session: Session, ref: SegmentRef) -> Segment:
    if isinstance(ref, Segment | SegmentInfo):
        return get_live(session, Segment, ref.id, "segment")
    wanted = " ".join(ref.split())
    live = _live_segments(session)
    named = [s for s in live if s.name.casefold() == wanted.casefold()]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        # Two devices may each create the same name offline; sync brings both here.
        ids = ", ".join(s.id[:8] for s in named)
        raise UserError(msg.SEVERAL_NAMED, name=wanted, ids=ids)
    try:
        return get_live(session, Segment, wanted, "segment")
    except NotFoundError:
        existing = ", ".join(s.name for s in live) or words.NONE_YET()
        raise NotFoundError(msg.NOT_FOUND, name=wanted, existing=existing) from None


def _static(row: Segment) -> Segment:
    if row.kind != SegmentKind.STATIC.value:
        raise UserError(msg.RULE_HAS_NO_MEMBERS, name=row.name)
    return row


_MEMBERSHIP_IDS = uuid.UUID("7b0f3c1e-5a4d-4c8b-9e2f-1d6a8b3c5e70")
"""Namespace of membership ids (never change it: ids already synced depend on it)."""


def membership_id(segment_id: str, contact_id: str) -> str:
    """The id of a contact's membership of a segment, the same on every device.

    (segment_id, contact_id) is unique: two laptops that add one contact to one segment
    offline must make one row, which sync merges, not two rows every other device refuses.
    """
    return str(uuid.uuid5(_MEMBERSHIP_IDS, f"{segment_id}/{contact_id}"))


def _add_members(
    session: Session, segment: Segment, contact_ids: Sequence[str], changes: ChangeSet
) -> int:
    """Insert new memberships, reviving tombstoned ones.

    (segment_id, contact_id) is unique even across tombstones, so someone removed and
    added back must get their old row undeleted rather than a second row.
    """
    existing = {
        m.contact_id: m
        for m in session.scalars(
            select(SegmentMember).where(SegmentMember.segment_id == segment.id)
        )
    }
    added = 0
    for ident in contact_ids:
        contact = get_live(session, Contact, ident, "contact")
        member = existing.get(contact.id)
        if member is not None and member.deleted_at is None:
            continue
        if member is None:
            member = SegmentMember(
                id=membership_id(segment.id, contact.id),
                segment_id=segment.id,
                contact_id=contact.id,
            )
            session.add(member)
            existing[contact.id] = member
        else:
            member.deleted_at = None
        session.flush()
        changes.add(Table.SEGMENT_MEMBERS, member.id)
        added += 1
    if added:
        changes.add(Table.SEGMENTS, segment.id)
    return added


def _match_member(ident: str, members: dict[str, SegmentMember]) -> str:
    """The member's contact id for a full id or unique prefix; "" when none matches."""
    if ident in members:
        return ident
    matches = [cid for cid in members if cid.startswith(ident)] if len(ident) >= 6 else []
    if len(matches) > 1:
        raise UserError(msg.AMBIGUOUS_MEMBER, ident=ident)
    return matches[0] if matches else ""


def _rule_of(row: Segment) -> SegmentRule:
    try:
        return SegmentRule.from_dict(row.rule or {})
    except UserError as exc:
        raise UserError(msg.RULE_TOO_NEW, name=row.name, problem=exc.message) from None


def _member_clauses(row: Segment, tz: tzinfo) -> list[ColumnElement[bool]]:
    if row.kind == SegmentKind.STATIC.value:
        return [Contact.deleted_at.is_(None), in_static_segment(row.id)]
    return contact_filter(_rule_of(row), tz=tz)


def _member_count(session: Session, row: Segment, tz: tzinfo) -> int:
    try:
        clauses = _member_clauses(row, tz)
    except UserError:
        return 0
    return int(session.scalar(select(func.count()).select_from(Contact).where(*clauses)) or 0)


def _info(row: Segment, count: int) -> SegmentInfo:
    rule: SegmentRule | None = None
    problem = ""
    if row.kind == SegmentKind.RULE.value:
        try:
            rule = _rule_of(row)
        except UserError as exc:
            problem = exc.message  # a Message: the screens show it translated
    return SegmentInfo(
        id=row.id,
        name=row.name,
        kind=SegmentKind(row.kind),
        description=row.description,
        rule=rule,
        member_count=count,
        created_at=row.created_at,
        updated_at=row.updated_at,
        problem=problem,
    )
