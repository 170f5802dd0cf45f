"""phonenumbers loads its region tables by name, so every submodule is a hidden import
(as in pyinstaller-hooks-contrib's hook, which this one replaces), except the tables the
app never reads (``bundle_layout.PHONENUMBERS_UNUSED``)."""

import sys
from pathlib import Path

from PyInstaller.utils.hooks import collect_submodules

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bundle_layout import PHONENUMBERS_UNUSED


def _wanted(name: str) -> bool:
    return not any(name == gone or name.startswith(gone + ".") for gone in PHONENUMBERS_UNUSED)


hiddenimports = collect_submodules("phonenumbers", filter=_wanted)
