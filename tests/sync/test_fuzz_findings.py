"""What the sync fuzzing campaign (faults/sync_fuzz/) found, each kept as a test."""

import sqlite3
import time

from synckit import Device, Fleet, assert_converged

from localpro_desktop.services.segments import SegmentService
from localpro_desktop.store.capture import capture_of
from localpro_protocol.hlc import HybridClock


def test_same_contact_added_to_a_segment_on_two_devices_converges(fleet: Fleet) -> None:
    a = fleet.device("a")
    b = fleet.device("b")
    contact = a.contacts.add({"first_name": "Awa", "city": "Dakar"})
    segment = SegmentService(a.ws).create_static("Clients VIP", [])
    fleet.sync_all()
    SegmentService(a.ws).add_members(segment.id, [contact.id])
    SegmentService(b.ws).add_members(segment.id, [contact.id])
    snapshot = assert_converged(fleet)
    members = [m for m in snapshot["segment_members"].values() if m["deleted_at"] is None]
    assert len(members) == 1
    assert SegmentService(a.ws).contact_ids(segment.id) == [contact.id]
    assert SegmentService(b.ws).contact_ids(segment.id) == [contact.id]


def pin_clock(device: Device, millis: int, seen: str) -> None:
    """The device's clock reads ``millis`` and has seen ``seen``: two devices pinned alike
    stamp the same edits with the same millisecond and counter (only the node differs), as
    laptops do once they have observed one clock that runs ahead of theirs."""
    clock = HybridClock(device.ws.device_id, wall=lambda: millis)
    clock.observe(seen)
    capture_of(device.ws.engine).clock = clock


def field_clock(device: Device, row_id: str, name: str) -> str:
    conn = sqlite3.connect(device.ws.paths.database)
    try:
        row = conn.execute(
            "SELECT hlc FROM sync_clock WHERE row_id = ? AND field = ?", (row_id, name)
        ).fetchone()
    finally:
        conn.close()
    return str(row[0])


def test_unsent_edit_winning_by_device_tie_break_survives_a_pull(fleet: Fleet) -> None:
    """The same field edited on two laptops in the same millisecond and counter: the edit
    whose device id sorts last wins everywhere. Its laptop pulled the other edit before
    sending its own, and compared it with the outbox's stamp (a tick older than the clock
    the edit holds), so it took the losing value and never sent its own: lost."""
    a = fleet.device("a")
    b = fleet.device("b")
    prospect = a.prospects.add({"business_name": "Boutique", "city": "Dakar"})
    fleet.sync_all()
    millis = int(time.time() * 1000) + 5_000  # ahead of every clock so far, not clamped
    seen = f"{millis:013d}-00010-0"
    for device in (a, b):
        pin_clock(device, millis, seen)
    a.prospects.update(prospect.id, {"city": "Thiès A"})
    b.prospects.update(prospect.id, {"city": "Thiès B"})
    stamps = {d.name: field_clock(d, prospect.id, "city") for d in (a, b)}
    assert stamps["a"][:19] == stamps["b"][:19], "the same millisecond and counter"
    winner, loser = (a, b) if stamps["a"] > stamps["b"] else (b, a)
    won = winner.prospects.get(prospect.id).city
    loser.sync()
    winner.client.pull_page()  # the losing edit arrives before the winner sent its own
    assert winner.prospects.get(prospect.id).city == won
    snapshot = assert_converged(fleet)
    assert snapshot["prospects"][prospect.id]["city"] == won
