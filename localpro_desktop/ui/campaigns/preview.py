"""The composer's preview: the message as one chosen recipient will receive it.

Pure work on data already loaded (the audience's personal fields), so it follows every
keystroke without touching the database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.templates import render
from localpro_desktop.services.campaign_drafts import AudienceMember
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.campaigns.widgets import BUBBLE_TEXT, PREVIEW_BUBBLES
from localpro_desktop.ui.i18n import error_text
from localpro_desktop.ui.style import CHANNEL_COLORS, MUTED_COLOR

_FIELD_IN_TEMPLATE = re.compile(r"{{\s*(\w+)\s*}}")


class MessagePreview(QFrame):
    """A chat bubble (or an e-mail) with the message rendered for one recipient."""

    sig_member_changed = Signal()
    """Another recipient was chosen in the "As received by" list."""
    sig_send_test = Signal()
    """The user asked for this message on their own phone or mailbox."""

    def __init__(self, field_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field_names = field_names
        self._members: dict[str, AudienceMember] = {}
        self.setObjectName("previewPanel")
        self.setStyleSheet(
            "#previewPanel { background: palette(alternate-base); border: 1px solid"
            " palette(mid); border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        caption = QLabel(self.tr("Preview"))
        caption.setStyleSheet("font-weight: 600;")
        layout.addWidget(caption)
        layout.addLayout(self._build_pick())
        self.address = self._plain_label(MUTED_COLOR)
        layout.addWidget(self.address)
        layout.addWidget(self._build_bubble(), 1)
        self.note = self._plain_label(MUTED_COLOR)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.test_button = QPushButton(self.tr("Send a test to myself"))
        self.test_button.setToolTip(self.test_tip())
        self.test_button.clicked.connect(self.sig_send_test)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignRight)

    @staticmethod
    def _plain_label(color: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"color: {color};")
        return label

    def _build_pick(self) -> QHBoxLayout:
        pick = QHBoxLayout()
        as_label = QLabel(self.tr("As received by"))
        pick.addWidget(as_label)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.currentIndexChanged.connect(self._member_changed)
        as_label.setBuddy(self.combo)
        pick.addWidget(self.combo, 1)
        return pick

    def _build_bubble(self) -> QScrollArea:
        self.bubble = QFrame()
        self.bubble.setObjectName("bubble")
        bubble_layout = QVBoxLayout(self.bubble)
        bubble_layout.setContentsMargins(12, 10, 12, 10)
        bubble_layout.setSpacing(6)
        self.subject = QLabel()
        self.subject.setWordWrap(True)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setStyleSheet(
            f"font-weight: 600; background: transparent; color: {BUBBLE_TEXT};"
        )
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bubble_layout.addWidget(self.subject)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body.setStyleSheet("background: transparent;")
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bubble_layout.addWidget(self.body)
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
        return scroll

    # -- who it is shown for --------------------------------------------------------------

    def clear(self) -> None:
        self._members = {}
        with QSignalBlocker(self.combo):
            self.combo.clear()

    def set_members(self, members: Sequence[AudienceMember]) -> None:
        """Offer these recipients, keeping the chosen one when it is still among them."""
        self._members = {m.id: m for m in members}
        current = self.combo.currentData()
        ordered = sorted(members, key=lambda m: m.display_name.casefold())
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for member in ordered:
                detail = ", ".join(p for p in (member.company, member.city) if p)
                shown = member.display_name
                if detail and detail != shown:
                    shown = f"{shown} — {detail}"
                self.combo.addItem(shown, member.id)
            index = self.combo.findData(current) if current else -1
            self.combo.setCurrentIndex(max(index, 0) if ordered else -1)
        self.combo.setEnabled(bool(ordered))

    def member(self) -> AudienceMember | None:
        member_id = self.combo.currentData()
        return self._members.get(member_id) if member_id else None

    def select(self, contact_id: str) -> bool:
        index = self.combo.findData(contact_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        return index >= 0

    @Slot(int)
    def _member_changed(self, _index: int) -> None:
        self.sig_member_changed.emit()

    # -- the message --------------------------------------------------------------------

    def set_channel(self, channel: Channel) -> None:
        self.bubble.setStyleSheet(
            f"#bubble {{ background: {PREVIEW_BUBBLES[channel]}; border: 1px solid"
            f" {CHANNEL_COLORS[channel]}; border-radius: 10px; }}"
        )

    def show_message(self, channel: Channel, subject: str, body: str, error: str) -> str:
        """Render for the chosen recipient; returns the template error, if rendering fails.

        ``error`` is the template check's verdict: with one, the raw text is not rendered.
        """
        member = self.member()
        rendered_subject, rendered_body = subject, body
        if member is not None and not error:
            try:
                rendered_body = render(body, dict(member.fields))
                rendered_subject = render(subject, dict(member.fields)) if subject else ""
            except UserError as exc:
                error = error_text(exc)
        email = channel is Channel.EMAIL
        self.subject.setVisible(email)
        self.subject.setText(rendered_subject or self.tr("(no subject)") if email else "")
        if error:
            placeholder = self.tr("The preview comes back once the message has no error.")
        elif not body.strip():
            placeholder = self.tr("Your message appears here as it will be received.")
        else:
            placeholder = ""
        self.body.setText(placeholder or rendered_body)
        # The bubble is light in every theme, so its text colour is fixed too.
        color = MUTED_COLOR if placeholder else BUBBLE_TEXT
        self.body.setStyleSheet(f"background: transparent; color: {color};")
        self.address.setText(self._address_line(member, channel))
        template = subject + "\n" + body
        notes = [self._note(member, template, error), self._fallback_note(member, template, error)]
        self.note.setText("\n".join(n for n in notes if n))
        self.note.setToolTip(self._fallback_names(template) if not error else "")
        return error

    def rendered_body(self, body: str, error: str) -> str:
        """The body as the chosen recipient receives it (the raw text if none or an error)."""
        member = self.member()
        if member is None or error:
            return body
        return render(body, dict(member.fields))

    def test_tip(self) -> str:
        return self.tr("Send this message, as this person receives it, to your own address.")

    def rendered_subject(self, subject: str, error: str) -> str:
        """The subject as the chosen recipient receives it (raw if none or an error)."""
        member = self.member()
        if member is None or error or not subject:
            return subject
        return render(subject, dict(member.fields))

    def _address_line(self, member: AudienceMember | None, channel: Channel) -> str:
        if member is None:
            return self.tr("Choose recipients to see each person's message.")
        address = member.address(channel) or ""
        if address and channel is not Channel.EMAIL:
            address = fmt.phone(address, address)  # as every list shows a number
        return self.tr("To: {address}").format(address=address or "—")

    def _note(self, member: AudienceMember | None, template: str, error: str) -> str:
        if error or member is None:
            return ""
        names = self._field_names
        empty = sorted(
            {
                names.get(name, name)
                for name in _FIELD_IN_TEMPLATE.findall(template)
                if not str(member.fields.get(name) or "").strip()
            }
        )
        if not empty:
            return ""
        return self.tr("Blank for this person: {fields}").format(fields=", ".join(empty))

    def _with_fallback(self, template: str) -> list[AudienceMember]:
        """Recipients whose {{first_name}} (used by the template) is their company name."""
        if "first_name" not in _FIELD_IN_TEMPLATE.findall(template):
            return []
        return [m for m in self._members.values() if "first_name" in m.fallbacks]

    def _fallback_note(self, member: AudienceMember | None, template: str, error: str) -> str:
        """Say when {{first_name}} silently becomes the company name: for whom, how many.

        A business with no contact person reads "Hello Pharmacie Awa"; the writer should
        know before sending, and may choose other words.
        """
        if error or member is None:
            return ""
        affected = self._with_fallback(template)
        if not affected:
            return ""
        field = self._field_names.get("first_name", "first_name")
        lines = []
        if member in affected:
            lines.append(
                self.tr("No contact person: “{field}” is the company name here.").format(
                    field=field
                )
            )
        n, total = len(affected), len(self._members)
        everyone = (
            self.tr("1 of {total} recipients has no contact person: “{field}” is the company name.")
            if n == 1
            else self.tr(
                "{n} of {total} recipients have no contact person: “{field}” is their company name."
            )
        )
        lines.append(everyone.format(n=fmt.number(n), total=fmt.number(total), field=field))
        return "\n".join(lines)

    def _fallback_names(self, template: str) -> str:
        """Who they are (the first 15), for the note's tooltip."""
        affected = sorted(m.display_name for m in self._with_fallback(template))
        if not affected:
            return ""
        shown = affected[:15]
        if len(affected) > len(shown):
            shown.append(self.tr("and {n} more").format(n=fmt.number(len(affected) - len(shown))))
        return "\n".join(shown)
