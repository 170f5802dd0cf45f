"""The write paths: where a case works, and every operation that writes, as ``OPS``."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faults.disk_full.kit import Kit


@dataclass
class Place:
    """Where one case's workspace and output files are."""

    root: Path
    kit: Kit
    rng: random.Random

    @property
    def ws_dir(self) -> Path:
        return self.root / "ws"

    @property
    def database(self) -> Path:
        return self.ws_dir / "localpro.sqlite"

    @property
    def out(self) -> Path:
        return self.root / "out"


@dataclass
class Op:
    name: str
    argv: Callable[[Place], list[str]] | None = None
    """A command line (run with ``--data-dir`` the case's workspace)."""
    call: Callable[[object, Place], object] | None = None
    """A service call on the open workspace (the app's way: the workspace stays open)."""
    output: Callable[[Place], Path] | None = None
    """A file the operation writes (its earlier version must survive a failure)."""
    fresh: bool = False
    """Works on a new, empty workspace folder (nothing to compare but its soundness)."""
    old: bool = False
    """Starts from a workspace as an older version wrote it (a migration runs)."""
    prepare: Callable[[Place], None] | None = None


def _pick(items: list[str], rng: random.Random) -> str:
    return items[rng.randrange(len(items))]


def _prospect_edit(ws: object, place: Place) -> object:
    from localpro_desktop.services.prospects import ProspectService

    pid = _pick(place.kit.prospects, place.rng)
    return ProspectService(ws).update(pid, {"notes": "Visited; " + "x" * place.rng.randrange(9000)})  # type: ignore[arg-type]


def _contact_move(ws: object, place: Place) -> object:
    from localpro_desktop.services.contacts import ContactService

    cid = _pick(place.kit.new_contacts, place.rng)
    status = place.rng.choice(["contacted", "interested", "negotiation", "client"])
    return ContactService(ws).move(cid, status)  # type: ignore[arg-type]


def _conversation(ws: object, place: Place) -> object:
    from localpro_desktop.services.assistant import conversations
    from localpro_desktop.services.assistant.context import Mode

    mode = next(iter(Mode))
    conversation = conversations.start(ws, mode, title="Which prospects first?")  # type: ignore[arg-type]
    text = "Start with the pharmacies. " * place.rng.randrange(1, 400)
    return conversations.add_message(ws, conversation, "assistant", text)  # type: ignore[arg-type]


def _pull(ws: object, place: Place) -> object:
    from localpro_desktop.sync import engine

    return engine.apply_pull(ws, place.kit.pull_page)  # type: ignore[arg-type]


def _local_state(ws: object, place: Place) -> object:
    from localpro_desktop.store import local_state
    from localpro_desktop.store.local_state import StateKey

    with ws.write() as session:  # type: ignore[attr-defined]
        local_state.put(session, StateKey.LAST_ERROR, "y" * place.rng.randrange(100, 200_000))
    return None


def _export_argv(kind: str, fmt: str) -> Callable[[Place], list[str]]:
    suffix = {"csv": "csv", "xlsx": "xlsx", "geojson": "geojson"}[fmt]
    return lambda p: ["export", kind, "--format", fmt, "--output", str(p.out / f"{kind}.{suffix}")]


def _restore_prepare(place: Place) -> None:
    backups = place.ws_dir / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    shutil.copy(place.kit.template, backups / "backup-20260101-000000.sqlite")


OPS: tuple[Op, ...] = (
    Op(
        "prospect add (cli)",
        argv=lambda p: [
            "prospects",
            "add",
            f"Boutique {p.rng.randrange(10**6)}",
            "--city",
            "Thiès",
            "--notes",
            "n" * p.rng.randrange(20_000),
            "--allow-duplicate",
        ],
    ),
    Op(
        "contact add (cli)",
        argv=lambda p: [
            "contacts",
            "add",
            "--full-name",
            f"Awa Diop {p.rng.randrange(10**6)}",
            "--phone",
            f"77{p.rng.randrange(10**7):07d}",
        ],
    ),
    Op(
        "crm stage move (cli)",
        argv=lambda p: [
            "contacts",
            "move",
            _pick(p.kit.new_contacts, p.rng),
            "interested",
            "--note",
            "called",
        ],
    ),
    Op(
        "contact note (cli)",
        argv=lambda p: [
            "contacts",
            "note",
            _pick(p.kit.contacts, p.rng),
            "m" * p.rng.randrange(1, 30_000),
        ],
    ),
    Op("import (cli)", argv=lambda p: ["import", "prospects", str(p.kit.import_csv)]),
    Op(
        "export csv",
        argv=_export_argv("prospects", "csv"),
        output=lambda p: p.out / "prospects.csv",
    ),
    Op(
        "export xlsx",
        argv=_export_argv("contacts", "xlsx"),
        output=lambda p: p.out / "contacts.xlsx",
    ),
    Op(
        "export geojson",
        argv=_export_argv("prospects", "geojson"),
        output=lambda p: p.out / "prospects.geojson",
    ),
    Op(
        "export map html",
        argv=lambda p: ["export", "map", "--city", p.kit.city, "--output", str(p.out / "map.html")],
        output=lambda p: p.out / "map.html",
    ),
    Op(
        "backup (cli)",
        argv=lambda p: ["backup", "--output", str(p.out / "copy.sqlite")],
        output=lambda p: p.out / "copy.sqlite",
    ),
    Op(
        "restore (cli)",
        argv=lambda p: [
            "restore",
            "--yes",
            str(p.ws_dir / "backups" / "backup-20260101-000000.sqlite"),
        ],
        prepare=_restore_prepare,
    ),
    Op(
        "demo on a new workspace (cli)",
        argv=lambda _p: ["demo", "--size", "200", "--seed", "3"],
        fresh=True,
    ),
    Op("open and migrate an old workspace (cli)", argv=lambda _p: ["workspace", "show"], old=True),
    Op(
        "settings (cli)",
        argv=lambda p: [
            "workspace",
            "set",
            "--name",
            f"Atelier {p.rng.randrange(10**6)}",
            "--timezone",
            "Africa/Abidjan",
        ],
    ),
    Op(
        "ai settings / local state (cli)",
        argv=lambda p: [
            "ai",
            "settings",
            "--model",
            f"llama3.{p.rng.randrange(9)}",
            "--cap",
            "20000",
        ],
    ),
    Op(
        "segment create (cli)",
        argv=lambda p: ["segments", "create", f"Seg {p.rng.randrange(10**6)}", "--city", "Dakar"],
    ),
    Op(
        "campaign create (cli)",
        argv=lambda p: [
            "campaigns",
            "create",
            "--name",
            f"Promo {p.rng.randrange(10**6)}",
            "--channel",
            "sms",
            "--contact",
            *p.kit.contacts[: p.rng.randrange(1, 30)],
            "--body-file",
            str(p.kit.body_file),
        ],
    ),
    Op("prospect edit (open app)", call=_prospect_edit),
    Op("crm stage move (open app)", call=_contact_move),
    Op("assistant conversation (open app)", call=_conversation),
    Op("sync pull writes (open app)", call=_pull),
    Op("local state (open app)", call=_local_state),
)
