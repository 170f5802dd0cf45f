"""The checks after the fuzzing: the server's log, leaked secrets, the account still
working."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import httpx

from faults._common import CampaignResult
from faults.api_fuzz.accounts import Account
from faults.api_fuzz.backends import LogTrap
from localpro_protocol.wire import PullResponse


def _after(
    base: str,
    account: Account,
    result: CampaignResult,
    tag: str,
    log: LogTrap,
    passwords_sent: set[str],
) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    health = httpx.get(f"{base}/health", timeout=30)
    if health.status_code != 200:
        result.fail(f"[{tag}] /health answers {health.status_code} after the fuzzing")
    other = Account(base, account.email, account.password, str(uuid.uuid4()))
    other.sign_in()
    account.secrets_seen |= other.secrets_seen
    cursor, rows, pages = 0, 0, 0
    while True:
        response = httpx.get(
            f"{base}/v1/sync/pull",
            params={"cursor": cursor, "layout": "blocks" if pages % 2 else "changes"},
            headers=other.auth,
            timeout=60,
        )
        if response.status_code != 200:
            result.fail(
                f"[{tag}] a second device cannot pull: {response.status_code} {response.text[:120]}"
            )
            break
        page = PullResponse.model_validate_json(response.content)
        rows += len(page.all_changes())
        pages += 1
        cursor = page.next_cursor
        if not page.has_more:
            break
    figures["rows pulled by a second device"] = rows
    errors = [text for level, text in log.lines if level >= logging.ERROR]
    for text in errors[:3]:
        result.fail(f"[{tag}] server log error: {text[:200]}")
    secrets_found = {s for s in account.secrets_seen if any(s in text for _l, text in log.lines)}
    if secrets_found:
        result.fail(f"[{tag}] the server log holds {len(secrets_found)} secret(s) (password/token)")
    logged = [p for p in passwords_sent if any(p in text for _l, text in log.lines)]
    if logged:
        result.fail(f"[{tag}] the server log holds {len(logged)} password(s) schemathesis sent")
    figures["passwords sent by schemathesis, none logged"] = len(passwords_sent)
    if any("Traceback" in text for _l, text in log.lines):
        result.fail(f"[{tag}] the server log holds a traceback")
    figures["server log lines"] = len(log.lines)
    figures["server log errors"] = len(errors)
    return figures


# -- the campaign -----------------------------------------------------------------------------
