"""The panel beside the list: everything known about the selected prospect, and actions.

Every field is listed, empty ones as a dash: a salesperson preparing a call wants to see
at a glance that the e-mail is missing, not wonder whether the panel hides it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.countries import COUNTRIES
from localpro_desktop.domain.phones import parse_phone
from localpro_desktop.services.prospects import ProspectRecord
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR, PROSPECT_COLOR
from localpro_desktop.ui.widgets import OK_COLOR, WARN_COLOR

_DASH = f"<span style='color:{MUTED_COLOR}'>—</span>"


_LONG_TOKEN = re.compile(r"\S{24,}")


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _breakable(text: str) -> str:
    """Escaped text whose long tokens (references, URLs) may wrap inside the panel.

    A QLabel only wraps at spaces, so one 40-character place id would widen the panel
    and push the buttons off screen; zero-width spaces give it places to break.
    """

    def split(match: re.Match[str]) -> str:
        token = match.group(0)
        return "\u200b".join(token[i : i + 16] for i in range(0, len(token), 16))

    return _escape(_LONG_TOKEN.sub(split, text))


def country_name(code: str, language: str) -> str:
    """Shown as "Kenya (KE)": the catalog's name in the user's language, else Qt's English one."""
    info = COUNTRIES.get(code.upper())
    if info is not None:
        name = info.name_fr if language == "fr" else info.name_en
    else:
        territory = QLocale.codeToTerritory(code.upper())
        name = QLocale.territoryToString(territory) if territory.value else ""
    return f"{name} ({code.upper()})" if name else code


class DetailPanel(QFrame):
    sig_edit = Signal(str)
    """Edit this prospect (id)."""
    sig_convert = Signal(list)
    """Convert these prospects (ids) to contacts."""
    sig_delete = Signal(list)
    """Delete these prospects (ids), after the tab confirms."""
    sig_open_contact = Signal(str)
    """Show the contact (id) this prospect became."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("detailPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(300)
        self.prospect: ProspectRecord | None = None
        self.selected_ids: list[str] = []
        self.converted_ids: set[str] = set()  # among several selected: contacts already
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self.pages.addWidget(self._build_placeholder())
        self.pages.addWidget(self._build_single())
        self.pages.addWidget(self._build_many())
        self.show_nothing()

    # -- construction -----------------------------------------------------------------

    def _build_placeholder(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.placeholder = QLabel(self.tr("Select a prospect to see its details."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(f"color: {MUTED_COLOR};")
        layout.addWidget(self.placeholder)
        return page

    def _build_single(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(14, 12, 14, 10)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {MUTED_COLOR};")
        self.badge = QLabel()
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.badge)

        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setContentsMargins(0, 6, 6, 6)
        self.form.setVerticalSpacing(7)
        self.form.setHorizontalSpacing(12)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("contact_person", self.tr("Contact")),
            ("phone", self.tr("Phone")),
            ("whatsapp", self.tr("WhatsApp")),
            ("email", self.tr("E-mail")),
            ("website", self.tr("Website")),
            ("address", self.tr("Address")),
            ("city", self.tr("City")),
            ("country", self.tr("Country")),
            ("coordinates", self.tr("Coordinates")),
            ("source", self.tr("Source")),
            ("source_ref", self.tr("Reference")),
            ("tags", self.tr("Tags")),
            ("notes", self.tr("Notes")),
            ("created", self.tr("Added")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByMouse
            )
            value.setOpenExternalLinks(True)
            value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            caption = QLabel(label)
            caption.setStyleSheet(f"color: {MUTED_COLOR};")
            self.form.addRow(caption, value)
            self.fields[key] = value
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        # The main action gets the full width (French labels are long); the others share
        # the row below.
        self.convert_button = QPushButton(self.tr("Convert to contact"))
        self.convert_button.setMinimumHeight(30)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setStyleSheet(f"color: {ERROR_COLOR};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout.addWidget(self.convert_button)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self._edit)
        self.convert_button.clicked.connect(self._convert_or_open)
        self.delete_button.clicked.connect(lambda: self.sig_delete.emit(list(self.selected_ids)))
        return page

    def _build_many(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(14, 12, 14, 10)
        self.many_title = QLabel()
        self.many_title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.many_title.setWordWrap(True)
        self.many_hint = hint = QLabel(
            self.tr(
                "Convert them to contacts to follow them up in the CRM and include them "
                "in campaigns."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        self.many_converted = QLabel()
        self.many_converted.setWordWrap(True)
        self.many_convert = QPushButton()
        self.many_delete = QPushButton()
        self.many_delete.setStyleSheet(f"color: {ERROR_COLOR};")
        layout.addWidget(self.many_title)
        layout.addWidget(hint)
        layout.addWidget(self.many_converted)
        layout.addSpacing(8)
        layout.addWidget(self.many_convert)
        layout.addWidget(self.many_delete)
        layout.addStretch(1)
        self.many_convert.clicked.connect(lambda: self.sig_convert.emit(self._to_convert()))
        self.many_delete.clicked.connect(lambda: self.sig_delete.emit(list(self.selected_ids)))
        return page

    # -- showing ----------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.prospect = None
        self.selected_ids = []
        self.pages.setCurrentIndex(0)

    def show_many(self, ids: list[str], converted: Collection[str] = ()) -> None:
        """Several selected; ``converted``: those of them that are contacts already."""
        self.prospect = None
        self.selected_ids = list(ids)
        self.converted_ids = set(converted) & set(ids)
        count, done = len(ids), len(self.converted_ids)
        left = count - done
        self.many_title.setText(
            self.tr("{count} prospects selected").format(count=fmt.number(count))
        )
        self.many_hint.setVisible(left > 0)
        if done == count:
            converted_text = self.tr("✓ They are all contacts in the CRM already.")
        elif done:
            converted_text = self.tr("✓ {count} of them are contacts already.").format(
                count=fmt.number(done)
            )
        else:
            converted_text = ""
        self.many_converted.setText(converted_text)
        self.many_converted.setStyleSheet(f"color: {OK_COLOR};")
        self.many_converted.setVisible(bool(done))
        # Only what is left to convert is offered: converting twice would do nothing.
        self.many_convert.setText(self.tr("Convert {count} to contacts").format(count=left))
        self.many_convert.setVisible(left > 0)
        self.many_delete.setText(self.tr("Delete {count} prospects").format(count=count))
        self.pages.setCurrentIndex(2)

    def mark_converted(self, ids: Collection[str]) -> None:
        """These became contacts: the panel stops offering to convert them."""
        if self.pages.currentIndex() == 2:
            self.show_many(self.selected_ids, self.converted_ids | set(ids))

    def _to_convert(self) -> list[str]:
        return [ident for ident in self.selected_ids if ident not in self.converted_ids]

    def show_prospect(self, prospect: ProspectRecord) -> None:
        self.prospect = prospect
        self.selected_ids = [prospect.id]
        self.title.setText(prospect.business_name)
        sector = labels.sector(prospect.sector, self.language) if prospect.sector else ""
        self.subtitle.setText(" · ".join(part for part in (sector, prospect.city) if part))
        if prospect.contact_id:
            badge = self.tr("Converted: a contact in the CRM")
            self.badge.setText(f"<span style='color:{OK_COLOR}'>✓ {_escape(badge)}</span>")
            self.convert_button.setText(self.tr("Open contact"))
            self.convert_button.setToolTip(self.tr("Show the contact this prospect became"))
        else:
            badge = self.tr("Prospect, not yet a contact")
            self.badge.setText(f"<span style='color:{PROSPECT_COLOR}'>● {_escape(badge)}</span>")
            self.convert_button.setText(self.tr("Convert to contact"))
            self.convert_button.setToolTip(
                self.tr("Create a contact in the CRM from this prospect")
            )
        region = prospect.country or "SN"
        values = {
            "contact_person": _escape(prospect.contact_person),
            "phone": self._phone(prospect.phone, prospect.phone_e164, region),
            "whatsapp": self._phone(prospect.whatsapp, prospect.whatsapp_e164, region),
            "email": self._email(prospect.email, prospect.email_normalized),
            "website": self._website(prospect.website),
            "address": _escape(prospect.address),
            "city": _escape(prospect.city),
            "country": _escape(country_name(prospect.country, self.language))
            if prospect.country
            else "",
            "coordinates": self._coordinates(prospect.latitude, prospect.longitude),
            "source": _escape(labels.source(prospect.source)),
            "source_ref": _breakable(prospect.source_ref),
            "tags": self._tags(prospect.tags),
            "notes": _escape(prospect.notes),
            "created": _escape(fmt.moment(prospect.created_at)),
        }
        for key, value in values.items():
            self.fields[key].setText(value or _DASH)
        self.pages.setCurrentIndex(1)

    def field_text(self, key: str) -> str:
        """The plain text of one field (tests, accessibility)."""
        return QTextDocumentFragment.fromHtml(self.fields[key].text()).toPlainText()

    def _phone(self, raw: str, e164: str | None, region: str) -> str:
        if not raw:
            return ""
        if e164:
            shown = fmt.phone(raw, e164)
            return f"{_escape(shown)} <span style='color:{OK_COLOR}'>✓</span>"
        problem = texts.phone_problem(parse_phone(raw, region))
        return f"{_escape(raw)} <span style='color:{WARN_COLOR}'>⚠ {_escape(problem)}</span>"

    def _email(self, raw: str, normalized: str | None) -> str:
        if not raw:
            return ""
        if normalized:
            return f"<a href='mailto:{html.escape(normalized)}'>{_breakable(raw)}</a>"
        problem = self.tr("not a valid address")
        return f"{_escape(raw)} <span style='color:{WARN_COLOR}'>⚠ {_escape(problem)}</span>"

    def _website(self, url: str) -> str:
        if not url:
            return ""
        target = url if "://" in url else f"https://{url}"
        return f"<a href='{html.escape(target)}'>{_breakable(url)}</a>"

    def _coordinates(self, lat: float | None, lon: float | None) -> str:
        if lat is None or lon is None:
            return ""
        # Dots and five decimals whatever the language: what map apps accept when pasted.
        return f"{lat:.5f}, {lon:.5f}"

    def _tags(self, tags: Sequence[str] | None) -> str:
        chips = [
            f"<span style='background:#ece6f7; color:#4a2f80'>&nbsp;{_escape(tag)}&nbsp;</span>"
            for tag in tags or []
        ]
        return " ".join(chips)

    # -- actions ----------------------------------------------------------------------

    def _edit(self) -> None:
        if self.prospect is not None:
            self.sig_edit.emit(self.prospect.id)

    def _convert_or_open(self) -> None:
        if self.prospect is None:
            return
        if self.prospect.contact_id:
            self.sig_open_contact.emit(self.prospect.contact_id)
        else:
            self.sig_convert.emit([self.prospect.id])
