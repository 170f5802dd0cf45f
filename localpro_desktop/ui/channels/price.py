"""Prices typed by the user and costs shown back, in the workspace's currency.

A price is a ``Decimal`` (services keep it exact); it is typed with a point or a comma
("25", "2.5", "2,5") and shown with the UI locale's grouping and decimal sign.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit

from localpro_desktop.domain.campaigns import minor_units, round_money
from localpro_desktop.ui import formatting as fmt

_TYPED = re.compile(r"^\s*(\d{1,9})(?:[.,](\d{0,4}))?\s*$")


def parse_price(text: str) -> Decimal | None:
    """The typed price, None when the box is empty; ValueError when it is not a price."""
    if not text.strip():
        return None
    match = _TYPED.match(text)
    if match is None:
        raise ValueError(text)
    whole, fraction = match.group(1), match.group(2) or ""
    try:
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise ValueError(text) from exc


def typed(price: Decimal | None) -> str:
    """A stored price as it is typed back into its box (no grouping)."""
    if price is None:
        return ""
    text = format(price.normalize(), "f")
    return text.replace(".", fmt.locale().decimalPoint())


def money(amount: Decimal, currency: str, *, exact: bool = False) -> str:
    """ "15 600 XOF", "1,250.50 NGN": a cost rounded to the currency's unit, a whole
    amount without decimals; ``exact``: a unit price as it was typed ("0.015 USD")."""
    if exact:
        places = max(-int(amount.normalize().as_tuple().exponent), 0)
    else:
        amount = round_money(amount, currency) if currency else amount
        whole = amount == amount.to_integral_value()
        places = 0 if whole else (minor_units(currency) if currency else 2)
    shown = fmt.locale().toString(float(amount), "f", places)
    return f"{shown}\u00a0{currency}" if currency else shown


def make_price_edit() -> QLineEdit:
    """A box that takes digits with at most one decimal sign (point or comma)."""
    edit = QLineEdit()
    edit.setValidator(
        QRegularExpressionValidator(QRegularExpression(r"^\s*\d{0,9}([.,]\d{0,4})?\s*$"), edit)
    )
    edit.setMaximumWidth(140)
    return edit
