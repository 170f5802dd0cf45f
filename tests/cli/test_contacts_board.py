"""``localpro contacts board``: the CRM tab's board query, from the command line."""

import json
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace


def _board(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> dict[str, object]:
    code = main(["--data-dir", str(home), "--json", "contacts", "board", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_board_lists_counts_and_first_cards_per_stage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "ws"
    ws = Workspace.open(WorkspacePaths(home))
    try:
        svc = ContactService(ws)
        ids = [svc.add({"first_name": f"Awa {i}", "city": "Thiès"}).id for i in range(3)]
        svc.add({"first_name": "Modou", "city": "Dakar"})
        svc.move(ids[0], "client")
        SegmentService(ws).create_static("Picked", [ids[1]])
    finally:
        ws.close()

    board = _board(capsys, home, "--per-column", "1")
    columns = {c["status"]: c for c in board["columns"]}  # type: ignore[union-attr]
    assert list(columns) == ["new", "contacted", "interested", "negotiation", "client", "inactive"]
    assert columns["new"]["count"] == 3 and len(columns["new"]["cards"]) == 1
    assert [c["id"] for c in columns["client"]["cards"]] == [ids[0]]
    assert (board["matching"], board["everyone"]) == (4, 4)

    thies = _board(capsys, home, "--text", "thies")
    assert (thies["matching"], thies["everyone"]) == (3, 4)

    picked = _board(capsys, home, "--segment", "Picked")
    cards = [card for c in picked["columns"] for card in c["cards"]]  # type: ignore[union-attr]
    assert [card["id"] for card in cards] == [ids[1]]
