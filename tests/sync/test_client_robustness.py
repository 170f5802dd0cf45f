"""The client's own safety nets, each found by a fault it has to survive.

Batching (prepare and apply a batch or page at a time, in a bounded number of queries),
op numbering when the server knows more than the workspace (a restored backup), a server
restored from an older backup, the workspace defaults of a joining laptop, unreadable
frozen ops, unreadable or incomplete pulled rows, and a push too large for the server.
"""

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event, text
from synckit import Cloud, Fleet, add_bulk_contacts, assert_converged, open_workspace

from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.workspace import SETTINGS_ID, Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.sync import client as client_module
from localpro_desktop.sync import engine, state
from localpro_desktop.sync.client import BodyTooLarge, SyncClient
from localpro_protocol.wire import Change, PullResponse, PushResponse

SERVER_HLC = "0000000000001-00000-server"


def page(changes: list[Change], cursor: int, more: bool = False) -> PullResponse:
    return PullResponse(changes=changes, next_cursor=cursor, has_more=more, server_hlc=SERVER_HLC)


def own_clocks(ws: Workspace) -> dict[tuple[str, str, str], str]:
    with ws.read() as session:
        return {
            (t, r, f): h
            for t, r, f, h in session.execute(
                text("SELECT tbl, row_id, field, hlc FROM sync_clock")
            )
            if h.endswith(ws.device_id)
        }


# -- push side --------------------------------------------------------------------------


def test_small_batches_send_every_field_with_its_newest_clock(workspace: Workspace) -> None:
    """Rows edited after they were first captured are cut across batches: no field may
    travel with an older clock than the one this device holds (it would lose to an edit
    it actually replaced)."""
    contacts = ContactService(workspace)
    ids = [contacts.add({"first_name": f"Awa {i}", "city": "Dakar"}).id for i in range(6)]
    contacts.update(ids[0], {"city": "Thiès"})
    contacts.update(ids[4], {"notes": "plus tard"})
    contacts.move(ids[0], "client")
    sent: dict[tuple[str, str, str], str] = {}
    for _ in range(100):
        ops = engine.prepare_ops(workspace, max_ops=2)
        if not ops:
            break
        for op in ops:
            for name, (_value, hlc) in op.fields.items():
                key = (op.table, op.row_id, name)
                sent[key] = max(sent.get(key, ""), hlc)
        engine.acknowledge(
            workspace, PushResponse(acked_op_id=ops[-1].op_id, server_hlc=SERVER_HLC), ops
        )
    assert engine.pending(workspace) == 0
    for (table, row_id, name), hlc in own_clocks(workspace).items():
        if name != "*":
            assert sent[(table, row_id, name)] == hlc, (table, name)
        elif table != "workspace_settings":  # the defaults row travels with a zero clock
            row = [h for (t, r, _n), h in sent.items() if (t, r) == (table, row_id)]
            assert row and min(row) >= hlc, (table, row_id)


def test_prepare_and_apply_use_a_bounded_number_of_queries(tmp_path: Path) -> None:
    a, b = open_workspace(tmp_path / "a"), open_workspace(tmp_path / "b")
    try:
        add_bulk_contacts(a, 400)
        statements: list[str] = []

        def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            statements.append(statement)

        event.listen(a.engine, "before_cursor_execute", count)
        ops = engine.prepare_ops(a, max_ops=500)
        event.remove(a.engine, "before_cursor_execute", count)
        assert len(ops) == 401
        assert len(statements) < 30, f"{len(statements)} statements to prepare 401 ops"

        changes = [
            Change(table=op.table, row_id=op.row_id, seq=i + 1, fields=op.fields)
            for i, op in enumerate(ops)
        ]
        statements.clear()
        event.listen(b.engine, "before_cursor_execute", count)
        result = engine.apply_pull(b, page(changes, len(changes)))
        event.remove(b.engine, "before_cursor_execute", count)
        assert result.rows == 401
        assert len(statements) < 30, f"{len(statements)} statements to apply 401 changes"
        with b.read() as session:
            clock_rows = session.scalar(text("SELECT count(*) FROM sync_clock"))
        assert clock_rows < 2 * 401, "a new row needs one whole-row clock, not one per field"
        # Applying the same page again changes nothing (a page resent after a lost answer).
        again = engine.apply_pull(b, page(changes, len(changes)))
        assert again.rows == 0
    finally:
        a.close()
        b.close()


def test_an_unreadable_frozen_op_is_set_aside_not_blocking(fleet: Fleet) -> None:
    a = fleet.device("a")
    with a.ws.write() as session:
        session.execute(
            text("INSERT INTO sync_ops (op_id, payload, created_at) VALUES (1, :p, '2026-01-01')"),
            {"p": '{"op_id": 1, "table": "contacts", "row_id": "nope"}'},
        )
        local_state.put(session, StateKey.NEXT_OP, "2")
    contact = a.contacts.add({"first_name": "Awa"})
    report = a.sync()
    assert report.pushed >= 2
    with a.ws.read() as session:
        rejected = state.rejected(session)
    assert [(r.op_id, r.tbl) for r in rejected] == [(1, "contacts")]
    assert "could not be read" in rejected[0].reason
    b = fleet.device("b")
    b.sync()
    assert b.contacts.get(contact.id).first_name == "Awa"


def test_a_push_too_large_for_the_server_is_split_then_set_aside(
    fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """413: the batch is halved until it fits; one op too large alone is rejected, shown,
    and does not hold back the others."""
    if fleet.cloud.backend != "sqlite":
        pytest.skip("client behaviour only; the server answers the same on any database")
    a = fleet.device("a")
    ids = [a.contacts.add({"first_name": f"Awa {i}"}).id for i in range(5)]
    a.sync()
    for contact in ids:
        a.contacts.update(contact, {"city": "Dakar"})
    huge = ids[2]
    real_send = SyncClient._send
    sizes: list[int] = []

    def send(self: SyncClient, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if path == "/v1/sync/push":
            body = json.loads(gzip.decompress(kwargs["content"]))  # type: ignore[arg-type]
            rows = [*(op["row_id"] for op in body["ops"])]
            rows += [row for block in body["blocks"] for row in block["row_ids"]]
            sizes.append(len(rows))
            if len(rows) > 2 or huge in rows:
                raise BodyTooLarge("Request body larger than 16 MiB: send fewer changes.")
        return real_send(self, method, path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SyncClient, "_send", send)
    report = a.sync()
    assert report.rejected == 1 and report.pushed == 4
    assert max(sizes[1:]) <= 2
    with a.ws.read() as session:
        [rejected] = state.rejected(session)
    assert rejected.row_id == huge and "16 MiB" in rejected.reason
    monkeypatch.undo()
    b = fleet.device("b")
    b.sync()
    cities = {c: b.contacts.get(c).city for c in ids}
    assert cities == {c: ("" if c == huge else "Dakar") for c in ids}


# -- numbering and restored backups ------------------------------------------------------


def test_a_workspace_restored_from_a_backup_still_sends_its_new_edits(fleet: Fleet) -> None:
    """After a restore the workspace numbers ops from an older point; the server, which
    has seen higher ids from it, must not skip the new edits as replays."""
    a = fleet.device("a")
    b = fleet.device("b")
    first = [a.contacts.add({"first_name": f"Avant {i}"}).id for i in range(3)]
    a.sync()
    root = a.ws.paths.root
    backup = root.parent / "backup"
    a.close()
    shutil.copytree(root, backup)
    a = fleet.reopen(a)
    later = [a.contacts.add({"first_name": f"Après {i}"}).id for i in range(3)]
    a.sync()
    a.close()
    shutil.rmtree(root)
    shutil.copytree(backup, root)  # the user restores yesterday's backup
    a = fleet.reopen(a)
    a.contacts.update(first[0], {"city": "Restaurée"})
    restored_only = a.contacts.add({"first_name": "Nouveau"}).id
    a.sync()
    b.sync()
    assert b.contacts.get(first[0]).city == "Restaurée"
    assert b.contacts.get(restored_only).first_name == "Nouveau"
    snapshot = assert_converged(fleet)
    assert set(first + later + [restored_only]) <= set(snapshot["contacts"])


def test_a_server_restored_from_an_older_backup_gets_the_lost_changes_back(
    fleet: Fleet, cloud: Cloud
) -> None:
    a = fleet.device("a")
    kept = [a.contacts.add({"first_name": f"Gardé {i}"}).id for i in range(2)]
    a.sync()
    account = fleet.account_id
    seq, last_op = cloud.seq(account), cloud.last_op_id(account, a.ws.device_id)
    lost = [a.contacts.add({"first_name": f"Perdu {i}"}).id for i in range(2)]
    a.sync()
    # The server goes back to its state of before the second sync.
    cloud.execute("DELETE FROM sync_rows WHERE account_id = :a AND seq > :s", a=account, s=seq)
    cloud.execute("UPDATE accounts SET seq = :s WHERE id = :a", a=account, s=seq)
    cloud.execute(
        "UPDATE devices SET last_op_id = :o WHERE account_id = :a AND device_id = :d",
        a=account,
        d=a.ws.device_id,
        o=last_op,
    )
    assert engine.cursor(a.ws) > seq
    a.client.page_bytes = 1500  # the pull from 0 takes several pages, below the old cursor
    a.sync()  # 409 cursor ahead: pull from 0 and send everything this device knows
    b = fleet.device("b")
    b.sync()
    snapshot = assert_converged(fleet)
    assert set(kept + lost) <= set(snapshot["contacts"])


def test_acknowledging_ids_never_numbered_here_renumbers(workspace: Workspace) -> None:
    ContactService(workspace).add({"first_name": "Awa"})
    ops = engine.prepare_ops(workspace)
    with workspace.read() as session:
        next_op = int(local_state.get(session, StateKey.NEXT_OP))
    applied = engine.acknowledge(
        workspace, PushResponse(acked_op_id=next_op + 40, server_hlc=SERVER_HLC), ops
    )
    assert applied == 0
    again = engine.prepare_ops(workspace)
    assert [op.op_id for op in again] == list(range(next_op + 41, next_op + 41 + len(ops)))
    assert [op.fields for op in again] == [op.fields for op in ops]


# -- pull side --------------------------------------------------------------------------


def test_a_joining_laptop_takes_the_account_settings(fleet: Fleet) -> None:
    a = fleet.device("a")
    # Set before sync existed (only the row's insert clock covers it, like a migrated
    # workspace), and set since (a field clock of its own): both are the user's choice.
    with capture_of(a.ws.engine).suspended(), a.ws.write() as session:
        session.execute(text("UPDATE workspace_settings SET timezone = 'Africa/Accra'"))
    a.ws.update_settings(name="Boutique Awa", currency="GHS", country="GH")
    a.sync()
    b = fleet.device("b")  # a new laptop: its own fresh defaults, created just now
    b.sync()
    a.sync()
    for device in (a, b):
        settings = device.ws.settings()
        assert (settings.name, settings.currency, settings.country, settings.timezone) == (
            "Boutique Awa",
            "GHS",
            "GH",
            "Africa/Accra",
        )
    b.ws.update_settings(name="Boutique Awa & Fils")
    snapshot = assert_converged(fleet)
    assert snapshot["workspace_settings"][SETTINGS_ID]["name"] == "Boutique Awa & Fils"


def test_incomplete_or_unknown_pulled_rows_are_skipped_not_blocking(workspace: Workspace) -> None:
    stamp = "1900000000000-00000-other"
    good = "01a00000-0000-7000-8000-000000000001"
    partial = "01a00000-0000-7000-8000-000000000002"
    result = engine.apply_pull(
        workspace,
        page(
            [
                Change(table="activities", row_id=partial, seq=1, fields={"body": ("x", stamp)}),
                Change(
                    table="contacts",
                    row_id=good,
                    seq=2,
                    fields={
                        "first_name": ("Awa", stamp),
                        "shoe_size": (42, stamp),  # a newer version's column
                        "last_contacted_at": ("not a date", stamp),
                    },
                ),
            ],
            2,
        ),
    )
    assert engine.cursor(workspace) == 2
    assert result.skipped == 1 and result.rows == 1
    assert ContactService(workspace).get(good).first_name == "Awa"
    # A page with a table this version does not know is read change by change.
    body = {
        "changes": [
            {"table": "invoices", "row_id": partial, "seq": 3, "fields": {"x": [1, stamp]}},
            {"table": "contacts", "row_id": good, "seq": 4, "fields": {"city": ["Lomé", stamp]}},
        ],
        "next_cursor": 4,
        "has_more": False,
        "server_hlc": SERVER_HLC,
    }
    parsed = client_module._parse_page(httpx.Response(200, json=body))
    assert [c.table for c in parsed.changes] == ["contacts"] and parsed.next_cursor == 4


# -- tokens -------------------------------------------------------------------------------


def test_an_access_token_about_to_expire_is_refreshed_before_use(
    fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 401 costs a whole round trip on 3G: the client renews the token just before it
    expires instead of waiting to be refused."""
    a = fleet.device("a")
    a.contacts.add({"first_name": "Awa"})
    a.sync()
    answers: list[tuple[str, int]] = []

    def record(response: httpx.Response) -> None:
        answers.append((response.request.url.path, response.status_code))

    a.client.http.event_hooks["response"].append(record)
    # Fifteen minutes later on both clocks: the server no longer takes the old token.
    fleet.cloud.clock.offset += 15 * 60
    later = client_module.monotonic() + 15 * 60
    monkeypatch.setattr(client_module, "monotonic", lambda: later)
    a.contacts.add({"first_name": "Moussa"})
    a.sync()
    assert answers[0] == ("/v1/auth/refresh", 200)
    assert [status for _path, status in answers if status == 401] == []
    assert_converged(fleet)
