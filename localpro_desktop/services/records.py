"""Small helpers shared by the record services: id lookup and tombstones."""

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from localpro_desktop.domain.errors import NotFoundError, UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import records as msg
from localpro_desktop.store.models import SyncedMixin

T = TypeVar("T", bound=SyncedMixin)

MIN_PREFIX = 6


def get_live(session: Session, model: type[T], ident: str, label: str) -> T:
    """Find a live record by full id, or by a unique id prefix as shown in lists.

    Users copy ids from a terminal; accepting a unique prefix saves them typing 36
    characters, and an ambiguous prefix says so instead of picking one.
    """
    ident = ident.strip().lower()
    row = session.get(model, ident)
    if row is not None and row.deleted_at is None:
        return row
    if len(ident) >= MIN_PREFIX:
        matches = session.scalars(
            select(model).where(model.id.startswith(ident), model.deleted_at.is_(None)).limit(2)
        ).all()
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise UserError(msg.AMBIGUOUS_ID, ident=ident, kinds=_kind(label, plural=True))
    raise NotFoundError(msg.NOT_FOUND, kind=_kind(label), ident=ident)


def _kind(label: str, *, plural: bool = False) -> str:
    """The record kind as a translatable word ("contact", "contacts")."""
    words = msg.KINDS.get(label)
    if words is None:
        return f"{label}s" if plural else label
    return words[1 if plural else 0]()


def tombstone(row: SyncedMixin) -> None:
    row.deleted_at = utcnow()
