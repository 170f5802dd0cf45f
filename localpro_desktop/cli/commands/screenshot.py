"""``screenshot``: render a tab of the real window offscreen to a PNG."""

import argparse
import os
from pathlib import Path

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.errors import UserError

TABS = ("prospects", "crm", "campaigns", "replies", "map", "analytics", "assistant")
PAGES = ("discovery",)
"""Pages inside a tab: the prospects tab's "Find prospects" page."""


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give WIDTHxHEIGHT, e.g. 1366x768") from None
    return width, height


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("screenshot", help="save a PNG of one tab of the window")
    p.add_argument("--tab", choices=TABS + PAGES, required=True)
    p.add_argument("--output", type=Path, required=True)
    p.add_argument("--size", type=_size, default=(1366, 768), help="WIDTHxHEIGHT")
    p.add_argument("--language", choices=["en", "fr"])
    p.set_defaults(handler=screenshot)


def screenshot(ctx: Context, args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from localpro_desktop.ui.screenshot import take_screenshot
    except ImportError as exc:
        raise UserError(f"The desktop UI is not installed ({exc}); pip install PySide6.") from None
    ctx.close()
    path = take_screenshot(ctx.paths, args.tab, args.output, size=args.size, language=args.language)
    ctx.out.emit({"file": str(path)}, f"Saved {path}")
    return 0
