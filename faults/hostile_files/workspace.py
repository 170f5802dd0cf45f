"""The workspace the imports run against: seeded with data, counted, checked."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

from faults.hostile_files.content import CONTACT_HEADER, PROSPECT_HEADER, csv_text, person


def db_path(workspace: Path) -> Path:
    return workspace / "localpro.sqlite"


def snapshot(workspace: Path) -> tuple[dict[str, int], str]:
    """Row counts of the record tables and a checksum of prospects and contacts."""
    connection = sqlite3.connect(f"file:{db_path(workspace)}?mode=ro", uri=True)
    try:
        counts = {}
        digest = hashlib.sha256()
        for table in ("prospects", "contacts", "activities"):
            counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("prospects", "contacts"):
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
        return counts, digest.hexdigest()
    finally:
        connection.close()


def integrity(workspace: Path) -> str:
    connection = sqlite3.connect(f"file:{db_path(workspace)}?mode=ro", uri=True)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def contacts_named(workspace: Path, first_names: set[str]) -> list[dict[str, str]]:
    connection = sqlite3.connect(f"file:{db_path(workspace)}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        found = []
        for row in connection.execute(
            "SELECT first_name, last_name, company, city, notes FROM contacts "
            "WHERE deleted_at IS NULL"
        ):
            if row["first_name"] in first_names:
                found.append(dict(row))
        return found
    finally:
        connection.close()


def seed_workspace(root: Path, rng: random.Random) -> None:
    """A workspace holding 300 contacts and 100 prospects, imported as a user would."""
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.services.importing.importer import import_file
    from localpro_desktop.services.workspace import Workspace

    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        contacts = root.parent / f"{root.name}-seed-contacts.csv"
        contacts.write_text(
            csv_text(CONTACT_HEADER, [person(0, i, rng) for i in range(300)]), encoding="utf-8"
        )
        prospects = root.parent / f"{root.name}-seed-prospects.csv"
        prospect_rows = []
        for i in range(100):  # the Starter plan allows 200 new prospects a month
            p = person(0, 1_000 + i, rng)
            prospect_rows.append(
                {
                    "Business name": p["Company"],
                    "Phone": p["Phone"],
                    "City": p["City"],
                    "Sector": rng.choice(["Boulangerie", "Restaurant", "Pharmacie"]),
                    "Notes": "",
                }
            )
        prospects.write_text(csv_text(PROSPECT_HEADER, prospect_rows), encoding="utf-8")
        import_file(ws, "contacts", contacts, workers=1)
        import_file(ws, "prospects", prospects, workers=1)
    finally:
        ws.close()
