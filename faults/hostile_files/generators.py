"""The generators by kind, and the seeded order a run takes them in."""

from __future__ import annotations

import random
from collections.abc import Callable

from faults.hostile_files.case import Case, Gen
from faults.hostile_files.csv_generators import (
    gen_binary,
    gen_capacity,
    gen_deep_quotes,
    gen_encoding,
    gen_huge_csv,
    gen_invalid_utf8,
    gen_long_row,
    gen_single_line,
    gen_too_many_rows,
    gen_truncated_csv,
    gen_unclosed_quote,
)
from faults.hostile_files.xlsx_generators import (
    gen_declared_cells,
    gen_entities,
    gen_formulas,
    gen_lying_size,
    gen_missing_part,
    gen_truncated_xlsx,
    gen_zip_bomb_shared,
    gen_zip_bomb_sheet,
)

GENERATORS: dict[str, Callable[[Gen], Case]] = {
    "huge_csv": gen_huge_csv,
    "single_line": gen_single_line,
    "long_row": gen_long_row,
    "too_many_rows": gen_too_many_rows,
    "truncated_csv": gen_truncated_csv,
    "truncated_xlsx": gen_truncated_xlsx,
    "binary": gen_binary,
    "encoding": gen_encoding,
    "invalid_utf8": gen_invalid_utf8,
    "formulas": gen_formulas,
    "deep_quotes": gen_deep_quotes,
    "unclosed_quote": gen_unclosed_quote,
    "zip_bomb_sheet": gen_zip_bomb_sheet,
    "zip_bomb_shared": gen_zip_bomb_shared,
    "declared_cells": gen_declared_cells,
    "entities": gen_entities,
    "missing_part": gen_missing_part,
    "lying_size": gen_lying_size,
}
FULL_ONLY = {"capacity": gen_capacity}


def schedule(cases: int, rng: random.Random, full: bool) -> list[str]:
    """Every kind before any twice (so a small run still covers most), in a seeded order."""
    kinds = list(GENERATORS)
    order: list[str] = []
    while len(order) < cases:
        rng.shuffle(kinds)
        order.extend(kinds)
    order = order[:cases]
    if full and cases >= 50:
        order[rng.randrange(len(order))] = "capacity"
    return order
