"""Before Send: who gets it, who is left out and why, what it costs, what the plan allows.

Built from ``campaign_sending.summarize`` (nothing is written until the user chooses). It
is window-modal but not blocking (``open()``): the flow that opened it runs "Replace ’ « »
ê…" on the task runner and shows the new summary in the same dialog, and tests press its
buttons like a user. The choice is read when it finishes.
"""

from __future__ import annotations

from datetime import date
from enum import Enum, auto

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.plans import Plan
from localpro_desktop.services.campaign_sending import SendSummary
from localpro_desktop.services.usage import UsageLine
from localpro_desktop.ui.campaigns.sending import SendTexts
from localpro_desktop.ui.campaigns.widgets import channel_icon
from localpro_desktop.ui.channels.dialog import fit_dialog
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.widgets import WARN_COLOR


class Choice(Enum):
    CANCEL = auto()
    SEND = auto()
    """Send to everyone the summary counts."""
    SEND_ALLOWED = auto()
    """Over the plan: send what it allows now (``at_most``), skip the rest."""
    WAIT = auto()
    """Over the plan: schedule the campaign for the day the count resets."""


def _label(*, bold: bool = False, muted: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    style = []
    if bold:
        style.append("font-size: 15px; font-weight: 600;")
    if muted:
        style.append(f"color: {MUTED_COLOR};")
    label.setStyleSheet(" ".join(style))
    return label


def _box(name: str, border: str, background: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setStyleSheet(
        f"#{name} {{ border: 1px solid {border}; border-radius: 6px; background: {background}; }}"
    )
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(10, 8, 10, 8)
    inner.setSpacing(6)
    return frame, inner


class SendSummaryDialog(QDialog):
    """The summary and the buttons: Send N / (over the plan) Send N now, Wait; Not now."""

    sig_replace = Signal()
    """The user asked to replace the characters that make the SMS Unicode."""

    def __init__(
        self,
        name: str,
        summary: SendSummary,
        quota: UsageLine,
        plan: Plan,
        spread: dict[int, int],
        *,
        wait_time: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.texts = SendTexts(self)
        self.choice = Choice.CANCEL
        self.name = name
        self.wait_time = wait_time
        self.setWindowTitle(self.texts.title(name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(10)
        scroll.setWidget(page)
        outer.addWidget(scroll, 1)

        self.audience = _label(bold=True)
        layout.addWidget(self.audience)
        self.left_out_title = _label()
        layout.addWidget(self.left_out_title)
        self.left_out = _label()
        self.left_out.setContentsMargins(14, 0, 0, 0)
        layout.addWidget(self.left_out)
        self.cost = _label()
        layout.addWidget(self.cost)
        self.spread = _label(muted=True)
        layout.addWidget(self.spread)

        self.replace_box, replace_inner = _box("replaceBox", "#1a4fa0", "#e8f0fe")
        self.replace_why = _label()
        replace_inner.addWidget(self.replace_why)
        self.replace_button = QPushButton()
        self.replace_button.clicked.connect(self._replace)
        replace_inner.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.replace_box)

        self.plan = _label()
        layout.addWidget(self.plan)
        self.over_box, over_inner = _box("overBox", WARN_COLOR, "#fff4e5")
        self.over = _label()
        self.over.setStyleSheet(f"color: {WARN_COLOR}; font-weight: 600;")
        over_inner.addWidget(self.over)
        self.over_choices = _label()
        over_inner.addWidget(self.over_choices)
        layout.addWidget(self.over_box)
        self.note = _label(muted=True)
        self.note.setText(self.texts.queued_note())
        layout.addWidget(self.note)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(
            self.texts.not_now(), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.wait_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.send_allowed_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.send_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(lambda: self._choose(Choice.CANCEL))
        self.wait_button.clicked.connect(lambda: self._choose(Choice.WAIT))
        self.send_allowed_button.clicked.connect(lambda: self._choose(Choice.SEND_ALLOWED))
        self.send_button.clicked.connect(lambda: self._choose(Choice.SEND))
        outer.addWidget(self.buttons)
        self.summary = summary
        self.show_summary(summary, quota, plan, spread)
        # As tall as what it says (a short summary left half the dialog empty), at most 520.
        wanted = page.heightForWidth(600) if page.hasHeightForWidth() else -1
        wanted = (wanted if wanted > 0 else page.sizeHint().height()) + (
            self.buttons.sizeHint().height() + 40
        )
        fit_dialog(self, 620, max(240, min(520, wanted)))

    # == content ===========================================================================

    def show_summary(
        self, summary: SendSummary, quota: UsageLine, plan: Plan, spread: dict[int, int]
    ) -> None:
        """Fill (or refill, after a replacement) every line and the buttons."""
        self.summary = summary
        texts = self.texts
        self.setWindowIcon(channel_icon(summary.channel))
        self.audience.setText(texts.audience(summary.recipients, summary.channel))
        self.left_out_title.setText(texts.left_out_title(summary.excluded))
        phrases = texts.left_out(summary.excluded, summary.channel)
        self.left_out.setText("\n".join("• " + phrase for phrase in phrases))
        self.left_out.setVisible(bool(phrases))
        self.cost.setText(texts.cost(summary))
        sms = summary.channel.value == "sms"
        self.spread.setText(texts.spread(spread) if sms and spread else "")
        self.spread.setVisible(sms and bool(spread))
        offer = texts.offers_replace(summary)
        self.replace_box.setVisible(offer)
        if offer:
            self.replace_why.setText(texts.replace_why(summary))
            self.replace_button.setText(texts.replace_button(summary))
        self.replace_button.setEnabled(True)
        self.plan.setText(texts.plan(summary.allowed_now, quota, plan))
        over = summary.over_limit
        self.over_box.setVisible(over)
        can_wait = quota.limit is None or summary.recipients <= quota.limit
        if over:
            self.over.setText(texts.over_limit(summary, plan))
            self.over_choices.setText(texts.over_choices(summary, can_wait, self.wait_time))
        self.send_button.setVisible(not over)
        self.send_button.setText(texts.send_button(summary.recipients))
        self.send_allowed_button.setVisible(over and summary.allowed_now > 0)
        self.send_allowed_button.setText(texts.send_allowed_button(summary.allowed_now))
        self.wait_button.setVisible(over and can_wait)
        self.wait_button.setText(texts.wait_button(summary.resets_on))
        if not over:
            default = self.send_button
        elif summary.allowed_now > 0:
            default = self.send_allowed_button
        else:
            default = self.wait_button if can_wait else self.cancel_button
        for button in (self.send_button, self.send_allowed_button, self.wait_button):
            button.setDefault(False)
        default.setDefault(True)
        default.setFocus()

    def resets_on(self) -> date:
        return self.summary.resets_on

    @Slot()
    def _replace(self) -> None:
        self.replace_button.setEnabled(False)
        self.sig_replace.emit()

    def replace_failed(self) -> None:
        self.replace_button.setEnabled(True)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.CANCEL:
            self.reject()
        else:
            self.accept()
