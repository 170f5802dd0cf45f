"""Benchmark: queue a 10,000-recipient campaign (render + outbox + usage).

The campaign is composed first (not timed): N contacts bulk-inserted with SQLAlchemy Core
(the demo generator's rows, each with its own phone number, none opted out), one SMS
campaign whose text uses personal fields, its recipients chosen with
``CampaignService.set_recipients``. Then timed, as the Send button does it:

* ``campaign_sending.summarize`` — the summary shown before sending (audience, exclusions,
  segments, cost); secondary;
* ``campaign_sending.send`` — every recipient checked and rendered again, one outbox row
  each, recipients marked queued, the messages counted against the plan: one transaction.
  The headline (target ≤ 2 s for 10,000, proportional for other sizes).

Baseline, same process, same data: plain ``sqlite3`` reading the contacts' names and
phones, ``str.replace`` for the fields, ``executemany`` into a bare outbox table and one
usage row, one commit (no checks, no change capture, no ORM).

    .venv/bin/python bench/bench_queue.py [--rows 10000] [--seed 7] [--channel sms|email]
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path

from _common import (
    Metric,
    Stopwatch,
    base_parser,
    contact_row,
    fresh_workspace,
    machine_summary,
    print_metrics,
    quiet_logs,
    write_json,
)
from sqlalchemy import insert

from localpro_desktop.discovery.demo.generator import iter_businesses
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.plans import Plan
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import campaign_sending, channel_setup
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact

DEFAULT_ROWS = 10_000
TARGET_SECONDS = 2.0  # for TARGET_ROWS recipients
TARGET_ROWS = 10_000
BODY = (
    "Bonjour {{first_name}}, la Tabaski arrive chez {{company}} : -20% sur les boubous "
    "brodés jusqu'à dimanche. Répondez STOP pour ne plus recevoir nos messages."
)


class ReadyProvider:
    """Says the campaign's channel is set up (queueing refuses a channel without one)."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    def is_set_up(self, _ws: Workspace) -> bool:
        return True


def fill_contacts(ws: Workspace, rows: int, seed: int) -> list[str]:
    """``rows`` contacts, each reachable by SMS and e-mail at its own address; their ids."""
    rng = random.Random(seed)
    now = utcnow()
    batch: list[dict[str, object]] = []
    ids: list[str] = []
    statement = insert(Contact).execution_options(render_nulls=True)
    with ws.write() as session:
        for i, b in enumerate(iter_businesses(seed=seed, count=rows)):
            row = contact_row(b, now, rng)
            number = f"+2217{i // 10_000_000 % 10}{i % 10_000_000:07d}"
            row.update(
                phone=number,
                phone_e164=number,
                email=f"client{i}@example.sn",
                email_normalized=f"client{i}@example.sn",
                opt_out_sms=False,
                opt_out_email=False,
                opt_out_whatsapp=False,
            )
            batch.append(row)
            ids.append(str(row["id"]))
            if len(batch) >= 5000:
                session.execute(statement, batch)
                batch = []
        if batch:
            session.execute(statement, batch)
    return ids


def compose(ws: Workspace, contact_ids: Sequence[str], channel: Channel) -> str:
    """A campaign to every contact, recipients chosen (what the composer saves)."""
    svc = CampaignService(ws)
    campaign = svc.create(
        f"Tabaski {uuid.uuid4().hex[:6]}", channel, BODY, subject="Tabaski chez nous"
    )
    svc.set_recipients(campaign.id, list(contact_ids))
    return campaign.id


def prepare(root: Path, rows: int, seed: int) -> tuple[Workspace, list[str]]:
    """A fresh workspace on the unlimited plan with ``rows`` reachable contacts."""
    with quiet_logs():
        ws = fresh_workspace(root, "ws", country="SN")
    ws.update_settings(plan=Plan.ENTERPRISE)
    return ws, fill_contacts(ws, rows, seed)


def run_baseline(database: Path) -> float:
    """sqlite3: read, ``str.replace`` the fields, ``executemany`` into a bare table."""
    with Stopwatch() as sw:
        conn = sqlite3.connect(database)
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS bench_outbox (id TEXT PRIMARY KEY, key TEXT, "
                "address TEXT, body TEXT, state TEXT)"
            )
            conn.execute("CREATE TABLE IF NOT EXISTS bench_usage (metric TEXT, amount INT)")
            rows = conn.execute(
                "SELECT id, first_name, company, phone_e164 FROM contacts "
                "WHERE deleted_at IS NULL AND opt_out_sms = 0 AND phone_e164 IS NOT NULL"
            ).fetchall()
            out = [
                (
                    str(uuid.uuid4()),
                    contact_id,
                    phone,
                    BODY.replace("{{first_name}}", first or "").replace(
                        "{{company}}", company or ""
                    ),
                    "queued",
                )
                for contact_id, first, company, phone in rows
            ]
            conn.executemany("INSERT INTO bench_outbox VALUES (?, ?, ?, ?, ?)", out)
            conn.execute("INSERT INTO bench_usage VALUES ('messages', ?)", (len(out),))
            conn.commit()
        finally:
            conn.close()
    return sw.seconds


def main(argv: Sequence[str] | None = None) -> list[Metric]:
    parser = base_parser(__doc__ or "", DEFAULT_ROWS)
    parser.add_argument("--channel", default="sms", choices=["sms", "email"])
    args = parser.parse_args(argv)
    channel = Channel(args.channel)
    print(machine_summary())
    provider = ReadyProvider(channel)
    with (
        tempfile.TemporaryDirectory(prefix="localpro-bench-queue-") as tmp,
        channel_setup.registered(provider),
    ):
        root = Path(tmp)
        ws, ids = prepare(root, args.rows, args.seed)
        try:
            with Stopwatch() as compose_sw:
                campaign_id = compose(ws, ids, channel)
            print(f"composed: {args.rows:,} recipients chosen in {compose_sw.seconds:.2f} s")
            with Stopwatch() as summary_sw:
                summary = campaign_sending.summarize(ws, campaign_id)
            print(
                f"summarize: {summary.recipients:,} will get it, excluded {summary.excluded}, "
                f"{summary_sw.seconds:.2f} s"
            )
            with Stopwatch() as send_sw:
                campaign_sending.send(ws, campaign_id)
            queued = CampaignService(ws).stats(campaign_id).by_status.get("queued", 0)
            print(f"send (queue): {queued:,} messages queued in {send_sw.seconds:.2f} s")
            if queued != args.rows:
                print(f"  WARNING: expected {args.rows:,} queued messages")
        finally:
            ws.close()
        base = run_baseline(WorkspacePaths(root / "ws").database)
        print(f"baseline (sqlite3 read + str.replace + executemany): {base:.2f} s")

    n = f"{args.rows:,}"
    target = TARGET_SECONDS * args.rows / TARGET_ROWS
    metrics = [
        Metric(
            f"Queue a {n}-recipient {channel.value} campaign (render + outbox + usage)",
            send_sw.seconds,
            "s",
            target,
            base,
        ),
        Metric(
            f"Summary before sending, {n} recipients",
            summary_sw.seconds,
            "s",
            None,
            base,
            note="baseline: the plain sqlite3 queue",
        ),
    ]
    print_metrics("bench_queue", metrics)
    write_json(args.json, "bench_queue", vars(args), metrics)
    return metrics


if __name__ == "__main__":
    main()
