"""``localpro contacts merge SOURCE INTO``: the contact made for an unknown number, folded in."""

import json
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main
from localpro_desktop.domain.opt_outs import inbound_contact_id
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.inbound import apply_pending
from localpro_desktop.services.workspace import Workspace
from tests.services.inbound_kit import inbound, pull

STRANGER = "+221769998877"


def _seed(home: Path) -> tuple[str, str]:
    ws = Workspace.open(WorkspacePaths(home))
    try:
        karim = ContactService(ws).add({"first_name": "Karim", "email": "karim@example.sn"}).id
        pull(ws, inbound(STRANGER, "Bonjour", 10), inbound(STRANGER, "STOP", 20))
        apply_pending(ws)
    finally:
        ws.close()
    return inbound_contact_id(STRANGER), karim


def test_merge_prints_what_moved_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "ws"
    source, karim = _seed(home)

    code = main(["--data-dir", str(home), "contacts", "merge", source, karim, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data == {
        "merged": source,
        "into": karim,
        "moved": {
            "timeline": 3,
            "recipients": 0,
            "segments": 0,
            "opt_outs": 1,
            "inbound": 2,
            "prospects": 0,
        },
    }

    code = main(["--data-dir", str(home), "--json", "contacts", "show", karim])
    shown = json.loads(capsys.readouterr()[0])
    assert shown["whatsapp_e164"] == STRANGER and shown["opt_out"] == ["whatsapp"]
    assert shown["timeline"][0]["text"] == "Merged with +221 76 999 88 77"

    # The source is gone: merging it again is refused with a message, not a traceback.
    code = main(["--data-dir", str(home), "contacts", "merge", source, karim])
    out, err = capsys.readouterr()
    assert code != 0
    assert "No contact with id" in out + err


def test_merge_into_itself_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "ws"
    _source, karim = _seed(home)
    code = main(["--data-dir", str(home), "contacts", "merge", karim, karim])
    out, err = capsys.readouterr()
    assert code != 0
    assert "Cannot merge a contact into itself" in out + err
