"""The composer's Send, step by step, every step on the task runner.

1. The draft is saved (summarize and send work on a saved campaign) and summarized:
   who gets it, who is left out and why, SMS parts, cost, what the plan allows now.
2. The summary dialog asks. "Replace ’ « » ê…" rewrites the body (``replace_unicode``)
   and summarizes again in the same dialog; the composer shows the new body.
3. Send queues (``campaign_sending.send``; over the plan, ``at_most`` what it allows
   now) and the composer reports how many were queued; "Wait for the reset" schedules
   the campaign for the morning the count resets instead.

Also "Send a test to myself": one real message, the preview as the chosen person gets
it, to the user's own address (asked once, remembered per channel with the Channels
page's test address).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QObject, QTime, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.plans import Plan
from localpro_desktop.services import campaign_sending, channel_config
from localpro_desktop.services.campaign_drafts import (
    AudienceMember,
    CampaignDraft,
    compute_audience,
    load_for_editing,
    message_quota,
    save_draft,
    sms_spread,
)
from localpro_desktop.services.campaign_sending import SendSummary
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.usage import UsageLine
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns.schedule import local_to_utc
from localpro_desktop.ui.campaigns.send_summary import Choice, SendSummaryDialog
from localpro_desktop.ui.channels import form as channel_form
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tasks import guarded

WAIT_HOUR = 9
""""Wait for the reset" sends at this local hour on the day the count resets."""


def ask_address(parent: QWidget, title: str, label: str, text: str) -> str | None:
    """The user's own address for tests (tests answer it without a modal loop)."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok and value.strip() else None


@dataclass(frozen=True)
class Prepared:
    """What the summary dialog shows."""

    campaign_id: str
    summary: SendSummary
    quota: UsageLine
    plan: Plan
    spread: dict[int, int]
    body: str
    """The body as stored (after "Replace ’ « »…", the new one)."""


def _prepare(
    ctx: UiContext,
    campaign_id: str,
    channel: Channel,
    members: Sequence[AudienceMember],
    dropped: dict[str, int],
) -> Prepared:
    ws = ctx.ws
    summary = campaign_sending.summarize(ws, campaign_id)
    if dropped:
        # Hand-picked contacts the channel cannot reach were never stored as recipients,
        # so the summary cannot see them: they are left out all the same.
        excluded = dict(summary.excluded)
        for reason, count in dropped.items():
            excluded[reason] = excluded.get(reason, 0) + count
        summary = replace(summary, excluded=excluded)
    quota, plan = message_quota(ws)
    body = load_for_editing(ws, campaign_id).row.body
    # Each person's SMS as rendered for them: thousands are worth a worker.
    spread = sms_spread(body, members) if channel is Channel.SMS else {}
    return Prepared(campaign_id, summary, quota, plan, spread, body)


def reset_moment(day: date) -> datetime:
    """``WAIT_HOUR`` o'clock local time on ``day``, as the naive UTC the services keep."""
    local = QDateTime(QDate(day.year, day.month, day.day), QTime(WAIT_HOUR, 0))
    return local_to_utc(local)


class SendFlow(QObject):
    """Runs Send for the composer; the composer shows its busy state and its results."""

    sig_busy = Signal(bool, str)
    """Working (True, what on) or idle again (False, "")."""
    sig_saved = Signal(str)
    """The draft was saved under this id before the summary (it is no longer dirty)."""
    sig_body = Signal(str)
    """The stored body changed ("Replace ’ « »…"): the composer shows it."""
    sig_sent = Signal(str, int)
    """Queued: the campaign (id) and how many messages."""
    sig_scheduled = Signal(str)
    """"Wait for the reset": the campaign (id) is scheduled for that morning."""
    sig_failed = Signal(str)
    """Nothing was sent: why, in the user's words."""
    sig_tested = Signal(bool, str)
    """"Send a test to myself" finished: sent (True) or not, and what to say."""

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner = parent
        self.dialog: SendSummaryDialog | None = None
        self._draft: CampaignDraft | None = None
        self._members: tuple[AudienceMember, ...] = ()
        self._dropped: dict[str, int] = {}
        """Hand-picked contacts left out (by reason), counted when the draft was saved."""

    # == summary ===========================================================================

    def start(self, draft: CampaignDraft, members: Sequence[AudienceMember]) -> None:
        """Save the draft (as it is on screen), summarize it, then ask."""
        self._draft = draft
        self._members = tuple(members)
        ctx, channel = self.ctx, draft.channel
        self.sig_busy.emit(True, self.tr("Counting recipients and cost…"))

        def prepare() -> Prepared:
            source = draft.source
            dropped = (
                {}
                if source.segment_id
                else compute_audience(ctx.ws, channel, source).excluded_counts()
            )
            self._dropped = dropped
            campaign_id = save_draft(ctx.ws, draft)
            return _prepare(ctx, campaign_id, channel, members, dropped)

        self.ctx.runner.run(
            prepare, on_done=guarded(self, self._prepared), on_error=guarded(self, self._failed)
        )

    @Slot(object)
    def _prepared(self, prepared: Prepared) -> None:
        assert self._draft is not None
        self.sig_busy.emit(False, "")
        self.sig_saved.emit(prepared.campaign_id)
        self._draft = replace(self._draft, campaign_id=prepared.campaign_id)
        dialog = SendSummaryDialog(
            self._draft.name,
            prepared.summary,
            prepared.quota,
            prepared.plan,
            prepared.spread,
            wait_time=fmt.clock(time(WAIT_HOUR, 0)),
            parent=self.owner,
        )
        dialog.sig_replace.connect(self._replace)
        dialog.finished.connect(self._answered)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def _replace(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        ctx, campaign_id, members = self.ctx, dialog.summary.campaign_id, self._members

        dropped = self._dropped

        def swap() -> Prepared:
            campaign_sending.replace_unicode(ctx.ws, campaign_id)
            return _prepare(ctx, campaign_id, Channel.SMS, members, dropped)

        def done(prepared: Prepared) -> None:
            if self._draft is not None:
                self._draft = replace(self._draft, body=prepared.body)
            if self.dialog is dialog:
                dialog.show_summary(
                    prepared.summary, prepared.quota, prepared.plan, prepared.spread
                )
            self.sig_body.emit(prepared.body)

        def failed(message: str, _is_bug: bool) -> None:
            dialog.replace_failed()
            self.sig_failed.emit(message)

        self.ctx.runner.run(swap, on_done=guarded(dialog, done), on_error=guarded(dialog, failed))

    @Slot(int)
    def _answered(self, _result: int) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        self.dialog = None
        dialog.deleteLater()
        summary = dialog.summary
        if dialog.choice is Choice.SEND:
            self._send(summary.campaign_id, None, summary.recipients)
        elif dialog.choice is Choice.SEND_ALLOWED:
            self._send(summary.campaign_id, summary.allowed_now, summary.allowed_now)
        elif dialog.choice is Choice.WAIT:
            self._wait(summary.resets_on)

    # == sending ==========================================================================

    def _send(self, campaign_id: str, at_most: int | None, n: int) -> None:
        ws = self.ctx.ws
        self.sig_busy.emit(True, self.tr("Queuing {n} messages…").format(n=fmt.number(n)))

        def queue() -> tuple[str, int]:
            campaign_sending.send(ws, campaign_id, at_most=at_most)
            queued = CampaignService(ws).stats(campaign_id).by_status.get("queued", 0)
            return campaign_id, queued

        def done(result: tuple[str, int]) -> None:
            self.sig_busy.emit(False, "")
            self.sig_sent.emit(*result)

        self.ctx.runner.run(
            queue, on_done=guarded(self, done), on_error=guarded(self, self._failed)
        )

    def _wait(self, day: date) -> None:
        """Schedule the campaign (as saved before the summary) for the reset morning."""
        assert self._draft is not None
        draft = replace(self._draft, schedule_at=reset_moment(day))
        ws = self.ctx.ws
        self.sig_busy.emit(True, self.tr("Scheduling…"))

        def done(campaign_id: str) -> None:
            self.sig_busy.emit(False, "")
            self.sig_scheduled.emit(campaign_id)

        self.ctx.runner.run(
            lambda: save_draft(ws, draft),
            on_done=guarded(self, done),
            on_error=guarded(self, self._failed),
        )

    @Slot(str, bool)
    def _failed(self, message: str, _is_bug: bool) -> None:
        self.sig_busy.emit(False, "")
        self.sig_failed.emit(message)

    # == a test to myself =================================================================

    def send_test(self, channel: Channel, subject: str, body: str) -> None:
        """One real message, the preview's, to the user's own address for ``channel``."""
        text = body
        one_line_subject = " ".join(subject.split()) if channel is Channel.EMAIL else ""
        settings = channel_form.user_settings()
        key = channel_form.TEST_ADDRESS_KEY.format(channel=channel.value)
        to = str(settings.value(key) or "")
        if not to:
            label = (
                self.tr("Your e-mail address:")
                if channel is Channel.EMAIL
                else self.tr("Your mobile number:")
            )
            answer = ask_address(
                self.owner,
                self.tr("Send a test to myself on {channel}").format(
                    channel=labels.channel(channel)
                ),
                label,
                "",
            )
            if not answer:
                return
            to = answer
            settings.setValue(key, to)
        ws = self.ctx.ws
        self.sig_busy.emit(True, self.tr("Sending a test to {to}…").format(to=to))

        def done(_reference: str) -> None:
            self.sig_busy.emit(False, "")
            said = self.tr(
                "Test sent to {to}. To send tests elsewhere, change it under File → "
                "Workspace settings → Channels."
            ).format(to=to)
            if channel is Channel.WHATSAPP:
                said += " " + self.tr(
                    "A WhatsApp test is Meta's “hello_world” template: a first message must "
                    "be an approved template."
                )
            self.sig_tested.emit(True, said)

        def failed(message: str, _is_bug: bool) -> None:
            self.sig_busy.emit(False, "")
            self.sig_tested.emit(
                False, self.tr("The test was not sent: {reason}").format(reason=message)
            )

        self.ctx.runner.run(
            lambda: channel_config.send_test(
                ws, channel, to, text=text or None, subject=one_line_subject or None
            ),
            on_done=guarded(self, done),
            on_error=guarded(self, failed),
            database=False,
        )
