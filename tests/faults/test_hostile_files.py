"""CI subset of the hostile-files campaign (faults/hostile_files/): small files, same checks.

Ten seeded cases of ten kinds — a 30 MB CSV, a zip-bomb worksheet (small on disk, past its
bound once inflated), binary data, formula cells checked on export, an encoding, entity
expansion, a line without end, a quote never closed, nested quotes, a row of a million
cells — through ``localpro import`` in child processes. The full run (200 cases, files of
hundreds of MB and GBs inflated) is ``python -m faults.hostile_files``.
"""

from pathlib import Path

from faults.hostile_files import run


def test_hostile_files_subset(tmp_path: Path) -> None:
    result = run(10, 193, tmp_path)

    assert result.ok, "\n".join(result.failures)
    assert result.cases == 10
