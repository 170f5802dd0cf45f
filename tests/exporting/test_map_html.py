""" "Share this map" without Qt: one self-contained file, the right records, escaped text.

The page itself runs in a real QtWebEngine in tests/ui/test_map_share.py; here the file is
read as text: no script or style from the network, the records as they should be, names
from the internet unable to close the script they sit in.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

from localpro_desktop.domain.colors import PROSPECT_COLOR, STATUS_COLORS
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.exporting.map_html import (
    MapSelection,
    export_map_html,
    render_map_html,
)
from localpro_desktop.services.map_points import ContactLayerFilter
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect

EVIL = "<script>alert(1)</script>"
ARABIC = "مطعم السلام"


def add(ws: Workspace, model: type, **fields: object) -> str:
    with ws.write() as session:
        row = model(**fields)
        session.add(row)
        session.flush()
        return str(row.id)


@pytest.fixture
def people(workspace: Workspace) -> dict[str, str]:
    workspace.update_settings(country="SN")
    return {
        "awa": add(
            workspace,
            Contact,
            first_name="Awa",
            last_name="Diop",
            company=EVIL,
            status="interested",
            phone="+221771234567",
            city="Thiès",
            country="SN",
            latitude=14.79,
            longitude=-16.93,
        ),
        "moussa": add(
            workspace,
            Contact,
            first_name="Moussa",
            last_name="Sarr",
            status="client",
            city="Dakar",
            country="SN",
        ),  # no coordinates: at Dakar's centre (approximate)
        "nowhere": add(workspace, Contact, first_name="Sans", last_name="Lieu", status="new"),
        "evil": add(
            workspace,
            Prospect,
            business_name=EVIL,
            city="Thiès",
            country="SN",
            latitude=14.8,
            longitude=-16.9,
        ),
        "arabic": add(
            workspace,
            Prospect,
            business_name=ARABIC,
            city="thies",
            country="SN",
            latitude=14.81,
            longitude=-16.91,
        ),
        "elsewhere": add(
            workspace,
            Prospect,
            business_name="Boutique Élégance",
            city="Dakar",
            country="SN",
            latitude=14.7,
            longitude=-17.4,
        ),
    }


def data_of(page: str) -> dict[str, Any]:
    """The records literal the page hands to share.js."""
    match = re.search(r"LocalProShare\.draw\([\w]+, (\{.*\})\);", page)
    assert match, "no records in the page"
    data: dict[str, Any] = json.loads(match.group(1))  # \u003c escapes read back as "<"
    return data


def external_links(page: str) -> list[str]:
    """src/href of scripts, styles and links that leave the file (tiles are not among them)."""
    return re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*[\"']?[^\"'>]*", page)


def test_one_file_with_everything_inline(
    workspace: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    segment = SegmentService(workspace).create_static(
        "Tournée", [people["awa"], people["moussa"], people["nowhere"]]
    )
    out = tmp_path / "out"
    out.mkdir()
    result = export_map_html(workspace, MapSelection(segment=segment.name), out / "visits.html")

    assert sorted(p.name for p in out.iterdir()) == ["visits.html"]  # one file, no temp left
    page = (out / "visits.html").read_text(encoding="utf-8")
    assert result.size == len(page.encode("utf-8"))
    assert (result.points, result.contacts, result.prospects) == (2, 2, 0)
    assert result.without_location == 1  # "Sans Lieu": no coordinates, no city
    assert external_links(page) == []
    assert "<link" not in page and not re.search(r"<script[^>]*\bsrc=", page)
    for cdn in ("cdn.jsdelivr", "code.jquery", "cdnjs", "bootstrapcdn", "unpkg"):
        assert cdn not in page
    # The only network addresses: the tile template and the OSM credit (and Leaflet's own
    # comments and SVG namespace inside its source).
    urls = set(re.findall(r"https?://[^\s\"'<>)\\]+", page))
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in urls
    assert any("openstreetmap.org/copyright" in u for u in urls)
    assert "L.markerClusterGroup" in page and "LocalProPopup" in page  # inlined, not linked
    assert "url(images/" not in page  # Leaflet's CSS images are data: URLs

    data = data_of(page)
    rows = data["layers"]["contacts"]["points"]
    awa = next(r for r in rows if r[4] == "Awa Diop")
    assert awa[5] == EVIL  # the company, as text
    assert awa[9:11] == ["Interested", STATUS_COLORS[PipelineStatus.INTERESTED]]
    assert awa[8] == "77 123 45 67"  # a Senegalese number as people there dial it
    moussa = next(r for r in rows if r[4] == "Moussa Sarr")
    assert moussa[2] == 1 and moussa[11]  # at Dakar's centre, said approximate
    assert "Tournée" in data["title"]
    assert any("connection" in note for note in data["notes"])


def test_names_cannot_close_the_script(workspace: Workspace, people: dict[str, str]) -> None:
    page, _ = render_map_html(workspace, MapSelection(prospect_ids=(people["evil"],)))
    assert EVIL not in page
    assert page.count("</script>") == page.count("<script>")  # no extra closing tag
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert data_of(page)["layers"]["prospects"]["points"][0][4] == EVIL


def test_city_is_matched_without_case_or_accents(
    workspace: Workspace, people: dict[str, str]
) -> None:
    page, result = render_map_html(workspace, MapSelection(city="THIES"))
    assert (result.contacts, result.prospects) == (0, 2)
    names = {r[4] for r in data_of(page)["layers"]["prospects"]["points"]}
    assert names == {EVIL, ARABIC}
    row = data_of(page)["layers"]["prospects"]["points"][0]
    assert row[9:11] == ["Prospect", PROSPECT_COLOR]


def test_words_follow_the_workspace_language(workspace: Workspace, people: dict[str, str]) -> None:
    workspace.update_settings(language="fr")
    selection = MapSelection(contact_ids=(people["awa"],), prospect_ids=(people["arabic"],))
    page, _ = render_map_html(workspace, selection)
    data = data_of(page)
    assert data["labels"]["phone"] == "Téléphone :"
    assert "Intéressé" in {item["label"] for item in data["legend"]}
    assert ARABIC in page  # UTF-8, not escaped away
    assert '<meta http-equiv="content-type" content="text/html; charset=UTF-8" />' in page
    english, _ = render_map_html(workspace, selection, language="en")
    assert data_of(english)["labels"]["phone"] == "Phone:"


def test_the_map_tabs_view_and_ids_add_up_once(
    workspace: Workspace, people: dict[str, str]
) -> None:
    selection = MapSelection(
        contact_ids=(people["awa"],),
        views=(("contacts", ContactLayerFilter()), ("prospects", None)),
    )
    _, result = render_map_html(workspace, selection)
    assert (result.contacts, result.prospects) == (2, 3)  # Awa once; "Sans Lieu" left out
    assert result.without_location == 1


def test_refusals(workspace: Workspace, people: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Nothing to put on the map"):
        export_map_html(workspace, MapSelection(), tmp_path / "x.html")
    with pytest.raises(UserError, match="does not exist"):
        export_map_html(workspace, MapSelection(city="Thiès"), tmp_path / "no" / "x.html")
    with pytest.raises(UserError):
        export_map_html(workspace, MapSelection(segment="no such segment"), tmp_path / "x.html")


def test_a_thousand_prospects(workspace: Workspace, tmp_path: Path) -> None:
    with workspace.write() as session:
        for i in range(1000):
            session.add(
                Prospect(
                    business_name=f"Boutique {i} Élégance",
                    sector="retail",
                    city="Dakar",
                    country="SN",
                    phone=f"+22177{i:07d}",
                    latitude=14.6 + (i % 50) / 200,
                    longitude=-17.5 + (i // 50) / 200,
                )
            )
    started = time.perf_counter()
    result = export_map_html(workspace, MapSelection(city="dakar"), tmp_path / "dakar.html")
    spent = time.perf_counter() - started
    print(f"1,000 prospects: {result.size:,} bytes in {spent:.2f} s")
    assert result.points == 1000
    assert result.size < 600_000
    assert spent < 5
