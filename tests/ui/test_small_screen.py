"""Every tab stays readable in a 1024×600 window (a netbook, or a laptop at 125 % scale).

The real main window on a demo workspace, offscreen, visits each tab and looks at every
label on screen: a line of text cut off by its own width (a KPI caption, a chart title
run over by its note) or a wrapped paragraph squeezed below its height fails. Labels that
elide on purpose shorten their text to fit, so they pass; a label is never just clipped.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tabs import TabKey

SMALL = (1024, 600)

# Harmless web engine noise on a headless machine without a GPU (the map tab).
pytestmark = pytest.mark.qt_log_ignore(
    r"QRhiGles2: Failed to create",
    r"Failed to create RHI",
    r"This plugin does not support propagateSizeHints",
    r"GPUInfo not initialized",
)


def _settle(ctx: UiContext, rounds: int = 5) -> None:
    for _ in range(rounds):
        ctx.runner.wait(30_000)
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(params=["en", "fr"])
def small_window(  # type: ignore[no-untyped-def]
    request, qtbot, qapp, demo_paths: WorkspacePaths
) -> Iterator[tuple[object, UiContext]]:
    from localpro_desktop.ui.app import build_context
    from localpro_desktop.ui.main_window import MainWindow

    ws = Workspace.open(demo_paths, daily_backup=False)
    ctx = build_context(ws, demo_paths, request.param)
    window = MainWindow(ctx)
    window.resize(*SMALL)
    window.show()
    try:
        yield window, ctx
    finally:
        _settle(ctx)
        window.close()  # stops sync and closes the change bridge
        window.deleteLater()
        _settle(ctx)
        ws.close()


def clipped_labels(root: QWidget) -> list[str]:
    """Labels on screen whose text does not fit them, described for the failure message."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisible() or not text.strip() or label.width() <= 0:
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.append(f"{_name(label)} {text!r}: {label.height()} px high, needs {needed}")
            continue
        needed = label.sizeHint().width()
        if needed > label.width() + 1:
            found.append(f"{_name(label)} {text!r}: {label.width()} px wide, needs {needed}")
    return found


def _name(widget: QWidget) -> str:
    chain = []
    current: QWidget | None = widget
    while current is not None and len(chain) < 4:
        chain.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(chain))


def _show(qtbot, window, ctx: UiContext, key: TabKey) -> QWidget:  # type: ignore[no-untyped-def]
    tab = window.show_tab(key.value)
    ready = getattr(tab, "is_ready", None)
    if ready is not None:
        qtbot.waitUntil(ready, timeout=30_000)
    _settle(ctx)
    qtbot.wait(50)  # layouts that follow a resize or a late result
    QCoreApplication.processEvents()
    return tab


def test_the_window_fits_a_1024_by_600_screen(small_window) -> None:  # type: ignore[no-untyped-def]
    window, _ctx = small_window
    assert (window.width(), window.height()) == SMALL
    assert window.minimumSizeHint().width() <= SMALL[0]
    assert window.minimumSizeHint().height() <= SMALL[1]


@pytest.mark.parametrize("key", list(TabKey), ids=[key.value for key in TabKey])
def test_no_label_is_cut_off_at_1024_by_600(qtbot, small_window, key: TabKey) -> None:  # type: ignore[no-untyped-def]
    window, ctx = small_window
    _show(qtbot, window, ctx, key)
    clipped = clipped_labels(window)
    assert not clipped, "\n".join(clipped)


def test_analytics_charts_keep_their_legends_whole_at_1024(qtbot, small_window) -> None:  # type: ignore[no-untyped-def]
    """QtCharts cuts legend entries ("Google Maps · 22,...") in a narrow card: the cards
    go two to a row instead, tall enough to read, and the tab scrolls."""
    from PySide6.QtCharts import QChart
    from PySide6.QtCore import Qt

    window, ctx = small_window
    tab = _show(qtbot, window, ctx, TabKey.ANALYTICS)
    assert tab.charts.columns == 2
    for name, card in tab.cards.items():
        assert card.height() >= card.minimumHeight() > 0, name
        chart: QChart = card.chart
        legend = chart.legend()
        if card.showing_chart and legend.isVisible():
            wanted = legend.effectiveSizeHint(Qt.SizeHint.PreferredSize)
            side = legend.alignment() in (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight)
            room = legend.geometry().width() if side else chart.plotArea().width()
            assert room + 1 >= (wanted.width() if side else 0), name
