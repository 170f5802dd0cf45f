"""A contact's recorded opt-outs, one line each: "Opted out of SMS on 07/12/2026 (STOP)".

The checkboxes above say what campaigns do now; these lines say what the person asked,
when, and in which words (or where from: WhatsApp, the e-mail's link, by hand). Loaded
off the UI thread (``services.inbound.opt_outs.opt_outs_of``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from localpro_desktop.services.inbound.opt_outs import OptOutView, opt_outs_of
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.tasks import guarded


def local_day(value: datetime) -> str:
    """The day a UTC time from the store falls on here, as this workspace writes days."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return fmt.day(aware.astimezone().date())


class OptOutLines(QLabel):
    """The lines for one contact (hidden when the person asked nothing)."""

    sig_shown = Signal(str)
    """The lines of this contact (its id) are shown, after each load."""

    def __init__(self, ctx: UiContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._wanted: str | None = None
        self._request = 0
        self.views: tuple[OptOutView, ...] = ()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {MUTED_COLOR};")
        self.hide()

    def load(self, contact_id: str) -> None:
        """Read the contact's opt-outs on the database worker, then show them."""
        assert self.ctx is not None, "load() needs the UI context"
        if contact_id != self._wanted:
            self.show_views(())
        self._wanted = contact_id
        self._request += 1
        request = self._request
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: opt_outs_of(ws, contact_id),
            on_done=guarded(self, lambda views: self._loaded(request, contact_id, views)),
            on_error=guarded(self, lambda _message, _bug: self._failed(request)),
        )

    def clear_lines(self) -> None:
        self._wanted = None
        self._request += 1
        self.show_views(())

    def _loaded(self, request: int, contact_id: str, views: list[OptOutView]) -> None:
        if request != self._request:
            return
        self.show_views(views)
        self.sig_shown.emit(contact_id)

    def _failed(self, request: int) -> None:
        if request == self._request:
            self.show_views(())  # the panel's own load says what went wrong

    def show_views(self, views: Sequence[OptOutView]) -> None:
        self.views = tuple(views)
        self.setText("\n".join(self.line(view) for view in self.views))
        self.setVisible(bool(self.views))

    def line(self, view: OptOutView) -> str:
        words = " ".join(view.words.split()) or translate_message(view.source.words)
        channel = labels.channel(view.channel)
        when = local_day(view.at)
        if view.opted_out:
            text = self.tr("Opted out of {channel} on {date} ({words})")
        else:
            text = self.tr("Opted back in to {channel} on {date} ({words})")
        return text.format(channel=channel, date=when, words=words)
