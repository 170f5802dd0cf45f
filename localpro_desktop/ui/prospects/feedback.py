"""The line under a form field that says, while the user types, what is wrong with it.

The checks are the ones the importer and the service apply (``parse_phone``,
``check_email``, ``normalize_prospect``): pure and fast enough to run on each keystroke.
The words are the add/edit dialog's (translation context ``ProspectDialog``): they were
written there first, and the French catalogue keeps them under that name.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from localpro_desktop.domain.emails import check_email
from localpro_desktop.domain.normalize import normalize_prospect
from localpro_desktop.domain.phones import format_international, parse_phone
from localpro_desktop.services.prospects import Duplicate
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.style import ERROR_COLOR
from localpro_desktop.ui.widgets import OK_COLOR


def feedback_label() -> QLabel:
    """A fixed-height line under a field, so the form does not jump while typing."""
    label = QLabel()
    label.setStyleSheet("font-size: 11px;")
    label.setFixedHeight(16)
    return label


def say(label: QLabel, text: str, ok: bool) -> None:
    label.setText(text)
    label.setToolTip(text)
    label.setStyleSheet(f"font-size: 11px; color: {OK_COLOR if ok else ERROR_COLOR};")


def phone(label: QLabel, text: str, region: str) -> bool:
    """Show the number as it will be stored, or why it is not valid; True when valid."""
    parsed = parse_phone(text, region)
    if parsed.empty:
        label.clear()
        return True
    if parsed.e164:
        say(label, f"{format_international(parsed.e164)} ✓", ok=True)
        return True
    problem = texts.phone_problem(parsed)
    say(label, "⚠ " + problem[:1].upper() + problem[1:], ok=False)
    return False


def email(label: QLabel, text: str) -> None:
    checked = check_email(text)
    if not checked.raw:
        label.clear()
    elif checked.normalized:
        say(label, "✓", ok=True)
    else:
        say(label, "⚠ " + texts.email_problem(checked), ok=False)


def coordinates(label: QLabel, lat: str, lon: str, region: str) -> bool:
    """Both or neither, each in range; True when the pair can be saved."""
    if not lat and not lon:
        label.clear()
        return True
    result = normalize_prospect({"business_name": "-", "latitude": lat, "longitude": lon}, region)
    if any(e.startswith("latitude") for e in result.errors):
        say(
            label,
            QCoreApplication.translate(
                "ProspectDialog", "Latitude must be a number between -90 and 90"
            ),
            ok=False,
        )
        return False
    if any(e.startswith("longitude") for e in result.errors):
        say(
            label,
            QCoreApplication.translate(
                "ProspectDialog", "Longitude must be a number between -180 and 180"
            ),
            ok=False,
        )
        return False
    if not lat or not lon:
        say(
            label,
            QCoreApplication.translate("ProspectDialog", "Give both latitude and longitude"),
            ok=False,
        )
        return False
    label.clear()
    return True


class DuplicateBox(QFrame):
    """The amber box under the form listing prospects the typed one may duplicate."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("duplicateBox")
        self.setStyleSheet(
            "#duplicateBox { background: #fff4e5; border: 1px solid #b26a00;"
            " border-radius: 4px; } #duplicateBox QLabel { color: #7a4a00; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.hide()

    def show_duplicates(self, found: Sequence[Duplicate], *, editing: bool) -> None:
        if not found:
            self.hide()
            return
        lines = [
            QCoreApplication.translate("ProspectDialog", "{name} ({city}) — {reason}").format(
                name=html.escape(d.prospect.business_name, quote=False),
                city=html.escape(d.prospect.city or "?", quote=False),
                reason=texts.duplicate_reason(d.reason),
            )
            for d in found[:3]
        ]
        if len(found) > 3:
            lines.append(
                QCoreApplication.translate("ProspectDialog", "and {count} more").format(
                    count=len(found) - 3
                )
            )
        intro = (
            QCoreApplication.translate("ProspectDialog", "Other prospects look like this one:")
            if editing
            else QCoreApplication.translate(
                "ProspectDialog", "This may already be in your prospects:"
            )
        )
        self.text.setText(intro + "<br>" + "<br>".join(f"• {line}" for line in lines))
        self.show()
