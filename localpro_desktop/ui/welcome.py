"""The first screen of an empty workspace: the language, and three ways to get started."""

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LANGUAGE_NAMES = (("en", "English"), ("fr", "Français"))
"""Each language named in itself: whoever cannot read the current one still finds theirs."""


class WelcomePage(QWidget):
    sig_demo = Signal()
    """The user wants to explore with demo data."""
    sig_import = Signal()
    """The user wants to import a file."""
    sig_add = Signal()
    """The user wants to add a prospect by hand."""
    sig_language = Signal(str)
    """The user picked another language ("en" or "fr"); it applies at once."""

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(self._language_row(language))
        layout.addSpacing(16)
        title = QLabel(self.tr("Welcome to LocalPro"))
        title.setObjectName("welcomeTitle")
        title.setStyleSheet("font-size: 26px; font-weight: 600;")
        subtitle = QLabel(
            self.tr(
                "Find local businesses, follow them up and reach them on WhatsApp, "
                "SMS and e-mail — even offline."
            )
        )
        subtitle.setWordWrap(True)
        subtitle.setMaximumWidth(520)
        for label in (title, subtitle):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        self.demo_button = self._button(self.tr("Explore with demo data"), self.sig_demo)
        self.import_button = self._button(self.tr("Import a file"), self.sig_import)
        self.add_button = self._button(self.tr("Add a prospect"), self.sig_add)
        for button in (self.demo_button, self.import_button, self.add_button):
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(320)
        self.progress.hide()
        layout.addWidget(self.progress, alignment=Qt.AlignmentFlag.AlignHCenter)

    def _language_row(self, language: str) -> QHBoxLayout:
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        # Only a user's pick: the index set above must not rebuild the window again.
        self.language.activated.connect(
            lambda index: self.sig_language.emit(self.language.itemData(index))
        )
        label = QLabel(self.tr("Language:"))
        label.setBuddy(self.language)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(label)
        row.addWidget(self.language)
        row.addStretch(1)
        return row

    def _button(self, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumSize(280, 44)
        button.clicked.connect(signal.emit)
        return button

    def show_progress(self, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
