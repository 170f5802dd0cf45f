"""The local half of sync on real SQLite files: capture, ops, acks, pulls, last writer wins."""

from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, SyncOutbox, SyncRejected
from localpro_desktop.sync import engine
from localpro_protocol.wire import Change, PullResponse, PushResponse, Rejection

FAR_FUTURE = "9999999999999-00000-other"


def _open(tmp_path: Path, name: str) -> Workspace:
    return Workspace.open(WorkspacePaths(tmp_path / name), daily_backup=False)


def _page(*changes: Change, more: bool = False) -> PullResponse:
    """A pull page of ``changes`` whose cursor is the last change's seq."""
    return PullResponse(
        changes=list(changes),
        next_cursor=changes[-1].seq,
        has_more=more,
        server_hlc="0000000000001-00000-server",
    )


def test_every_write_path_is_captured(workspace: Workspace) -> None:
    before = engine.pending(workspace)
    c = ContactService(workspace).add({"first_name": "Awa", "phone": "771234567"})
    ContactService(workspace).move(c.id, "client")
    ops = engine.prepare_ops(workspace)
    by_row = {op.row_id: op for op in ops}
    contact_op = by_row[c.id]
    assert contact_op.table == "contacts"
    assert contact_op.fields["status"][0] == "client"
    assert contact_op.fields["first_name"][0] == "Awa"
    assert contact_op.fields["phone_e164"][0] == "+221771234567"
    # The move's clock is later than the insert's.
    assert contact_op.fields["status"][1] > contact_op.fields["first_name"][1]
    assert {op.table for op in ops} >= {"contacts", "activities", "workspace_settings"}
    assert before >= 1  # the settings row of a new workspace is waiting too
    # Ids are numbered from 1 and a retry gets exactly the same ops.
    assert [op.op_id for op in ops] == list(range(1, len(ops) + 1))
    assert engine.prepare_ops(workspace) == ops


def test_ack_removes_applied_and_keeps_rejections(workspace: Workspace) -> None:
    ProspectService(workspace).add({"business_name": "Chez Fatou"})
    ops = engine.prepare_ops(workspace)
    last = ops[-1].op_id
    response = PushResponse(
        acked_op_id=last,
        rejected=[Rejection(op_id=ops[0].op_id, reason="unknown field")],
        server_hlc="0000000000001-00000-server",
    )
    applied = engine.acknowledge(workspace, response, ops)
    assert applied == len(ops) - 1
    assert engine.pending(workspace) == 0
    with workspace.read() as session:
        rejected = session.scalars(select(SyncRejected)).all()
    assert [(r.op_id, r.reason) for r in rejected] == [(ops[0].op_id, "unknown field")]
    # New edits get new op ids.
    ProspectService(workspace).add({"business_name": "Garage Moderne"})
    assert engine.prepare_ops(workspace)[0].op_id == last + 1


def test_pull_applies_newer_fields_only_and_is_not_captured_again(tmp_path: Path) -> None:
    a, b = _open(tmp_path, "a"), _open(tmp_path, "b")
    try:
        contact = ContactService(a).add({"first_name": "Awa", "city": "Dakar"})
        ops = engine.prepare_ops(a)
        op = next(o for o in ops if o.row_id == contact.id)
        page = _page(Change(table="contacts", row_id=op.row_id, seq=1, fields=op.fields))
        engine.prepare_ops(b)  # b's own settings row etc.
        b_before = engine.outbox_size(b)
        result = engine.apply_pull(b, page)
        assert result.rows == 1 and engine.cursor(b) == 1
        assert ContactService(b).get(contact.id).first_name == "Awa"
        assert engine.outbox_size(b) == b_before  # nothing captured for pulled values

        # b edits the city later; an older pulled city must not overwrite it.
        ContactService(b).update(contact.id, {"city": "Thiès"})
        stale = dict(op.fields)
        stale["city"] = ("Rufisque", op.fields["city"][1])
        engine.apply_pull(
            b,
            _page(Change(table="contacts", row_id=op.row_id, seq=2, fields=stale)),
        )
        assert ContactService(b).get(contact.id).city == "Thiès"
        # A newer one wins.
        newer = {"city": ("Mbour", FAR_FUTURE)}
        engine.apply_pull(
            b,
            _page(Change(table="contacts", row_id=op.row_id, seq=3, fields=newer)),
        )
        assert ContactService(b).get(contact.id).city == "Mbour"
    finally:
        a.close()
        b.close()


def test_pulled_rows_may_reference_rows_of_a_later_page(tmp_path: Path) -> None:
    a, b = _open(tmp_path, "a"), _open(tmp_path, "b")
    try:
        p = ProspectService(a).add({"business_name": "Salon Aminata", "city": "Dakar"})
        ProspectService(a).convert([p.id])
        ops = engine.prepare_ops(a)
        contact_op = next(o for o in ops if o.table == "contacts")
        prospect_op = next(o for o in ops if o.table == "prospects")
        first = _page(
            Change(table="contacts", row_id=contact_op.row_id, seq=1, fields=contact_op.fields),
            more=True,
        )
        second = _page(
            Change(table="prospects", row_id=prospect_op.row_id, seq=2, fields=prospect_op.fields)
        )
        engine.apply_pull(b, first)
        engine.apply_pull(b, second)
        with b.read() as session:
            contact = session.scalars(select(Contact)).one()
            assert contact.prospect_id == p.id
            assert session.scalar(select(func.count()).select_from(Contact)) == 1
    finally:
        a.close()
        b.close()


def test_clock_survives_restart(tmp_path: Path) -> None:
    ws = _open(tmp_path, "a")
    ProspectService(ws).add({"business_name": "One"})
    first = max(f[1] for op in engine.prepare_ops(ws) for f in op.fields.values())
    device = ws.device_id
    ws.close()
    again = _open(tmp_path, "a")
    try:
        assert again.device_id == device
        ProspectService(again).add({"business_name": "Two"})
        with again.read() as session:
            newest = session.scalar(select(func.max(SyncOutbox.hlc)))
        assert newest > first and newest.endswith(device)
    finally:
        again.close()


def test_pulled_rows_are_stored_as_the_orm_stores_them(tmp_path: Path) -> None:
    """Every column's text on the pulling laptop equals the editing laptop's, byte for byte.

    A time on a whole second was stored as "10:00:00" by a pull (the sqlite3 module's own
    datetime conversion) and as "10:00:00.000000" by the app: the two laptops then held
    different rows for the same record.
    """
    a, b = _open(tmp_path, "a"), _open(tmp_path, "b")
    try:
        contact = ContactService(a).add({"first_name": "Awa", "city": "Dakar", "tags": ["vip"]})
        whole_second = datetime(2026, 12, 2, 10, 0, 0)
        with a.write() as session:
            row = session.get(Contact, contact.id)
            assert row is not None
            row.last_contacted_at = whole_second
            row.created_at = whole_second
        ops = [o for o in engine.prepare_ops(a) if o.row_id == contact.id]
        fields = {k: v for op in ops for k, v in op.fields.items()}
        engine.apply_pull(
            b,
            _page(Change(table="contacts", row_id=contact.id, seq=1, fields=fields)),
        )

        def stored(ws: Workspace) -> dict[str, object]:
            with ws.engine.connect() as conn:
                columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(contacts)")]
                values = conn.exec_driver_sql(
                    f"SELECT {', '.join(columns)} FROM contacts WHERE id = ?", (contact.id,)
                ).one()
            return {c: v for c, v in zip(columns, values, strict=True) if c != "updated_at"}

        mine, pulled = stored(a), stored(b)
        assert pulled == mine
        assert mine["last_contacted_at"] == "2026-12-02 10:00:00.000000"
    finally:
        a.close()
        b.close()
