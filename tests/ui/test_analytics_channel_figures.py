"""The Analytics tab's figures per channel (beside the messages chart) are the service's:
delivered, opened, replied, the response rate (replies over sent) and the opt-outs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.opt_outs import OptOutSource
from localpro_desktop.services.analytics import AnalyticsService
from localpro_desktop.services.inbound.opt_outs import record_choice
from localpro_desktop.store.models import Contact
from localpro_desktop.ui import formatting
from localpro_desktop.ui.analytics.tab import AnalyticsTab
from localpro_desktop.ui.context import UiContext


@pytest.fixture
def tab(ui_ctx: UiContext, qtbot) -> Iterator[AnalyticsTab]:  # type: ignore[no-untyped-def]
    widget = AnalyticsTab(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1346, 690)
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=15_000)
    yield widget


def test_channel_figures_are_the_services(tab: AnalyticsTab, ui_ctx: UiContext) -> None:
    rates = AnalyticsService(ui_ctx.ws).rates(tab.period).by_channel
    figures = tab.charts.channel_figures
    assert figures.isVisible()
    assert sum(rates[channel].sent for channel in Channel) > 0, "the demo sent messages"
    for channel in Channel:
        r = rates[channel]
        assert figures.text("sent", channel) == formatting.number(r.sent)
        assert figures.text("delivered", channel) == formatting.number(r.delivered)
        assert figures.text("replied", channel) == formatting.number(r.replied)
        # The response rate counts replies over messages sent, never receipts.
        assert r.response_rate == (r.replied / r.sent if r.sent else None)
        assert figures.text("response_rate", channel) == formatting.percent(r.response_rate)
        assert figures.text("opt_outs", channel) == "0"
    assert figures.text("opened", Channel.SMS) == "—"  # SMS has no read receipts
    opened = rates[Channel.EMAIL].opened
    assert figures.text("opened", Channel.EMAIL) == formatting.number(opened)


def test_an_opt_out_shows_up_after_the_change(tab: AnalyticsTab, ui_ctx: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    changes = ChangeSet()
    with ui_ctx.ws.write(changes) as session:
        contact = session.query(Contact).filter(Contact.deleted_at.is_(None)).first()
        assert contact is not None
        record_choice(
            session,
            changes,
            contact,
            Channel.SMS,
            opted_out=True,
            source=OptOutSource.SMS_KEYWORD,
            words="STOP",
            at=utcnow(),
        )
    figures = tab.charts.channel_figures
    qtbot.waitUntil(lambda: figures.text("opt_outs", Channel.SMS) == "1", timeout=15_000)
    assert figures.text("opt_outs", Channel.WHATSAPP) == "0"
    assert tab.data is not None and tab.data.opt_outs[Channel.SMS] == 1
