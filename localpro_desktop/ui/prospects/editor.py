"""Add or edit one prospect, with the problems shown while the user types.

The checks are the ones the importer and the service apply (``parse_phone``,
``check_email``, ``normalize_prospect``), run on each keystroke: they are pure and take
microseconds. Only the duplicate search touches the database, so it is debounced and
runs on the task runner. Saving also runs there; the dialog stays open on a refusal
(plan limit, duplicate) so nothing typed is lost.
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
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.discovery.demo.generator import COUNTRIES, SECTORS
from localpro_desktop.domain.emails import check_email
from localpro_desktop.domain.normalize import country_code, normalize_prospect
from localpro_desktop.domain.phones import format_national, parse_phone
from localpro_desktop.domain.plans import LimitCheck, PlanLimitError
from localpro_desktop.services.prospects import Duplicate, ProspectService
from localpro_desktop.store.models import Prospect
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.widgets import OK_COLOR, MessageBar, Tone

DUPLICATE_DELAY_MS = 400


@dataclass(frozen=True)
class LimitHit:
    """A plan limit refused the action; returned (not raised) so the UI can word it."""

    check: LimitCheck


def _feedback_label() -> QLabel:
    """A fixed-height line under a field, so the form does not jump while typing."""
    label = QLabel()
    label.setStyleSheet("font-size: 11px;")
    label.setFixedHeight(16)
    return label


class ProspectDialog(QDialog):
    sig_saved = Signal(object)
    """The saved Prospect (added or edited)."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        prospect: Prospect | None = None,
        cities: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prospect = prospect
        self.region = ctx.ws.settings().country
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
            # Most small businesses here answer WhatsApp on their main number.
            self.same_whatsapp.setChecked(True)
        for widget in (self.name, self.phone, self.email):
            widget.textChanged.connect(self._dupe_timer.start)
        self.city.editTextChanged.connect(self._dupe_timer.start)
        self._validate()

    # -- construction -----------------------------------------------------------------

    def _build(self, cities: list[str]) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Chez Fatou Couture"))
        self.name_feedback = _feedback_label()
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
        self.phone_feedback = _feedback_label()
        self.whatsapp = QLineEdit()
        self.same_whatsapp = QCheckBox(self.tr("Same as phone"))
        self.whatsapp_feedback = _feedback_label()
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.email_feedback = _feedback_label()
        self.website = QLineEdit()
        self.website.setPlaceholderText(self.tr("www.example.com"))
        self.country = QComboBox()
        codes = list(COUNTRIES)
        if self.region not in codes:
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
        self.coordinates_feedback = _feedback_label()

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

        self.duplicate_box = QFrame()
        self.duplicate_box.setObjectName("duplicateBox")
        self.duplicate_box.setStyleSheet(
            "#duplicateBox { background: #fff4e5; border: 1px solid #b26a00;"
            " border-radius: 4px; } #duplicateBox QLabel { color: #7a4a00; }"
        )
        box_layout = QVBoxLayout(self.duplicate_box)
        box_layout.setContentsMargins(10, 6, 10, 6)
        self.duplicate_text = QLabel()
        self.duplicate_text.setWordWrap(True)
        box_layout.addWidget(self.duplicate_text)
        self.duplicate_box.hide()

        self.error_bar = MessageBar()
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save") if self.prospect else self.tr("Add"))
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        required = QLabel(self.tr("* required"))
        required.setStyleSheet(f"color: {MUTED_COLOR};")
        bottom = QHBoxLayout()
        bottom.addWidget(required)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.error_bar)
        layout.addLayout(bottom)

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
        self.same_whatsapp.toggled.connect(self._same_whatsapp_toggled)
        self.phone.textChanged.connect(self._mirror_phone)

    def _country_name(self, code: str) -> str:
        info = COUNTRIES.get(code)
        if info is None:
            return code
        name = info.name_fr if self.ctx.language == "fr" else info.name_en
        return f"{name} ({code})"

    def _fill(self, prospect: Prospect) -> None:
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
        """The form as the service's editable fields, text as typed."""
        return {
            "business_name": self.name.text().strip(),
            "contact_person": self.contact_person.text().strip(),
            "sector": self._sector_value(),
            "city": self.city.currentText().strip(),
            "country": self._country_value(),
            "address": self.address.text().strip(),
            "phone": self.phone.text().strip(),
            "whatsapp": self.whatsapp.text().strip(),
            "email": self.email.text().strip(),
            "website": self.website.text().strip(),
            "latitude": self.latitude.text().strip(),
            "longitude": self.longitude.text().strip(),
            "source_ref": self.source_ref.text().strip(),
            "notes": self.notes.toPlainText().strip(),
            "tags": self.tags.text().strip(),
        }

    # -- inline validation ------------------------------------------------------------

    def _same_whatsapp_toggled(self, checked: bool) -> None:
        self.whatsapp.setEnabled(not checked)
        if checked:
            self.whatsapp.setText(self.phone.text())

    def _mirror_phone(self, text: str) -> None:
        if self.same_whatsapp.isChecked():
            self.whatsapp.setText(text)

    @staticmethod
    def _say(label: QLabel, text: str, ok: bool) -> None:
        label.setText(text)
        label.setToolTip(text)
        label.setStyleSheet(f"font-size: 11px; color: {OK_COLOR if ok else ERROR_COLOR};")

    def _check_phone(self, text: str, label: QLabel) -> bool:
        parsed = parse_phone(text, country_code(self._country_value()) or self.region)
        if parsed.empty:
            label.clear()
            return True
        if parsed.e164:
            self._say(label, f"{format_national(parsed.e164)} ✓", ok=True)
            return True
        problem = texts.phone_problem(parsed)
        self._say(label, "⚠ " + problem[:1].upper() + problem[1:], ok=False)
        return False

    def _validate(self) -> bool:
        """Refresh every field's feedback; True when the form can be saved as it is.

        Phone and e-mail problems do not block saving (the service keeps such values and
        flags them) but are shown in red so they get fixed; a missing name does block.
        """
        name_ok = bool(self.name.text().strip())
        if name_ok or not self.name.isModified():
            self.name_feedback.clear()
        else:
            self._say(self.name_feedback, self.tr("A business name is required"), ok=False)
        self._check_phone(self.phone.text(), self.phone_feedback)
        if self.same_whatsapp.isChecked():
            self.whatsapp_feedback.clear()
        else:
            self._check_phone(self.whatsapp.text(), self.whatsapp_feedback)
        checked = check_email(self.email.text())
        if not checked.raw:
            self.email_feedback.clear()
        elif checked.normalized:
            self._say(self.email_feedback, "✓", ok=True)
        else:
            self._say(self.email_feedback, "⚠ " + texts.email_problem(checked), ok=False)
        coordinates_ok = self._check_coordinates()
        return name_ok and coordinates_ok

    def _check_coordinates(self) -> bool:
        lat, lon = self.latitude.text().strip(), self.longitude.text().strip()
        if not lat and not lon:
            self.coordinates_feedback.clear()
            return True
        result = normalize_prospect(
            {"business_name": "-", "latitude": lat, "longitude": lon}, self.region
        )
        if any(e.startswith("latitude") for e in result.errors):
            self._say(
                self.coordinates_feedback,
                self.tr("Latitude must be a number between -90 and 90"),
                ok=False,
            )
            return False
        if any(e.startswith("longitude") for e in result.errors):
            self._say(
                self.coordinates_feedback,
                self.tr("Longitude must be a number between -180 and 180"),
                ok=False,
            )
            return False
        if not lat or not lon:
            self._say(
                self.coordinates_feedback, self.tr("Give both latitude and longitude"), ok=False
            )
            return False
        self.coordinates_feedback.clear()
        return True

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
        if not found:
            self.duplicate_box.hide()
        else:
            lines = [
                self.tr("{name} ({city}) — {reason}").format(
                    name=d.prospect.business_name,
                    city=d.prospect.city or "?",
                    reason=texts.duplicate_reason(d.reason),
                )
                for d in found[:3]
            ]
            if len(found) > 3:
                lines.append(self.tr("and {count} more").format(count=len(found) - 3))
            intro = (
                self.tr("This may already be in your prospects:")
                if self.prospect is None
                else self.tr("Other prospects look like this one:")
            )
            self.duplicate_text.setText(intro + "<br>" + "<br>".join(f"• {line}" for line in lines))
            self.duplicate_box.show()
        if self.prospect is None:
            self.save_button.setText(self.tr("Add anyway") if found else self.tr("Add"))

    # -- saving -----------------------------------------------------------------------

    def save(self) -> None:
        if self.saving:
            return
        self.name.setModified(True)
        if not self._validate():
            (self.name if not self.name.text().strip() else self.latitude).setFocus()
            return
        fields: dict[str, Any] = self.values()
        service = ProspectService(self.ctx.ws)
        allow_duplicate = bool(self.duplicates)
        prospect_id = self.prospect.id if self.prospect else None

        def work() -> Prospect | LimitHit:
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
        if not self.saving:
            super().reject()
