"""The import's write phase: staged INSERT ... SELECT chunks, checked against what it replaced.

The importer writes new records through a TEMP staging table and converts values with
the column types' own bind processors instead of a SQLAlchemy Core executemany (see
``importer._BulkCreate``). These tests pin that nothing stored changes because of it: the
same values with the same SQLite storage classes, every row captured for sync, and a
cancel half-way leaving the workspace (and the connection) as it was.
"""

import itertools
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event

from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.importing import importer
from localpro_desktop.services.importing.importer import ImportCancelled, import_file
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact

HLC = re.compile(r"\d{13}-\d{5}-[0-9a-z\-]{1,40}")
CSV = (
    "Nom;Prénom;Téléphone;Ville;Courriel;Statut;Étiquettes\r\n"
    "Diop;Awa;77 123 45 67;Dakar;awa@exemple.sn;Intéressé;vip, marché\r\n"
    "Sow;Moussa;770000;Thiès;;;\r\n"
    "Faye;;33 821 00 00;Saint-Louis;faye@exemple.sn;;\r\n"
    "Ba;Ibou;76 222 33 44;Touba;ibou@exemple.sn;client;\r\n"
)


def _csv(tmp_path: Path, text: str = CSV) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_bytes(text.encode("cp1252"))
    return path


def _dump(conn: Connection, table: str) -> list[tuple[Any, ...]]:
    """Every value with its storage class, in rowid order."""
    columns = [row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
    select = ", ".join(f"{c}, typeof({c})" for c in columns)
    return [tuple(r) for r in conn.exec_driver_sql(f"SELECT {select} FROM {table} ORDER BY rowid")]


@pytest.fixture
def other_workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(WorkspacePaths(tmp_path / "other"), daily_backup=False)
    try:
        yield ws
    finally:
        ws.close()


def test_staged_insert_stores_what_a_core_insert_stored(
    workspace: Workspace, other_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same values and storage classes as ``session.execute(table.insert(), rows)``."""
    now = datetime(2026, 12, 2, 10, 0, 0)
    base = {
        "first_name": "Awa",
        "last_name": "Diop",
        "company": "",
        "name_key": "awa diop",
        "status": "interested",
        "city": "Dakar",
        "phone_e164": "+221771234567",
        "email_normalized": None,
        "tags": ["vip", "marché"],
        "latitude": None,
        "longitude": None,
        "_row": 2,
        "_status_given": True,
    }
    rows: list[dict[str, Any]] = [
        dict(base),
        {**base, "tags": [], "latitude": 14.7, "longitude": "-17.4"},  # text → float
        {**base, "opt_out_sms": True, "notes": "ligne\nsuivante", "city": ""},
        {key: value for key, value in base.items() if key != "tags"},  # the default: []
    ]
    with workspace.write() as session:
        counter = itertools.count()
        monkeypatch.setattr(
            importer,
            "new_ids",
            lambda n: [f"01900000-0000-7000-8000-{next(counter):012d}" for _ in range(n)],
        )
        creator = importer._BulkCreate(
            session.connection(),
            Contact.__table__,
            {"created_at": now, "updated_at": now, "deleted_at": None},
            None,
        )
        creator.insert(rows)
        creator.finish()
    with other_workspace.write() as session:
        counter = itertools.count()
        expected = []
        for values in rows:
            row = {k: v for k, v in values.items() if not k.startswith("_")}
            row.update(
                id=f"01900000-0000-7000-8000-{next(counter):012d}",
                created_at=now,
                updated_at=now,
                deleted_at=None,
            )
            expected.append(row)
        for row in expected:  # one by one: a row may leave a column out
            session.execute(Contact.__table__.insert(), [row])
    with workspace.engine.connect() as got, other_workspace.engine.connect() as want:
        assert _dump(got, "contacts") == _dump(want, "contacts")
        assert got.exec_driver_sql("SELECT count(*) FROM temp.sqlite_master").scalar() == 0


def test_every_imported_row_is_captured_with_a_clock(workspace: Workspace, tmp_path: Path) -> None:
    report = import_file(workspace, "contacts", _csv(tmp_path), workers=1)
    assert report.created == 4
    with workspace.engine.connect() as conn:
        contacts = {r[0] for r in conn.exec_driver_sql("SELECT id FROM contacts")}
        activities = conn.exec_driver_sql(
            "SELECT contact_id, kind, body, new_status FROM activities ORDER BY rowid"
        ).all()
        assert {a[0] for a in activities} == contacts and len(activities) == 4
        assert {a[1:3] for a in activities} == {("created", "Imported from contacts.csv")}
        statuses = dict(conn.exec_driver_sql("SELECT id, status FROM contacts").all())
        assert all(status == statuses[cid] for cid, _, _, status in activities)
        for table, count in (("contacts", 4), ("activities", 4)):
            outbox = conn.exec_driver_sql(
                "SELECT row_id, hlc FROM sync_outbox WHERE tbl = ? AND field = '*'", (table,)
            ).all()
            clock = conn.exec_driver_sql(
                "SELECT row_id, hlc FROM sync_clock WHERE tbl = ? AND field = '*'", (table,)
            ).all()
            assert len(outbox) == len(clock) == count
            assert all(HLC.fullmatch(hlc) for _, hlc in outbox + clock)
        # Contacts first, then their timeline entries (the order the triggers saw them).
        tables = [r[0] for r in conn.exec_driver_sql("SELECT tbl FROM sync_outbox ORDER BY seq")]
        assert tables[-8:] == ["contacts"] * 4 + ["activities"] * 4


def _count_inserts(workspace: Workspace, table: str) -> list[str]:
    """Every INSERT INTO ``table`` the workspace's engine sends, as it is sent."""
    sent: list[str] = []

    def spy(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith(f"INSERT INTO {table} "):
            sent.append(statement)

    event.listen(workspace.engine, "before_cursor_execute", spy)
    return sent


def test_cancel_after_a_written_chunk_rolls_everything_back(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "CHUNK", 2)
    with workspace.engine.connect() as conn:
        before = {
            t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
            for t in ("contacts", "activities", "sync_outbox", "sync_clock")
        }
    inserts = _count_inserts(workspace, "contacts")
    with pytest.raises(ImportCancelled):
        import_file(workspace, "contacts", _csv(tmp_path), cancel=lambda: bool(inserts), workers=1)
    assert len(inserts) == 1  # one chunk went in before the cancel
    with workspace.engine.connect() as conn:
        after = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in before}
        assert conn.exec_driver_sql("SELECT count(*) FROM temp.sqlite_master").scalar() == 0
    assert after == before
    # The connection is fine for the next import.
    assert import_file(workspace, "contacts", _csv(tmp_path), workers=1).created == 4


def test_imported_prospects_reach_the_search_index(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "prospects.csv"
    path.write_text("Name,City,Tags\nBoulangerie Kane,Dakar,pain\nGarage Ba,Thiès,\n", "utf-8")
    report = import_file(workspace, "prospects", path, source=ProspectSource.IMPORT, workers=1)
    assert report.created == 2
    with workspace.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT p.business_name, p.source FROM prospects_fts f "
            "JOIN prospects p ON p.rowid = f.rowid WHERE prospects_fts MATCH '\"boulangerie\"*'"
        ).all()
        captured = conn.exec_driver_sql(
            "SELECT count(*) FROM sync_outbox WHERE tbl = 'prospects' AND field = '*'"
        ).scalar()
    assert [tuple(r) for r in found] == [("Boulangerie Kane", ProspectSource.IMPORT.value)]
    assert captured == 2


FOLDED = (
    "Nom;Prénom;Téléphone;Ville;Courriel;Statut;Étiquettes;Notes\r\n"
    "Diop;Awa;77 123 45 67;Dakar;;;vip;\r\n"
    "Sow;Moussa;76 000 11 22;Thiès;;;;\r\n"
    "Faye;Ndeye;33 821 00 00;Saint-Louis;faye@exemple.sn;;;\r\n"
    "Ba;Ibou;76 222 33 44;Touba;ibou@exemple.sn;client;;\r\n"
    "Diop;Awa;+221771234567;Dakar;awa@exemple.sn;Client;marché;rappeler lundi\r\n"
    "Sow;Moussa;+221 76 000 11 22;Thiès;;;grossiste;\r\n"
)


def _stored(workspace: Workspace) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Contacts and their timelines, without the ids and times an import makes."""
    with workspace.engine.connect() as conn:
        columns = [
            row[1]
            for row in conn.exec_driver_sql("PRAGMA table_info(contacts)")
            if row[1] not in ("id", "created_at", "updated_at")
        ]
        contacts = conn.exec_driver_sql(
            f"SELECT {', '.join(columns)} FROM contacts ORDER BY name_key"
        ).all()
        timeline = conn.exec_driver_sql(
            "SELECT c.name_key, a.kind, a.old_status, a.new_status, a.body FROM activities a "
            "JOIN contacts c ON c.id = a.contact_id ORDER BY c.name_key, a.kind"
        ).all()
    return [tuple(r) for r in contacts], [tuple(r) for r in timeline]


@pytest.mark.parametrize(
    "policy", [importer.DuplicatePolicy.UPDATE, importer.DuplicatePolicy.MERGE]
)
def test_row_folded_into_an_already_written_record(
    workspace: Workspace,
    other_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    policy: importer.DuplicatePolicy,
) -> None:
    """The same workspace whether the record was written before its duplicate came or not."""
    path = _csv(tmp_path, FOLDED)
    at_the_end = import_file(other_workspace, "contacts", path, on_duplicate=policy, workers=1)
    monkeypatch.setattr(importer, "CHUNK", 2)
    monkeypatch.setattr(importer, "CHECK_CHUNK", 2)
    inserts = _count_inserts(workspace, "contacts")
    early = import_file(workspace, "contacts", path, on_duplicate=policy, workers=1)
    assert len(inserts) == 2  # rows 1-2, then 3-4, written before their duplicates came
    assert early.as_dict() == at_the_end.as_dict()
    assert early.created == 4 and len(early.duplicates) == 2
    assert _stored(workspace) == _stored(other_workspace)
    # "update": the file's later row wins; "merge": it only fills what was empty.
    status = "client" if policy is importer.DuplicatePolicy.UPDATE else "new"
    _contacts, timeline = _stored(workspace)
    assert ("awa diop", "created", None, status, "Imported from contacts.csv") in timeline
    with workspace.engine.connect() as conn:
        awa = conn.exec_driver_sql(
            "SELECT status, email, notes FROM contacts WHERE name_key = 'awa diop'"
        ).one()
    assert tuple(awa) == (status, "awa@exemple.sn", "rappeler lundi")
