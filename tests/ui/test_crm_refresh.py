"""What the CRM board re-reads after changes made elsewhere (no widgets needed)."""

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.ui.crm.refresh import PendingRefresh
from localpro_protocol.wire import Table


def _changes(**tables: tuple[str, ...]) -> ChangeSet:
    changes = ChangeSet()
    for name, ids in tables.items():
        if ids:
            changes.add(Table(name), *ids)
        else:
            changes.touch(Table(name))
    return changes


def test_named_contacts_and_activities_are_gathered_until_taken() -> None:
    pending = PendingRefresh()
    pending.note(_changes(contacts=("c1",)), static_segment=False)
    pending.note(_changes(contacts=("c2",), activities=("a1",)), static_segment=False)
    taken = pending.take()
    assert taken.contact_ids == {"c1", "c2"} and taken.activity_ids == {"a1"}
    assert taken.segments and not taken.everything and not taken.panel
    assert pending.take() == PendingRefresh()  # taking empties it


def test_bulk_changes_reload_the_board_or_the_panel() -> None:
    pending = PendingRefresh()
    pending.note(_changes(contacts=()), static_segment=False)
    assert pending.take().everything
    pending.note(_changes(activities=()), static_segment=False)
    taken = pending.take()
    assert taken.panel and not taken.everything and not taken.segments


def test_members_reload_the_board_only_under_a_static_segment() -> None:
    pending = PendingRefresh()
    pending.note(_changes(segment_members=("m1",)), static_segment=False)
    taken = pending.take()
    assert taken.segments and not taken.everything
    pending.note(_changes(segment_members=("m1",)), static_segment=True)
    assert pending.take().everything
    pending.note(_changes(campaigns=("x",)), static_segment=True)
    assert pending.take() == PendingRefresh()
