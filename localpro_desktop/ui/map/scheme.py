"""The ``localpro:`` URL scheme: the map page, its assets, its data and its tiles.

Why a custom scheme instead of ``setHtml`` or ``file:``: ``setHtml`` stops at 2 MB and gives
the page an opaque origin, and ``file:`` pages may read any file on the disk. A scheme
handler serves exactly three things and nothing else:

* ``localpro:/map/<file>`` — the page and the vendored Leaflet files from ``resources/map``
  (``qwebchannel.js`` is read from QtWebEngine's own resources, so the scheme never needs the
  LocalAccessAllowed flag that would let the page read ``file:`` and ``qrc:`` URLs);
* ``localpro:/data/<path>`` — JSON built on demand by the map tab (points, popup details);
* ``localpro:/tiles/{z}/{x}/{y}.png`` — tiles from the on-disk cache, fetched when missing;
* everything else — "not found".

Qt wants custom schemes registered before the browser engine starts. ``register_schemes()``
must be called before the first QtWebEngine object exists; calling it before
``QApplication`` is created is the documented safe place (``ui/app.py`` ``ensure_app()``).
It also works later as long as no web view, page or profile has been made yet, which is why
the map tab calls it too (a no-op when already registered).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QFile,
    QIODevice,
    QObject,
    Qt,
    QUrlQuery,
    Signal,
    Slot,
)
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from localpro_desktop.resources import resource

if TYPE_CHECKING:  # keeps register_schemes() cheap to import before the app starts
    from localpro_desktop.ui.map.tiles import TileStore

log = logging.getLogger(__name__)

SCHEME = "localpro"
SCHEME_BYTES = SCHEME.encode("ascii")
PAGE_URL = f"{SCHEME}:/map/index.html"
QWEBCHANNEL_QRC = ":/qtwebchannel/qwebchannel.js"

_TILE_PATH = re.compile(r"^/tiles/(\d{1,2})/(\d{1,7})/(\d{1,7})\.png$")
_CONTENT_TYPES = {
    ".html": "text/html;charset=utf-8",
    ".js": "text/javascript;charset=utf-8",
    ".css": "text/css;charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
}

Responder = Callable[[bytes | None, str], None]
"""Answer a pending request: (body or None for "not found", content type)."""
DataProvider = Callable[[str, dict[str, str], Responder], None]
"""Gets the path under ``/data/`` and the query, answers later through the responder."""


def register_schemes() -> bool:
    """Register ``localpro:`` with QtWebEngine; returns False if it was already registered.

    Flags: SecureScheme (a secure context, like https), CorsEnabled and FetchApiAllowed (the
    page ``fetch()``es its JSON). Deliberately *not* LocalAccessAllowed or LocalScheme.
    """
    if QCoreApplication.instance() is None:
        # QtWebEngine shares OpenGL contexts with the widgets; Qt needs to know before the
        # application object exists (it warns and may misrender otherwise).
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    if QWebEngineUrlScheme.schemeByName(SCHEME_BYTES).name() == QByteArray(SCHEME_BYTES):
        return False
    scheme = QWebEngineUrlScheme(SCHEME_BYTES)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    flag = QWebEngineUrlScheme.Flag
    scheme.setFlags(flag.SecureScheme | flag.CorsEnabled | flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    return True


def is_registered() -> bool:
    return QWebEngineUrlScheme.schemeByName(SCHEME_BYTES).name() == QByteArray(SCHEME_BYTES)


def _read_qrc(name: str) -> bytes | None:
    file = QFile(name)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    try:
        return bytes(file.readAll().data())
    finally:
        file.close()


class _Relay(QObject):
    """Carries answers from worker threads back to the handler's (UI) thread."""

    sig_answer = Signal(int, bool, object, str)
    """Request token, found, body (always bytes), content type.

    Never None through an ``object`` signal: queued across threads, PySide 6 on Python 3.11
    drops a reference to None it never took, and enough tile misses crash the process.
    """


class LocalProSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves ``localpro:`` requests; slow answers (data, tiles) are replied asynchronously.

    A job is owned by the engine and deleted when the page cancels it (a tile scrolled out
    of view), so pending jobs are tracked by token and forgotten on ``destroyed``: an answer
    that arrives late is dropped instead of touching a deleted object.
    """

    def __init__(
        self,
        tiles: TileStore,
        data: DataProvider,
        parent: QObject | None = None,
        *,
        root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.tiles = tiles
        self._data = data
        self._root = (root or resource("map")).resolve()
        self._static: dict[str, tuple[bytes, str]] = {}
        self._pending: dict[int, QWebEngineUrlRequestJob] = {}
        self._tokens = itertools.count(1)
        self._relay = _Relay(self)
        self._relay.sig_answer.connect(self._answer, Qt.ConnectionType.QueuedConnection)

    # -- dispatch ---------------------------------------------------------------------

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        if bytes(job.requestMethod().data()) != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        path = url.path()
        if path.startswith("/map/"):
            self._serve_static(job, path[len("/map/") :])
        elif path.startswith("/data/"):
            query = {k: v for k, v in QUrlQuery(url).queryItems()}
            token = self._park(job)
            self._data(path[len("/data/") :], query, self._responder(token))
        elif (match := _TILE_PATH.match(path)) is not None:
            z, x, y = (int(group) for group in match.groups())
            token = self._park(job)
            self.tiles.request(
                z,
                x,
                y,
                self._responder(token),
                wanted=partial(self._pending.__contains__, token),
            )
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    def _serve_static(self, job: QWebEngineUrlRequestJob, relative: str) -> None:
        found = self._static.get(relative)
        if found is None:
            found = self._load_static(relative)
            if found is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            self._static[relative] = found
        self._reply(job, *found)

    def _load_static(self, relative: str) -> tuple[bytes, str] | None:
        if relative == "qwebchannel.js":
            body = _read_qrc(QWEBCHANNEL_QRC)
            return (body, _CONTENT_TYPES[".js"]) if body is not None else None
        target = (self._root / relative).resolve()
        # No ".." or symlink escapes: only files inside resources/map are served.
        if not target.is_relative_to(self._root) or not target.is_file():
            return None
        content_type = _CONTENT_TYPES.get(target.suffix.lower())
        if content_type is None:
            return None  # only what a page loads: no README, no licence texts
        return target.read_bytes(), content_type

    # -- asynchronous answers ---------------------------------------------------------

    def _park(self, job: QWebEngineUrlRequestJob) -> int:
        token = next(self._tokens)
        self._pending[token] = job
        job.destroyed.connect(lambda *_args, token=token: self._pending.pop(token, None))
        return token

    def _responder(self, token: int) -> Responder:
        relay = self._relay

        def respond(body: bytes | None, content_type: str) -> None:
            # RuntimeError: the handler is gone (tab closed) and nobody is waiting.
            with contextlib.suppress(RuntimeError):
                relay.sig_answer.emit(token, body is not None, body or b"", content_type)

        return respond

    @Slot(int, bool, object, str)
    def _answer(self, token: int, found: bool, body: object, content_type: str) -> None:
        job = self._pending.pop(token, None)
        if job is None:
            return
        if found and isinstance(body, bytes | bytearray):
            self._reply(job, bytes(body), content_type or "application/octet-stream")
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, body: bytes, content_type: str) -> None:
        buffer = QBuffer(job)  # lives as long as the job, which reads it
        buffer.setData(QByteArray(body))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(content_type.encode("ascii"), buffer)

    @property
    def pending(self) -> int:
        return len(self._pending)
