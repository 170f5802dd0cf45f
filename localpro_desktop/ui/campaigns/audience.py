"""Who a campaign goes to: the segment (or picked contacts) and who of them it reaches.

The composer's "Recipients" row. Counting reads the database, so it runs on the task
runner; a count that comes back after the choice changed again is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.campaign_drafts import (
    AudienceMember,
    AudienceView,
    RecipientSource,
    compute_audience,
    list_segments,
)
from localpro_desktop.services.segments import SegmentInfo
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import CHANNEL_COLORS, ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded

_CONTACTS = "contacts"
_SEGMENT = "segment:"
_PHONE_CHANNELS = (Channel.WHATSAPP, Channel.SMS)


class AudiencePicker(QWidget):
    """A list of segments (and the picked contacts) over a line saying who is reached."""

    sig_source_changed = Signal()
    """The user chose other recipients (the picker recounts by itself)."""
    sig_counting = Signal()
    """A count started: the audience is unknown until ``sig_counted``."""
    sig_counted = Signal()
    """The audience for the current channel and recipients is counted (or failed)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._segments: list[SegmentInfo] = []
        self._picked: tuple[str, ...] = ()
        self._picked_label = ""
        self._channel = Channel.WHATSAPP
        self._audience: AudienceView | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.source_combo = QComboBox()
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_combo.setMinimumContentsLength(24)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        layout.addWidget(self.source_combo)
        self.audience_label = QLabel()
        self.audience_label.setWordWrap(True)
        self.audience_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.audience_label)

    # -- state --------------------------------------------------------------------------

    @property
    def audience(self) -> AudienceView | None:
        """The counted audience for the current choice; None while counting."""
        return self._audience

    @property
    def picked(self) -> tuple[str, ...]:
        return self._picked

    def members(self) -> tuple[AudienceMember, ...]:
        return self._audience.included if self._audience is not None else ()

    def reset(self, picked: tuple[str, ...], picked_label: str) -> None:
        """Forget the choice and the count; segments load next (``show_segments``)."""
        self._generation += 1
        self._audience = None
        self._picked = picked
        self._picked_label = picked_label
        with QSignalBlocker(self.source_combo):
            self.source_combo.clear()
        self.audience_label.setText(self._muted(self.tr("Loading segments…")))

    def set_picked(self, picked: tuple[str, ...]) -> None:
        self._picked = picked

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

    # -- segments -----------------------------------------------------------------------

    def show_segments(self, segments: list[SegmentInfo], segment_id: str | None) -> None:
        """Fill the list and choose ``segment_id``, else the picked contacts, else nothing."""
        self._segments = segments
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
                    tip = translate_message(info.problem)
                    self.source_combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
            if segment_id is not None:
                wanted = self.source_combo.findData(_SEGMENT + segment_id)
            else:
                wanted = self.source_combo.findData(_CONTACTS)
            self.source_combo.setCurrentIndex(max(wanted, 0))

    def refresh_segments(self) -> None:
        """Segments changed elsewhere: refill the list, keeping the current choice."""
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: list_segments(ws), on_done=guarded(self, self._segments_arrived)
        )

    @Slot(object)
    def _segments_arrived(self, segments: list[SegmentInfo]) -> None:
        current = self.source()
        self.show_segments(segments, current.segment_id)
        if current != self.source():
            self.recount(self._channel)

    @Slot(int)
    def _source_changed(self, _index: int) -> None:
        self.sig_source_changed.emit()
        self.recount(self._channel)

    # -- counting -----------------------------------------------------------------------

    def recount(self, channel: Channel, *, hint: bool = True) -> None:
        """Count who the campaign reaches on ``channel``, off the UI thread.

        ``hint`` False leaves the line empty when nobody is chosen (while a form loads).
        """
        self._channel = channel
        self._generation += 1
        generation = self._generation
        self._audience = None
        source = self.source()
        if not source.chosen:
            self._audience = AudienceView()
            self.audience_label.setText(
                self._muted(self.tr("Choose who receives the campaign.")) if hint else ""
            )
            self.sig_counted.emit()
            return
        self.audience_label.setText(self._muted(self.tr("Counting recipients…")))
        self.sig_counting.emit()
        ws = self.ctx.ws

        def count() -> tuple[int, AudienceView]:
            return generation, compute_audience(ws, channel, source)

        self.ctx.runner.run(
            count,
            on_done=guarded(self, self._audience_ready),
            on_error=guarded(self, self._audience_failed),
        )

    @Slot(object)
    def _audience_ready(self, result: tuple[int, AudienceView]) -> None:
        generation, audience = result
        if generation != self._generation:
            return
        self._audience = audience
        self.audience_label.setText(self._audience_text(audience))
        self.audience_label.setToolTip(self._excluded_tooltip(audience))
        self.sig_counted.emit()

    @Slot(str, bool)
    def _audience_failed(self, message: str, _is_bug: bool) -> None:
        self._audience = AudienceView()
        self.audience_label.setText(f'<span style="color:{ERROR_COLOR}">{_esc(message)}</span>')
        self.sig_counted.emit()

    # -- texts --------------------------------------------------------------------------

    def exclusion_phrases(self, counts: dict[str, int]) -> list[str]:
        """Phrases such as "12 without a number" and "3 opted out", worded for the channel.

        Each has a "1 …" form so French can agree in number ("1 désinscrit").
        """
        phone = self._channel in _PHONE_CHANNELS
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

    def _audience_text(self, audience: AudienceView) -> str:
        n = len(audience.included)
        if n == 1:
            reached = self.tr("1 person will receive it")
        else:
            reached = self.tr("{n} people will receive it").format(n=fmt.number(n))
        color = CHANNEL_COLORS[self._channel] if n else ERROR_COLOR
        text = f'<b style="color:{color}">{_esc(reached)}</b>'
        phrases = self.exclusion_phrases(audience.excluded_counts())
        if phrases:
            left_out = self.tr("Left out: {reasons}").format(reasons=", ".join(phrases))
            text += f'<span style="color:{MUTED_COLOR}"> · {_esc(left_out)}</span>'
        elif n:
            # Translated outside the f-string: lupdate does not look inside one, so the
            # words never reached the French catalogue (issue 16).
            nobody = self.tr("nobody left out")
            text += f'<span style="color:{MUTED_COLOR}"> · {_esc(nobody)}</span>'
        return text

    def _excluded_tooltip(self, audience: AudienceView) -> str:
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

    @staticmethod
    def _muted(text: str) -> str:
        return f'<span style="color:{MUTED_COLOR}">{_esc(text)}</span>'


def _plural(n: int, one: str, many: str) -> str:
    """English needs no "(s)" and French agrees in number: pick the sentence by count."""
    return (one if n == 1 else many).format(n=fmt.number(n))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
