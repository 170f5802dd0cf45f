"""Benchmark: 10,000 delivery reports posted to the cloud, then applied on a laptop.

The story: a shop owner sends 10,000 SMS through Africa's Talking and closes the laptop.
The provider posts one delivery report per message to the account's hook on the cloud;
the laptop opens later, syncs once, and every recipient reads "delivered".

Everything is real and local: the cloud service (SQLite in a temporary directory) runs in
its own process under uvicorn (``bench_sync.CloudProcess``); the laptop is a workspace with
10,000 contacts and a sent SMS campaign (queued with ``campaign_sending.send``, sent by the
dispatcher through an in-process adapter that accepts each message and returns its id),
signed in with ``SyncClient``, which pushes the recipients (the cloud indexes their
provider ids). The reports are Africa's Talking's documented delivery-report form
(https://developers.africastalking.com/docs/sms/notifications: ``id``, ``status``,
``phoneNumber``, ``networkCode``, ``retryCount``), posted from ``--threads`` client
threads over kept-alive connections.

Measured (targets from the issue): reports accepted per second (≥ 500) and their p99
latency (≤ 50 ms), against the same server answering ``GET /health`` from the same threads
(its bare HTTP cost); then the laptop's one sync (pull + apply) until every recipient is
delivered (≤ 5 s).

    .venv/bin/python bench/bench_hooks.py [--rows 10000] [--threads 8]
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import urllib3
from _common import Metric, Stopwatch, base_parser, machine_summary, print_metrics, write_json
from bench_dispatch import InstantSms, queue_campaign
from bench_queue import ReadyProvider, prepare
from bench_sync import CloudProcess, use_file_keyring
from sqlalchemy import func, select

from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services import channel_setup
from localpro_desktop.services.dispatch import Throttle, dispatch_until_idle
from localpro_desktop.services.inbound.apply import apply_pending
from localpro_desktop.store.models import CampaignRecipient
from localpro_desktop.sync.client import SyncClient
from localpro_protocol.wire import RegisterRequest

DEFAULT_ROWS = 10_000
TARGET_RATE = 500.0
TARGET_P99_MS = 50.0
TARGET_APPLY_SECONDS = 5.0
EMAIL = "owner@boutique-awa.sn"
PASSWORD = "bench password 2026"


def timed_requests(
    count: int, threads: int, one: Callable[[urllib3.PoolManager, int], int]
) -> tuple[float, list[float], int]:
    """Wall seconds, each request's latency (ms) and how many answered 200."""
    pool = urllib3.PoolManager(maxsize=threads, retries=False)
    latencies: list[float] = [0.0] * count
    ok = [0]
    lock = threading.Lock()

    def run(i: int) -> None:
        started = time.perf_counter()
        status = one(pool, i)
        latencies[i] = (time.perf_counter() - started) * 1000
        if status == 200:
            with lock:
                ok[0] += 1

    with Stopwatch() as sw, ThreadPoolExecutor(max_workers=threads) as workers:
        list(workers.map(run, range(count)))
    pool.clear()
    return sw.seconds, latencies, ok[0]


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def main(argv: Sequence[str] | None = None) -> list[Metric]:
    parser = base_parser(__doc__ or "", DEFAULT_ROWS)
    parser.add_argument("--threads", type=int, default=8, help="client threads posting")
    args = parser.parse_args(argv)
    n = args.rows
    print(machine_summary())
    load_start = os.getloadavg()[0]
    with (
        tempfile.TemporaryDirectory(prefix="localpro-bench-hooks-") as tmp,
        channel_setup.registered(ReadyProvider(Channel.SMS)),
    ):
        root = Path(tmp)
        use_file_keyring(root)
        ws, contacts = prepare(root, n, args.seed)
        try:
            queue_campaign(ws, contacts)
            dispatch_until_idle(
                ws,
                {ChannelKind.SMS: InstantSms()},
                throttles={ChannelKind.SMS: Throttle(1e9, burst=1e9)},
            )
            with ws.read() as session:
                sent = dict(
                    session.execute(
                        select(CampaignRecipient.provider_id, CampaignRecipient.id)
                    ).all()
                )
            message_ids = sorted(sent)
            with CloudProcess(f"sqlite:///{(root / 'cloud.sqlite').as_posix()}", root) as cloud:
                client = SyncClient(ws, cloud.url)
                client.register(
                    RegisterRequest(email=EMAIL, password=PASSWORD, name="Awa", country="SN")
                )
                with Stopwatch() as upload:
                    client.sync_once()
                print(f"laptop pushed {n:,} sent messages and the rest in {upload.seconds:.1f} s")
                hook = client.enable_webhook("sms", "africastalking", "")
                delivery = hook.urls["delivery"]

                def report(pool: urllib3.PoolManager, i: int) -> int:
                    answer = pool.request(
                        "POST",
                        delivery,
                        fields={
                            "id": message_ids[i],
                            "status": "Success",
                            "phoneNumber": "+221770000000",
                            "networkCode": "60801",
                            "retryCount": "0",
                        },
                        encode_multipart=False,
                    )
                    return answer.status

                def health(pool: urllib3.PoolManager, _i: int) -> int:
                    return pool.request("GET", f"{cloud.url}/health").status

                base_s, base_lat, _ = timed_requests(n, args.threads, health)
                cpu = cloud.cpu_seconds()
                post_s, post_lat, accepted = timed_requests(n, args.threads, report)
                server_cpu_ms = (cloud.cpu_seconds() - cpu) / n * 1000
                rate, base_rate = n / post_s, n / base_s
                print(
                    f"{n:,} delivery reports: {post_s:.2f} s = {rate:,.0f}/s, p50 "
                    f"{statistics.median(post_lat):.1f} ms, p99 {p99(post_lat):.1f} ms, "
                    f"{accepted:,} answered 200, server CPU {server_cpu_ms:.2f} ms/report; "
                    f"GET /health: {base_rate:,.0f}/s, p99 {p99(base_lat):.1f} ms"
                )
                with Stopwatch() as applied:
                    client.sync_once()
                    apply_pending(ws)
                with ws.read() as session:
                    delivered = int(
                        session.scalar(
                            select(func.count()).where(CampaignRecipient.status == "delivered")
                        )
                        or 0
                    )
                print(
                    f"laptop: one sync + apply in {applied.seconds:.2f} s, "
                    f"{delivered:,} of {n:,} recipients delivered"
                )
                if delivered != n:
                    print(f"  WARNING: {n - delivered:,} recipients not delivered")
                client.close()
        finally:
            ws.close()
    load_end = os.getloadavg()[0]
    print(f"load average: {load_start:.2f} at the start, {load_end:.2f} at the end")
    metrics = [
        Metric(
            f"{n:,} delivery reports posted to the cloud (SQLite)",
            round(rate),
            "reports/s",
            TARGET_RATE,
            round(base_rate),
            higher_is_better=True,
            note=f"{args.threads} threads; baseline: GET /health at the same width",
        ),
        Metric(
            "Delivery report latency, p99",
            p99(post_lat),
            "ms",
            TARGET_P99_MS,
            p99(base_lat),
            note="baseline: GET /health p99",
        ),
        Metric(
            f"Laptop: one sync applies {n:,} reports",
            applied.seconds,
            "s",
            TARGET_APPLY_SECONDS,
            None,
            note=f"{delivered:,} delivered",
        ),
    ]
    print_metrics("bench_hooks", metrics)
    write_json(args.json, "bench_hooks", vars(args), metrics)
    return metrics


if __name__ == "__main__":
    main()
