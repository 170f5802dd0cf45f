"""Map tiles: an on-disk cache of the tiles the user has viewed, refilled when online.

Why a cache of our own rather than the browser's: QtWebEngine's HTTP cache is opaque,
size-limited and gone with an off-the-record profile, and our users are offline for days.
Tiles live in an MBTiles-style SQLite file (``tiles`` table with ``zoom_level``,
``tile_column``, ``tile_row`` in TMS order, plus a ``metadata`` table) in the workspace cache
folder, one row per tile *per source* so changing the tile server never shows the old
server's tiles under the new one's name.

OpenStreetMap's tile usage policy shapes the fetching: a named User-Agent, at most two
connections, only tiles the map actually asks for (never an area pre-download), and the
server's Cache-Control / Expires honoured: a fresh tile is served from disk without asking,
a stale one is served at once *and* revalidated in the background (conditional GET), so an
offline laptop always shows what it has. After a network error the fetcher backs off for a
minute instead of retrying every tile.

Nothing here imports Qt: the scheme handler (``scheme.py``) calls :meth:`TileStore.request`
and gets the answer through a callback on a worker thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from localpro_desktop import __version__

log = logging.getLogger(__name__)

DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors"
USER_AGENT = f"LocalPro/{__version__} (+contact)"
DEFAULT_LIFETIME = 7 * 24 * 3600.0
"""OSM's policy: without an expiry from the server, keep a tile at least 7 days."""
OFFLINE_BACKOFF = 60.0
MAX_ZOOM = 19
MAX_CACHE_BYTES = 512 * 1024 * 1024
FETCH_THREADS = 2


class TileUrlError(ValueError):
    """A tile URL template the fetcher cannot use (the message is for the user)."""


def validate_template(template: str) -> str:
    """Accept ``http(s)://…{z}…{x}…{y}…`` (``{s}`` and ``{r}`` allowed); return it stripped."""
    text = template.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise TileUrlError("The tile address must start with http:// or https://.")
    missing = [key for key in ("{z}", "{x}", "{y}") if key not in text]
    if missing:
        raise TileUrlError("The tile address must contain {z}, {x} and {y}.")
    return text


def source_key(template: str) -> str:
    """A short stable name for a tile source: cache rows and page URLs carry it."""
    return hashlib.sha1(template.encode("utf-8")).hexdigest()[:12]


def tile_url(template: str, z: int, x: int, y: int) -> str:
    subdomain = "abc"[(x + y) % 3]
    return (
        template.replace("{z}", str(z))
        .replace("{x}", str(x))
        .replace("{y}", str(y))
        .replace("{s}", subdomain)
        .replace("{r}", "")
    )


def freshness_lifetime(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds the response stays fresh, from Cache-Control then Expires; None = no-store.

    ``no-cache`` means "revalidate before reuse": stored, but stale at once, so it is still
    there when the laptop goes offline.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    directives: dict[str, str] = {}
    for part in lowered.get("cache-control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value.strip().strip('"')
    if "no-store" in directives:
        return None
    if "no-cache" in directives:
        return 0.0
    for name in ("s-maxage", "max-age"):
        if name in directives:
            with contextlib.suppress(ValueError):
                return max(float(directives[name]) - _age(lowered), 0.0)
    expires = lowered.get("expires")
    if expires:
        try:
            expiry = parsedate_to_datetime(expires).timestamp()
        except (TypeError, ValueError, IndexError):
            return 0.0  # an invalid Expires means "already expired" (RFC 9111)
        date = lowered.get("date")
        base = now
        if date:
            with contextlib.suppress(TypeError, ValueError, IndexError):
                base = parsedate_to_datetime(date).timestamp()
        return max(expiry - base, 0.0)
    return DEFAULT_LIFETIME


def _age(headers: Mapping[str, str]) -> float:
    try:
        return float(headers.get("age", "0"))
    except ValueError:
        return 0.0


@dataclass(frozen=True)
class CachedTile:
    data: bytes
    content_type: str
    expires_at: float
    etag: str | None
    last_modified: str | None

    def fresh(self, now: float) -> bool:
        return now < self.expires_at


class TileCache:
    """The SQLite tile file; one connection shared by the fetch threads under a lock."""

    def __init__(self, path: Path, *, max_bytes: int = MAX_CACHE_BYTES) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(
                """
                CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE IF NOT EXISTS tiles (
                    source TEXT NOT NULL,
                    zoom_level INTEGER NOT NULL,
                    tile_column INTEGER NOT NULL,
                    tile_row INTEGER NOT NULL,
                    tile_data BLOB NOT NULL,
                    content_type TEXT NOT NULL,
                    fetched_at REAL NOT NULL,
                    expires_at REAL NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    PRIMARY KEY (source, zoom_level, tile_column, tile_row)
                ) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS ix_tiles_fetched ON tiles (fetched_at);
                INSERT OR IGNORE INTO metadata VALUES ('name', 'LocalPro tile cache');
                INSERT OR IGNORE INTO metadata VALUES ('scheme', 'tms');
                """
            )

    @staticmethod
    def _row(z: int, y: int) -> int:
        return (1 << z) - 1 - y  # MBTiles rows count from the south (TMS)

    def get(self, source: str, z: int, x: int, y: int) -> CachedTile | None:
        with self._lock:
            row = self._db.execute(
                "SELECT tile_data, content_type, expires_at, etag, last_modified FROM tiles "
                "WHERE source=? AND zoom_level=? AND tile_column=? AND tile_row=?",
                (source, z, x, self._row(z, y)),
            ).fetchone()
        return CachedTile(bytes(row[0]), row[1], row[2], row[3], row[4]) if row else None

    def put(self, source: str, z: int, x: int, y: int, tile: CachedTile) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO tiles VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    source,
                    z,
                    x,
                    self._row(z, y),
                    tile.data,
                    tile.content_type,
                    time.time(),
                    tile.expires_at,
                    tile.etag,
                    tile.last_modified,
                ),
            )

    def refresh(self, source: str, z: int, x: int, y: int, expires_at: float) -> None:
        """A 304 Not Modified: the tile we have is good for another lifetime."""
        with self._lock:
            self._db.execute(
                "UPDATE tiles SET expires_at=?, fetched_at=? WHERE source=? AND zoom_level=? "
                "AND tile_column=? AND tile_row=?",
                (expires_at, time.time(), source, z, x, self._row(z, y)),
            )

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM tiles").fetchone()[0])

    def prune(self) -> int:
        """Drop the longest-unrefreshed tiles once the file passes ``max_bytes``."""
        with self._lock:
            total = self._db.execute("SELECT total(length(tile_data)) FROM tiles").fetchone()[0]
            if total <= self.max_bytes:
                return 0
            target = self.max_bytes * 0.8
            doomed: list[tuple[str, int, int, int]] = []
            for source, z, col, row, size in self._db.execute(
                "SELECT source, zoom_level, tile_column, tile_row, length(tile_data) "
                "FROM tiles ORDER BY fetched_at"
            ):
                if total <= target:
                    break
                doomed.append((source, z, col, row))
                total -= size
            self._db.executemany(
                "DELETE FROM tiles WHERE source=? AND zoom_level=? AND tile_column=? "
                "AND tile_row=?",
                doomed,
            )
        return len(doomed)

    def close(self) -> None:
        with self._lock:
            self._db.close()


TileCallback = Callable[[bytes | None, str], None]
"""Receives (tile bytes or None when there is none to show, content type)."""


class TileStore:
    """Answers tile requests from the cache, fetching missing or stale tiles when online."""

    def __init__(
        self,
        cache_path: Path,
        template: str = DEFAULT_TILE_URL,
        *,
        client: httpx.Client | None = None,
        threads: int = FETCH_THREADS,
    ) -> None:
        self.cache = TileCache(cache_path)
        self._template = validate_template(template)
        self._client = client or httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(10.0, connect=5.0),
            limits=httpx.Limits(max_connections=threads, max_keepalive_connections=threads),
            follow_redirects=True,
        )
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="map-tiles")
        self._offline_until = 0.0
        self._revalidating: set[tuple[str, int, int, int]] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.fetched = 0
        """Tiles downloaded by this store (tests and the status line read it)."""
        self._pool.submit(self._prune_quietly)

    # -- configuration ----------------------------------------------------------------

    @property
    def template(self) -> str:
        return self._template

    @property
    def source(self) -> str:
        return source_key(self._template)

    def set_template(self, template: str) -> None:
        self._template = validate_template(template)
        self._offline_until = 0.0  # a new server deserves a fresh try

    @property
    def offline(self) -> bool:
        return time.monotonic() < self._offline_until

    # -- requests ---------------------------------------------------------------------

    def request(
        self, z: int, x: int, y: int, done: TileCallback, *, wanted: Callable[[], bool]
    ) -> Future[None] | None:
        """Look the tile up on a worker thread; ``done`` is called there, exactly once.

        ``wanted()`` is checked before any network use: the map cancels requests for tiles
        scrolled away, and fetching those would break the "only what is viewed" rule.
        """
        if self._closed or not (0 <= z <= MAX_ZOOM and 0 <= x < (1 << z) and 0 <= y < (1 << z)):
            done(None, "")
            return None
        template = self._template
        return self._pool.submit(self._serve, template, z, x, y, done, wanted)

    def _serve(
        self,
        template: str,
        z: int,
        x: int,
        y: int,
        done: TileCallback,
        wanted: Callable[[], bool],
    ) -> None:
        source = source_key(template)
        try:
            cached = self.cache.get(source, z, x, y)
        except sqlite3.Error:
            log.exception("tile cache read failed")
            cached = None
        now = time.time()
        if cached is not None:
            done(cached.data, cached.content_type)
            if not cached.fresh(now) and not self.offline:
                self._revalidate_later(template, z, x, y, cached)
            return
        if self.offline or self._closed or not wanted():
            done(None, "")
            return
        try:
            tile = self._fetch(template, z, x, y, None)
        except Exception:  # a bug must not leave the page waiting on this tile forever
            log.exception("tile fetch failed")
            tile = None
        if tile is None:
            done(None, "")
        else:
            done(tile.data, tile.content_type)

    def _revalidate_later(self, template: str, z: int, x: int, y: int, cached: CachedTile) -> None:
        key = (source_key(template), z, x, y)
        with self._lock:
            if key in self._revalidating or self._closed:
                return
            self._revalidating.add(key)

        def run() -> None:
            try:
                self._fetch(template, z, x, y, cached)
            except Exception:
                log.exception("tile revalidation failed")
            finally:
                with self._lock:
                    self._revalidating.discard(key)

        with contextlib.suppress(RuntimeError):  # the pool is shutting down
            self._pool.submit(run)

    def _fetch(
        self, template: str, z: int, x: int, y: int, cached: CachedTile | None
    ) -> CachedTile | None:
        url = tile_url(template, z, x, y)
        headers: dict[str, str] = {}
        if cached is not None and cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached is not None and cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
        try:
            response = self._client.get(url, headers=headers)
        except httpx.TransportError as exc:
            log.info("tile server unreachable (%s); offline for %.0f s", exc, OFFLINE_BACKOFF)
            self._offline_until = time.monotonic() + OFFLINE_BACKOFF
            return None
        except RuntimeError:  # client closed while shutting down
            return None
        now = time.time()
        lifetime = freshness_lifetime(response.headers, now)
        source = source_key(template)
        if response.status_code == 304 and cached is not None:
            self.cache.refresh(source, z, x, y, now + (lifetime or 0.0))
            return cached
        content_type = response.headers.get("content-type", "").split(";")[0].strip()
        if response.status_code != 200 or not content_type.startswith("image/"):
            log.info("tile %s: HTTP %s %s", url, response.status_code, content_type)
            return None
        tile = CachedTile(
            response.content,
            content_type,
            now + (lifetime or 0.0),
            response.headers.get("etag"),
            response.headers.get("last-modified"),
        )
        self.fetched += 1
        if lifetime is not None:
            try:
                self.cache.put(source, z, x, y, tile)
            except sqlite3.Error:
                log.exception("tile cache write failed")
        return tile

    def _prune_quietly(self) -> None:
        try:
            removed = self.cache.prune()
        except sqlite3.Error:
            log.exception("tile cache prune failed")
            return
        if removed:
            log.info("tile cache: removed %d old tiles", removed)

    def close(self) -> None:
        """Stop fetching: queued requests are dropped, running ones finish (≤ timeout)."""
        if self._closed:
            return
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

        def finish() -> None:
            self._pool.shutdown(wait=True)
            self._client.close()
            self.cache.close()

        threading.Thread(target=finish, name="map-tiles-close", daemon=True).start()
