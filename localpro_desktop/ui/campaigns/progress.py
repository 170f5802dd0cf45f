"""A sent campaign, live: "120 of 500 sent", pause/resume/cancel, failures and the unknown.

``CampaignProgress`` reads ``campaign_sending.progress`` (and the dispatcher's channel
problems) on the database worker and shows them; while the campaign is being sent it reads
them again when the change hub says recipients moved, and every ``POLL_MS`` (messages
retried later or a channel that stopped publish no change). Loads are coalesced: one in
flight at a time, a change during it asks for one more.

It also shows a channel stopped by a channel-wide error (a refused password) as a message
bar pointing to the settings; its messages wait meanwhile.

What the user can do about a campaign going out (pause/resume/cancel, take over sending,
resend or give up the unknown, follow-up drafts) is ``progress_actions.ProgressActions``:
the view owns it and hands it its buttons, its offers and the "To check" table's requests.

The failures and the unknown messages are two tables (``failures_view``, ``unknown_view``)
the detail places beside the recipients list.
"""

from __future__ import annotations

from dataclasses import dataclass

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

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, ShownState
from localpro_desktop.services import campaign_sending
from localpro_desktop.services import dispatch as dispatcher
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns import widgets
from localpro_desktop.ui.campaigns.outcomes import FailuresView, UnknownView
from localpro_desktop.ui.campaigns.progress_actions import ProgressActions
from localpro_desktop.ui.campaigns.progress_figures import (
    MONTHLY_LIMIT,
    NOT_ON_WHATSAPP,
    Progress,
    limit_left_out,
    open_count,
    sent_count,
)
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import MessageBar, Tone

__all__ = [
    "MONTHLY_LIMIT",
    "NOT_ON_WHATSAPP",
    "POLL_MS",
    "SOON_MS",
    "CampaignProgress",
    "Progress",
    "limit_left_out",
    "open_count",
    "sent_count",
]

POLL_MS = 1500
"""While a campaign goes out, its figures are read again this often."""
SOON_MS = 250
"""A burst of changes (one per message sent) becomes one reload."""


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
        self._actions = ProgressActions(self)

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
            button.setEnabled(not self._actions.busy)
        self._show_problem(progress)
        self._actions.show_offers(progress, live)
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

    # -- actions (``ProgressActions`` asks, acts and says what was done) ------------------

    @Slot()
    def pause(self) -> None:
        self._actions.pause()

    @Slot()
    def resume(self) -> None:
        self._actions.resume()

    @Slot()
    def cancel(self) -> None:
        self._actions.cancel()

    @Slot()
    def take_over(self) -> None:
        """Ask first, with the service's words for the risk (how many would go from here)."""
        self._actions.take_over()

    @Slot(list)
    def resend_unknown(self, recipient_ids: list[str]) -> None:
        self._actions.resend_unknown(recipient_ids)

    @Slot(list)
    def give_up_unknown(self, recipient_ids: list[str]) -> None:
        self._actions.give_up_unknown(recipient_ids)

    def follow_up(self, reason: str, channel: Channel) -> None:
        """A new draft for the people ``reason`` left out, on ``channel``, opened to edit."""
        self._actions.follow_up(reason, channel)

    def stop(self) -> None:
        """No more polling (the screen is closing)."""
        self._poll.stop()
        self._soon.stop()


def _sentence(text: str) -> str:
    """``text`` ending as a sentence, so another can follow it."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."
