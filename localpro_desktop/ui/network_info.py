"""The operating system's reachability (``QNetworkInformation``), loaded once, or None.

Three parts of the window follow the connection (the status bar, the sync schedule, the
outbox worker) and each used to load the backend itself. Under Wine,
``QNetworkInformation.loadDefaultBackend()`` never returns (its Network List Manager is a
stub), which froze the window at start: without the backend the schedules still retry on
their timers, so under Wine, or with ``LOCALPRO_NETWORK_INFORMATION=off``, it is not loaded.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtNetwork import QNetworkInformation

ENV = "LOCALPRO_NETWORK_INFORMATION"
_loaded: bool | None = None


def _under_wine() -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        ntdll = ctypes.WinDLL("ntdll")
    except OSError:
        return False
    return hasattr(ntdll, "wine_get_version")


def network_information() -> QNetworkInformation | None:
    """The shared instance, None when there is no backend or it is turned off."""
    global _loaded
    if _loaded is None:
        wanted = os.environ.get(ENV, "").strip().lower() not in ("off", "0", "no", "false")
        _loaded = wanted and not _under_wine() and QNetworkInformation.loadDefaultBackend()
    return QNetworkInformation.instance() if _loaded else None
