"""Ask in words, in the CRM: a sentence becomes a segment rule, shown before it is used.

"restaurants à Dakar pas contactés depuis un mois" goes to the assistant off the UI thread
(``services.assistant.words``), which answers against the segment-rule schema and checks
the rule whole. Nothing is applied then: a line under the filter bar says what the rule
selects ("Sector: Restaurant · City: Dakar · last contacted before …") with **Apply** (the
board shows the rule as an unsaved entry of the segment list, as a saved segment would)
and **Save as segment…** (a rule segment that stays up to date). A refused answer is said
on the same line, and nothing changes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.assistant.words import WordsResult, segment_rule_from_words
from localpro_desktop.services.segments import SegmentInfo, SegmentKind, SegmentService
from localpro_desktop.ui.ask_field import AskField
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import Tone

UNSAVED_ID = "unsaved-asked-in-words"
"""The combo's id for the applied, unsaved rule (never a real segment's id)."""
NAME_LIMIT = 60


class CrmAskWords(QFrame):
    """The preview line under the filter bar; ``field`` goes into the segments sidebar."""

    sig_apply = Signal(object)
    """Show the board through the rule: an unsaved ``SegmentInfo``."""
    sig_saved = Signal(object)
    """The rule was saved as a segment (its ``SegmentInfo``)."""
    sig_previewed = Signal()
    """An answer (a rule or a refusal) is on the line."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: WordsResult | None = None
        self.words = ""
        self.field = AskField(
            self.tr("restaurants in Dakar not contacted for a month"), vertical=True
        )
        self.setObjectName("askWordsPreview")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Show the board through these filters, unsaved"))
        self.save_button = QPushButton(self.tr("Save as segment…"))
        self.save_button.setToolTip(
            self.tr("Keep these filters as a segment that stays up to date")
        )
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.save_button)
        layout.addWidget(self.close_button)
        self.field.sig_asked.connect(self.ask)
        self.apply_button.clicked.connect(self.apply)
        self.save_button.clicked.connect(self._ask_name)
        self.close_button.clicked.connect(self.dismiss)
        self.hide()

    def is_busy(self) -> bool:
        return self.field.is_busy()

    # -- asking -------------------------------------------------------------------------

    def ask(self, words: str) -> None:
        """Send the words to the assistant; the board changes only on Apply or Save."""
        if self.field.is_busy():
            return
        self.field.set_busy(True)
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: segment_rule_from_words(ws, words),
            on_done=guarded(self, lambda result: self._answered(words, result)),
            on_error=guarded(self, self._failed),
            database=False,  # a slow AI server must not hold up the database queue
        )

    def _answered(self, words: str, result: WordsResult) -> None:
        self.field.set_busy(False)
        self.words, self.result = words, result
        self._show(self.tr("Asked in words: {description}").format(description=result.description))
        self.apply_button.setEnabled(True)
        self.sig_previewed.emit()

    def _failed(self, text: str, _is_bug: bool) -> None:
        self.field.set_busy(False)
        self.result = None
        self._show(text, Tone.ERROR)
        self.sig_previewed.emit()

    def _show(self, text: str, tone: Tone = Tone.INFO) -> None:
        background, foreground = tone.value
        self.setStyleSheet(
            f"#askWordsPreview {{ background: {background}; border: 1px solid {foreground};"
            f" border-radius: 4px; }} #askWordsPreview QLabel {{ color: {foreground}; }}"
        )
        self.text.setText(text)
        ready = self.result is not None
        self.apply_button.setVisible(ready)
        self.save_button.setVisible(ready)
        self.show()

    def dismiss(self) -> None:
        self.result = None
        self.hide()

    # -- using the rule -----------------------------------------------------------------

    @property
    def rule(self) -> SegmentRule | None:
        return self.result.rule if self.result is not None else None

    def unsaved_segment(self) -> SegmentInfo | None:
        """The rule as an unsaved segment the filter bar can show the board through."""
        if self.result is None:
            return None
        now = datetime.now(UTC)
        name = self.tr("Asked: {words}").format(words=_short(self.words, 40))
        return SegmentInfo(
            id=UNSAVED_ID,
            name=name,
            kind=SegmentKind.RULE,
            description=self.result.description,
            rule=self.result.rule,
            member_count=0,
            created_at=now,
            updated_at=now,
        )

    def apply(self) -> None:
        info = self.unsaved_segment()
        if info is not None:
            self.apply_button.setEnabled(False)
            self.sig_apply.emit(info)

    def _ask_name(self) -> None:
        if self.result is None:
            return
        description = self.result.description
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save as segment"),
            self.tr("Name of the new segment (it will follow these filters as contacts change):"),
            QLineEdit.EchoMode.Normal,
            description if len(description) <= NAME_LIMIT else _short(self.words, NAME_LIMIT),
        )
        if ok and name.strip():
            self.save_as(name)

    def save_as(self, name: str) -> None:
        """Save the previewed rule as a rule segment named ``name``."""
        if self.result is None:
            return
        rule, description = self.result.rule, self.result.description
        service = SegmentService(self.ctx.ws)
        self.ctx.runner.run(
            lambda: service.create_rule(name, rule, description),
            on_done=guarded(self, self._saved),
            on_error=guarded(self, self._save_failed),
        )

    def _save_failed(self, text: str, _is_bug: bool) -> None:
        self._show(text, Tone.ERROR)  # the rule stays: another name can be tried

    def _saved(self, info: SegmentInfo) -> None:
        self.dismiss()
        self.sig_saved.emit(info)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
