"""Carries committed changes from whichever thread committed to the UI thread."""

from PySide6.QtCore import QObject, Signal

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.services.workspace import Workspace


class ChangeBridge(QObject):
    sig_changed = Signal(object)
    """A ChangeSet; views reload only the tables (and ids) it names."""

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Emitting from a worker thread queues delivery to this object's (the UI) thread.
        self._unsubscribe = ws.changes.subscribe(self._relay)

    def _relay(self, changes: ChangeSet) -> None:
        self.sig_changed.emit(changes)

    def close(self) -> None:
        self._unsubscribe()


def concerns(changes: object, *tables: str, me: object | None = None) -> bool:
    """True when a view showing ``tables`` must refresh (not when it made the change)."""
    if not isinstance(changes, ChangeSet):
        return False
    if me is not None and changes.initiator is me:
        return False
    return bool(changes.tables & set(tables))
