"""Improve with AI, in the composer: the button, the background work and the choice.

Clicking saves the draft when the form holds changes (the assistant reads the saved
campaign), then asks ``services.assistant.improve`` for three versions on a pool worker
(a slow AI server must not hold up the database queue) while the composer is busy, and
opens ``ImproveDialog``. A chosen version replaces the message as an ordinary edit: the
text is replaced through the editor's cursor, so Ctrl+Z brings the user's words back.

With no key and no server of one's own, the button stays enabled and its tooltip says how
to set the assistant up; clicking says the same on the composer's status line, having
saved and sent nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import ai_tools as tool_msg
from localpro_desktop.domain.messages import assistant as assistant_msg
from localpro_desktop.services.assistant import settings
from localpro_desktop.services.assistant.improve import ImproveResult, improve_campaign
from localpro_desktop.services.campaign_drafts import save_draft
from localpro_desktop.ui.campaigns.composer_checks import first_problem
from localpro_desktop.ui.campaigns.improve_dialog import ImproveDialog
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.tasks import guarded

if TYPE_CHECKING:
    from localpro_desktop.ui.campaigns.composer import CampaignComposer

VERSIONS = 3


class ImproveAction(QObject):
    """The composer's "Improve with AI" button and what it sets going."""

    sig_busy = Signal(bool, str)
    """Asking (True, what is happening) or done (False, "")."""
    sig_saved = Signal(str)
    """The draft was saved first (its id): the composer is no longer dirty."""
    sig_opened = Signal(object)
    """The versions are shown: the ``ImproveDialog``."""
    sig_failed = Signal(str)
    """Nothing to show: the reason, as said on the status line."""

    def __init__(self, composer: CampaignComposer) -> None:
        super().__init__(composer)
        self.composer = composer
        self.dialog: ImproveDialog | None = None
        self.ready: bool | None = None
        self._running = False
        self.button = QPushButton(self.tr("Improve with AI"))
        self.button.setToolTip(self._ready_tip())
        self.button.clicked.connect(self.improve)

    # -- is the assistant set up? ---------------------------------------------------------

    def refresh_ready(self) -> None:
        """Read the assistant's settings (database and keyring) off the UI thread."""
        ws = self.composer.ctx.ws
        self.composer.ctx.runner.run(
            lambda: settings.view(ws).ready,
            on_done=guarded(self, self._show_ready),
            on_error=guarded(self, lambda _text, _bug: None),
        )

    def _show_ready(self, ready: bool) -> None:
        self.ready = ready
        self.button.setToolTip(self._ready_tip())

    def _ready_tip(self) -> str:
        if self.ready is False:
            return translate_message(assistant_msg.NO_KEY())
        return self.tr(
            "Ask the assistant for better versions of this message; your placeholders "
            "such as {{first_name}} are kept, and nothing changes until you pick one."
        )

    # -- asking ---------------------------------------------------------------------------

    def improve(self) -> None:
        composer = self.composer
        if self._running or composer.is_busy():
            return
        if not composer.editor.body().strip():
            self._say(translate_message(tool_msg.NOTHING_TO_IMPROVE()))
            return
        problem, widget = first_problem(composer, sending=False)
        if problem:
            self._say(problem)
            if widget is not None:
                widget.setFocus()
            return
        saved = composer.campaign_id is not None and not composer.has_unsaved_changes()
        draft = None if saved else composer.draft()
        campaign_id = composer.campaign_id
        ws = composer.ctx.ws

        def prepare() -> tuple[str, bool]:
            """Refuse before saving anything when there is no assistant to ask."""
            if not settings.view(ws).ready:
                raise UserError(assistant_msg.NO_KEY)
            if draft is None:
                assert campaign_id is not None
                return campaign_id, False
            return save_draft(ws, draft), True

        self._start(self.tr("Asking the assistant for better versions…"))
        composer.ctx.runner.run(
            prepare,
            on_done=guarded(self, self._prepared),
            on_error=guarded(self, self._failed),
        )

    def _prepared(self, prepared: tuple[str, bool]) -> None:
        campaign_id, saved = prepared
        self.ready = True
        self.button.setToolTip(self._ready_tip())
        if saved:
            self.sig_saved.emit(campaign_id)
        ws = self.composer.ctx.ws
        self.composer.ctx.runner.run(
            lambda: improve_campaign(ws, campaign_id, VERSIONS),
            on_done=guarded(self, self._answered),
            on_error=guarded(self, self._failed),
            database=False,
        )

    def _start(self, text: str) -> None:
        self._running = True
        self.button.setEnabled(False)
        self.button.setText(self.tr("Improving…"))
        self.sig_busy.emit(True, text)

    def _stop(self) -> None:
        self._running = False
        self.button.setEnabled(True)
        self.button.setText(self.tr("Improve with AI"))
        self.sig_busy.emit(False, "")

    def _failed(self, text: str, _is_bug: bool) -> None:
        self._stop()
        if text == translate_message(assistant_msg.NO_KEY()):
            self._show_ready(False)
        self._say(text)

    def _say(self, text: str) -> None:
        self.composer.footer.show_status(text, error=True)
        self.sig_failed.emit(text)

    def _answered(self, result: ImproveResult) -> None:
        self._stop()
        editor = self.composer.editor
        locked = (
            self.tr("The message is the WhatsApp template's text; it cannot be replaced here.")
            if editor.templated
            else ""
        )
        dialog = ImproveDialog(result, locked=locked, parent=self.composer)
        dialog.sig_chosen.connect(self.use_version)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        self.sig_opened.emit(dialog)

    # -- using a version ------------------------------------------------------------------

    def use_version(self, text: str, subject: str) -> None:
        """Replace the message (and the e-mail's subject) as an edit Ctrl+Z takes back."""
        editor = self.composer.editor
        cursor = editor.body_edit.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        editor.body_edit.setTextCursor(cursor)
        if subject:
            editor.subject_edit.selectAll()
            editor.subject_edit.insert(subject)
        editor.body_edit.setFocus()
        self.composer.footer.show_status(self.tr("Version used: Ctrl+Z brings yours back."))
