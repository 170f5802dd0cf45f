"""Exports to a disk with no room: the disk message, no scratch file, the earlier file whole.

Found by the disk-full campaign (``faults/disk_full/``, issue 14): the exporters said
"Could not write x.csv: No space left on device." (the system's English words) and the
reader left unclosed printed "Exception ignored … Cannot operate on a closed database".
"""

import gc
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from faults.disk_full import Wall
from localpro_desktop.domain.disk import DiskError
from localpro_desktop.services.exporting.exporters import export_records
from localpro_desktop.services.exporting.map_html import MapSelection, export_map_html
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace


@pytest.fixture
def wall(tmp_path: Path) -> Iterator[Wall]:
    made = Wall(tmp_path)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    service = ProspectService(workspace)
    for i in range(80):
        service.add(
            {
                "business_name": f"Boutique {i} " + "x" * 200,
                "city": "Thiès",
                "latitude": 14.79,
                "longitude": -16.93,
            },
            allow_duplicate=True,
        )
    return workspace


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson"])
def test_an_export_to_a_full_disk_says_so_and_keeps_the_earlier_file(
    filled: Workspace, wall: Wall, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    output = wall.root / f"prospects.{fmt}"
    output.write_bytes(b"the export of yesterday\n")
    with wall.no_room(), pytest.raises(DiskError) as refused:
        export_records(filled, "prospects", fmt, output)
    gc.collect()
    assert "No space left" not in str(refused.value)
    assert output.read_bytes() == b"the export of yesterday\n"
    assert sorted(p.name for p in wall.root.iterdir()) == [f"prospects.{fmt}"]
    assert not unraisable, [str(u.exc_value) for u in unraisable]
    # With room again the same export works.
    assert export_records(filled, "prospects", fmt, output).rows_written == 80


def test_a_map_to_a_full_disk_says_so(filled: Workspace, wall: Wall) -> None:
    output = wall.root / "visits.html"
    with wall.no_room(), pytest.raises(DiskError):
        export_map_html(filled, MapSelection(city="Thiès"), output)
    assert list(wall.root.iterdir()) == []
    assert export_map_html(filled, MapSelection(city="Thiès"), output).points == 80
