"""Many rows at once, as plain executemany of driver values (campaigns of 10,000 people).

Each column's own bind processor (the dialect's date format, JSON) is applied here, once
per value, so the stored values are exactly what the ORM would store; what is skipped is
SQLAlchemy's per-row statement work, which costs as much as SQLite itself at this size.
Change-capture triggers still run for synced tables: nothing escapes sync.
"""

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from localpro_desktop.store.models.base import Base

BATCH = 5000


def insert_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert ``rows`` of ``model`` (dicts with the same keys, its column names) in the
    session's transaction."""
    if not rows:
        return 0
    table = model.__table__
    connection = session.connection()
    names = list(rows[0])
    take = itemgetter(*names)
    convert: list[tuple[int, Callable[[Any], Any]]] = []
    for index, name in enumerate(names):
        process = table.c[name].type.bind_processor(connection.dialect)
        if process is not None:
            convert.append((index, _memo(process)))
    values: list[tuple[Any, ...]] = []
    for row in rows:
        picked = take(row)
        value = list(picked) if len(names) > 1 else [picked]
        for index, fn in convert:
            value[index] = fn(value[index])
        values.append(tuple(value))
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    statement = f'INSERT INTO "{model.__tablename__}" ({columns}) VALUES ({marks})'
    for start in range(0, len(values), BATCH):
        connection.exec_driver_sql(statement, values[start : start + BATCH])
    return len(values)


def _memo(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The column's processor, remembering its last answer: a batch mostly repeats one
    timestamp (``now``) or one empty dict, converted once instead of once per row."""
    last: list[Any] = [_UNSET, None]

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if value is not last[0] and value != last[0]:
            last[0], last[1] = value, process(value)
        return last[1]

    return convert


_UNSET = object()
