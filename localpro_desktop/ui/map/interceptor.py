"""Every request the map page makes passes here: recorded, and blocked if it would leave.

The page has a bridge into the app and shows text scraped from the internet, so a request
to anywhere but our own scheme is either a bug (a CDN link slipped in) or an injection
attempt. Blocking them keeps the promise "the map works offline and leaks nothing"; recording
them lets tests fail on the first one.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

from localpro_desktop.ui.map.scheme import SCHEME

ALLOWED_SCHEMES = frozenset({SCHEME, "qrc", "data", "blob"})
"""``data:``/``blob:`` never leave the process; ``qrc:`` is Qt's own resources."""


class RequestRecorder(QWebEngineUrlRequestInterceptor):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()  # Qt may call interceptRequest off the UI thread
        self._seen: list[str] = []
        self._external: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        text = url.toString()
        with self._lock:
            self._seen.append(text)
            if url.scheme().lower() not in ALLOWED_SCHEMES:
                self._external.append(text)
                info.block(True)

    def requests(self) -> list[str]:
        with self._lock:
            return list(self._seen)

    def external(self) -> list[str]:
        with self._lock:
            return list(self._external)
