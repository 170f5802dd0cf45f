"""The campaign composer: who receives it, what it says, a live preview, and when it goes.

It is a page of the Campaigns tab rather than a dialog: at 1366×768 the message, the
audience and the preview need the whole width to be read side by side. Anything that reads
or writes the database (segments, audience, saving, sending) runs on the task runner;
template checks, the preview and the SMS counter are pure and run as the user types.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QSignalBlocker, Qt, QTime, QTimeZone, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import CampaignStatus, Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.plans import LimitCheck, Plan, next_reset
from localpro_desktop.domain.sms import SmsLength, sms_length
from localpro_desktop.domain.templates import PLACEHOLDERS, check_template, render
from localpro_desktop.services.campaigns import Audience, address_for, personal_fields
from localpro_desktop.services.segments import SegmentInfo
from localpro_desktop.services.usage import UsageLine, today_utc
from localpro_desktop.store.models import Contact
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns import widgets
from localpro_desktop.ui.campaigns.data import (
    CampaignDraft,
    EditState,
    RecipientSource,
    SendOutcome,
    compute_audience,
    list_segments,
    load_for_editing,
    message_quota,
    save_draft,
    send_now,
)
from localpro_desktop.ui.campaigns.widgets import BUBBLE_TEXT, PREVIEW_BUBBLES, channel_icon
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import CHANNEL_COLORS, ERROR_COLOR, MUTED_COLOR

_CONTACTS = "contacts"
_SEGMENT = "segment:"
_QUICK_FIELDS = ("first_name", "company", "city")
_FIELD_IN_TEMPLATE = re.compile(r"{{\s*(\w+)\s*}}")
_CHANNELS = (Channel.WHATSAPP, Channel.EMAIL, Channel.SMS)
_PHONE_CHANNELS = (Channel.WHATSAPP, Channel.SMS)


def local_to_utc(value: QDateTime) -> datetime:
    """The picker shows local time; the services store naive UTC."""
    utc = value.toUTC()
    d, t = utc.date(), utc.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())


def utc_to_local(value: datetime) -> QDateTime:
    utc = QDateTime(
        QDate(value.year, value.month, value.day),
        QTime(value.hour, value.minute, value.second),
        QTimeZone.utc(),
    )
    return utc.toLocalTime()


class CampaignComposer(QWidget):
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
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id: str | None = None
        self._segments: list[SegmentInfo] = []
        self._picked: tuple[str, ...] = ()
        self._picked_label = ""
        self._audience: Audience | None = None
        self._audience_generation = 0
        self._load_generation = 0
        self._included: dict[str, Contact] = {}
        self._loading = False
        self._busy = False
        self._dirty = False
        self._template_error = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_top())
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(self._build_form(), 3)
        columns.addWidget(self._build_preview(), 2)
        layout.addLayout(columns, 1)
        layout.addWidget(self._separator())
        layout.addLayout(self._build_bottom())
        self._show_channel()
        self._update_buttons()

    # == construction ===================================================================

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.back_button = QPushButton("← " + self.tr("Campaigns"))
        self.back_button.setToolTip(self.tr("Back to the list of campaigns"))
        self.back_button.clicked.connect(self.cancel)
        top.addWidget(self.back_button)
        top.addSpacing(8)
        self.heading = QLabel(self.tr("New campaign"))
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.heading, 1)
        return top

    def _build_form(self) -> QWidget:
        panel = QWidget()
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("e.g. Tabaski promotion"))
        self.name_edit.textChanged.connect(self._mark_dirty)
        form.addRow(self.tr("Name"), self.name_edit)

        channel_row = QHBoxLayout()
        channel_row.setSpacing(16)
        self.channel_group = QButtonGroup(self)
        self.channel_buttons: dict[Channel, QRadioButton] = {}
        for number, channel in enumerate(_CHANNELS):
            button = QRadioButton(labels.channel(channel))
            button.setIcon(channel_icon(channel))
            self.channel_group.addButton(button, number)
            self.channel_buttons[channel] = button
            channel_row.addWidget(button)
        channel_row.addStretch(1)
        self.channel_buttons[Channel.WHATSAPP].setChecked(True)
        self.channel_group.idToggled.connect(self._channel_toggled)
        form.addRow(self.tr("Channel"), channel_row)

        recipients = QVBoxLayout()
        recipients.setSpacing(4)
        self.source_combo = QComboBox()
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_combo.setMinimumContentsLength(24)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        recipients.addWidget(self.source_combo)
        self.audience_label = QLabel()
        self.audience_label.setWordWrap(True)
        self.audience_label.setTextFormat(Qt.TextFormat.RichText)
        recipients.addWidget(self.audience_label)
        form.addRow(self.tr("Recipients"), recipients)

        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(300)
        self.subject_edit.setPlaceholderText(self.tr("e.g. News for {{company}}"))
        self.subject_edit.textChanged.connect(self._content_changed)
        form.addRow(self.tr("Subject"), self.subject_edit)

        message = QVBoxLayout()
        message.setSpacing(4)
        message.addLayout(self._build_placeholder_bar())
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(
            self.tr("Hello {{first_name}}, …  Use the buttons above to add personal fields.")
        )
        self.body_edit.setMinimumHeight(110)
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.textChanged.connect(self._content_changed)
        message.addWidget(self.body_edit, 1)
        under = QHBoxLayout()
        self.template_error = QLabel()
        self.template_error.setWordWrap(True)
        self.template_error.setTextFormat(Qt.TextFormat.PlainText)
        self.template_error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.template_error.hide()
        under.addWidget(self.template_error, 1)
        self.sms_counter = QLabel()
        self.sms_counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        under.addWidget(self.sms_counter)
        message.addLayout(under)
        form.addRow(self.tr("Message"), message)

        schedule = QHBoxLayout()
        self.schedule_check = QCheckBox(self.tr("Send later, on"))
        self.schedule_check.toggled.connect(self._schedule_toggled)
        schedule.addWidget(self.schedule_check)
        self.schedule_edit = QDateTimeEdit()
        self.schedule_edit.setCalendarPopup(True)
        self.schedule_edit.setEnabled(False)
        self.schedule_edit.dateTimeChanged.connect(self._mark_dirty)
        schedule.addWidget(self.schedule_edit)
        schedule.addSpacing(6)
        self.schedule_hint = QLabel(self.tr("your local time"))
        self.schedule_hint.setStyleSheet(f"color: {MUTED_COLOR};")
        schedule.addWidget(self.schedule_hint)
        schedule.addStretch(1)
        form.addRow(self.tr("When"), schedule)
        return panel

    def _build_placeholder_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(4)
        insert = QLabel(self.tr("Insert:"))
        insert.setStyleSheet(f"color: {MUTED_COLOR};")
        bar.addWidget(insert)
        names = self.field_names()
        self.placeholder_buttons: dict[str, QPushButton] = {}
        for name in _QUICK_FIELDS:
            button = QPushButton(names[name])
            button.setToolTip(
                self.tr("Insert {token} at the cursor").format(token="{{" + name + "}}")
            )
            # Keep the focus (and the cursor) in the text being edited.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, n=name: self.insert_placeholder(n))
            self.placeholder_buttons[name] = button
            bar.addWidget(button)
        self.more_fields = QPushButton(self.tr("More fields"))
        self.more_fields.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.more_fields)
        for name in PLACEHOLDERS:
            action = menu.addAction(f"{names.get(name, name)}   {{{{{name}}}}}")
            action.triggered.connect(lambda _checked=False, n=name: self.insert_placeholder(n))
        self.more_fields.setMenu(menu)
        bar.addWidget(self.more_fields)
        bar.addStretch(1)
        return bar

    def _build_preview(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("previewPanel")
        panel.setStyleSheet(
            "#previewPanel { background: palette(alternate-base); border: 1px solid"
            " palette(mid); border-radius: 6px; }"
        )
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        caption = QLabel(self.tr("Preview"))
        caption.setStyleSheet("font-weight: 600;")
        layout.addWidget(caption)
        pick = QHBoxLayout()
        as_label = QLabel(self.tr("As received by"))
        pick.addWidget(as_label)
        self.preview_combo = QComboBox()
        self.preview_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preview_combo.setMinimumContentsLength(16)
        self.preview_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.preview_combo.currentIndexChanged.connect(self._preview_contact_changed)
        as_label.setBuddy(self.preview_combo)
        pick.addWidget(self.preview_combo, 1)
        layout.addLayout(pick)
        self.preview_address = QLabel()
        self.preview_address.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_address.setStyleSheet(f"color: {MUTED_COLOR};")
        layout.addWidget(self.preview_address)

        self.bubble = QFrame()
        self.bubble.setObjectName("bubble")
        bubble_layout = QVBoxLayout(self.bubble)
        bubble_layout.setContentsMargins(12, 10, 12, 10)
        bubble_layout.setSpacing(6)
        self.preview_subject = QLabel()
        self.preview_subject.setWordWrap(True)
        self.preview_subject.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_subject.setStyleSheet(
            f"font-weight: 600; background: transparent; color: {BUBBLE_TEXT};"
        )
        self.preview_subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bubble_layout.addWidget(self.preview_subject)
        self.preview_body = QLabel()
        self.preview_body.setWordWrap(True)
        self.preview_body.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview_body.setStyleSheet("background: transparent;")
        self.preview_body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bubble_layout.addWidget(self.preview_body)
        bubble_holder = QWidget()
        holder_layout = QVBoxLayout(bubble_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.bubble)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(bubble_holder)
        scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        layout.addWidget(scroll, 1)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview_note.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_note.setStyleSheet(f"color: {MUTED_COLOR};")
        layout.addWidget(self.preview_note)
        return panel

    def _build_bottom(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        bottom.addWidget(self.status_label, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.clicked.connect(self.save)
        self.send_button = QPushButton(self.tr("Send now…"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        for button in (self.cancel_button, self.save_button, self.send_button):
            button.setMinimumWidth(110)
            bottom.addWidget(button)
        return bottom

    @staticmethod
    def _separator() -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    def field_names(self) -> dict[str, str]:
        """What each placeholder means, in the user's language."""
        return {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "full_name": self.tr("Full name"),
            "company": self.tr("Company"),
            "business_name": self.tr("Business name"),
            "city": self.tr("City"),
            "sector": self.tr("Sector"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
        }

    # == opening ========================================================================

    def new_campaign(self, contact_ids: Sequence[str] | None = None) -> None:
        """An empty composer; with ``contact_ids`` the recipients are those contacts."""
        self._reset()
        self.heading.setText(self.tr("New campaign"))
        self._picked = tuple(dict.fromkeys(contact_ids or ()))
        self._picked_label = self.tr("Selected contacts")
        self._load(None)

    def edit_campaign(self, campaign_id: str) -> None:
        """Reopen a draft or scheduled campaign with its content, recipients and schedule."""
        self._reset()
        self.campaign_id = campaign_id
        self.heading.setText(self.tr("Edit campaign"))
        self._picked_label = self.tr("Current recipients")
        self._load(campaign_id)

    def _reset(self) -> None:
        self._loading = True
        self.campaign_id = None
        self._picked = ()
        self._audience = None
        self._included = {}
        self._audience_generation += 1
        with QSignalBlocker(self.channel_group):
            self.channel_buttons[Channel.WHATSAPP].setChecked(True)
        self.name_edit.clear()
        self.subject_edit.clear()
        self.body_edit.clear()
        self.schedule_check.setChecked(False)
        self._reset_schedule_time()
        self.status_label.clear()
        with QSignalBlocker(self.source_combo):
            self.source_combo.clear()
        with QSignalBlocker(self.preview_combo):
            self.preview_combo.clear()
        self.audience_label.setText(self._muted(self.tr("Loading segments…")))
        self._show_channel()
        self._dirty = False
        self._update_buttons()

    def _reset_schedule_time(self) -> None:
        now = QDateTime.currentDateTime()
        self.schedule_edit.setMinimumDateTime(now)
        start = now.addSecs(3600)
        start.setTime(QTime(start.time().hour(), 0))
        self.schedule_edit.setDateTime(start)

    def _load(self, campaign_id: str | None) -> None:
        self._load_generation += 1
        generation = self._load_generation
        ws = self.ctx.ws

        def load() -> tuple[int, list[SegmentInfo], EditState | None]:
            edit = load_for_editing(ws, campaign_id) if campaign_id else None
            return generation, list_segments(ws), edit

        self.ctx.runner.run(load, on_done=self._loaded, on_error=self._load_failed)

    @Slot(object)
    def _loaded(self, result: tuple[int, list[SegmentInfo], EditState | None]) -> None:
        generation, segments, edit = result
        if generation != self._load_generation:
            return
        self._segments = segments
        segment_id: str | None = None
        if edit is not None:
            row = edit.row
            self.campaign_id = row.id
            self.heading.setText(self.tr("Edit campaign: {name}").format(name=row.name))
            self.name_edit.setText(row.name)
            with QSignalBlocker(self.channel_group):
                self.channel_buttons[row.channel].setChecked(True)
            self.subject_edit.setText(row.subject)
            self.body_edit.setPlainText(row.body)
            segment_id = row.segment_id if edit.segment_live else None
            if segment_id is None:
                self._picked = edit.recipient_ids
            if row.status is CampaignStatus.SCHEDULED and row.scheduled_at:
                self.schedule_check.setChecked(True)
                local = utc_to_local(row.scheduled_at)
                self.schedule_edit.setMinimumDateTime(min(local, QDateTime.currentDateTime()))
                self.schedule_edit.setDateTime(local)
        self._fill_sources(segment_id)
        self._show_channel()
        self._loading = False
        self._dirty = False
        self._recount()
        self.sig_loaded.emit()
        (self.body_edit if edit is not None else self.name_edit).setFocus()

    @Slot(str, bool)
    def _load_failed(self, message: str, _is_bug: bool) -> None:
        self._loading = False
        self._show_status(message, error=True)
        self._update_buttons()
        self.sig_loaded.emit()

    def _fill_sources(self, segment_id: str | None) -> None:
        with QSignalBlocker(self.source_combo):
            self.source_combo.clear()
            self.source_combo.addItem(self.tr("Choose a segment…"), "")
            if self._picked:
                self.source_combo.addItem(
                    self.tr("{label} ({n})").format(
                        label=self._picked_label, n=fmt.number(len(self._picked))
                    ),
                    _CONTACTS,
                )
            for info in self._segments:
                text = self.tr("Segment: {name} ({n})").format(
                    name=info.name, n=fmt.number(info.member_count)
                )
                self.source_combo.addItem(text, _SEGMENT + info.id)
                if info.problem:
                    index = self.source_combo.count() - 1
                    self.source_combo.setItemData(index, info.problem, Qt.ItemDataRole.ToolTipRole)
            if segment_id is not None:
                wanted = self.source_combo.findData(_SEGMENT + segment_id)
            else:
                wanted = self.source_combo.findData(_CONTACTS)
            self.source_combo.setCurrentIndex(max(wanted, 0))

    def refresh_segments(self) -> None:
        """Segments changed elsewhere: refill the list, keeping the current choice."""
        if self._loading:
            return
        ws = self.ctx.ws
        self.ctx.runner.run(lambda: list_segments(ws), on_done=self._segments_arrived)

    @Slot(object)
    def _segments_arrived(self, segments: list[SegmentInfo]) -> None:
        current = self.source()
        self._segments = segments
        self._fill_sources(current.segment_id)
        if current != self.source():
            self._recount()

    # == reading the form ===============================================================

    def channel(self) -> Channel:
        return _CHANNELS[max(self.channel_group.checkedId(), 0)]

    def set_channel(self, channel: Channel) -> None:
        self.channel_buttons[channel].setChecked(True)

    def source(self) -> RecipientSource:
        data = self.source_combo.currentData() or ""
        if data == _CONTACTS:
            return RecipientSource(contact_ids=self._picked)
        if data.startswith(_SEGMENT):
            return RecipientSource(segment_id=data[len(_SEGMENT) :])
        return RecipientSource()

    def select_segment(self, segment_id: str) -> bool:
        index = self.source_combo.findData(_SEGMENT + segment_id)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)
        return index >= 0

    def draft(self) -> CampaignDraft:
        schedule_at = (
            local_to_utc(self.schedule_edit.dateTime()) if self.schedule_check.isChecked() else None
        )
        return CampaignDraft(
            campaign_id=self.campaign_id,
            name=self.name_edit.text().strip(),
            channel=self.channel(),
            subject=self.subject_edit.text() if self.channel() is Channel.EMAIL else "",
            body=self.body_edit.toPlainText(),
            source=self.source(),
            schedule_at=schedule_at,
        )

    @property
    def audience(self) -> Audience | None:
        """The counted audience for the current choice; None while counting."""
        return self._audience

    def preview_contact(self) -> Contact | None:
        contact_id = self.preview_combo.currentData()
        return self._included.get(contact_id) if contact_id else None

    def select_preview_contact(self, contact_id: str) -> bool:
        index = self.preview_combo.findData(contact_id)
        if index >= 0:
            self.preview_combo.setCurrentIndex(index)
        return index >= 0

    def is_busy(self) -> bool:
        """Loading, counting, saving or sending: tests wait until this is false."""
        return self._loading or self._busy or (self._audience is None and self.source().chosen)

    # == reacting =======================================================================

    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True

    @Slot(int, bool)
    def _channel_toggled(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        self._mark_dirty()
        self._show_channel()
        self._recount()

    @Slot(int)
    def _source_changed(self, _index: int) -> None:
        self._mark_dirty()
        self._recount()

    @Slot()
    def _content_changed(self) -> None:
        self._mark_dirty()
        self._refresh_preview()

    @Slot(bool)
    def _schedule_toggled(self, checked: bool) -> None:
        self.schedule_edit.setEnabled(checked)
        self._mark_dirty()
        self._update_buttons()

    @Slot(int)
    def _preview_contact_changed(self, _index: int) -> None:
        self._refresh_preview()

    def insert_placeholder(self, name: str) -> None:
        """Insert ``{{name}}`` at the cursor of the subject (if it has focus) or the body."""
        token = "{{" + name + "}}"
        if self.subject_edit.hasFocus() and self.channel() is Channel.EMAIL:
            self.subject_edit.insert(token)
            return
        cursor = self.body_edit.textCursor()
        cursor.insertText(token)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    def _show_channel(self) -> None:
        channel = self.channel()
        email = channel is Channel.EMAIL
        self.form.setRowVisible(self.subject_edit, email)
        self.sms_counter.setVisible(channel is Channel.SMS)
        self.bubble.setStyleSheet(
            f"#bubble {{ background: {PREVIEW_BUBBLES[channel]}; border: 1px solid"
            f" {CHANNEL_COLORS[channel]}; border-radius: 10px; }}"
        )
        self._refresh_preview()

    # == audience =======================================================================

    def _recount(self) -> None:
        """Count who the campaign reaches on this channel, off the UI thread."""
        self._audience_generation += 1
        generation = self._audience_generation
        self._audience = None
        channel, source = self.channel(), self.source()
        if not source.chosen:
            self._audience = Audience()
            self._included = {}
            self.audience_label.setText(
                self._muted(self.tr("Choose who receives the campaign."))
                if not self._loading
                else ""
            )
            self._fill_preview_contacts()
            self._update_buttons()
            self.sig_audience_changed.emit()
            return
        self.audience_label.setText(self._muted(self.tr("Counting recipients…")))
        self._update_buttons()
        ws = self.ctx.ws

        def count() -> tuple[int, Audience]:
            return generation, compute_audience(ws, channel, source)

        self.ctx.runner.run(count, on_done=self._audience_ready, on_error=self._audience_failed)

    @Slot(object)
    def _audience_ready(self, result: tuple[int, Audience]) -> None:
        generation, audience = result
        if generation != self._audience_generation:
            return
        self._audience = audience
        self._included = {c.id: c for c in audience.included}
        self.audience_label.setText(self._audience_text(audience))
        self.audience_label.setToolTip(self._excluded_tooltip(audience))
        self._fill_preview_contacts()
        self._update_buttons()
        self.sig_audience_changed.emit()

    @Slot(str, bool)
    def _audience_failed(self, message: str, _is_bug: bool) -> None:
        self._audience = Audience()
        self._included = {}
        self.audience_label.setText(f'<span style="color:{ERROR_COLOR}">{_esc(message)}</span>')
        self._fill_preview_contacts()
        self._update_buttons()
        self.sig_audience_changed.emit()

    def exclusion_phrases(self, counts: dict[str, int]) -> list[str]:
        """Phrases such as "12 without a number" and "3 opted out", worded for the channel.

        Each has a "1 …" form so French can agree in number ("1 désinscrit").
        """
        phone = self.channel() in _PHONE_CHANNELS
        phrases = []
        if n := counts.get("no_address", 0):
            if phone:
                one, many = self.tr("1 without a number"), self.tr("{n} without a number")
            else:
                one, many = self.tr("1 without an e-mail"), self.tr("{n} without an e-mail")
            phrases.append(_plural(n, one, many))
        if n := counts.get("opted_out", 0):
            phrases.append(_plural(n, self.tr("1 opted out"), self.tr("{n} opted out")))
        if n := counts.get("invalid_address", 0):
            if phone:
                one = self.tr("1 with an invalid number")
                many = self.tr("{n} with an invalid number")
            else:
                one = self.tr("1 with an invalid e-mail")
                many = self.tr("{n} with an invalid e-mail")
            phrases.append(_plural(n, one, many))
        return phrases

    def _audience_text(self, audience: Audience) -> str:
        n = len(audience.included)
        if n == 1:
            reached = self.tr("1 person will receive it")
        else:
            reached = self.tr("{n} people will receive it").format(n=fmt.number(n))
        color = CHANNEL_COLORS[self.channel()] if n else ERROR_COLOR
        text = f'<b style="color:{color}">{_esc(reached)}</b>'
        phrases = self.exclusion_phrases(audience.excluded_counts())
        if phrases:
            left_out = self.tr("Left out: {reasons}").format(reasons=", ".join(phrases))
            text += f'<span style="color:{MUTED_COLOR}"> · {_esc(left_out)}</span>'
        elif n:
            text += (
                f'<span style="color:{MUTED_COLOR}"> · {_esc(self.tr("nobody left out"))}</span>'
            )
        return text

    def _excluded_tooltip(self, audience: Audience) -> str:
        if not audience.excluded:
            return ""
        reasons = {
            "no_address": self.tr("no address"),
            "opted_out": self.tr("opted out"),
            "invalid_address": self.tr("invalid address"),
        }
        shown = [f"{e.name} — {reasons.get(e.reason, e.reason)}" for e in audience.excluded[:15]]
        more = len(audience.excluded) - len(shown)
        if more > 0:
            shown.append(self.tr("and {n} more").format(n=fmt.number(more)))
        return "\n".join(shown)

    def _fill_preview_contacts(self) -> None:
        current = self.preview_combo.currentData()
        contacts = sorted(self._included.values(), key=lambda c: c.display_name.casefold())
        with QSignalBlocker(self.preview_combo):
            self.preview_combo.clear()
            for contact in contacts:
                detail = ", ".join(p for p in (contact.company, contact.city) if p)
                shown = contact.display_name
                if detail and detail != shown:
                    shown = f"{shown} — {detail}"
                self.preview_combo.addItem(shown, contact.id)
            index = self.preview_combo.findData(current) if current else -1
            self.preview_combo.setCurrentIndex(max(index, 0) if contacts else -1)
        self.preview_combo.setEnabled(bool(contacts))
        self._refresh_preview()

    # == preview, counter and template checks ===========================================

    def _refresh_preview(self) -> None:
        channel = self.channel()
        body = self.body_edit.toPlainText()
        subject = self.subject_edit.text() if channel is Channel.EMAIL else ""
        error = self._check(subject, body)
        contact = self.preview_contact()
        rendered_subject, rendered_body = subject, body
        if contact is not None and not error:
            fields = personal_fields(contact)
            try:
                rendered_body = render(body, fields)
                rendered_subject = render(subject, fields) if subject else ""
            except UserError as exc:
                error = str(exc)
        self._template_error = error
        self.template_error.setText(error)
        self.template_error.setVisible(bool(error))
        self.body_edit.setStyleSheet(
            f"QPlainTextEdit {{ border: 1px solid {ERROR_COLOR}; }}" if error else ""
        )
        self.preview_subject.setVisible(channel is Channel.EMAIL)
        self.preview_subject.setText(
            rendered_subject or self.tr("(no subject)") if channel is Channel.EMAIL else ""
        )
        if error:
            placeholder = self.tr("The preview comes back once the message has no error.")
        elif not body.strip():
            placeholder = self.tr("Your message appears here as it will be received.")
        else:
            placeholder = ""
        self.preview_body.setText(placeholder or rendered_body)
        # The bubble is light in every theme, so its text colour is fixed too.
        color = MUTED_COLOR if placeholder else BUBBLE_TEXT
        self.preview_body.setStyleSheet(f"background: transparent; color: {color};")
        self.preview_address.setText(self._address_line(contact, channel))
        self.preview_note.setText(self._preview_note(contact, subject + "\n" + body, error))
        self._show_sms_counter(rendered_body if contact is not None and not error else body)
        self._update_buttons()

    def _check(self, subject: str, body: str) -> str:
        try:
            check_template(body)
            if subject:
                check_template(subject)
        except UserError as exc:
            return str(exc)
        return ""

    def _address_line(self, contact: Contact | None, channel: Channel) -> str:
        if contact is None:
            return self.tr("Choose recipients to see each person's message.")
        address, _reason = address_for(contact, channel)
        return self.tr("To: {address}").format(address=address or "—")

    def _preview_note(self, contact: Contact | None, template: str, error: str) -> str:
        if error or contact is None:
            return ""
        fields = personal_fields(contact)
        names = self.field_names()
        empty = sorted(
            {
                names.get(name, name)
                for name in _FIELD_IN_TEMPLATE.findall(template)
                if not str(fields.get(name) or "").strip()
            }
        )
        if not empty:
            return ""
        return self.tr("Blank for this person: {fields}").format(fields=", ".join(empty))

    def _show_sms_counter(self, text: str) -> None:
        length = sms_length(text)
        self.sms_counter.setText(self.sms_counter_text(length))
        unicode = length.encoding != "GSM-7"
        color = ERROR_COLOR if length.segments > 3 else ("#b26a00" if unicode else MUTED_COLOR)
        self.sms_counter.setStyleSheet(f"color: {color};")
        self.sms_counter.setToolTip(
            self.tr(
                "Counted on the message as the person in the preview receives it. "
                "An emoji or a letter outside the basic SMS alphabet switches the whole "
                "message to Unicode: 70 characters per SMS instead of 160."
            )
        )

    def sms_counter_text(self, length: SmsLength) -> str:
        encoding = self.tr("Unicode") if length.encoding != "GSM-7" else self.tr("GSM-7")
        capacity = max(length.segments, 1) * length.per_segment
        return self.tr("{segments} SMS · {units}/{capacity} characters · {encoding}").format(
            segments=fmt.number(length.segments),
            units=fmt.number(length.units),
            capacity=fmt.number(capacity),
            encoding=encoding,
        )

    # == buttons ========================================================================

    def _update_buttons(self) -> None:
        idle = not self._loading and not self._busy
        counted = self._audience is not None
        self.save_button.setEnabled(idle)
        self.send_button.setEnabled(idle and counted)
        self.send_button.setToolTip(
            "" if counted else self.tr("Wait until the recipients are counted.")
        )
        self.save_button.setText(
            self.tr("Save and schedule")
            if self.schedule_check.isChecked()
            else self.tr("Save draft")
        )
        self.back_button.setEnabled(not self._busy)
        self.cancel_button.setEnabled(not self._busy)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.status_label.setText(text)

    def _problems(self, *, sending: bool) -> tuple[str, QWidget | None]:
        """The first thing stopping a save (or a send), and the field to fix it in."""
        draft = self.draft()
        if not draft.name:
            return self.tr("Give the campaign a name."), self.name_edit
        if self._template_error:
            return self.tr("Fix the message first: {error}").format(
                error=self._template_error
            ), self.body_edit
        if draft.schedule_at is not None and self.schedule_edit.dateTime() <= (
            QDateTime.currentDateTime()
        ):
            return self.tr("Pick a time in the future, or untick “Send later”."), (
                self.schedule_edit
            )
        if not sending:
            return "", None
        if draft.channel is Channel.EMAIL and not draft.subject.strip():
            return self.tr("An e-mail needs a subject."), self.subject_edit
        if not draft.body.strip():
            return self.tr("Write the message first."), self.body_edit
        if not draft.source.chosen:
            return self.tr("Choose who receives the campaign."), self.source_combo
        if self._audience is not None and not self._audience.included:
            return self.tr("Nobody in this selection can be reached on {channel}.").format(
                channel=labels.channel(draft.channel)
            ), self.source_combo
        return "", None

    def _refuse(self, problem: str, widget: QWidget | None) -> bool:
        if not problem:
            return False
        self._show_status(problem, error=True)
        if widget is not None:
            widget.setFocus()
        return True

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
            lambda: save_draft(ws, draft), on_done=self._saved, on_error=self._save_failed
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

    def _set_busy(self, busy: bool, message: str) -> None:
        self._busy = busy
        self._show_status(message)
        self._update_buttons()

    # == send ===========================================================================

    @Slot()
    def send(self) -> None:
        """Confirm with the message count and the plan's allowance, then queue."""
        if self._busy or self._loading or self._refuse(*self._problems(sending=True)):
            return
        if self._audience is None:
            return
        self._set_busy(True, self.tr("Checking your plan…"))
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: message_quota(ws),
            on_done=self._confirm_send,
            on_error=self._save_failed,
        )

    @Slot(object)
    def _confirm_send(self, result: tuple[UsageLine, Plan]) -> None:
        quota, plan = result
        self._set_busy(False, "")
        audience = self._audience
        if audience is None:
            return
        draft = self.draft()
        n = len(audience.included)
        if quota.remaining is not None and n > quota.remaining:
            check = LimitCheck(plan, quota.metric, quota.used, n, quota.limit)
            resets_on = next_reset(today_utc())
            widgets.warn(self, self.tr("Plan limit reached"), self.limit_text(check, resets_on))
            return
        if not widgets.ask(
            self,
            self.tr("Send campaign"),
            self.confirm_text(draft, n, quota, plan),
            self.tr("Send 1 message")
            if n == 1
            else self.tr("Send {n} messages").format(n=fmt.number(n)),
            self.tr("Not now"),
        ):
            return
        self._set_busy(True, self.tr("Queuing {n} messages…").format(n=fmt.number(n)))
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: send_now(ws, draft), on_done=self._send_done, on_error=self._save_failed
        )

    def confirm_text(self, draft: CampaignDraft, n: int, quota: UsageLine, plan: Plan) -> str:
        question = (
            self.tr("Send “{name}” now to 1 person on {channel}?")
            if n == 1
            else self.tr("Send “{name}” now to {n} people on {channel}?")
        )
        lines = [
            question.format(name=draft.name, n=fmt.number(n), channel=labels.channel(draft.channel))
        ]
        if quota.remaining is None:
            lines.append(
                self.tr("Your {plan} plan has no monthly message limit.").format(plan=plan.label)
            )
        else:
            lines.append(
                self.tr(
                    "This uses {n} of the {remaining} messages left this month on your "
                    "{plan} plan ({after} left afterwards)."
                ).format(
                    n=fmt.number(n),
                    remaining=fmt.number(quota.remaining),
                    plan=plan.label,
                    after=fmt.number(quota.remaining - n),
                )
            )
        if draft.channel is Channel.SMS:
            parts = sms_length(self._rendered_for_preview()).segments
            if parts > 1:
                lines.append(
                    self.tr(
                        "Each SMS is about {parts} parts long; operators bill every part."
                    ).format(parts=fmt.number(parts))
                )
        lines.append(
            self.tr("Messages are queued and go out as soon as a connection is available.")
        )
        return "\n\n".join(lines)

    def limit_text(self, check: LimitCheck, resets_on: date | None) -> str:
        """The plan refusal with its numbers, in the user's language (the service's is English)."""
        text = self.tr(
            "Sending needs {n} messages, but your {plan} plan has {remaining} of {limit} "
            "left this month."
        ).format(
            n=fmt.number(check.requested),
            plan=check.plan.label,
            remaining=fmt.number(check.remaining or 0),
            limit=fmt.limit(check.limit),
        )
        if resets_on is not None:
            text += " " + self.tr("The count resets on {date}.").format(date=fmt.day(resets_on))
        else:
            text += " " + self.tr("The count resets on the first day of next month.")
        return (
            text
            + "\n\n"
            + self.tr(
                "Choose fewer recipients (a smaller segment), wait for the reset, or upgrade "
                "your plan."
            )
        )

    def _rendered_for_preview(self) -> str:
        contact = self.preview_contact()
        body = self.body_edit.toPlainText()
        if contact is None or self._template_error:
            return body
        return render(body, personal_fields(contact))

    @Slot(object)
    def _send_done(self, outcome: SendOutcome) -> None:
        self.campaign_id = outcome.campaign_id
        self._set_busy(False, "")
        if outcome.refused is not None:
            self._dirty = False
            widgets.warn(
                self,
                self.tr("Plan limit reached"),
                self.limit_text(outcome.refused, outcome.resets_on)
                + "\n\n"
                + self.tr("Nothing was sent; the campaign is saved as a draft."),
            )
            self._show_status(
                self.tr("Not sent: the plan's monthly message limit is reached."), error=True
            )
            return
        self._dirty = False
        self.sig_sent.emit(outcome.campaign_id, outcome.queued)

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

    # == helpers ========================================================================

    @staticmethod
    def _muted(text: str) -> str:
        return f'<span style="color:{MUTED_COLOR}">{_esc(text)}</span>'


def _plural(n: int, one: str, many: str) -> str:
    """English needs no "(s)" and French agrees in number: pick the sentence by count."""
    return (one if n == 1 else many).format(n=fmt.number(n))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
