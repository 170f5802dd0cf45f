"""The kit: files made once per run (a demo workspace, an import file, another laptop's rows)."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from faults.disk_full.constants import DEMO_SIZE


@dataclass
class Kit:
    workdir: Path
    template: Path
    """A demo workspace's database (copied for every case)."""
    contacts: list[str]
    new_contacts: list[str]
    """Contacts still at the pipeline's first stage (any move is a real move)."""
    prospects: list[str]
    city: str
    import_csv: Path
    body_file: Path
    pull_page: object
    """A ``PullResponse`` of rows another laptop made."""


def _quiet_logging() -> None:
    import logging

    logging.disable(logging.INFO)


def build_kit(workdir: Path) -> Kit:
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.services.demo import generate_demo
    from localpro_desktop.services.workspace import Workspace
    from localpro_desktop.sync import engine
    from localpro_protocol.wire import Change, PullResponse

    kit_dir = workdir / "kit"
    shutil.rmtree(kit_dir, ignore_errors=True)
    kit_dir.mkdir(parents=True)
    ws = Workspace.open(WorkspacePaths(kit_dir / "template"), daily_backup=False)
    generate_demo(ws, size=DEMO_SIZE, seed=7)
    ws.close()
    template = kit_dir / "template" / "localpro.sqlite"
    with contextlib.closing(sqlite3.connect(template)) as conn:
        contacts = [r[0] for r in conn.execute("SELECT id FROM contacts ORDER BY id LIMIT 40")]
        prospects = [r[0] for r in conn.execute("SELECT id FROM prospects ORDER BY id LIMIT 40")]
        new_contacts = [
            r[0] for r in conn.execute("SELECT id FROM contacts WHERE status = 'new' ORDER BY id")
        ]
        city = conn.execute(
            "SELECT city FROM prospects WHERE latitude IS NOT NULL AND city != '' "
            "GROUP BY city ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    import_csv = kit_dir / "import.csv"
    lines = ["business_name,city,phone,email"]
    lines += [f"Imported {i} SARL,Dakar,+22177{i:07d},shop{i}@example.org" for i in range(1, 151)]
    import_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    body_file = kit_dir / "body.txt"
    body_file.write_text("Bonjour {first_name}, une offre pour vous.", encoding="utf-8")
    # Another laptop's rows, as the cloud would hand them over in one pull page.
    other = Workspace.open(WorkspacePaths(kit_dir / "other"), daily_backup=False)
    generate_demo(other, size=60, seed=99)
    ops = engine.prepare_ops(other, max_ops=500)
    other.close()
    changes = [
        Change(table=op.table, row_id=op.row_id, seq=i, fields=op.fields)
        for i, op in enumerate(ops, start=1)
    ]
    page = PullResponse(
        changes=changes,
        next_cursor=len(changes),
        has_more=False,
        server_hlc=max(h for c in changes for _v, h in c.fields.values()),
    )
    return Kit(
        workdir, template, contacts, new_contacts, prospects, city, import_csv, body_file, page
    )
