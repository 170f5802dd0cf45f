"""The contact editor (add or edit), with phone and e-mail checked as the user types.

Numbers are parsed with the contact's country (else the workspace's) exactly as the
service will store them, so the line under the field says now what the save would keep:
"+221 77 123 45 67" when valid, a red warning when not. An invalid number is still saved
as typed (the store flags, never drops, what a user entered); only a missing name stops
the save, and the service's own refusal is shown in the dialog rather than closing it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.emails import check_email
from localpro_desktop.domain.phones import format_international, parse_phone
from localpro_desktop.domain.sectors import SECTORS
from localpro_desktop.services.contacts import ContactDetails, ContactService
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR
from localpro_desktop.ui.tasks import guarded

OK_COLOR = "#1b7f3b"
_TEXT_FIELDS = (
    "first_name",
    "last_name",
    "company",
    "sector",
    "phone",
    "whatsapp",
    "email",
    "website",
    "address",
    "city",
    "tags",
)


class ContactDialog(QDialog):
    sig_saved = Signal(str)
    """The contact was saved (its id); the dialog closes itself."""

    def __init__(
        self,
        ctx: UiContext,
        region: str,
        details: ContactDetails | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.region = region
        self.details = details
        self.setWindowTitle(self.tr("Edit contact") if details else self.tr("Add a contact"))
        self.setMinimumWidth(460)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        captions = {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "company": self.tr("Company"),
            "sector": self.tr("Sector"),
            "phone": self.tr("Phone"),
            "whatsapp": self.tr("WhatsApp"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "address": self.tr("Address"),
            "city": self.tr("City"),
            "tags": self.tr("Tags"),
        }
        self.checks: dict[str, QLabel] = {}
        self.sector = self._sector_combo(details.sector if details else "")
        for key in _TEXT_FIELDS:
            if key == "sector":
                form.addRow(captions[key], self.sector)
                continue
            edit = QLineEdit(self._initial(key))
            self.edits[key] = edit
            form.addRow(captions[key], edit)
            if key in ("phone", "whatsapp", "email"):
                check = QLabel()
                check.setWordWrap(True)
                self.checks[key] = check
                form.addRow("", check)
                edit.textChanged.connect(lambda _text, k=key: self._check(k))
        self.edits["tags"].setPlaceholderText(self.tr("Separated by commas: vip, wholesale"))
        self.edits["phone"].setPlaceholderText(self.tr("e.g. 77 123 45 67"))
        self.notes = QPlainTextEdit(details.notes if details else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for key in self.checks:
            self._check(key)
        self.edits["first_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _sector_combo(self, current: str) -> QComboBox:
        """Known sectors by their label in the user's language; anything else as typed.

        The store keeps a known sector's id ("hardware"), so the label shown here maps back
        to it on save and editing a contact never turns ids into translated words.
        """
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", "")
        for sector_id in sorted(SECTORS, key=lambda i: labels.sector(i, self.ctx.language)):
            combo.addItem(labels.sector(sector_id, self.ctx.language), sector_id)
        index = combo.findData(current)
        if current and index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setCurrentIndex(0)
            combo.setEditText(current)
        return combo

    def sector_value(self) -> str:
        """The stored form: a known sector's id, or the text as typed."""
        text = self.sector.currentText().strip()
        index = self.sector.findText(text)
        return str(self.sector.itemData(index) or text) if index > 0 else text

    def _initial(self, key: str) -> str:
        if self.details is None:
            return ""
        if key == "tags":
            return ", ".join(self.details.tags)
        return str(getattr(self.details, key) or "")

    def _country(self) -> str:
        return (
            self.details.country if self.details and self.details.country else self.region
        ) or "SN"

    # -- inline validation --------------------------------------------------------------

    def problem(self, key: str) -> str:
        """Why the field's value cannot be used ("" when fine or empty)."""
        text = self.edits[key].text().strip()
        if not text:
            return ""
        if key == "email":
            return "" if check_email(text).valid else self.tr("Not a valid e-mail address.")
        parsed = parse_phone(text, self._country())
        if parsed.valid:
            return ""
        return self.tr(
            "Not a valid number for {country}; a number from another country starts"
            " with + and its country code."
        ).format(country=self._country())

    def _check(self, key: str) -> None:
        label = self.checks[key]
        text = self.edits[key].text().strip()
        problem = self.problem(key)
        if not text:
            label.hide()
            return
        label.show()
        if problem:
            label.setText("⚠ " + problem + " " + self.tr("It will be kept as typed."))
            label.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        if key == "email":
            label.setText("✓ " + self.tr("Looks valid"))
        else:
            e164 = parse_phone(text, self._country()).e164 or ""
            label.setText("✓ " + format_international(e164))
        label.setStyleSheet(f"color: {OK_COLOR};")

    # -- saving -------------------------------------------------------------------------

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {key: edit.text().strip() for key, edit in self.edits.items()}
        values["sector"] = self.sector_value()
        values["notes"] = self.notes.toPlainText().strip()
        return values

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.buttons.setEnabled(True)

    def submit(self) -> None:
        values = self.values()
        if not any(values[k] for k in ("first_name", "last_name", "company")):
            self.show_error(self.tr("Give a first name, a last name or a company."))
            return
        changes = _changed(values, self.details)
        if not changes:
            self.accept()
            return
        self.buttons.setEnabled(False)
        service = ContactService(self.ctx.ws)
        ident = self.details.id if self.details else None

        def save() -> str:
            if ident is None:
                return service.add(changes).id
            return service.update(ident, changes).id

        self.ctx.runner.run(
            save,
            on_done=guarded(self, self._saved),
            on_error=guarded(self, lambda message, _bug: self.show_error(message)),
        )

    def _saved(self, contact_id: str) -> None:
        self.sig_saved.emit(contact_id)
        self.accept()


def _changed(values: Mapping[str, object], details: ContactDetails | None) -> dict[str, object]:
    """Only what the user changed: the service then rewrites nothing else."""
    if details is None:
        return dict(values)
    out: dict[str, object] = {}
    for key, value in values.items():
        before = ", ".join(details.tags) if key == "tags" else getattr(details, key)
        if (before or "") != value:
            out[key] = value
    return out
