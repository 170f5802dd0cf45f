"""One backend's run: register the accounts, drive every device for the duration, check
and report."""

from __future__ import annotations

import asyncio
import os
import secrets
import ssl
import time
from pathlib import Path

import httpx

from faults._common import CampaignResult
from faults._proxy import ProxyProcess
from faults.load.devices import Account, Device, _make_fleet, _register
from faults.load.event_loop import _run_loop
from faults.load.servers import Server
from faults.load.settings import THINK, TIMEOUT
from faults.load.stateless import STATELESS_CHECKS, stateless_checks
from faults.load.stats import Stats, percentiles
from faults.load.verify import _verify


async def _lag_probe(stats: Stats, stop: asyncio.Event, servers: list[Server]) -> None:
    """How late the loop wakes up, ten times a second; the servers' RSS and CPU."""
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(0.1)
        stats.lag_s.append(time.perf_counter() - started - 0.1)
        for server in servers:
            server.sample()


async def _drive(
    url: str, seed: int, devices: int, duration: float, tag: str, servers: list[Server]
) -> tuple[Stats, list[Account]]:
    stats = Stats()
    limits = httpx.Limits(keepalive_expiry=2.0)
    timeout = httpx.Timeout(TIMEOUT)
    tls = ssl.create_default_context()  # unused on http://, but each client would load one
    clients = [
        httpx.AsyncClient(
            base_url=url,
            timeout=timeout,
            limits=limits,
            verify=tls,
            headers={"User-Agent": "LocalPro/load", "Accept-Encoding": "zstd, gzip"},
        )
        for _ in range(devices)
    ]
    accounts = _make_fleet(seed, devices, clients, stats, tag)
    stop = asyncio.Event()
    try:
        setup = time.monotonic()
        gate = asyncio.Semaphore(8)

        async def register(account: Account) -> bool:
            async with gate:
                return await _register(account, clients[account.index % len(clients)], stats)

        registered = await asyncio.gather(*(register(a) for a in accounts))
        fleet = [d for a, ok in zip(accounts, registered, strict=True) if ok for d in a.devices]

        async def sign_in(device: Device) -> bool:
            async with gate:
                return await device.login()

        signed = await asyncio.gather(*(sign_in(d) for d in fleet))
        fleet = [d for d, ok in zip(fleet, signed, strict=True) if ok]
        stats.setup_s = time.monotonic() - setup
        probe = asyncio.create_task(_lag_probe(stats, stop, servers))
        ends = time.monotonic() + duration
        spread = min(THINK[1], duration / 3)

        async def live(device: Device) -> None:
            # Devices start spread over the first think time, as laptops switched on.
            await asyncio.sleep(device.rng.uniform(0, spread))
            while time.monotonic() < ends:
                await device.round()
                think = device.rng.uniform(*THINK)
                await asyncio.sleep(max(0.0, min(think, ends - time.monotonic())))

        await asyncio.gather(*(live(d) for d in fleet))
        stop.set()
        await probe
        # A last round each, one after another: every device catches up with the server.
        for device in fleet:
            if await device.push():
                await device.pull()
    finally:
        stop.set()
        for client in clients:
            await client.aclose()
    return stats, accounts


def load_run(
    backend: str,
    database_url: str,
    workdir: Path,
    seed: int,
    devices: int,
    duration: float,
    result: CampaignResult,
) -> None:
    """One backend's run: start its server(s), drive the devices, verify, report."""
    folder = workdir / backend
    servers = [Server(database_url, folder, "server-a")]
    if backend == "two":
        servers.append(Server(database_url, folder, "server-b"))
    proxy: ProxyProcess | None = None
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        url = servers[0].url
        if backend == "two":
            proxy = ProxyProcess([("127.0.0.1", s.port) for s in servers]).start()
            url = proxy.url
            for message in stateless_checks(servers[0].url, servers[1].url, seed, database_url):
                result.fail(f"two instances: {message}")
            result.figures["two: statelessness checks"] = f"{len(STATELESS_CHECKS)} run"
        if not devices:
            return
        tag = f"{backend[:2]}{secrets.token_hex(3)}"
        cpu_before = time.process_time()
        stats, accounts = _run_loop(_drive(url, seed, devices, duration, tag, servers))
        client_cpu = time.process_time() - cpu_before
        for server in servers:
            server.sample()
        checked = _verify(database_url, accounts, lambda m: result.fail(f"{backend}: {m}"))
    finally:
        if proxy is not None:
            proxy.stop()
        for server in servers:
            server.stop()
    wall = time.monotonic() - started
    for message in stats.failures:
        result.fail(f"{backend} (seed {result.seed}): {message}")
    if stats.errors > len(stats.failures):
        result.fail(f"{backend}: {stats.errors - len(stats.failures)} more errors not listed")
    for server in servers:
        for line in server.log_errors()[:5]:
            result.fail(f"{backend} {server.name} log: {line[:200]}")
    accounts_ok = sum(1 for a in accounts if a.account_id)
    figures = result.figures
    figures[f"{backend}: devices / accounts"] = f"{devices} / {accounts_ok}"
    figures[f"{backend}: rounds / pushes / pulls / ops"] = (
        f"{stats.rounds} / {stats.pushes} / {stats.pulls} / {stats.ops} in {duration:.0f} s"
    )
    figures[f"{backend}: errors / 429 honoured / refreshes"] = (
        f"{stats.errors} / {stats.throttled} / {stats.refreshes}"
    )
    figures[f"{backend}: sign-ins"] = f"{devices} devices signed in in {stats.setup_s:.1f} s"
    figures[f"{backend}: push latency"] = percentiles(stats.push_s)
    figures[f"{backend}: pull latency"] = percentiles(stats.pull_s)
    figures[f"{backend}: devices' loop lag"] = percentiles(stats.lag_s)
    figures[f"{backend}: server peak RSS"] = ", ".join(
        f"{s.name} {s.peak_rss:.0f} MB" if s.peak_rss else f"{s.name} n/a" for s in servers
    )
    figures[f"{backend}: CPU"] = (
        ", ".join(f"{s.name} {s.cpu_s:.0f} s ({100 * s.cpu_s / wall:.0f} %)" for s in servers)
        + f", devices {client_cpu:.0f} s; load {load_before:.2f} → {os.getloadavg()[0]:.2f}"
    )
    figures[f"{backend}: verified"] = (
        f"{checked['accounts']} accounts, {checked['rows']} rows, {checked['devices']} devices"
    )
    if proxy is not None:
        figures["two: connections per instance"] = " / ".join(map(str, proxy.connections))


# -- statelessness across two instances ---------------------------------------------------
