"""E-mail: one optional attachment (an image or a PDF), shown with its name and size.

The file stays where it is (the draft keeps its path); its size is read on the pool, never
on the UI thread, and a file that went missing is said before Send.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.campaign_drafts import validate_attachment
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import error_text
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded


def _check(path: str) -> tuple[str, int | None, str]:
    """The file's size (None when it is not there) and what is wrong with it, if anything
    (read on the pool, in the service's words)."""
    target = Path(path)
    size = target.stat().st_size if target.is_file() else None
    try:
        validate_attachment(path)
    except UserError as exc:
        return path, size, error_text(exc)
    return path, size, ""


def choose_file(parent: QWidget, title: str, start: str, filter_text: str) -> str:
    """The file dialog (tests answer it without a modal loop)."""
    name, _ = QFileDialog.getOpenFileName(parent, title, start, filter_text)
    return name


class AttachmentPicker(QWidget):
    """ "Choose…" an image or a PDF; its name and size; a button to remove it."""

    sig_changed = Signal()
    """A file was attached or removed."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._path = ""
        self.file_size: int | None = None
        self.problem = ""
        """What the service says is wrong with the file ("" when it can be sent)."""
        self.checking = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel()
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.name_label, 1)
        self.choose_button = QPushButton(self.tr("Attach…"))
        self.choose_button.setToolTip(self.tr("Attach an image or a PDF (a price list, a flyer)."))
        self.choose_button.clicked.connect(self._choose)
        row.addWidget(self.choose_button)
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove the attachment"))
        self.remove_button.clicked.connect(lambda: self.set_path("", user=True))
        row.addWidget(self.remove_button)
        self._show()

    def path(self) -> str:
        return self._path

    def refusal(self) -> str:
        """Why the attached file cannot be sent ("" when it can, or while it is read)."""
        if not self._path or self.checking:
            return ""
        if self.file_size is None:
            return self.tr(
                "The attachment {name} is not on this computer: attach it again."
            ).format(name=Path(self._path).name)
        return self.problem

    @Slot()
    def _choose(self) -> None:
        start = str(Path(self._path).parent) if self._path else str(Path.home())
        name = choose_file(
            self,
            self.tr("Attach an image or a PDF"),
            start,
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)"),
        )
        if name:
            self.set_path(name, user=True)

    def set_path(self, path: str, *, user: bool = False) -> None:
        """Attach ``path`` ("" for none); ``user``: an edit (the composer marks it dirty)."""
        changed = path != self._path
        self._path = path
        self.file_size = None
        self.problem = ""
        self.checking = bool(path)
        self._show()
        if path:
            self.ctx.runner.run(
                lambda: _check(path),
                on_done=guarded(self, self._sized),
                on_error=guarded(self, self._size_failed),
                database=False,
            )
        if changed and user:
            self.sig_changed.emit()

    @Slot(object)
    def _sized(self, result: tuple[str, int | None, str]) -> None:
        path, size, problem = result
        if path != self._path:
            return
        self.checking = False
        self.file_size = size
        self.problem = problem
        self._show()

    @Slot(str, bool)
    def _size_failed(self, _message: str, _is_bug: bool) -> None:
        self.checking = False
        self.file_size = None
        self._show()

    def _show(self) -> None:
        self.remove_button.setVisible(bool(self._path))
        self.choose_button.setText(self.tr("Replace…") if self._path else self.tr("Attach…"))
        if not self._path:
            self.name_label.setText(self.tr("None (optional: an image or a PDF)"))
            self.name_label.setStyleSheet(f"color: {MUTED_COLOR};")
            self.name_label.setToolTip("")
            return
        name = Path(self._path).name
        self.name_label.setToolTip(self._path)
        if self.checking:
            self.name_label.setText(name)
            self.name_label.setStyleSheet("")
        elif self.file_size is None:
            self.name_label.setText(
                self.tr("{name} — not found on this computer").format(name=name)
            )
            self.name_label.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            text = self.tr("{name} ({size})").format(name=name, size=self.size_text(self.file_size))
            self.name_label.setText(text)
            self.name_label.setStyleSheet(f"color: {ERROR_COLOR};" if self.problem else "")
            if self.problem:
                self.name_label.setToolTip(self.problem)

    def size_text(self, size: int) -> str:
        if size < 1024:
            return self.tr("{n} bytes").format(n=fmt.number(size))
        if size < 1024 * 1024:
            return self.tr("{n} KB").format(n=fmt.number(round(size / 1024)))
        return self.tr("{n} MB").format(n=fmt.locale().toString(size / (1024 * 1024), "f", 1))
