"""The French translation is complete and the shipped .qm matches the .ts."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

import translations  # noqa: E402


def test_every_ui_string_has_a_french_translation(tmp_path: Path) -> None:
    """Extract afresh from the code (merging the committed translations) and look for gaps."""
    fresh = tmp_path / "localpro_fr.ts"
    fresh.write_bytes(translations.TS.read_bytes())
    translations.update(fresh)
    missing = translations.untranslated(fresh)
    assert not missing, "untranslated (run build_scripts/translations.py update/fill/release): " + (
        "; ".join(f"{c}: {t}" for c, t in missing[:20])
    )


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    qm = tmp_path / "fr.qm"
    subprocess.run(
        [translations._tool("pyside6-lrelease"), str(translations.TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == translations.QM.read_bytes(), "run translations.py release"
