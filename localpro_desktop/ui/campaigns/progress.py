"""A sent campaign, live: "120 of 500 sent", pause/resume/cancel, failures and the unknown.

``CampaignProgress`` reads ``campaign_sending.progress`` (and the dispatcher's channel
problems) on the database worker and shows them; while the campaign is being sent it reads
them again when the change hub says recipients moved, and every ``POLL_MS`` (messages
retried later or a channel that stopped publish no change). Loads are coalesced: one in
flight at a time, a change during it asks for one more.

It offers what the user can do about a campaign going out:

- **Pause / Resume / Cancel** (cancel asks first: sent messages stay sent, the rest are
  skipped);
- **Take over sending** when another laptop is the sender, after a confirmation that says
  the risk (that laptop may have sent some after its last sync: those people would get
  the message twice);
- **Unknown — check before resending**: messages the dispatcher could not confirm. Resend
  (after a confirmation that the person may get it twice) or Give up;
- **Follow-ups**: "12 people are not on WhatsApp — Send them an SMS", and the people the
  plan's monthly limit left out, as a new draft opened in the composer;
- **Channel problems**: a channel stopped by a channel-wide error (a refused password) as a
  message bar pointing to the settings; its messages wait meanwhile.

The failures and the unknown messages are two tables (``failures_view``, ``unknown_view``)
the detail places beside the recipients list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import (
    CampaignStatus,
    Channel,
    RecipientStatus,
    ShownState,
    SkipReason,
)
from localpro_desktop.services import campaign_sending, dispatcher
from localpro_desktop.services.campaign_views import load_recipients
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns import widgets
from localpro_desktop.ui.campaigns.outcomes import FailuresView, UnknownView
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import MessageBar, Tone

POLL_MS = 1500
"""While a campaign goes out, its figures are read again this often."""
SOON_MS = 250
"""A burst of changes (one per message sent) becomes one reload."""

NOT_ON_WHATSAPP = SkipReason.NOT_ON_WHATSAPP.value
"""``follow_up_draft``'s reason for the people WhatsApp does not know."""
MONTHLY_LIMIT = SkipReason.LIMIT.value
"""``follow_up_draft``'s reason for the people the plan's monthly limit left out."""

_OPEN = ("queued", "sending")
"""Counts of messages still to go."""

Progress = campaign_sending.Progress


def sent_count(progress: Progress) -> int:
    """Messages a provider took (delivered, opened and replied ones were sent first)."""
    return progress.sent_total


def open_count(progress: Progress) -> int:
    return sum(progress.counts.get(key, 0) for key in _OPEN)


def limit_left_out(ws: Workspace, campaign_id: str, skipped: int) -> int:
    """People the plan's monthly limit kept out of the campaign (a follow-up draft can
    reach them after the reset): the skipped recipients whose reason is the limit."""
    if not skipped:
        return 0
    rows = load_recipients(ws, campaign_id, RecipientStatus.SKIPPED, limit=skipped)
    prefix = f"{MONTHLY_LIMIT}:"
    return sum(row.error.startswith(prefix) for row in rows)


@dataclass(frozen=True)
class _Loaded:
    """What one read brings back to the UI thread."""

    generation: int
    progress: Progress
    problems: dict[Channel, str]
    counted: tuple[str, int]
    limit_left_out: int


class CampaignProgress(QWidget):
    """The progress row and notices of one sent campaign; empty for drafts."""

    sig_open_draft = Signal(str)
    """A follow-up draft (id) was made: the tab opens it in the composer."""
    sig_loaded = Signal()
    """Fresh figures are shown (tests wait on it)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id: str | None = None
        self.campaign_name = ""
        self.channel: Channel | None = None
        self.status: CampaignStatus | None = None
        self.progress: Progress | None = None
        self.problems: dict[Channel, str] = {}
        self.limit_left_out = 0
        self._limit_counted: tuple[str, int] | None = None  # (campaign, skipped) counted
        self._generation = 0
        self._loading = False
        self._again = False
        self._busy = False  # an action in flight: its buttons wait

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._build_row())
        self.problem_bar = MessageBar()
        self.takeover_bar = MessageBar()
        self.whatsapp_bar = MessageBar()
        self.limit_bar = MessageBar()
        self.notice = MessageBar()
        for bar in (
            self.problem_bar,
            self.takeover_bar,
            self.whatsapp_bar,
            self.limit_bar,
            self.notice,
        ):
            bar.close_button.hide()
            layout.addWidget(bar)
        self.notice.close_button.show()
        self.failures_view = FailuresView()
        self.unknown_view = UnknownView()
        self.unknown_view.sig_resend.connect(self.resend_unknown)
        self.unknown_view.sig_give_up.connect(self.give_up_unknown)

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.refresh)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self.hide()

    # -- construction -----------------------------------------------------------------

    def _build_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.state_label = QLabel()
        self.state_label.setStyleSheet("font-weight: 600;")
        row.addWidget(self.state_label)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.bar.setMinimumWidth(120)
        self.bar.setMaximumWidth(260)
        row.addWidget(self.bar, 1)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        row.addWidget(self.count_label)
        self.detail_label = QLabel()
        self.detail_label.setStyleSheet(f"color: {MUTED_COLOR};")
        # The line gives way on a small screen (its tooltip keeps it whole), never the buttons.
        self.detail_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail_label.setMinimumWidth(40)
        row.addWidget(self.detail_label, 2)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setToolTip(
            self.tr("Stop sending for now; the messages not sent yet wait until you resume")
        )
        self.pause_button.clicked.connect(self.pause)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setToolTip(self.tr("Send the messages that are still waiting"))
        self.resume_button.clicked.connect(self.resume)
        self.cancel_button = QPushButton(self.tr("Cancel sending…"))
        self.cancel_button.setToolTip(
            self.tr("Messages already sent stay sent; the others are skipped")
        )
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            row.addWidget(button)
        return row

    # -- what is shown ----------------------------------------------------------------

    def show_campaign(
        self,
        campaign_id: str | None,
        status: CampaignStatus | None = None,
        *,
        name: str = "",
        channel: Channel | None = None,
    ) -> None:
        """Follow ``campaign_id``; drafts and scheduled campaigns have no progress."""
        same = campaign_id is not None and campaign_id == self.campaign_id
        self.campaign_name = name
        self.channel = channel
        self.status = status
        if not same:
            self._generation += 1
            self.campaign_id = campaign_id
            self.progress = None
            self.limit_left_out = 0
            self._limit_counted = None
            self._loading = False
            self._again = False
            self.notice.dismiss()
            self.failures_view.show_failures([])
            self.unknown_view.show_unknown([])
        has_progress = campaign_id is not None and status not in (
            None,
            CampaignStatus.DRAFT,
            CampaignStatus.SCHEDULED,
        )
        if not has_progress:
            self._poll.stop()
            self.progress = None
            self.setVisible(False)
            self.failures_view.show_failures([])
            self.unknown_view.show_unknown([])
            return
        self._follow_live()
        if same and self.progress is not None:
            self._request()
        else:
            self.refresh()

    def _follow_live(self) -> None:
        """Poll while messages may still move (the campaign is Sent)."""
        if self.status is CampaignStatus.SENT:
            if not self._poll.isActive():
                self._poll.start()
        else:
            self._poll.stop()

    @Slot()
    def refresh(self) -> None:
        """Read the figures again (on the database worker)."""
        campaign_id = self.campaign_id
        if campaign_id is None or self.status in (None, CampaignStatus.DRAFT):
            return
        if self._loading:
            self._again = True
            return
        self._soon.stop()
        self._loading = True
        generation = self._generation
        ws = self.ctx.ws
        counted = self._limit_counted
        known = self.limit_left_out

        def load() -> _Loaded:
            progress = campaign_sending.progress(ws, campaign_id)
            problems = dict(dispatcher.channel_problems(ws))
            skipped = progress.counts.get("skipped", 0)
            left_out = known
            if counted != (campaign_id, skipped):  # counted once, again if it changes
                left_out = limit_left_out(ws, campaign_id, skipped)
            return _Loaded(generation, progress, problems, (campaign_id, skipped), left_out)

        self.ctx.runner.run(
            load, on_done=guarded(self, self._arrived), on_error=guarded(self, self._failed)
        )

    def _request(self) -> None:
        """A reload soon, not one per change (a message sent is a change)."""
        if self._loading:
            self._again = True
        elif not self._soon.isActive():
            self._soon.start()

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if (
            self.campaign_id is not None
            and self.isVisible()
            and concerns(changes, "campaigns", "campaign_recipients")
        ):
            self._request()

    @Slot(object)
    def _arrived(self, result: _Loaded) -> None:
        if result.generation != self._generation:
            return
        progress = result.progress
        self._loading = False
        self.progress = progress
        self.problems = result.problems
        self._limit_counted = result.counted
        self.limit_left_out = result.limit_left_out
        self.status = progress.status
        self._follow_live()
        self._show(progress)
        self.sig_loaded.emit()
        if self._again:
            self._again = False
            self._request()

    @Slot(str, bool)
    def _failed(self, message: str, _is_bug: bool) -> None:
        self._loading = False
        self._again = False
        self.notice.show_message(
            self.tr("The sending progress could not be read: {error}").format(error=message),
            Tone.ERROR,
        )

    def _show(self, progress: Progress) -> None:
        self.setVisible(True)
        total = progress.total
        sent = sent_count(progress)
        waiting = open_count(progress)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(max(total - waiting, 0) if total else 0)
        self.count_label.setText(
            fmt.plural(sent, self.tr("1 of {total} sent"), self.tr("{n} of {total} sent")).format(
                n=fmt.number(sent), total=fmt.number(total)
            )
        )
        details = self._details(progress, waiting)
        self.detail_label.setText(" · ".join(details))
        self.detail_label.setToolTip("\n".join(details))
        text, color = self._state(progress)
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"font-weight: 600; color: {color};")
        live = progress.status is CampaignStatus.SENT and not progress.cancelled
        self.pause_button.setVisible(live and not progress.paused and waiting > 0)
        self.resume_button.setVisible(live and progress.paused)
        self.cancel_button.setVisible(live)
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            button.setEnabled(not self._busy)
        self._show_problem(progress)
        self._show_takeover(progress, live)
        self._show_follow_ups(progress)
        self.failures_view.show_failures(list(progress.failures), progress.counts.get("failed", 0))
        self.unknown_view.show_unknown(list(progress.unknown))

    def _details(self, progress: Progress, waiting: int) -> list[str]:
        counts = progress.counts
        parts: list[str] = []
        if waiting:
            parts.append(self.tr("{n} waiting").format(n=fmt.number(waiting)))
        if failed := counts.get("failed", 0):
            text = fmt.plural(failed, self.tr("1 failed"), self.tr("{n} failed"))
            parts.append(text.format(n=fmt.number(failed)))
        if unknown := counts.get("unknown", 0):
            parts.append(self.tr("{n} to check").format(n=fmt.number(unknown)))
        if skipped := counts.get("skipped", 0):
            text = fmt.plural(skipped, self.tr("1 skipped"), self.tr("{n} skipped"))
            parts.append(text.format(n=fmt.number(skipped)))
        return parts

    def _state(self, progress: Progress) -> tuple[str, str]:
        status = progress.status
        if progress.cancelled:
            return self.tr("Cancelled"), MUTED_COLOR
        if status is CampaignStatus.COMPLETED:
            return self.tr("Done"), widgets.CAMPAIGN_STATUS_COLORS[status]
        if status is CampaignStatus.FAILED:
            return self.tr("Failed"), ERROR_COLOR
        if progress.paused:
            return self.tr("Paused"), widgets.STATE_COLORS[ShownState.WAITING]
        if not progress.sends_here:
            return self.tr("Sending from another computer"), MUTED_COLOR
        if self.channel is not None and self.channel in self.problems:
            return self.tr("Stopped"), ERROR_COLOR
        if open_count(progress):
            return self.tr("Sending"), widgets.CAMPAIGN_STATUS_COLORS[CampaignStatus.SENT]
        if progress.counts.get("unknown", 0):
            return self.tr("Waiting for you"), widgets.STATE_COLORS[ShownState.WAITING]
        return self.tr("Sent"), widgets.CAMPAIGN_STATUS_COLORS[CampaignStatus.SENT]

    def _show_problem(self, progress: Progress) -> None:
        channel = self.channel
        words = self.problems.get(channel) if channel is not None else None
        if (
            channel is None
            or not words
            or progress.status is not CampaignStatus.SENT
            or not open_count(progress)
        ):
            self.problem_bar.dismiss()
            return
        text = self.tr(
            "Sending by {channel} stopped: {problem} Fix it in Settings → Channels; "
            "the messages wait until then and none is counted as failed."
        ).format(channel=labels.channel(channel), problem=_sentence(translate_message(words)))
        if self.problem_bar.message != text:
            self.problem_bar.show_message(text, Tone.ERROR)

    def _show_takeover(self, progress: Progress, live: bool) -> None:
        if not live or progress.sends_here or not open_count(progress):
            self.takeover_bar.dismiss()
            return
        text = self.tr(
            "Another computer sends this campaign; its progress arrives here when it syncs."
        )
        if self.takeover_bar.message != text:
            self.takeover_bar.show_message(
                text, Tone.INFO, action=self.tr("Take over sending…"), on_action=self.take_over
            )

    def _show_follow_ups(self, progress: Progress) -> None:
        missing = progress.not_on_whatsapp
        if missing and self.channel is Channel.WHATSAPP:
            text = fmt.plural(
                missing,
                self.tr("1 person is not on WhatsApp."),
                self.tr("{n} people are not on WhatsApp."),
            ).format(n=fmt.number(missing))
            if self.whatsapp_bar.message != text:
                self.whatsapp_bar.show_message(
                    text,
                    Tone.INFO,
                    action=self.tr("Send them an SMS…"),
                    on_action=lambda: self.follow_up(NOT_ON_WHATSAPP, Channel.SMS),
                )
        else:
            self.whatsapp_bar.dismiss()
        left_out = self.limit_left_out
        if left_out and self.channel is not None:
            channel = self.channel
            text = fmt.plural(
                left_out,
                self.tr("1 person was left out: this month's message limit was reached."),
                self.tr("{n} people were left out: this month's message limit was reached."),
            ).format(n=fmt.number(left_out))
            if self.limit_bar.message != text:
                self.limit_bar.show_message(
                    text,
                    Tone.INFO,
                    action=self.tr("Send to them later…"),
                    on_action=lambda: self.follow_up(MONTHLY_LIMIT, channel),
                )
        else:
            self.limit_bar.dismiss()

    # -- actions ----------------------------------------------------------------------

    @Slot()
    def pause(self) -> None:
        self._act(campaign_sending.pause, self.tr("Sending is paused."))

    @Slot()
    def resume(self) -> None:
        self._act(campaign_sending.resume, self.tr("Sending resumes."))

    @Slot()
    def cancel(self) -> None:
        progress = self.progress
        if progress is None:
            return
        sent, waiting = sent_count(progress), open_count(progress)
        text = self.tr(
            "Stop sending “{name}”?\n\nMessages already sent ({sent}) stay sent. Those not "
            "sent yet ({left}) are skipped: they will not go out, even if you change your mind."
        ).format(name=self.campaign_name, sent=fmt.number(sent), left=fmt.number(waiting))
        if not widgets.ask(
            self,
            self.tr("Cancel sending"),
            text,
            self.tr("Cancel sending"),
            self.tr("Keep sending"),
        ):
            return
        self._act(campaign_sending.cancel, self.tr("Sending is cancelled; the rest is skipped."))

    @Slot()
    def take_over(self) -> None:
        """Ask first, with the service's words for the risk (how many would go from here)."""
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: campaign_sending.take_over_risk(ws, campaign_id),
            on_done=guarded(self, self._confirm_take_over),
            on_error=guarded(self, self._action_failed),
        )

    @Slot(object)
    def _confirm_take_over(self, risk: object) -> None:
        text = self.tr(
            "Send the rest of “{name}” from this computer?\n\n{risk}\n\nTake over only when "
            "the other computer is lost, broken or will stay offline."
        ).format(name=self.campaign_name, risk=_worded(risk))
        if not widgets.ask(
            self,
            self.tr("Take over sending"),
            text,
            self.tr("Take over sending"),
            self.tr("Leave it"),
        ):
            return
        self._act(
            campaign_sending.take_over,
            self.tr("This computer now sends the rest of “{name}”.").format(
                name=self.campaign_name
            ),
        )

    @Slot(list)
    def resend_unknown(self, recipient_ids: list[str]) -> None:
        if not recipient_ids:
            return
        count = len(recipient_ids)
        text = fmt.plural(
            count,
            self.tr(
                "Send this message again?\n\nLocalPro cannot tell whether it left: the "
                "connection was cut while it was being sent. If the person did get it, they "
                "will get it twice. Check first if you can (ask them, or look in the "
                "provider's log)."
            ),
            self.tr(
                "Send these {n} messages again?\n\nLocalPro cannot tell whether they left: "
                "the connection was cut while they were being sent. A person who did get "
                "one will get it twice. Check first if you can (ask them, or look in the "
                "provider's log)."
            ),
        ).format(n=fmt.number(count))
        if not widgets.ask(
            self, self.tr("Send again"), text, self.tr("Send again"), self.tr("Don't send")
        ):
            return
        ws, ids = self.ctx.ws, list(recipient_ids)
        self._run(
            lambda: campaign_sending.resend_unknown(ws, ids),
            lambda n: self._count_said(
                n, self.tr("1 message goes out again."), self.tr("{n} messages go out again.")
            ),
        )

    @Slot(list)
    def give_up_unknown(self, recipient_ids: list[str]) -> None:
        if not recipient_ids:
            return
        ws, ids = self.ctx.ws, list(recipient_ids)
        self._run(
            lambda: campaign_sending.give_up_unknown(ws, ids),
            lambda n: self._count_said(
                n,
                self.tr("1 message will not be sent again."),
                self.tr("{n} messages will not be sent again."),
            ),
        )

    @staticmethod
    def _count_said(count: object, one: str, many: str) -> str:
        n = count if isinstance(count, int) else 0
        return fmt.plural(n, one, many).format(n=fmt.number(n))

    def follow_up(self, reason: str, channel: Channel) -> None:
        """A new draft for the people ``reason`` left out, on ``channel``, opened to edit."""
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        ws = self.ctx.ws
        self._busy = True
        self.ctx.runner.run(
            lambda: campaign_sending.follow_up_draft(
                ws, campaign_id, reason=reason, channel=channel
            ),
            on_done=guarded(self, self._draft_made),
            on_error=guarded(self, self._action_failed),
        )

    @Slot(object)
    def _draft_made(self, draft_id: object) -> None:
        self._busy = False
        self.sig_open_draft.emit(str(draft_id))

    def _act(self, action: Callable[[Any, str], object], done: str) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        ws = self.ctx.ws
        self._run(lambda: action(ws, campaign_id), lambda _result: done)

    def _run(self, fn: Callable[[], object], said: Callable[[object], str]) -> None:
        self._busy = True
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            button.setEnabled(False)
        self.unknown_view.set_busy(True)

        def done(result: object) -> None:
            self._busy = False
            self.unknown_view.set_busy(False)
            self.notice.show_message(said(result), Tone.SUCCESS, timeout_ms=8000)
            self.refresh()

        self.ctx.runner.run(
            fn, on_done=guarded(self, done), on_error=guarded(self, self._action_failed)
        )

    @Slot(str, bool)
    def _action_failed(self, message: str, _is_bug: bool) -> None:
        self._busy = False
        self.unknown_view.set_busy(False)
        self.notice.show_message(message, Tone.ERROR)
        self.refresh()

    def stop(self) -> None:
        """No more polling (the screen is closing)."""
        self._poll.stop()
        self._soon.stop()


def _worded(message: object) -> str:
    """A service's message (a ``Message``, worded in the UI language) or nothing."""
    return translate_message(message) if isinstance(message, str) else ""


def _sentence(text: str) -> str:
    """``text`` ending as a sentence, so another can follow it."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."
