"""A tab whose real widget is built the first time it is shown.

Start-up only pays for the first tab; the map's QtWebEngine (a browser engine) is created
only when the user opens the map.
"""

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._factory()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._content)
        return self._content

    @property
    def built(self) -> bool:
        return self._content is not None

    def showEvent(self, event: QShowEvent) -> None:
        self.content  # noqa: B018 - build on first show
        super().showEvent(event)
