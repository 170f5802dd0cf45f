"""What a service changed, so views refresh only that (and sync knows there is work)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Lock

from localpro_protocol.wire import Table


@dataclass
class ChangeSet:
    """Tables and ids a unit of work touched, plus who asked (so the initiator can skip)."""

    ids: dict[Table, set[str]] = field(default_factory=dict)
    initiator: object | None = None

    def add(self, table: Table, *ids: str) -> None:
        self.ids.setdefault(Table(table), set()).update(ids)

    def touch(self, table: Table) -> None:
        """A bulk change (import, demo): listeners should reload the table."""
        self.ids.setdefault(Table(table), set())

    def ids_of(self, table: Table) -> set[str]:
        """The ids touched in ``table`` (empty for a bulk change or an untouched table)."""
        return self.ids.get(table, set())

    def merge(self, other: "ChangeSet") -> None:
        """Fold ``other`` into this set (one refresh for several steps)."""
        for table, ids in other.ids.items():
            self.add(table, *ids)

    @property
    def tables(self) -> frozenset[Table]:
        return frozenset(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)


Listener = Callable[[ChangeSet], None]


class ChangeHub:
    """Fan-out of committed changes; listeners run on the thread that committed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: ChangeSet) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(changes)
