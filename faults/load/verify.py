"""The end-of-run check of every account against the server's database."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import create_engine, text

from faults.load.devices import Account


def _verify(database_url: str, accounts: list[Account], fail: Any) -> dict[str, int]:
    """Every account on the server is what its devices pushed; its seqs unique, gap-free."""
    engine = create_engine(database_url)
    checked = {"accounts": 0, "rows": 0, "devices": 0}
    try:
        with engine.connect() as conn:
            for account in accounts:
                if not account.account_id:
                    continue
                checked["accounts"] += 1
                where = f"account {account.index}"
                seq = conn.scalar(
                    text("SELECT seq FROM accounts WHERE id = :a"),
                    {"a": account.account_id},
                )
                stored = {
                    (t, r): (s, {n: (v, h) for n, (v, h) in json.loads(f).items()})
                    for t, r, s, f in conn.execute(
                        text(
                            "SELECT table_name, row_id, seq, fields FROM sync_rows "
                            "WHERE account_id = :a"
                        ),
                        {"a": account.account_id},
                    )
                }
                checked["rows"] += len(stored)
                seqs = [s for s, _f in stored.values()]
                if seq != account.stamps:
                    fail(f"{where}: sequence at {seq}, its pushes stamped {account.stamps} rows")
                if len(set(seqs)) != len(seqs) or any(not 1 <= s <= (seq or 0) for s in seqs):
                    fail(f"{where}: seqs not unique or outside 1..{seq}")
                if seqs and max(seqs) != seq:
                    fail(f"{where}: newest row has seq {max(seqs)}, the account {seq}")
                documents = {key: fields for key, (_s, fields) in stored.items()}
                missing = set(account.expected) - set(documents)
                extra = set(documents) - set(account.expected)
                differ = [
                    k
                    for k in account.expected
                    if k in documents and documents[k] != _norm(account.expected[k])
                ]
                if missing or extra or differ:
                    fail(
                        f"{where}: {len(missing)} rows lost, {len(extra)} extra, "
                        f"{len(differ)} differ from what its devices pushed"
                    )
                last_ops: dict[str, int] = dict(
                    conn.execute(
                        text("SELECT device_id, last_op_id FROM devices WHERE account_id = :a"),
                        {"a": account.account_id},
                    ).all()
                )
                for device in account.devices:
                    checked["devices"] += 1
                    if device.access and last_ops.get(device.device_id) != device.op_id:
                        fail(
                            f"{where} device {device.position}: server last op "
                            f"{last_ops.get(device.device_id)}, device sent {device.op_id}"
                        )
                    view = {k: _norm(v) for k, v in device.view.items()}
                    if device.access and view != documents:
                        fail(
                            f"{where} device {device.position}: its data differs from the "
                            f"server's after a last pull ({len(view)} rows vs {len(documents)}"
                            f"): {_first_difference(view, documents)}"
                        )
    finally:
        engine.dispose()
    return checked


def _first_difference(mine: dict[Any, Any], theirs: dict[Any, Any]) -> str:
    """Where a device's copy first differs from the server's: row, field, both versions."""
    for key in sorted(set(mine) | set(theirs)):
        a, b = mine.get(key), theirs.get(key)
        if a == b:
            continue
        if a is None or b is None:
            return f"{key[0]} {key[1][:8]} only on {'the server' if a is None else 'the device'}"
        names = sorted(n for n in set(a) | set(b) if a.get(n) != b.get(n))
        name = names[0]
        return (
            f"{key[0]} {key[1][:8]} {len(names)} fields, {name}: device {a.get(name)}, "
            f"server {b.get(name)}"
        )
    return "no difference"


def _norm(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: (value, hlc) for name, (value, hlc) in fields.items()}
