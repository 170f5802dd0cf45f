"""``localpro export map``, and every earlier ``export`` form still working beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-map") / "ws"
    assert main(["--data-dir", str(root), "demo", "--size", "300", "--seed", "5"]) == 0
    return root


def segments(capsys: pytest.CaptureFixture[str], home: Path) -> list[dict[str, object]]:
    capsys.readouterr()
    code, out, _ = run(capsys, home, "--json", "segments", "list")
    assert code == 0
    data = json.loads(out)
    return data if isinstance(data, list) else data["segments"]


def test_export_map_of_a_segment(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    segment = next(s for s in segments(capsys, home) if int(str(s["members"])) > 0)
    target = tmp_path / "visits.html"
    code, out, err = run(
        capsys,
        home,
        "--json",
        "export",
        "map",
        "--segment",
        str(segment["name"]),
        "--output",
        str(target),
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["file"] == str(target) and data["bytes"] == target.stat().st_size
    assert data["contacts"] + data["without_location"] == segment["members"]
    assert data["prospects"] == 0
    page = target.read_text(encoding="utf-8")
    assert "<script src" not in page and "<link" not in page
    assert "LocalProShare.draw(" in page

    code, out, _ = run(
        capsys, home, "export", "map", "--segment", str(segment["name"]), "--output", str(target)
    )
    assert code == 0 and "opens offline" in out


def test_export_map_by_city_and_ids_file(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, home, "--json", "prospects", "search", "--limit", "5")
    assert code == 0, err
    listed = json.loads(out)
    rows = listed["prospects"]
    ids = [str(r["id"]) for r in rows][:3]
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("# chosen this morning\n" + "\n".join(ids) + "\n\n", encoding="utf-8")
    target = tmp_path / "ids.html"
    code, out, err = run(
        capsys,
        home,
        "--json",
        "export",
        "map",
        "--ids-file",
        str(ids_file),
        "--output",
        str(target),
        "--language",
        "fr",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["prospects"] + data["without_location"] == 3
    assert "Téléphone :" in target.read_text(encoding="utf-8")

    city = str(next(r["city"] for r in rows if r.get("city")))
    code, out, err = run(
        capsys,
        home,
        "--json",
        "export",
        "map",
        "--city",
        city.upper(),
        "--output",
        str(tmp_path / "c.html"),
    )
    assert code == 0, err
    assert json.loads(out)["prospects"] > 0


def test_earlier_export_forms_still_work(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    for kind, fmt in (("prospects", "csv"), ("contacts", "xlsx"), ("prospects", "geojson")):
        target = tmp_path / f"{kind}.{fmt}"
        code, _, err = run(capsys, home, "export", kind, "--format", fmt, "--output", str(target))
        assert code == 0, err
        assert target.stat().st_size > 0
    segment = segments(capsys, home)[0]
    code, _, err = run(
        capsys, home, "export", "contacts", "--format", "csv", "--semicolon",
        "--segment", str(segment["name"]), "--output", str(tmp_path / "s.csv"),
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(
        capsys, home, "export", "prospects", "--format", "csv", "--segment", str(segment["name"]),
        "--output", str(tmp_path / "p.csv"),
    )  # fmt: skip
    assert code == 1 and "Segments group contacts" in err


@pytest.mark.parametrize(
    "args",
    [
        ["export", "prospects", "--output", "x.csv"],  # --format still required here
        ["export", "map", "--format", "csv", "--segment", "VIP", "--output", "x.html"],
        ["export", "contacts", "--format", "csv", "--city", "Dakar", "--output", "x.csv"],
        ["export", "map", "--segment", "VIP"],  # --output required
    ],
)
def test_wrong_combinations_are_usage_errors(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path, args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", str(home), *args])
    assert exit_info.value.code == 2
    assert not (tmp_path / "x.csv").exists()


def test_nothing_chosen(capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, home, "export", "map", "--output", str(tmp_path / "x.html"))
    assert code == 1 and "Nothing to put on the map" in err
