"""The campaign composer: who receives it, what it says, a live preview, and when it goes.

It is a page of the Campaigns tab rather than a dialog: at 1366×768 the message, the
audience and the preview need the whole width to be read side by side. Anything that reads
or writes the database (segments, audience, saving, sending) runs on the task runner;
template checks, the preview and the SMS counter are pure and run as the user types.
The parts live beside it: ``form.py`` (the fields' layout, name and channel),
``audience.py`` (recipients), ``template_picker.py`` (WhatsApp's approved template and its
variables), ``attachment_picker.py`` (e-mail), ``message_editor.py``, ``preview.py``,
``schedule.py``, ``send_flow.py`` (Send: the summary, then queueing; "Send a test to
myself"), ``channel_notice.py`` (no service can send on the channel yet: said before Send,
with a button to set it up) and ``composer_bars.py`` (top and bottom rows);
``composer_page.py`` lays them out and reads them (the draft as typed), and this class
makes them work together.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QWidget

from localpro_desktop.domain.campaigns import CampaignStatus, Channel
from localpro_desktop.services.campaign_content import MessageOptions
from localpro_desktop.services.campaign_drafts import (
    EditState,
    list_segments,
    load_for_editing,
    save_draft,
)
from localpro_desktop.services.channel_setup import set_up_channels
from localpro_desktop.services.segments import SegmentInfo
from localpro_desktop.ui.campaigns import widgets
from localpro_desktop.ui.campaigns.channel_parts import saved_options
from localpro_desktop.ui.campaigns.composer_checks import first_problem
from localpro_desktop.ui.campaigns.composer_page import ComposerPage
from localpro_desktop.ui.campaigns.improve_action import ImproveAction
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tasks import guarded

Loaded = tuple[int, list[SegmentInfo], EditState | None, frozenset[Channel], MessageOptions]


class CampaignComposer(ComposerPage):
    """Writes a new campaign or edits a draft/scheduled one; sent ones never come here."""

    sig_closed = Signal()
    """The user left without saving (Cancel or Back)."""
    sig_saved = Signal(str)
    """A campaign (id) was saved as a draft or scheduled; the tab shows it."""
    sig_sent = Signal(str, int)
    """A campaign (id) was queued with this many messages."""
    sig_audience_changed = Signal()
    """The audience for the current channel and recipients is counted (or failed)."""
    sig_loaded = Signal()
    """Segments (and the edited campaign) are loaded; the form is ready."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.improver = ImproveAction(self)  # "Improve with AI", above the message
        self.editor.tool_row.addWidget(self.improver.button)
        self._connect_parts()
        self._show_channel()
        self._update_buttons()

    # == construction ===================================================================

    def _connect_parts(self) -> None:
        self.back_button.clicked.connect(self.cancel)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        self.send_button.clicked.connect(self.send)
        self.name_edit.textChanged.connect(self._mark_dirty)
        self.form.sig_channel_changed.connect(self._channel_changed)
        self.recipients.sig_source_changed.connect(self._mark_dirty)
        self.recipients.sig_counting.connect(self._update_buttons)
        self.recipients.sig_counted.connect(self._audience_counted)
        self.editor.sig_changed.connect(self._content_changed)
        self.schedule.sig_changed.connect(self._schedule_changed)
        self.preview.sig_member_changed.connect(self._refresh_preview)
        self.preview.sig_send_test.connect(self.send_test)
        self.template_picker.sig_changed.connect(self._template_changed)
        self.template_picker.sig_loaded.connect(self._templates_loaded)
        self.attachment.sig_changed.connect(self._mark_dirty)
        self.parts.sig_set_up_read.connect(self._set_up_read)
        flow = self.flow
        flow.sig_busy.connect(self._set_busy)
        flow.sig_saved.connect(self._saved_for_sending)
        flow.sig_body.connect(self._body_replaced)
        flow.sig_sent.connect(self.sig_sent)
        flow.sig_scheduled.connect(self._saved)
        flow.sig_failed.connect(self._send_failed)
        flow.sig_tested.connect(self._tested)
        self.improver.sig_busy.connect(self._set_busy)
        self.improver.sig_saved.connect(self._saved_for_sending)
        self.sig_loaded.connect(self.improver.refresh_ready)

    # == opening ========================================================================

    def new_campaign(self, contact_ids: Sequence[str] | None = None) -> None:
        """An empty composer; with ``contact_ids`` the recipients are those contacts."""
        self._reset(tuple(dict.fromkeys(contact_ids or ())), self.tr("Selected contacts"))
        self.heading.setText(self.tr("New campaign"))
        self._load(None)

    def edit_campaign(self, campaign_id: str) -> None:
        """Reopen a draft or scheduled campaign with its content, recipients and schedule."""
        self._reset((), self.tr("Current recipients"))
        self.campaign_id = campaign_id
        self.heading.setText(self.tr("Edit campaign"))
        self._load(campaign_id)

    def _reset(self, picked: tuple[str, ...], picked_label: str) -> None:
        self._loading = True
        self.campaign_id = None
        self.recipients.reset(picked, picked_label)
        self.form.set_channel(Channel.WHATSAPP, quiet=True)
        self.name_edit.clear()
        self.editor.clear()
        self.parts.reset()
        self.schedule.reset()
        self.status_label.clear()
        self.preview.clear()
        self._show_channel()
        self._dirty = False
        self._update_buttons()

    def _load(self, campaign_id: str | None) -> None:
        self._load_generation += 1
        generation = self._load_generation
        ws = self.ctx.ws

        def load() -> Loaded:
            edit = load_for_editing(ws, campaign_id) if campaign_id else None
            options = saved_options(ws, campaign_id) if campaign_id else MessageOptions()
            return generation, list_segments(ws), edit, set_up_channels(ws), options

        self.ctx.runner.run(
            load, on_done=guarded(self, self._loaded), on_error=guarded(self, self._load_failed)
        )

    @Slot(object)
    def _loaded(self, result: Loaded) -> None:
        generation, segments, edit, set_up, options = result
        if generation != self._load_generation:
            return
        self.channel_notice.set_up = set_up
        segment_id = self._show_saved(edit, options) if edit is not None else None
        self.recipients.show_segments(segments, segment_id)
        self._show_channel()
        self._loading = False
        self._dirty = False
        self._recount()
        self.sig_loaded.emit()
        (self.body_edit if edit is not None else self.name_edit).setFocus()

    def _show_saved(self, edit: EditState, options: MessageOptions) -> str | None:
        """Fill the form with a saved campaign; returns its segment if it still exists."""
        row = edit.row
        self.campaign_id = row.id
        self.heading.setText(self.tr("Edit campaign: {name}").format(name=row.name))
        self.name_edit.setText(row.name)
        self.form.set_channel(row.channel, quiet=True)
        self.subject_edit.setText(row.subject)
        self.body_edit.setPlainText(row.body)
        segment_id = row.segment_id if edit.segment_live else None
        if segment_id is None:
            self.recipients.set_picked(edit.recipient_ids)
        if row.status is CampaignStatus.SCHEDULED and row.scheduled_at:
            self.schedule.show_moment(row.scheduled_at)
        self.parts.show_saved(options)
        return segment_id

    @Slot(str, bool)
    def _load_failed(self, message: str, _is_bug: bool) -> None:
        self._loading = False
        self._show_status(message, error=True)
        self._update_buttons()
        self.sig_loaded.emit()

    def refresh_segments(self) -> None:
        """Segments changed elsewhere: refill the list, keeping the current choice."""
        if not self._loading:
            self.recipients.refresh_segments()

    # == reacting =======================================================================

    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True

    @Slot()
    def _channel_changed(self) -> None:
        self._mark_dirty()
        self._show_channel()
        self._recount()

    @Slot()
    def _content_changed(self) -> None:
        self._mark_dirty()
        self._refresh_preview()

    @Slot()
    def _schedule_changed(self) -> None:
        self._mark_dirty()
        self._update_buttons()

    def _show_channel(self) -> None:
        self.parts.show(self.channel())
        self._refresh_preview()

    @Slot()
    def _template_changed(self) -> None:
        self._mark_dirty()
        self._templates_loaded()

    @Slot()
    def _templates_loaded(self) -> None:
        self.parts.show_template(self.channel())

    @Slot()
    def _set_up_read(self) -> None:
        self._show_channel()
        self._update_buttons()

    def _recount(self) -> None:
        self.recipients.recount(self.channel(), hint=not self._loading)
        self._update_buttons()

    @Slot()
    def _audience_counted(self) -> None:
        self.preview.set_members(self.recipients.members())
        self._refresh_preview()
        self.sig_audience_changed.emit()

    @Slot()
    def _refresh_preview(self) -> None:
        channel = self.channel()
        subject, body = self.editor.subject(), self.editor.body()
        error = self.preview.show_message(channel, subject, body, self.editor.check())
        self._template_error = error
        self.editor.show_error(error)
        self.editor.show_sms_count(self.preview.rendered_body(body, error))
        self._update_buttons()

    # == buttons ========================================================================

    def _update_buttons(self) -> None:
        idle = not self._loading and not self._busy
        counted = self.audience is not None
        self.save_button.setEnabled(idle)
        problem = self.channel_notice.problem(self.channel())
        ready = self.channel_notice.ready(self.channel()) is True
        self.send_button.setEnabled(idle and counted and ready)
        if problem:
            tip = problem
        elif not counted:
            tip = self.tr("Wait until the recipients are counted.")
        else:
            tip = ""
        self.send_button.setToolTip(tip)
        self.preview.test_button.setEnabled(idle and ready)
        self.preview.test_button.setToolTip(problem or self.preview.test_tip())
        self.save_button.setText(
            self.tr("Save and schedule")
            if self.schedule_check.isChecked()
            else self.tr("Save draft")
        )
        self.back_button.setEnabled(not self._busy)
        self.cancel_button.setEnabled(not self._busy)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.footer.show_status(text, error=error)

    def _problems(self, *, sending: bool) -> tuple[str, QWidget | None]:
        """The first thing stopping a save (or a send), and the field to fix it in."""
        return first_problem(self, sending=sending)

    def _refuse(self, problem: str, widget: QWidget | None) -> bool:
        if not problem:
            return False
        self._show_status(problem, error=True)
        if widget is not None:
            widget.setFocus()
        return True

    @Slot(bool, str)
    def _set_busy(self, busy: bool, message: str) -> None:
        self._busy = busy
        self._show_status(message)
        self._update_buttons()

    # == save ===========================================================================

    @Slot()
    def save(self) -> None:
        """Save as a draft (or scheduled); the tab returns to the list on success."""
        if self._busy or self._loading or self._refuse(*self._problems(sending=False)):
            return
        draft = self.draft()
        self._set_busy(True, self.tr("Saving…"))
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: save_draft(ws, draft),
            on_done=guarded(self, self._saved),
            on_error=guarded(self, self._save_failed),
        )

    @Slot(object)
    def _saved(self, campaign_id: str) -> None:
        self.campaign_id = campaign_id
        self._dirty = False
        self._set_busy(False, "")
        self.sig_saved.emit(campaign_id)

    @Slot(str, bool)
    def _save_failed(self, message: str, _is_bug: bool) -> None:
        self._set_busy(False, "")
        self._show_status(message, error=True)

    # == send ===========================================================================

    @Slot()
    def send(self) -> None:
        """Save, show the summary (audience, exclusions, cost, plan), then queue."""
        if self._busy or self._loading or self._refuse(*self._problems(sending=True)):
            return
        if self.audience is None:
            return
        self.flow.start(self.draft(), self.recipients.members())

    @Slot(str)
    def _saved_for_sending(self, campaign_id: str) -> None:
        self.campaign_id = campaign_id
        self._dirty = False

    @Slot(str)
    def _body_replaced(self, body: str) -> None:
        """ "Replace ’ « »…" rewrote the stored body: show it (as saved, not an edit)."""
        loading, self._loading = self._loading, True
        try:
            self.body_edit.setPlainText(body)
        finally:
            self._loading = loading
        self._refresh_preview()

    @Slot(str)
    def _send_failed(self, message: str) -> None:
        self._show_status(message, error=True)
        self.parts.reread()  # a channel may have been removed meanwhile

    @property
    def channels_dialog(self) -> QWidget | None:
        """The Channels settings opened from the notice (for tests)."""
        return self.parts.channels_dialog

    @Slot()
    def send_test(self) -> None:
        """The message as the person in the preview gets it, to the user's own address."""
        if self._busy:
            return
        channel = self.channel()
        if problem := self.channel_notice.problem(channel):
            self._show_status(problem, error=True)
            return
        if error := self._template_error:
            text = self.tr("Fix the message first: {error}").format(error=error)
            self._show_status(text, error=True)
            return
        subject = self.preview.rendered_subject(self.editor.subject(), error)
        body = self.preview.rendered_body(self.editor.body(), error)
        self.flow.send_test(channel, subject, body)

    @Slot(bool, str)
    def _tested(self, sent: bool, text: str) -> None:
        self._show_status(text, error=not sent)

    # == leaving ========================================================================

    @Slot()
    def cancel(self) -> None:
        if self._busy:
            return
        if self._dirty and not widgets.ask(
            self,
            self.tr("Discard changes?"),
            self.tr("Your changes to this campaign are not saved."),
            self.tr("Discard"),
            self.tr("Keep editing"),
        ):
            return
        self._dirty = False
        self.sig_closed.emit()

    def has_unsaved_changes(self) -> bool:
        return self._dirty
