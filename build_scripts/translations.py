"""Keep the French translation in step with the code.

    python build_scripts/translations.py update    # extract strings into localpro_fr.ts
    python build_scripts/translations.py fill F.json  # apply {english: french} pairs
    python build_scripts/translations.py release   # compile localpro_fr.qm
    python build_scripts/translations.py check     # list strings without a translation

Strings come from ``self.tr(...)`` / ``QCoreApplication.translate(...)`` in localpro_desktop/ui.
"""

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "localpro_desktop" / "ui"
TS = ROOT / "resources" / "translations" / "localpro_fr.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: pip install PySide6 in this environment.")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def update(ts: Path = TS) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            "fr",
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )


def release() -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True
    )


def untranslated(ts: Path = TS) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = message.findtext("source", "")
            if (
                translation is None
                or not (translation.text or "").strip()
                or (translation.get("type") in ("unfinished", "vanished", "obsolete"))
            ):
                missing.append((name, text))
    return missing


def fill(pairs_file: Path) -> int:
    """Apply translations from a JSON object {english: french} (or {context: {...}})."""
    pairs = json.loads(pairs_file.read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        scoped = pairs.get(name) if isinstance(pairs.get(name), dict) else {}
        for message in context.iter("message"):
            source = message.findtext("source", "")
            french = scoped.get(source) or (
                pairs.get(source) if isinstance(pairs.get(source), str) else None
            )
            translation = message.find("translation")
            if french and translation is not None:
                translation.text = french
                translation.attrib.pop("type", None)
                count += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "update":
        update()
    elif argv[0] == "release":
        release()
    elif argv[0] == "fill":
        print(f"{fill(Path(argv[1]))} strings translated")
    elif argv[0] == "check":
        missing = untranslated()
        for context, text in missing:
            print(f"{context}: {text}")
        print(f"{len(missing)} untranslated")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
