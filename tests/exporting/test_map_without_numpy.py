"""The installed app has no numpy (bundle_layout.py leaves it out), yet folium imports it:
"Share this map" must still write its page there. Run in a child process where importing
numpy fails, as in the bundle."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace


def test_a_map_is_shared_where_numpy_cannot_be_imported(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        ProspectService(ws).add(
            {
                "business_name": "Quincaillerie Ndiaye",
                "city": "Thiès",
                "latitude": 14.79,
                "longitude": -16.93,
            }
        )
    finally:
        ws.close()
    output = tmp_path / "visits.html"
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["numpy"] = None  # "import numpy" now fails, as in the bundle
        from localpro_desktop.cli.main import main
        code = main(["--data-dir", {str(root)!r}, "export", "map", "--city", "Thiès",
                     "--output", {str(output)!r}])
        assert sys.modules.get("pandas") is None  # nothing on the way needed it
        sys.exit(code)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    page = output.read_text(encoding="utf-8")
    assert "Quincaillerie Ndiaye" in page and "LocalProShare.draw(" in page
