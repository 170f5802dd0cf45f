"""Where the shipped resources (translations, map assets, icons) are on disk.

In a source checkout they sit in ``resources/`` beside the package; in a PyInstaller bundle
they are unpacked under ``sys._MEIPASS``.
"""

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
