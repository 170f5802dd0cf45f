"""Measure the sync client's CPU cost on a big workspace, through a real local server.

    .venv/bin/python tests/sync/bench_sync.py [--contacts 20000] [--pg URL]

Prints, for N contacts: freezing the ops (``prepare_ops``), the whole first push, the whole
first pull of a second device (wall time, and the CPU of the client thread alone: the
server runs in another thread of this process), and ``apply_pull`` alone on pages already
in memory (the client's CPU, with the network taken out). Not a test (no ``test_`` prefix): numbers
depend on the machine, so they are reported, not asserted.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

import httpx
import keyring
from keyrings.alt.file import PlaintextKeyring

sys.path.insert(0, str(Path(__file__).parent))

from synckit import PASSWORD, SECRET, ServerClock, add_bulk_contacts, open_workspace, running

from localpro_cloud.app import create_app
from localpro_desktop.domain.ids import new_id
from localpro_desktop.sync import engine
from localpro_desktop.sync.client import SyncClient
from localpro_protocol.wire import PullResponse, RegisterRequest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--pg", help="PostgreSQL URL for the server (default: SQLite)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="lp-bench-"))
    backend = PlaintextKeyring()
    backend.file_path = str(root / "keyring.cfg")
    keyring.set_keyring(backend)
    database_url = args.pg or f"sqlite:///{(root / 'cloud.sqlite').as_posix()}"
    app = create_app(database_url, secret=SECRET, clock=ServerClock())
    with running(app) as url:
        a = open_workspace(root / "a")
        t = time.perf_counter()
        add_bulk_contacts(a, args.contacts)
        print(f"insert {args.contacts} contacts: {time.perf_counter() - t:.2f}s")
        email = f"bench-{new_id()[:8]}@example.sn"
        with SyncClient(a, url) as client:
            client.register(RegisterRequest(email=email, password=PASSWORD))
            t = time.perf_counter()
            ops = engine.prepare_ops(a, max_ops=500)
            print(f"prepare_ops (first 500 rows): {time.perf_counter() - t:.3f}s")
            t = time.perf_counter()
            report = client.sync_once()
            print(
                f"first push+pull, device A: {time.perf_counter() - t:.2f}s "
                f"({report.pushed} ops in {report.batches} batches, {report.pages} pages)"
            )
        del ops
        b = open_workspace(root / "b")
        with SyncClient(b, url) as client:
            client.login(email, PASSWORD)
            t, cpu = time.perf_counter(), time.thread_time()
            report = client.sync_once()
            print(
                f"first sync, device B: {time.perf_counter() - t:.2f}s, of which client CPU "
                f"{time.thread_time() - cpu:.2f}s ({report.pulled_rows} rows in "
                f"{report.pages} pages; the server runs in another thread)"
            )
            # The same pages again, fetched first, to time apply_pull without the network.
            token = client._token()
            pages: list[PullResponse] = []
            cursor = 0
            with httpx.Client(base_url=url, timeout=60) as http:
                while True:
                    response = http.get(
                        "/v1/sync/pull",
                        params={"cursor": cursor, "max_bytes": 256 * 1024},
                        headers={"Authorization": f"Bearer {token}"},
                    )
                    page = PullResponse.model_validate_json(response.content)
                    pages.append(page)
                    cursor = page.next_cursor
                    if not page.has_more:
                        break
        c = open_workspace(root / "c")
        t = time.perf_counter()
        rows = 0
        for page in pages:
            rows += engine.apply_pull(c, page).rows
        print(
            f"apply_pull alone: {time.perf_counter() - t:.2f}s for {rows} rows "
            f"in {len(pages)} pages"
        )
        for ws in (a, b, c):
            ws.close()


if __name__ == "__main__":
    main()
