"""The add/edit form's WhatsApp field, following the phone by the import's rule.

One rule for a file and for the form (``domain.phones.whatsapp_from_phone``): a mobile
phone is the WhatsApp number too. For a new prospect "Same as phone" is ticked while the
number typed could be a mobile, and unticked (with a word why) once it is a landline,
until the user ticks or unticks it themselves: then their choice holds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

from localpro_desktop.domain.phones import parse_phone, whatsapp_from_phone
from localpro_desktop.ui.prospects import feedback


class WhatsAppLink(QObject):
    def __init__(
        self,
        phone: QLineEdit,
        whatsapp: QLineEdit,
        same: QCheckBox,
        region: Callable[[], str],
        *,
        by_rule: bool,
    ) -> None:
        super().__init__(same)
        self.phone, self.whatsapp, self.same, self.region = phone, whatsapp, same, region
        self.by_rule = by_rule  # False once the user chose (or for a saved prospect)
        same.toggled.connect(self._toggled)
        same.clicked.connect(self._chosen)
        phone.textChanged.connect(self.follow)

    def _chosen(self) -> None:
        self.by_rule = False

    def _toggled(self, checked: bool) -> None:
        self.whatsapp.setEnabled(not checked)
        if checked:
            self.whatsapp.setText(self.phone.text())

    def landline(self) -> bool:
        """A complete, valid number that is not a mobile: no WhatsApp by the rule."""
        e164 = parse_phone(self.phone.text(), self.region()).e164
        return e164 is not None and whatsapp_from_phone(e164) is None

    def follow(self) -> None:
        """The phone (or its country) changed: apply the rule, mirror the number."""
        if self.by_rule:
            landline = self.landline()
            if landline and self.same.isChecked():
                self.whatsapp.clear()
            self.same.setChecked(not landline)
        if self.same.isChecked():
            self.whatsapp.setText(self.phone.text())

    def explain(self, label: QLabel) -> bool:
        """Say why the field is empty when the rule left it so; False when it did not."""
        if self.same.isChecked():
            label.clear()
            return True
        if self.by_rule and not self.whatsapp.text() and self.landline():
            text = QCoreApplication.translate(
                "ProspectDialog", "A landline: not taken as the WhatsApp number"
            )
            feedback.say(label, text, ok=True)
            return True
        return False
