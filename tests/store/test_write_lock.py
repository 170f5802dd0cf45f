"""Two writers at once: the second waits for the first instead of failing.

The UI saves an edit while the sync (or an import) holds a write transaction. A unit of
work that read first and wrote later used to fail at once with "database is locked" when
the other connection had committed in between; writers now take the lock up front.
"""

import threading
import time
from pathlib import Path

from sqlalchemy import select

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact


def test_a_writer_that_reads_first_is_not_refused_when_another_commits(tmp_path: Path) -> None:
    ws = Workspace.open(WorkspacePaths(tmp_path / "ws"), daily_backup=False)
    try:
        with ws.write() as session:
            session.add(Contact(first_name="Awa", city="Dakar"))
        read_done = threading.Event()
        errors: list[BaseException] = []

        def reader_then_writer() -> None:
            try:
                with ws.write() as session:
                    before = session.scalars(select(Contact)).all()
                    read_done.set()
                    time.sleep(0.3)  # meanwhile the other thread tries to commit
                    session.add(Contact(first_name=f"After {len(before)}", city="Thiès"))
            except BaseException as exc:
                errors.append(exc)
                read_done.set()

        def other_writer() -> None:
            read_done.wait(5)
            try:
                with ws.write() as session:
                    session.add(Contact(first_name="Moussa", city="Saint-Louis"))
            except BaseException as exc:
                errors.append(exc)

        threads = [
            threading.Thread(target=reader_then_writer),
            threading.Thread(target=other_writer),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert errors == []
        with ws.read() as session:
            names = sorted(c.first_name for c in session.scalars(select(Contact)))
        assert names == ["After 1", "Awa", "Moussa"]
    finally:
        ws.close()
