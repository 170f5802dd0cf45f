"""Scheduled campaigns that missed their time by more than a day: ask before sending.

A laptop that was off on the day of a Tabaski offer must not send it, unasked, three days
after the feast. At start-up ``LateCampaigns.check`` asks the service (on the database
worker) which campaigns scheduled from this laptop are more than 24 hours late, then asks
about each in turn, without blocking the window:

    “Tabaski offer” was due 3 days ago — Send now / Keep as draft / Decide later

"Send now" queues it (``scheduling.queue_due(include_late=[id])``), "Keep as draft" takes its
schedule off (``CampaignService.unschedule``), "Decide later" leaves it: the question comes
back at the next start.
"""

from __future__ import annotations

from collections import deque
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from localpro_desktop.domain.ids import utcnow
from localpro_desktop.services import scheduling
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tasks import guarded

_DEFERRED: set[str] = set()
"""Campaigns the user chose to decide about later, in this run of the app: a window rebuilt
in another language does not ask again; the next start does."""


class Choice(StrEnum):
    SEND = "send"
    DRAFT = "draft"
    LATER = "later"


def late_phrase(late: scheduling.LateCampaign) -> str:
    """ "was due 3 days ago" (whole days: these are more than a day late)."""
    days = max(late.late_by.days, 1)
    return fmt.plural(
        days,
        QCoreApplication.translate("LatePrompt", "“{name}” was due 1 day ago."),
        QCoreApplication.translate("LatePrompt", "“{name}” was due {n} days ago."),
    ).format(name=late.name, n=fmt.number(days))


class LatePrompt(QMessageBox):
    """One late campaign: Send now / Keep as draft / Decide later (Escape)."""

    sig_decided = Signal(str, str)
    """The campaign's id and the ``Choice`` made."""

    def __init__(self, late: scheduling.LateCampaign, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.late = late
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("A scheduled campaign is late"))
        self.setText(late_phrase(late))
        self.setInformativeText(
            self.tr(
                "It was scheduled for {when}, but LocalPro was not running then. Its "
                "message may be out of date: send it now, or keep it as a draft to change it."
            ).format(when=fmt.moment(late.scheduled_at))
        )
        self.send_button = self.addButton(self.tr("Send now"), QMessageBox.ButtonRole.AcceptRole)
        self.draft_button = self.addButton(
            self.tr("Keep as draft"), QMessageBox.ButtonRole.ActionRole
        )
        self.later_button = self.addButton(
            self.tr("Decide later"), QMessageBox.ButtonRole.RejectRole
        )
        self.later_button.setToolTip(self.tr("Ask again the next time LocalPro starts"))
        self.setDefaultButton(self.later_button)
        self.setEscapeButton(self.later_button)
        self.buttonClicked.connect(self._clicked)

    @Slot(QAbstractButton)
    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.send_button:
            choice = Choice.SEND
        elif button is self.draft_button:
            choice = Choice.DRAFT
        else:
            choice = Choice.LATER
        self.sig_decided.emit(self.late.id, choice.value)


class LateCampaigns(QObject):
    """Finds the late campaigns at start-up and asks about each, one at a time."""

    sig_queued = Signal(str)
    """A late campaign (id) was queued: the dispatcher can send it now."""
    sig_done = Signal()
    """Every late campaign was asked about (or there was none)."""
    sig_message = Signal(str)
    """Something to tell the user (a refusal while queueing)."""

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent
        self.prompt: LatePrompt | None = None
        self._waiting: deque[scheduling.LateCampaign] = deque()
        self.checked = False

    def check(self) -> None:
        """Ask the service which campaigns are late (on the database worker)."""
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: scheduling.late_campaigns(ws, utcnow()),
            on_done=guarded(self, self._found),
            on_error=guarded(self, self._failed),
        )

    @Slot(object)
    def _found(self, late: list[scheduling.LateCampaign]) -> None:
        self.checked = True
        self._waiting.extend(c for c in late if c.id not in _DEFERRED)
        self._next()

    def _next(self) -> None:
        if self.prompt is not None:
            self.prompt.deleteLater()
            self.prompt = None
        if not self._waiting:
            self.sig_done.emit()
            return
        prompt = LatePrompt(self._waiting.popleft(), self.window)
        prompt.sig_decided.connect(self._decided)
        self.prompt = prompt
        prompt.open()  # window-modal, without a nested event loop

    @Slot(str, str)
    def _decided(self, campaign_id: str, choice: str) -> None:
        ws = self.ctx.ws
        name = self.prompt.late.name if self.prompt is not None else ""
        if choice == Choice.SEND:
            self.ctx.runner.run(
                lambda: scheduling.queue_due(ws, utcnow(), include_late=[campaign_id]),
                on_done=guarded(self, lambda queued: self._queued(campaign_id, name, queued)),
                on_error=guarded(self, self._failed),
            )
        elif choice == Choice.LATER:
            _DEFERRED.add(campaign_id)
        elif choice == Choice.DRAFT:
            self.ctx.runner.run(
                lambda: CampaignService(ws).unschedule(campaign_id),
                on_error=guarded(self, self._failed),
            )
        self._next()

    def _queued(self, campaign_id: str, name: str, queued: list[str]) -> None:
        for queued_id in queued:
            self.sig_queued.emit(queued_id)
        if campaign_id not in queued:  # no service for its channel yet, the plan's limit…
            self.sig_message.emit(
                self.tr("“{name}” could not go now; the Campaigns tab says why.").format(name=name)
            )

    @Slot(str, bool)
    def _failed(self, message: str, _is_bug: bool) -> None:
        self.checked = True
        self.sig_message.emit(message)
        if self.prompt is None and self._waiting:
            self._next()
