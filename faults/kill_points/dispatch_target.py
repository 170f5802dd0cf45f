"""The dispatch target: an SMS campaign sent to a provider stand-in on 127.0.0.1."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from faults.kill_points.runner import Outcome
from faults.kill_points.shared_checks import database_of, integrity, open_ws
from faults.kill_points.targets import Target


class DispatchTarget(Target):
    """Cases alternate between two providers: Twilio, which can be asked whether it took a
    message (a message left ``sending`` by the kill is looked up, then sent or requeued),
    and Africa's Talking, which cannot (such a message is flagged ``unknown``, never
    resent)."""

    name = "dispatch"
    SID, TOKEN, FROM = "AC" + "0" * 32, "kill-points-token", "+15005550006"
    AT_USER, AT_KEY = "sandbox", "kill-points-key"

    def __init__(self, workdir: Path, stack: ExitStack, scale: float = 1.0) -> None:
        super().__init__(workdir, stack, scale)
        from localpro_desktop.domain.campaigns import Channel
        from localpro_desktop.domain.plans import Plan
        from localpro_desktop.services import campaign_sending, channel_setup
        from localpro_desktop.services.campaigns import CampaignService
        from tests.channels.sms_standins import StandIn, TwilioAccount, africastalking
        from tests.sync.synckit import add_bulk_contacts

        self.account = TwilioAccount(self.SID, self.TOKEN)
        self.account_class = TwilioAccount
        lock = threading.Lock()

        def respond(request: Any) -> Any:
            with lock:  # one account, many sending threads: keep its list whole
                return self.account(request)

        self.twilio = stack.enter_context(StandIn(respond))
        self.at = stack.enter_context(StandIn(africastalking(self.AT_USER, self.AT_KEY)))
        for stand_in in (self.twilio, self.at):
            # A dispatcher killed mid-request resets its connections: expected, not news.
            stand_in._server.handle_error = lambda *_args: None  # type: ignore[method-assign]
        self.provider = "twilio"
        self.prepared = 0
        self.flagged = 0
        self.unreceived = 0
        self.template = workdir / "dispatch-template"
        ws = open_ws(self.template)
        try:
            ws.update_settings(plan=Plan.ENTERPRISE, country="SN")
            ids = add_bulk_contacts(ws, self.recipients)
            with channel_setup.registered(_Ready(Channel.SMS)):
                svc = CampaignService(ws)
                campaign = svc.create("Tabaski", Channel.SMS, "Bonjour {{first_name}} !")
                svc.set_recipients(campaign.id, ids)
                campaign_sending.send(ws, campaign.id)
        finally:
            ws.close()

    def prepare(self, case: Path) -> dict[str, Any]:
        shutil.copytree(self.template, case)
        self.provider = "twilio" if self.prepared % 2 == 0 else "africastalking"
        self.prepared += 1
        self.account = self.account_class(self.SID, self.TOKEN)  # a new count
        with self.at._lock:
            self.at.requests.clear()
        if self.provider == "twilio":
            return {
                "root": str(case),
                "provider": "twilio",
                "url": self.twilio.url,
                "sid": self.SID,
                "token": self.TOKEN,
                "from": self.FROM,
            }
        return {
            "root": str(case),
            "provider": "africastalking",
            "url": self.at.url,
            "username": self.AT_USER,
            "key": self.AT_KEY,
        }

    def received(self) -> Counter[str]:
        if self.provider == "twilio":
            return Counter(str(m["to"]) for m in self.account.messages)
        with self.at._lock:
            requests = list(self.at.requests)
        return Counter(r.form["to"][0] for r in requests if r.path == "/version1/messaging")

    def channel(self) -> Any:
        from localpro_desktop.channels.africastalking import AfricasTalkingSms
        from localpro_desktop.channels.twilio import TwilioSms

        if self.provider == "twilio":
            return TwilioSms(self.SID, self.TOKEN, from_number=self.FROM, base_url=self.twilio.url)
        return AfricasTalkingSms(self.AT_USER, self.AT_KEY, base_url=self.at.url)

    def check(self, case: Path, outcome: Outcome) -> list[str]:
        from localpro_desktop.channels.base import ChannelKind
        from localpro_desktop.services.dispatch import Throttle, dispatch_until_idle

        self.flagged = self.unreceived = 0
        db = database_of(case)
        ok = integrity(db)
        if ok != "ok":
            return [f"integrity_check: {ok[:100]}"]
        problems: list[str] = []
        twice = [to for to, n in self.received().items() if n > 1]
        if twice:
            problems.append(f"{len(twice)} recipients messaged twice before the rerun")
        ws = open_ws(case)
        sms = self.channel()
        try:
            dispatch_until_idle(
                ws,
                {ChannelKind.SMS: sms},
                throttles={ChannelKind.SMS: Throttle(1e9, burst=1e9)},
            )
        finally:
            sms.close()
            ws.close()
        got = self.received()
        conn = sqlite3.connect(db, timeout=30)
        try:
            rows = conn.execute("SELECT address, state FROM outbox_messages").fetchall()
        finally:
            conn.close()
        states = Counter(state for _address, state in rows)
        for address, state in rows:
            n = got.get(address, 0)
            if n > 1:
                problems.append(f"{address} messaged {n} times (outbox: {state})")
            elif state == "sent" and n != 1:
                problems.append(f"{address} marked sent but the provider has it {n} times")
            elif state not in ("sent", "unknown"):
                problems.append(f"{address} left {state} after the rerun (received {n})")
            if len(problems) > 3:
                break
        if len(rows) != self.recipients:
            problems.append(f"{len(rows)} outbox rows, expected {self.recipients}")
        self.flagged = states.get("unknown", 0)
        self.unreceived = sum(1 for a, st in rows if st == "unknown" and not got.get(a))
        if problems:
            problems.insert(0, f"provider {self.provider}")
        return problems


class _Ready:
    """Says the campaign's channel is set up (queueing refuses a channel without one)."""

    def __init__(self, channel: Any) -> None:
        self.channel = channel

    def is_set_up(self, _ws: Any) -> bool:
        return True
