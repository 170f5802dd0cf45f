"""The contact filter shared by the contact list, segments and campaigns.

Accent- and case-insensitive matching
-------------------------------------
SQLite's ``lower()`` only knows ASCII and there is no folded copy of city, sector or
e-mail in the table, so "thies" would never find "Thiès" with plain SQL. The engine
(``store.engine``) registers ``lp_fold(...)`` on every SQLite connection it opens.
It is :func:`localpro_desktop.domain.names.fold` itself, so the database
and Python always agree on what "the same word" means; with several arguments it folds
them joined by spaces, skipping NULLs.

Index use
---------
* ``deleted_at``, statuses, dates: plain comparisons, ``status`` and ``created_at`` are
  indexed.
* city and sector: ``city IN (SELECT city FROM contacts GROUP BY city HAVING
  lp_fold(max(city)) = :folded)``. The subquery walks the city index once and folds each
  *distinct* city (dozens, not thousands), and the outer lookup uses ``ix_contacts_city``
  (sector has no index: its subquery scans, still folding once per distinct sector).
* text: folded haystack scanned row by row (one Python call per row per word), about
  5 ms per 1,000 contacts. Contacts are thousands, not millions, so a debounced search box
  stays responsive; prospects, which are far more numerous, use FTS5 instead.
* tags: ``EXISTS (SELECT 1 FROM json_each(contacts.tags) ...)`` per row; no index.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Select,
    UnaryExpression,
    and_,
    case,
    exists,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, aliased

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import records as msg
from localpro_desktop.domain.names import fold
from localpro_desktop.domain.pipeline import PIPELINE_ORDER
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.store.engine import FOLD_FUNCTION
from localpro_desktop.store.models import Contact, SegmentMember

OrderBy = Literal["name", "created", "last_contacted", "status"]
ORDER_CHOICES: tuple[OrderBy, ...] = ("name", "created", "last_contacted", "status")

# Where a campaign on each channel sends, and the flag that forbids it.
CHANNEL_ADDRESS: dict[Channel, InstrumentedAttribute[str | None]] = {
    Channel.WHATSAPP: Contact.whatsapp_e164,
    Channel.EMAIL: Contact.email_normalized,
    Channel.SMS: Contact.phone_e164,
}
CHANNEL_OPT_OUT: dict[Channel, InstrumentedAttribute[bool]] = {
    Channel.WHATSAPP: Contact.opt_out_whatsapp,
    Channel.EMAIL: Contact.opt_out_email,
    Channel.SMS: Contact.opt_out_sms,
}

# Columns a free-text search looks in; phones also match by digits against E.164 below.
_TEXT_COLUMNS = (
    Contact.first_name,
    Contact.last_name,
    Contact.company,
    Contact.city,
    Contact.email,
    Contact.phone,
    Contact.whatsapp,
)


# -- the SQL fold function -------------------------------------------------------------


def sql_fold(*columns: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement[str]:
    """``fold()`` evaluated by SQLite, for callers building their own contact queries."""
    folded: ColumnElement[str] = getattr(func, FOLD_FUNCTION)(*columns)
    return folded


# -- clauses ---------------------------------------------------------------------------


def contact_filter(rule: SegmentRule, *, tz: tzinfo | None = None) -> list[ColumnElement[bool]]:
    """WHERE clauses (to AND together) selecting the live contacts a rule describes.

    ``tz`` is the workspace time zone: rule dates are the user's calendar days while the
    store keeps naive UTC, so "since 1 March" in Nairobi starts at 21:00 UTC the day before.
    """
    clauses: list[ColumnElement[bool]] = [Contact.deleted_at.is_(None)]
    if rule.statuses:
        clauses.append(Contact.status.in_([s.value for s in rule.statuses]))
    if rule.tags_any:
        clauses.append(_has_tag(rule.tags_any))
    clauses.extend(_has_tag((tag,)) for tag in rule.tags_all)
    if rule.city is not None:
        clauses.append(_folded_equals(Contact.city, rule.city))
    if rule.sector is not None:
        clauses.append(_folded_equals(Contact.sector, rule.sector))
    if rule.country is not None:
        clauses.append(Contact.country == rule.country)
    if rule.text is not None:
        clauses.extend(_text_matches(rule.text))
    if rule.created_since is not None:
        clauses.append(Contact.created_at >= _utc_midnight(rule.created_since, tz))
    if rule.created_before is not None:
        clauses.append(Contact.created_at < _utc_midnight(rule.created_before, tz))
    if rule.last_contacted_since is not None:
        clauses.append(Contact.last_contacted_at >= _utc_midnight(rule.last_contacted_since, tz))
    if rule.last_contacted_before is not None:
        clauses.append(
            or_(
                Contact.last_contacted_at.is_(None),
                Contact.last_contacted_at < _utc_midnight(rule.last_contacted_before, tz),
            )
        )
    for wanted, column in (
        (rule.has_phone, Contact.phone_e164),
        (rule.has_email, Contact.email_normalized),
        (rule.has_whatsapp, Contact.whatsapp_e164),
    ):
        if wanted is not None:
            clauses.append(_present(column) if wanted else ~_present(column))
    if rule.reachable_on is not None:
        clauses.append(reachable_on(rule.reachable_on))
    return clauses


def reachable_on(channel: Channel) -> ColumnElement[bool]:
    """A valid address for the channel and no opt-out: the one test before any send."""
    return and_(_present(CHANNEL_ADDRESS[channel]), CHANNEL_OPT_OUT[channel].is_(false()))


def in_static_segment(segment_id: str) -> ColumnElement[bool]:
    """Contacts hand-picked into a static segment (removed memberships are tombstoned)."""
    return Contact.id.in_(
        select(SegmentMember.contact_id).where(
            SegmentMember.segment_id == segment_id, SegmentMember.deleted_at.is_(None)
        )
    )


def _present(column: InstrumentedAttribute[str | None]) -> ColumnElement[bool]:
    # Normalizers store None for an invalid address, but an empty string means the same.
    return and_(column.is_not(None), column != "")


def _folded_equals(column: InstrumentedAttribute[str], value: str) -> ColumnElement[bool]:
    # Its own alias and no correlation: the subquery lists distinct values over the whole
    # table, it must not be tied to the outer row. The fold goes over max(value) (the group's
    # only value) so SQLite cannot move the HAVING into a WHERE and fold every row again.
    inner = getattr(aliased(Contact), column.key)
    matching_values = (
        select(inner)
        .group_by(inner)
        .having(sql_fold(func.max(inner)) == fold(value))
        .correlate(None)
    )
    return column.in_(matching_values)


def _has_tag(tags: Sequence[str]) -> ColumnElement[bool]:
    """Any of ``tags``, compared folded: "Fidèle" typed in a filter finds the tag "fidele"."""
    each = func.json_each(Contact.tags).table_valued("value")
    folded = sorted({fold(tag) for tag in tags})
    return exists(select(1).select_from(each).where(sql_fold(each.c.value).in_(folded)))


def _text_matches(text: str) -> list[ColumnElement[bool]]:
    """Every word must appear somewhere; a number also matches inside phone numbers.

    Phones are compared on digits against E.164 with leading zeros dropped, so "77 123"
    and "0803 123 4567" (local formats) find "+22177123..." and "+234803123...".
    """
    haystack = sql_fold(*_TEXT_COLUMNS)
    clauses: list[ColumnElement[bool]] = []
    for word in fold(text).split():
        found = func.instr(haystack, word) > 0
        if word.isdigit():
            digits = word.lstrip("0") or word
            found = or_(
                found,
                func.instr(func.coalesce(Contact.phone_e164, ""), digits) > 0,
                func.instr(func.coalesce(Contact.whatsapp_e164, ""), digits) > 0,
            )
        clauses.append(found)
    return clauses


def _utc_midnight(day: date, tz: tzinfo | None) -> datetime:
    start = datetime.combine(day, time(), tzinfo=tz or UTC)
    return start.astimezone(UTC).replace(tzinfo=None)


# -- statements ------------------------------------------------------------------------


def contact_order(order_by: str, descending: bool = False) -> list[UnaryExpression[Any]]:
    """ORDER BY terms for contact lists, shared so segments and the list sort alike."""
    if order_by not in ORDER_CHOICES:
        raise UserError(msg.CANNOT_SORT, order=order_by, choices=", ".join(ORDER_CHOICES))
    rank = case({s.value: i for i, s in enumerate(PIPELINE_ORDER)}, value=Contact.status, else_=99)
    keys: dict[str, list[ColumnElement[Any] | InstrumentedAttribute[Any]]] = {
        "name": [Contact.name_key],
        "created": [Contact.created_at],
        "last_contacted": [Contact.last_contacted_at],
        "status": [rank, Contact.name_key],
    }
    # The id breaks ties so paging with limit/offset never shows a row twice or skips one.
    columns = [*keys[order_by], Contact.id]
    return [c.desc() if descending else c.asc() for c in columns]


def select_contacts(
    rule: SegmentRule,
    *,
    order_by: OrderBy = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    tz: tzinfo | None = None,
) -> Select[Contact]:
    """Contacts matching the rule, in a stable order.

    Ascending ``last_contacted`` lists never-contacted people first (SQLite sorts NULL
    first), then the longest without news: the follow-up order.
    """
    query = (
        select(Contact)
        .where(*contact_filter(rule, tz=tz))
        .order_by(*contact_order(order_by, descending))
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return query


def select_contact_ids(
    rule: SegmentRule,
    *,
    order_by: OrderBy = "name",
    descending: bool = False,
    tz: tzinfo | None = None,
) -> Select[str]:
    """Only the ids: for "select all matching" and campaign recipient lists."""
    return (
        select(Contact.id)
        .where(*contact_filter(rule, tz=tz))
        .order_by(*contact_order(order_by, descending))
    )


def count_contacts(rule: SegmentRule, *, tz: tzinfo | None = None) -> Select[int]:
    return select(func.count()).select_from(Contact).where(*contact_filter(rule, tz=tz))
