"""A reply that says yes ("Oui !", "ok", "je suis intéressée") to a campaign moves the
person on the board: New or Contacted → Interested, with the move on their timeline.

Only forward, and only from the first two stages: someone already negotiating, a client,
or a contact the user marked inactive is never moved by a message. The entry's id comes
from the event, so two laptops applying the same reply write the same row once.
"""

from datetime import datetime

from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.inbound import interest_entry_id, says_yes
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.store.models import Activity, Contact
from localpro_protocol.wire import Table

MOVED_BY_YES = frozenset({PipelineStatus.NEW, PipelineStatus.CONTACTED})


def move_on_yes(
    session: Session,
    changes: ChangeSet,
    contact_id: str,
    event_id: str,
    text: str,
    at: datetime,
) -> bool:
    """Move the contact to Interested when ``text`` says yes; True if it moved."""
    if not says_yes(text):
        return False
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        return False
    current = PipelineStatus(contact.status)
    entry_id = interest_entry_id(event_id)
    if current not in MOVED_BY_YES or session.get(Activity, entry_id) is not None:
        return False
    contact.status = PipelineStatus.INTERESTED.value
    session.add(
        Activity(
            id=entry_id,
            contact_id=contact_id,
            kind=ActivityKind.STATUS_CHANGE.value,
            old_status=current.value,
            new_status=PipelineStatus.INTERESTED.value,
            body=text[:200],
            occurred_at=at,
            created_at=at,
        )
    )
    changes.add(Table.CONTACTS, contact_id)
    changes.add(Table.ACTIVITIES, entry_id)
    return True
