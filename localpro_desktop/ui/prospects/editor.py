"""Add or edit one prospect, with the problems shown while the user types.

The checks are the ones the importer and the service apply (``parse_phone``,
``check_email``, ``normalize_prospect``), run on each keystroke: they are pure and take
microseconds. Only the duplicate search touches the database, so it is debounced and
runs on the task runner. Saving also runs there; the dialog stays open on a refusal
(plan limit, duplicate) so nothing typed is lost. The workspace's country (the default
region of phone numbers) comes from the opener, or from the task runner when it has none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.countries import COUNTRIES
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.normalize import country_code
from localpro_desktop.domain.plans import LimitCheck, PlanLimitError
from localpro_desktop.domain.prospect_fields import EDITABLE
from localpro_desktop.domain.sectors import SECTORS
from localpro_desktop.services.prospects import Duplicate, ProspectRecord, ProspectService
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects import dialog_guards, feedback, texts
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.whatsapp_link import WhatsAppLink
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.widgets import MessageBar, Tone

DUPLICATE_DELAY_MS = 400


@dataclass(frozen=True)
class LimitHit:
    """A plan limit refused the action; returned (not raised) so the UI can word it."""

    check: LimitCheck


class ProspectDialog(QDialog):
    sig_saved = Signal(object)
    """The saved ProspectRecord (added or edited)."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        prospect: ProspectRecord | None = None,
        cities: list[str] | None = None,
        region: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prospect = prospect
        # The workspace's country; "" until it arrives when the opener did not know it.
        self.region = region or ""
        self._country_chosen = False
        self.duplicates: list[Duplicate] = []
        self.saving = False
        self._dupe_request = 0
        self.setWindowTitle(self.tr("Edit prospect") if prospect else self.tr("Add a prospect"))
        self.setMinimumWidth(860)
        self._build(cities or [])
        self._dupe_timer = QTimer(self)
        self._dupe_timer.setSingleShot(True)
        self._dupe_timer.setInterval(DUPLICATE_DELAY_MS)
        self._dupe_timer.timeout.connect(lambda: self._check_duplicates())
        if prospect is not None:
            self._fill(prospect)
        else:
            self.same_whatsapp.setChecked(True)  # until the number shows it is a landline
        for widget in (self.name, self.phone, self.email):
            widget.textChanged.connect(self._dupe_timer.start)
        self.city.editTextChanged.connect(self._dupe_timer.start)
        self._validate()
        # What the form held when it opened: Escape asks before throwing away more.
        self._pristine = self._typed()
        self.question: QMessageBox | None = None  # the question being asked, if any
        if region is None:
            ws = ctx.ws
            run_for(self, ctx.runner, lambda: ws.region, on_done=self._region_loaded)

    def _region_loaded(self, region: str) -> None:
        self.region = region
        if self.country.findData(region) < 0:
            self.country.insertItem(0, self._country_name(region), region)
        if self.prospect is None and not self._country_chosen:
            self.country.setCurrentIndex(self.country.findData(region))
        self._validate()

    # -- construction -----------------------------------------------------------------

    def _build(self, cities: list[str]) -> None:
        self._build_fields(cities)
        self.duplicate_box = feedback.DuplicateBox()
        self.duplicate_text = self.duplicate_box.text
        self.error_bar = MessageBar()
        layout = QVBoxLayout(self)
        layout.addLayout(self._columns())
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.error_bar)
        layout.addLayout(self._bottom())

        for edit in (
            self.name,
            self.phone,
            self.whatsapp,
            self.email,
            self.latitude,
            self.longitude,
        ):
            edit.textChanged.connect(self._validate)
        self.country.currentIndexChanged.connect(self._validate)
        # A new prospect's WhatsApp follows the import's rule (see whatsapp_link).
        self.whatsapp_link = WhatsAppLink(
            self.phone,
            self.whatsapp,
            self.same_whatsapp,
            lambda: country_code(self._country_value()) or self.region,
            by_rule=self.prospect is None,
        )
        self.country.currentIndexChanged.connect(self.whatsapp_link.follow)
        self.same_whatsapp.toggled.connect(self._validate)
        self.country.activated.connect(self._country_activated)

    def _country_activated(self, _index: int) -> None:
        self._country_chosen = True  # a late region must not undo the user's choice

    def _build_fields(self, cities: list[str]) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Chez Fatou Couture"))
        self.name_feedback = feedback.feedback_label()
        self.contact_person = QLineEdit()
        self.contact_person.setPlaceholderText(self.tr("Owner or manager"))
        self.sector = QComboBox()
        self.sector.setEditable(True)
        self.sector.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.sector.addItem("", "")
        line = self.sector.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Choose or type a sector"))
        for sector_id in sorted(SECTORS, key=lambda s: labels.sector(s, self.ctx.language)):
            self.sector.addItem(labels.sector(sector_id, self.ctx.language), sector_id)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. delivery, mobile money"))
        self.source_ref = QLineEdit()
        self.source_ref.setPlaceholderText(self.tr("Where you found it: link, directory page…"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Opening hours, who to ask for, what they need…"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)

        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 77 123 45 67"))
        self.phone_feedback = feedback.feedback_label()
        self.whatsapp = QLineEdit()
        self.same_whatsapp = QCheckBox(self.tr("Same as phone"))
        self.whatsapp_feedback = feedback.feedback_label()
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.email_feedback = feedback.feedback_label()
        self.website = QLineEdit()
        self.website.setPlaceholderText(self.tr("www.example.com"))
        self.country = QComboBox()
        codes = list(COUNTRIES)
        if self.region and self.region not in codes:
            codes.insert(0, self.region)
        for code in codes:
            self.country.addItem(self._country_name(code), code)
        self.country.setCurrentIndex(max(self.country.findData(self.region), 0))
        self.city = QComboBox()
        self.city.setEditable(True)
        self.city.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.city.addItems(["", *cities])
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Street, neighbourhood, landmark"))
        self.latitude = QLineEdit()
        self.latitude.setPlaceholderText(self.tr("Latitude"))
        self.longitude = QLineEdit()
        self.longitude.setPlaceholderText(self.tr("Longitude"))
        self.coordinates_feedback = feedback.feedback_label()

    def _columns(self) -> QGridLayout:
        left = QFormLayout()
        left.setHorizontalSpacing(10)
        left.addRow(self.tr("Business name *"), self.name)
        left.addRow("", self.name_feedback)
        left.addRow(self.tr("Contact person"), self.contact_person)
        left.addRow(self.tr("Sector"), self.sector)
        left.addRow(self.tr("Tags"), self.tags)
        left.addRow(self.tr("Source reference"), self.source_ref)
        left.addRow(self.tr("Notes"), self.notes)

        whatsapp_row = QHBoxLayout()
        whatsapp_row.setContentsMargins(0, 0, 0, 0)
        whatsapp_row.addWidget(self.whatsapp, 1)
        whatsapp_row.addWidget(self.same_whatsapp)
        coordinates = QHBoxLayout()
        coordinates.setContentsMargins(0, 0, 0, 0)
        coordinates.addWidget(self.latitude)
        coordinates.addWidget(self.longitude)
        right = QFormLayout()
        right.setHorizontalSpacing(10)
        right.addRow(self.tr("Phone"), self.phone)
        right.addRow("", self.phone_feedback)
        right.addRow(self.tr("WhatsApp"), whatsapp_row)
        right.addRow("", self.whatsapp_feedback)
        right.addRow(self.tr("E-mail"), self.email)
        right.addRow("", self.email_feedback)
        right.addRow(self.tr("Website"), self.website)
        right.addRow(self.tr("Country"), self.country)
        right.addRow(self.tr("City"), self.city)
        right.addRow(self.tr("Address"), self.address)
        right.addRow(self.tr("Coordinates"), coordinates)
        right.addRow("", self.coordinates_feedback)

        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        return columns

    def _bottom(self) -> QHBoxLayout:
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save") if self.prospect else self.tr("Add"))
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.discard)
        required = QLabel(self.tr("* required"))
        required.setStyleSheet(f"color: {MUTED_COLOR};")
        bottom = QHBoxLayout()
        bottom.addWidget(required)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        return bottom

    def _country_name(self, code: str) -> str:
        info = COUNTRIES.get(code)
        if info is None:
            return code
        name = info.name_fr if self.ctx.language == "fr" else info.name_en
        return f"{name} ({code})"

    def _fill(self, prospect: ProspectRecord) -> None:
        self.name.setText(prospect.business_name)
        self.contact_person.setText(prospect.contact_person)
        index = self.sector.findData(prospect.sector)
        if index >= 0:
            self.sector.setCurrentIndex(index)
        else:
            self.sector.setEditText(prospect.sector)
        self.tags.setText(", ".join(prospect.tags or []))
        self.source_ref.setText(prospect.source_ref)
        self.notes.setPlainText(prospect.notes)
        self.phone.setText(prospect.phone)
        same = bool(prospect.phone) and prospect.whatsapp == prospect.phone
        self.same_whatsapp.setChecked(same)
        if not same:
            self.whatsapp.setText(prospect.whatsapp)
        self.email.setText(prospect.email)
        self.website.setText(prospect.website)
        if prospect.country and self.country.findData(prospect.country) < 0:
            self.country.addItem(self._country_name(prospect.country), prospect.country)
        self.country.setCurrentIndex(max(self.country.findData(prospect.country), 0))
        self.city.setEditText(prospect.city)
        self.address.setText(prospect.address)
        if prospect.latitude is not None and prospect.longitude is not None:
            self.latitude.setText(f"{prospect.latitude:.6f}")
            self.longitude.setText(f"{prospect.longitude:.6f}")

    # -- values -----------------------------------------------------------------------

    def _sector_value(self) -> str:
        text = self.sector.currentText().strip()
        index = self.sector.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.sector.itemData(index) or "")
        return text

    def _country_value(self) -> str:
        return str(self.country.currentData() or self.region)

    def values(self) -> dict[str, str]:
        """The form as the service's editable fields (``EDITABLE``), text as typed.

        One reader per field: a field added to ``EDITABLE`` without a widget here fails
        at once (KeyError) instead of being silently left out of the form.
        """
        readers: dict[str, Callable[[], str]] = {
            "business_name": self.name.text,
            "contact_person": self.contact_person.text,
            "sector": self._sector_value,
            "city": self.city.currentText,
            "country": self._country_value,
            "address": self.address.text,
            "phone": self.phone.text,
            "whatsapp": self.whatsapp.text,
            "email": self.email.text,
            "website": self.website.text,
            "latitude": self.latitude.text,
            "longitude": self.longitude.text,
            "source_ref": self.source_ref.text,
            "notes": self.notes.toPlainText,
            "tags": self.tags.text,
        }
        return {name: readers[name]().strip() for name in EDITABLE}

    def _typed(self) -> dict[str, str]:
        """The values the user controls: the country only once they chose one (the
        workspace's may arrive after the form opens)."""
        values = self.values()
        if not self._country_chosen:
            values.pop("country")
        return values

    def is_dirty(self) -> bool:
        """Whether closing now would lose something the user typed."""
        return self._typed() != self._pristine

    # -- inline validation ------------------------------------------------------------

    def _check_phone(self, text: str, label: QLabel) -> bool:
        return feedback.phone(label, text, country_code(self._country_value()) or self.region)

    def _validate(self) -> bool:
        """Refresh every field's feedback; True when the form can be saved as it is.

        Phone and e-mail problems do not block saving (the service keeps such values and
        flags them) but are shown in red so they get fixed; a missing name does block.
        """
        name_ok = bool(self.name.text().strip())
        if name_ok or not self.name.isModified():
            self.name_feedback.clear()
        else:
            feedback.say(self.name_feedback, self.tr("A business name is required"), ok=False)
        self._check_phone(self.phone.text(), self.phone_feedback)
        if not self.whatsapp_link.explain(self.whatsapp_feedback):
            self._check_phone(self.whatsapp.text(), self.whatsapp_feedback)
        feedback.email(self.email_feedback, self.email.text())
        coordinates_ok = feedback.coordinates(
            self.coordinates_feedback,
            self.latitude.text().strip(),
            self.longitude.text().strip(),
            self.region,
        )
        return name_ok and coordinates_ok

    # -- duplicates -------------------------------------------------------------------

    def _check_duplicates(self, then: Callable[[list[Duplicate]], None] | None = None) -> None:
        self._dupe_request += 1
        request = self._dupe_request
        fields = self.values()
        if not (fields["business_name"] or fields["phone"] or fields["email"]):
            self._show_duplicates(request, [])
            return
        service = ProspectService(self.ctx.ws)
        own_id = self.prospect.id if self.prospect else None

        def search() -> list[Duplicate]:
            return [d for d in service.duplicates_of(fields) if d.prospect.id != own_id]

        def found(duplicates: list[Duplicate]) -> None:
            self._show_duplicates(request, duplicates)
            if then is not None:
                then(duplicates)

        run_for(self, self.ctx.runner, search, on_done=found)

    def _show_duplicates(self, request: int, found: list[Duplicate]) -> None:
        if request != self._dupe_request:
            return
        self.duplicates = list(found)
        self.duplicate_box.show_duplicates(found, editing=self.prospect is not None)
        if self.prospect is None:
            self.save_button.setText(self.tr("Add anyway") if found else self.tr("Add"))

    # -- saving -----------------------------------------------------------------------

    def save(self) -> None:
        if self.saving or self.question is not None:
            return
        self.name.setModified(True)
        if not self._validate():
            (self.name if not self.name.text().strip() else self.latitude).setFocus()
            return
        values = self.values()
        doubtful = dialog_guards.doubtful(
            values,
            self._pristine,
            country_code(values["country"]) or self.region,
            mirrored=self.same_whatsapp.isChecked(),
        )
        if doubtful:
            self._asking(
                dialog_guards.ask_doubtful(
                    self, doubtful, save=self._write, fix=lambda: self._fix(doubtful[0])
                )
            )
            return
        self._write()

    def _asking(self, box: QMessageBox) -> None:
        self.question = box
        box.finished.connect(self._question_closed)

    def _question_closed(self) -> None:
        self.question = None

    def _fix(self, problem: Message) -> None:
        key = str(problem.args.get("key", ""))
        edit = {"phone": self.phone, "whatsapp": self.whatsapp}.get(key, self.email)
        edit.setFocus()
        edit.selectAll()

    def _write(self) -> None:
        fields: dict[str, Any] = self.values()
        service = ProspectService(self.ctx.ws)
        allow_duplicate = bool(self.duplicates)
        prospect_id = self.prospect.id if self.prospect else None

        def work() -> ProspectRecord | LimitHit:
            try:
                if prospect_id is None:
                    return service.add(fields, allow_duplicate=allow_duplicate)
                return service.update(prospect_id, fields)
            except PlanLimitError as exc:
                return LimitHit(exc.check)

        self._set_saving(True)
        self.error_bar.dismiss()
        run_for(self, self.ctx.runner, work, on_done=self._saved, on_error=self._save_failed)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        self.cancel_button.setEnabled(not saving)

    def _saved(self, result: object) -> None:
        self._set_saving(False)
        if isinstance(result, LimitHit):
            self.error_bar.show_message(texts.plan_limit_message(result.check), Tone.ERROR)
            return
        self.sig_saved.emit(result)
        self.accept()

    def _save_failed(self, message: str, _is_bug: bool) -> None:
        self._set_saving(False)
        if self.prospect is not None or self.duplicates:
            self.error_bar.show_message(message, Tone.ERROR)
            return

        # Most likely the service found a duplicate before our debounced check did: show
        # it in the duplicates box (the button becomes "Add anyway"), else the message.
        def explain(duplicates: list[Duplicate]) -> None:
            if not duplicates:
                self.error_bar.show_message(message, Tone.ERROR)

        self._check_duplicates(explain)

    def reject(self) -> None:
        """Escape or the window's close: ask first when something typed would be lost."""
        if self.saving or self.question is not None:
            return
        if not self.is_dirty():
            super().reject()
            return
        self._asking(
            dialog_guards.ask_discard(self, editing=self.prospect is not None, discard=self.discard)
        )

    def discard(self) -> None:
        """Close without saving and without asking (the Cancel button: a deliberate act)."""
        if not self.saving:
            super().reject()
