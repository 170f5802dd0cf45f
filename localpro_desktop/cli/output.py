"""Human tables or machine JSON from the same data, chosen by ``--json``."""

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, TextIO


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, Mapping):
        return {str(to_jsonable(k)): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


class Printer:
    def __init__(self, *, json_mode: bool, stream: TextIO | None = None) -> None:
        self.json_mode = json_mode
        self.stream = stream or sys.stdout

    def emit(self, data: Any, human: str | None = None) -> None:
        """Print JSON in --json mode, else the human text (or a readable dump)."""
        if self.json_mode:
            json.dump(to_jsonable(data), self.stream, ensure_ascii=False, indent=2)
            self.stream.write("\n")
        else:
            self.stream.write((human if human is not None else _plain(data)) + "\n")

    def table(
        self,
        rows: Sequence[Mapping[str, Any]],
        columns: Sequence[str],
        *,
        title: str | None = None,
        data: Any = None,
    ) -> None:
        if self.json_mode:
            self.emit(data if data is not None else list(rows))
            return
        self.stream.write(render_table(rows, columns, title=title) + "\n")


def render_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, title: str | None = None
) -> str:
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [min(max([len(c)] + [len(r[i]) for r in cells]), 40) for i, c in enumerate(columns)]
    lines = [title] if title else []
    lines.append("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)))
    for r in cells:
        lines.append(
            "  ".join(_fit(v, w).ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
        )
    if not rows:
        lines.append("(none)")
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _plain(data: Any) -> str:
    value = to_jsonable(data)
    if isinstance(value, dict):
        width = max((len(k) for k in value), default=0)
        return "\n".join(f"{k.ljust(width)}  {_cell(v)}" for k, v in value.items())
    return str(value)
