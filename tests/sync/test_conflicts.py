"""Concurrent edits on several devices: per-field last writer wins, deletes, wrong clocks,
and edits made while a sync is running. Real workspaces, real services, a real server."""

import threading
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from synckit import DAY_MS, Device, Fleet, assert_converged

from localpro_desktop.store.models import SyncClock
from localpro_desktop.sync import engine
from localpro_protocol.wire import PullResponse

Order = tuple[str, ...]


def shared_contact(fleet: Fleet) -> tuple[Device, Device, str]:
    """Two devices that both hold one contact (created on ``a``)."""
    a, b = fleet.device("a"), fleet.device("b")
    contact = a.contacts.add({"first_name": "Awa", "last_name": "Ndiaye", "city": "Dakar"})
    a.sync()
    b.sync()
    assert b.contacts.get(contact.id).first_name == "Awa"
    return a, b, contact.id


def stamp_of(device: Device, table: str, row_id: str, name: str) -> str:
    """The clock this device holds for one field (its own edit's stamp)."""
    with device.ws.read() as session:
        return str(
            session.scalar(
                select(func.max(SyncClock.hlc)).where(
                    SyncClock.tbl == table, SyncClock.row_id == row_id, SyncClock.field == name
                )
            )
        )


def sync_in(fleet: Fleet, order: Order) -> None:
    by_name = {d.name: d for d in fleet.devices}
    for name in order:
        by_name[name].sync()


BOTH_ORDERS = pytest.mark.parametrize("order", [("a", "b"), ("b", "a")], ids=["a-first", "b-first"])


@BOTH_ORDERS
def test_edits_of_different_fields_both_survive(fleet: Fleet, order: Order) -> None:
    a, b, contact = shared_contact(fleet)
    a.contacts.update(contact, {"phone": "771234567"})
    b.contacts.update(contact, {"city": "Saint-Louis", "notes": "Rappeler lundi"})
    sync_in(fleet, order)
    snapshot = assert_converged(fleet)
    row = snapshot["contacts"][contact]
    assert (row["phone_e164"], row["city"], row["notes"]) == (
        "+221771234567",
        "Saint-Louis",
        "Rappeler lundi",
    )


@BOTH_ORDERS
def test_edits_of_the_same_field_the_later_clock_wins(fleet: Fleet, order: Order) -> None:
    a, b, contact = shared_contact(fleet)
    a.contacts.update(contact, {"city": "Thiès"})
    time.sleep(0.02)  # well apart, on a busy machine too
    b.contacts.update(contact, {"city": "Mbour"})
    assert stamp_of(b, "contacts", contact, "city") > stamp_of(a, "contacts", contact, "city")
    sync_in(fleet, order)
    snapshot = assert_converged(fleet)
    assert snapshot["contacts"][contact]["city"] == "Mbour"


@BOTH_ORDERS
def test_a_delete_wins_over_an_older_edit(fleet: Fleet, order: Order) -> None:
    a, b, contact = shared_contact(fleet)
    a.contacts.update(contact, {"city": "Kaolack"})
    time.sleep(0.02)  # well apart, on a busy machine too
    b.contacts.delete([contact])
    sync_in(fleet, order)
    snapshot = assert_converged(fleet)
    assert snapshot["contacts"][contact]["deleted_at"] is not None
    assert snapshot["contacts"][contact]["city"] == "Kaolack"  # kept, under the tombstone


@BOTH_ORDERS
def test_an_edit_made_after_a_delete_brings_the_record_back(fleet: Fleet, order: Order) -> None:
    a, b, contact = shared_contact(fleet)
    b.contacts.delete([contact])
    b.sync()  # the delete reached the server; a has not heard of it yet
    time.sleep(0.02)  # well apart, on a busy machine too
    a.contacts.update(contact, {"notes": "A passé commande hier"})
    sync_in(fleet, order)
    snapshot = assert_converged(fleet)
    row = snapshot["contacts"][contact]
    assert row["deleted_at"] is None and row["notes"] == "A passé commande hier"
    assert b.contacts.get(contact).notes == "A passé commande hier"  # live again on b


def test_undelete_on_the_device_that_deleted_shows_at_once(fleet: Fleet) -> None:
    """A pulled delete older than an unsent local edit does not hide the record locally."""
    a, b, contact = shared_contact(fleet)
    b.contacts.delete([contact])
    b.sync()
    time.sleep(0.02)  # well apart, on a busy machine too
    a.contacts.update(contact, {"city": "Louga"})
    # a pulls the delete before pushing (as if the push had failed): it keeps the record.
    page, _result = a.client.pull_page()
    assert any(c.row_id == contact for c in page.all_changes())
    assert a.contacts.get(contact).city == "Louga"
    snapshot = assert_converged(fleet)
    assert snapshot["contacts"][contact]["deleted_at"] is None


# -- wrong clocks --------------------------------------------------------------------------


def test_a_laptop_a_day_ahead_loses_no_edit(fleet: Fleet) -> None:
    a, b, contact = shared_contact(fleet)

    def ahead() -> int:
        return int(time.time() * 1000) + DAY_MS

    a.set_wall(ahead)
    a.contacts.update(contact, {"phone": "770000001", "notes": "écrit demain"})
    b.contacts.update(contact, {"city": "Ziguinchor"})
    a.sync()
    b.sync()
    a.sync()
    row = assert_converged(fleet)["contacts"][contact]
    assert (row["phone_e164"], row["notes"], row["city"]) == (
        "+221770000001",
        "écrit demain",
        "Ziguinchor",
    )
    # The server clamped a's far-future stamps: b's later edit of the same field still wins
    # (b runs two minutes fast itself, past the clamp ceiling of a's edit).
    stored = fleet.cloud.sql(
        "SELECT fields FROM sync_rows WHERE account_id = :a AND row_id = :r",
        a=fleet.account_id,
        r=contact,
    )[0][0]
    assert f'"{int(time.time() * 1000) + DAY_MS // 2:013d}' not in stored
    b.set_wall(lambda: int(time.time() * 1000) + 120_000)
    time.sleep(0.02)  # well apart, on a busy machine too
    b.contacts.update(contact, {"notes": "écrit maintenant"})
    b.sync()
    a.sync()
    assert a.contacts.get(contact).notes == "écrit maintenant", "a kept its clamped edit"
    assert_converged(fleet)
    # And a's next edit, made after it saw b's, wins again.
    a.contacts.update(contact, {"notes": "encore a"})
    row = assert_converged(fleet)["contacts"][contact]
    assert row["notes"] == "encore a"


def test_a_laptop_a_day_behind_loses_no_edit(fleet: Fleet) -> None:
    a, b, contact = shared_contact(fleet)

    def behind() -> int:
        return int(time.time() * 1000) - DAY_MS

    b.set_wall(behind)
    # Offline edits before its first sync with the wrong date: other fields, both survive.
    b.contacts.update(contact, {"company": "Boutique Awa"})
    a.contacts.update(contact, {"city": "Tambacounda"})
    b.sync()
    a.sync()
    row = assert_converged(fleet)["contacts"][contact]
    assert (row["company"], row["city"]) == ("Boutique Awa", "Tambacounda")
    # Then a edits a field, and b edits the same field afterwards (still a day behind,
    # not synced in between): b's edit is the later one and must win.
    a.contacts.update(contact, {"notes": "version a"})
    a.sync()
    time.sleep(0.05)
    b.contacts.update(contact, {"notes": "version b, plus tard"})
    b.sync()
    a.sync()
    row = assert_converged(fleet)["contacts"][contact]
    assert row["notes"] == "version b, plus tard"
    # The correction survives a restart of b.
    b = fleet.reopen(b)
    b.set_wall(behind)
    time.sleep(0.05)
    a.contacts.update(contact, {"sector": "Commerce"})
    a.sync()
    b.sync()
    time.sleep(0.05)
    b.contacts.update(contact, {"sector": "Restauration"})
    row = assert_converged(fleet)["contacts"][contact]
    assert row["sector"] == "Restauration"


# -- edits while a sync runs --------------------------------------------------------------


def test_edits_between_push_and_pull_go_out_next_round(
    fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, contact = shared_contact(fleet)
    b.contacts.update(contact, {"city": "Rufisque"})
    b.sync()
    a.contacts.update(contact, {"phone": "775554433"})
    made: list[str] = []
    original = a.client.apply_page

    def edit_then_apply(page: PullResponse) -> engine.ApplyResult:
        if not made:  # after the push and the download, before the first page lands
            made.append(a.contacts.add({"first_name": "Pendant", "city": "Fatick"}).id)
            a.contacts.update(contact, {"notes": "pendant la synchro"})
        return original(page)

    monkeypatch.setattr(a.client, "apply_page", edit_then_apply)
    a.sync()
    assert a.contacts.get(contact).city == "Rufisque"  # the pull landed
    assert a.contacts.get(contact).notes == "pendant la synchro"  # and did not undo the edit
    assert a.pending() >= 1, "the edits made during the round wait for the next one"
    monkeypatch.undo()
    snapshot = assert_converged(fleet)
    assert made[0] in snapshot["contacts"]
    assert snapshot["contacts"][contact]["notes"] == "pendant la synchro"
    assert snapshot["contacts"][contact]["phone_e164"] == "+221775554433"


def test_edits_from_another_thread_while_pages_land(fleet: Fleet) -> None:
    """The UI keeps saving while a long first sync applies pages in a worker thread."""
    if fleet.cloud.backend != "sqlite":
        pytest.skip("local concurrency only: the server's database plays no part")
    a = fleet.device("a")
    ids = [a.contacts.add({"first_name": f"Client {i}", "city": "Dakar"}).id for i in range(40)]
    a.sync()
    b = fleet.device("b")
    b.client.page_bytes = 3000
    mine = b.contacts.add({"first_name": "Local", "city": "Thiès"})
    done = threading.Event()
    edits: list[str] = []
    refused: list[BaseException] = []

    def edit_loop() -> None:
        for i in range(300):
            if done.is_set():
                return
            for _attempt in range(20):  # a refused save is tried again, as a user would
                try:
                    b.contacts.update(mine.id, {"notes": f"note {i}"})
                    edits.append(f"note {i}")
                    break
                except OperationalError as exc:
                    refused.append(exc)
                    time.sleep(0.01)
            time.sleep(0.005)

    editor = threading.Thread(target=edit_loop)
    editor.start()
    try:
        b.sync()  # the sync itself never fails because the UI writes meanwhile
    finally:
        done.set()
        editor.join(timeout=30)
    assert edits, "the editing thread never got to write"
    assert b.contacts.get(mine.id).notes == edits[-1]
    snapshot = assert_converged(fleet)
    assert set(ids) <= set(snapshot["contacts"])
    assert snapshot["contacts"][mine.id]["notes"] == edits[-1]
    # Write units of work begin as writers (BEGIN IMMEDIATE) and wait for the page being
    # applied instead of failing on a stale snapshot: no save is ever refused.
    assert refused == []


def test_first_sync_interrupted_resumes_after_a_restart(fleet: Fleet) -> None:
    a = fleet.device("a")
    for i in range(20):
        a.contacts.add({"first_name": f"Client {i}"})
    a.sync()
    b = fleet.device("b")
    b.client.page_bytes = 2500
    b.client.pull_page()
    b.client.pull_page()
    cursor = engine.cursor(b.ws)
    b = fleet.reopen(b)
    assert engine.cursor(b.ws) == cursor > 0
    report = b.sync()
    assert report.tables_down.get("contacts", 0) < 20
    assert_converged(fleet)
