"""The Assistant tab: conversations on the left, the chat on the right, answers streamed.

Everything that reads or writes goes through the task runner. A question is saved first
(``conversations.start`` for a new conversation, then ``ask``, on the database worker),
so it stays in the conversation whatever happens next; the answer is then read on a pool
worker by ``AnswerPump``, which hands its pieces to the view through signals. Stop ends
the answer where it is (what came is kept). A failure shows the service's message in the
tab's bar with "Send again".

With neither a key nor a server of one's own, the tab explains how to add a key or use a
local server (Ollama) and opens the assistant's settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.assistant import conversations, settings, usage
from localpro_desktop.services.assistant.ask import Answer, AskStream, ask
from localpro_desktop.services.assistant.context import Mode
from localpro_desktop.services.assistant.conversations import ChatMessage, ConversationRow
from localpro_desktop.services.assistant.settings import AiSettingsView
from localpro_desktop.services.assistant.usage import AiUsage
from localpro_desktop.services.campaign_views import load_overview
from localpro_desktop.ui.assistant.ask_box import ModeBar, QuestionBox, muted_label
from localpro_desktop.ui.assistant.chat_view import ChatView
from localpro_desktop.ui.assistant.model import ConversationDelegate, ConversationModel
from localpro_desktop.ui.assistant.settings_dialog import (
    OLLAMA_URL,
    AssistantSettingsDialog,
    usage_text,
)
from localpro_desktop.ui.assistant.streaming import AnswerPump
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import error_text
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import EmptyState, MessageBar, Tone

_REFRESH_DELAY_MS = 300
WATCHED = ("ai_conversations", "ai_messages", "ai_usage", "campaigns")
LIST_WIDTH = 310


@dataclass(frozen=True, slots=True)
class Overview:
    settings: AiSettingsView
    usage: AiUsage
    conversations: list[ConversationRow]
    campaigns: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Started:
    conversation_id: str
    stream: AskStream | None
    error: str


class AssistantTab(QWidget):
    sig_use_in_campaign = Signal(str)
    """"Use in a campaign" under an answer: open the composer with this text."""
    sig_answered = Signal(str)
    """An answer ended (done or stopped) and is saved: its conversation's id."""
    sig_failed = Signal(str)
    """A question got no answer: the message shown."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conversation_id: str | None = None
        self.overview: Overview | None = None
        self.settings_dialog: AssistantSettingsDialog | None = None
        self._ready = False
        self._first = True
        self._busy = False
        self._stream: AskStream | None = None
        self._stop_wanted = False
        self._last_question = ""
        self._messages_request = 0
        self._watching_window = False
        self.pump = AnswerPump(self)
        self.pump.sig_text.connect(self._on_text)
        self.pump.sig_done.connect(self._on_done)
        self.pump.sig_failed.connect(self._on_failed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(self._build_top())
        self.message = MessageBar()
        layout.addWidget(self.message)
        self.content = QStackedWidget()
        self.loading_label = muted_label(self.tr("Loading the assistant…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(self.loading_label)
        self.empty_state = EmptyState()
        self.empty_state.show_state(
            self.tr("Set up the assistant"),
            self.tr(
                "The assistant needs an OpenAI API key (yours, from platform.openai.com), or a "
                "server on this laptop that works with no internet: install Ollama, run "
                "`ollama pull llama3.2`, then set the server {url} and the model llama3.2 "
                "(no key needed)."
            ).format(url=OLLAMA_URL),
            [(self.tr("Assistant settings…"), self._settings_clicked)],
        )
        self.content.addWidget(self.empty_state)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list())
        self.splitter.addWidget(self._build_chat())
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LIST_WIDTH, 1000])
        self.content.addWidget(self.splitter)
        layout.addWidget(self.content, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(_REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self.refresh()

    # == construction ===================================================================

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        title = QLabel(self.tr("Assistant"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        top.addWidget(title)
        self.usage_label = muted_label()
        top.addWidget(self.usage_label)
        top.addStretch(1)
        self.settings_button = QPushButton(self.tr("Assistant settings…"))
        self.settings_button.setToolTip(self.tr("API key, model, server and monthly cap"))
        self.settings_button.clicked.connect(self._settings_clicked)
        top.addWidget(self.settings_button)
        return top

    def _build_list(self) -> QWidget:
        side = QWidget()
        side.setMinimumWidth(220)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        self.new_button = QPushButton(self.tr("New conversation"))
        self.new_button.clicked.connect(self.new_conversation)
        layout.addWidget(self.new_button)
        self.model = ConversationModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(ConversationDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.list, 1)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this conversation"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(lambda: self.delete_conversation())
        layout.addWidget(self.delete_button)
        return side

    def _build_chat(self) -> QWidget:
        chat = QWidget()
        layout = QVBoxLayout(chat)
        layout.setContentsMargins(6, 0, 0, 0)
        self.mode_bar = ModeBar()
        self.mode_bar.sig_personal_toggled.connect(self._personal_toggled)
        layout.addWidget(self.mode_bar)
        self.chat = ChatView()
        self.chat.setPlaceholderText(
            self.tr(
                "Ask about using LocalPro, how to make a campaign get answers, or which "
                "sectors and cities to prospect next. Answers come in your language."
            )
        )
        self.chat.sig_use_in_campaign.connect(self.sig_use_in_campaign)
        self.chat.sig_send_again.connect(self.send)
        layout.addWidget(self.chat, 1)
        self.question = QuestionBox()
        self.question.sig_send.connect(self.send)
        self.question.sig_stop.connect(self.stop)
        layout.addWidget(self.question)
        return chat

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._watching_window:
            # Closing the window stops an answer being written: the window waits for the
            # workers before it closes, and a long answer must not hold it open.
            self._watching_window = True
            self.window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.stop()
        return super().eventFilter(watched, event)

    # == public API =====================================================================

    def is_ready(self) -> bool:
        """True once the first overview is shown (the screenshot command waits for it)."""
        return self._ready

    def is_busy(self) -> bool:
        return self._busy

    @Slot()
    def refresh(self) -> None:
        """Read the settings, this month's usage, the conversations and the campaigns."""
        self._refresh_timer.stop()
        ws = self.ctx.ws

        def load() -> Overview:
            campaigns = [(row.id, row.name) for row in load_overview(ws)]
            return Overview(
                settings.view(ws),
                usage.month_usage(ws),
                conversations.list_conversations(ws),
                campaigns,
            )

        self.ctx.runner.run(
            load, on_done=guarded(self, self._loaded), on_error=guarded(self, self._load_failed)
        )

    def open_settings(self) -> AssistantSettingsDialog:
        if self.settings_dialog is None:
            dialog = AssistantSettingsDialog(self.ctx, self)
            dialog.sig_saved.connect(self.refresh)
            self.settings_dialog = dialog
        else:
            self.settings_dialog.reload()
        self.settings_dialog.open()
        return self.settings_dialog

    def _settings_clicked(self) -> None:
        self.open_settings()

    @Slot()
    def new_conversation(self) -> None:
        if self._busy:
            return
        self.conversation_id = None
        self.list.clearSelection()
        self.delete_button.setEnabled(False)
        self.mode_bar.new_conversation()
        self.chat.show_messages([])
        self.question.edit.setFocus()

    def select_conversation(self, conversation_id: str) -> bool:
        row = self.model.row_of(conversation_id)
        if row < 0:
            return False
        self.list.setCurrentIndex(self.model.index(row))
        return True

    @Slot()
    @Slot(str)
    def send(self, text: str | None = None) -> None:
        """Ask the question typed (or ``text``: "Send again")."""
        if self._busy:
            return
        typed = text is None
        question = (self.question.text() if text is None else text).strip()
        if not question:
            self.message.show_message(self.tr("Type a question first."), Tone.WARNING)
            return
        mode, campaign_id = self.mode_bar.current_mode(), self.mode_bar.campaign_id()
        new = self.conversation_id is None
        if new and mode is Mode.CAMPAIGN and campaign_id is None:
            self.message.show_message(
                self.tr("Choose the campaign to optimise first."), Tone.WARNING
            )
            return
        personal = self.mode_bar.personal.isChecked()
        ws, language, conversation_id = self.ctx.ws, self.ctx.language, self.conversation_id

        def start() -> Started:
            ident = conversation_id or conversations.start(
                ws, mode, title=question, campaign_id=campaign_id, personal=personal
            )
            try:
                stream = ask(
                    ws, question, conversation_id=ident, personal=personal, language=language
                )
            except UserError as exc:
                return Started(ident, None, error_text(exc))
            return Started(ident, stream, "")

        self._last_question = question
        self._stop_wanted = False
        self._set_busy(True)
        self.message.dismiss()
        if typed:
            self.question.edit.clear()
        self.chat.begin_answer(question)
        self.ctx.runner.run(
            start, on_done=guarded(self, self._started), on_error=guarded(self, self._start_failed)
        )

    @Slot()
    def stop(self) -> None:
        """End the answer where it is (what came is kept, marked stopped)."""
        if not self._busy:
            return
        self._stop_wanted = True
        if self._stream is not None:
            self._stream.stop()

    def delete_conversation(self, *, confirm: bool = True) -> None:
        ident = self.conversation_id
        if ident is None or self._busy:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete the conversation"),
                self.tr("Delete this conversation on every computer of the workspace?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: conversations.delete(ws, ident),
            on_done=guarded(self, self._deleted),
            on_error=guarded(self, self._action_failed),
        )

    # == loading ========================================================================

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if concerns(changes, *WATCHED, me=self) and not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _loaded(self, overview: Overview) -> None:
        self.overview = overview
        self.usage_label.setText(usage_text(overview.usage))
        ready = overview.settings.ready
        self.content.setCurrentWidget(self.splitter if ready else self.empty_state)
        self.mode_bar.set_campaigns(overview.campaigns)
        self.model.set_rows(overview.conversations)
        wanted = self.conversation_id
        if self._first and wanted is None and overview.conversations:
            wanted = overview.conversations[0].id
        self._first = False
        # Selecting loads its messages (unless an answer is being written); a conversation
        # that is gone (deleted here or on another computer) gives way to a new one.
        if wanted is not None and not self.select_conversation(wanted) and not self._busy:
            self.new_conversation()
        self._ready = True

    def _load_failed(self, message: str, _is_bug: bool) -> None:
        self.loading_label.setText(
            self.tr("The assistant could not be loaded: {error}").format(error=message)
        )
        self.content.setCurrentWidget(self.loading_label)
        self._ready = True

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_args: object) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row(rows[0].row())
        if row is None:
            return
        changed = row.id != self.conversation_id
        self.conversation_id = row.id
        self.delete_button.setEnabled(not self._busy)
        self.mode_bar.show_conversation(row.mode, row.campaign_id, row.personal_data)
        if changed or not self._busy:
            self._load_messages(row.id)

    def _load_messages(self, conversation_id: str) -> None:
        if self._busy:
            return  # shown again when the answer ends
        self._messages_request += 1
        request, ws = self._messages_request, self.ctx.ws
        self.ctx.runner.run(
            lambda: (request, conversation_id, conversations.messages_of(ws, conversation_id)),
            on_done=guarded(self, self._messages_loaded),
            on_error=guarded(self, self._action_failed),
        )

    def _messages_loaded(self, result: tuple[int, str, list[ChatMessage]]) -> None:
        request, conversation_id, messages = result
        if request != self._messages_request or conversation_id != self.conversation_id:
            return
        if not self._busy:
            self.chat.show_messages(messages)

    # == asking =========================================================================

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.question.set_busy(busy)
        for widget in (self.new_button, self.list, self.settings_button):
            widget.setEnabled(not busy)
        self.delete_button.setEnabled(not busy and self.conversation_id is not None)
        if busy:
            self.mode_bar.mode.setEnabled(False)
            self.mode_bar.campaign.setEnabled(False)

    def _started(self, started: Started) -> None:
        self.conversation_id = started.conversation_id
        if started.stream is None:
            self._on_failed(started.error)
            return
        stream = self._stream = started.stream
        if self._stop_wanted:
            stream.stop()
        pump = self.pump
        self.ctx.runner.run(lambda: pump.pump(stream), database=False)

    def _start_failed(self, message: str, _is_bug: bool) -> None:
        self._on_failed(message)

    @Slot(str)
    def _on_text(self, text: str) -> None:
        self.chat.add_text(text)

    @Slot(object)
    def _on_done(self, answer: Answer | None) -> None:
        self._finish()
        if answer is not None and answer.state == "stopped":
            self.message.show_message(
                self.tr("Stopped. What the assistant wrote so far is kept."),
                Tone.INFO,
                timeout_ms=8_000,
            )
        self.sig_answered.emit(self.conversation_id or "")

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        question = self._last_question
        self.message.show_message(
            message,
            Tone.ERROR,
            action=self.tr("Send again"),
            on_action=lambda: self.send(question),
        )
        self.sig_failed.emit(message)

    def _finish(self) -> None:
        self._stream = None
        self._set_busy(False)
        self.refresh()
        if self.conversation_id is not None:
            self._load_messages(self.conversation_id)

    # == other actions ==================================================================

    @Slot(bool)
    def _personal_toggled(self, on: bool) -> None:
        ident = self.conversation_id
        if ident is None:
            return  # a new conversation takes the box's value when it starts
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: conversations.set_personal(ws, ident, on),
            on_error=guarded(self, self._action_failed),
        )

    def _deleted(self, _result: object) -> None:
        self.conversation_id = None
        self.new_conversation()
        self.refresh()

    def _action_failed(self, message: str, _is_bug: bool) -> None:
        self.message.show_message(message, Tone.ERROR)
