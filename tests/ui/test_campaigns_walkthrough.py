"""Issue 16 on the Campaigns tab: what a shop owner tripped over, driven on real widgets.

Nothing can be sent on a channel with no service (and the screens never say "Sent" for
messages nobody accepted); the SMS confirmation shows how many parts each message costs;
the preview says when {{first_name}} is the company name; "nobody left out" reaches the
French catalogue; the campaign name stays readable at 1024×600.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget

from localpro_desktop.domain.campaigns import CampaignStatus, Channel
from localpro_desktop.domain.plans import Metric
from localpro_desktop.services import channel_setup, usage
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.ui.campaigns import widgets
from localpro_desktop.ui.campaigns.composer import CampaignComposer
from localpro_desktop.ui.campaigns.models import CampaignColumn
from localpro_desktop.ui.campaigns.tab import CampaignsTab
from localpro_desktop.ui.context import UiContext
from tests.ui.channel_helpers import summary_dialog, summary_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CampaignsTab]:  # type: ignore[no-untyped-def]
    widget = CampaignsTab(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(widget.is_ready)
    settle(qtbot, widget)
    yield widget
    ui_ctx.runner.wait()


def settle(qtbot, tab: CampaignsTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not tab.composer.is_busy() and not tab.detail.model.loading)


def sms_people(ui_ctx: UiContext, *specs: dict[str, str]) -> list[str]:
    contacts = ContactService(ui_ctx.ws)
    return [
        contacts.add({"phone": f"77 555 10 {i:02d}", **spec}).id for i, spec in enumerate(specs)
    ]


def compose(qtbot, tab: CampaignsTab, ids: list[str], channel: Channel) -> CampaignComposer:  # type: ignore[no-untyped-def]
    tab.compose_for(ids)
    settle(qtbot, tab)
    composer = tab.composer
    composer.set_channel(channel)
    settle(qtbot, tab)
    return composer


def messages_used(ui_ctx: UiContext) -> int:
    with ui_ctx.ws.read() as session:
        return usage.used_this_month(session, Metric.MESSAGES, usage.today_utc())


class _Ready:
    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    def is_set_up(self, _ws: object) -> bool:
        return True


# -- 2: nothing is sent on a channel with no service ---------------------------------------


def test_composer_says_no_sms_service_before_sending_and_queues_nothing(
    qtbot, tab, ui_ctx, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ids = sms_people(ui_ctx, {"first_name": "Awa"}, {"first_name": "Moussa"})
    composer = compose(qtbot, tab, ids, Channel.SMS)
    composer.name_edit.setText("Tabaski promo")
    composer.body_edit.setPlainText("Bonjour {{first_name}}, -10% ce week-end.")
    notice = composer.channel_notice
    assert notice.isVisible()
    text = notice.text.text()
    assert text.startswith("No SMS service is set up yet — set one up before sending.")
    # A button to set it up now (the Channels settings, on SMS); it cannot be closed.
    assert notice.action.isVisible() and notice.action.text() == "Set up SMS…"
    assert not notice.close_button.isVisible()
    assert not composer.send_button.isEnabled()
    assert "No SMS service" in composer.send_button.toolTip()
    used = messages_used(ui_ctx)
    monkeypatch.setattr(widgets, "ask", lambda *_a: pytest.fail("must not offer to send"))
    composer.send()  # e.g. Enter on the default button: refused with the same words
    ui_ctx.runner.wait()
    assert composer.status_label.text().startswith("No SMS service is set up yet")
    assert CampaignService(ui_ctx.ws).overview()[0][0].name != "Tabaski promo"
    assert messages_used(ui_ctx) == used
    # Each channel says its own; saving a draft stays possible.
    composer.set_channel(Channel.WHATSAPP)
    settle(qtbot, tab)
    assert notice.text.text().startswith("No WhatsApp service is set up yet")
    composer.set_channel(Channel.EMAIL)
    settle(qtbot, tab)
    assert notice.text.text().startswith("No e-mail service is set up yet")
    assert composer.save_button.isEnabled()
    # "Set up e-mail…" opens the Channels settings on e-mail.
    qtbot.mouseClick(notice.action, Qt.MouseButton.LeftButton)
    dialog = composer.channels_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and not dialog.page.is_busy())
    assert dialog.page.current_channel() is Channel.EMAIL
    dialog.reject()
    settle(qtbot, tab)
    assert notice.text.text().startswith("No e-mail service is set up yet")


@pytest.mark.usefixtures("channels_set_up")
def test_no_notice_and_send_allowed_once_a_service_is_set_up(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    composer = compose(qtbot, tab, sms_people(ui_ctx, {"first_name": "Awa"}), Channel.SMS)
    composer.name_edit.setText("Promo")
    composer.body_edit.setPlainText("Bonjour {{first_name}}")
    assert composer.channel_notice.isHidden()
    assert composer.send_button.isEnabled()


def test_a_campaign_marked_sent_with_nothing_sent_reads_waiting(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    # As earlier versions did: queued (and marked "sent") while nothing could go out.
    ids = sms_people(ui_ctx, {"first_name": "Awa"}, {"first_name": "Moussa"})
    svc = CampaignService(ui_ctx.ws)
    campaign = svc.create("Promo Tabaski Dakar 2025", Channel.SMS, "Bonjour {{first_name}}")
    svc.set_recipients(campaign.id, ids)
    with channel_setup.registered(_Ready(Channel.SMS)):
        svc.queue_send(campaign.id)
    assert svc.get(campaign.id).status == CampaignStatus.SENT
    tab = CampaignsTab(ui_ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitUntil(tab.is_ready)
    tab.select_campaign(campaign.id)
    qtbot.waitUntil(lambda: tab.selected_campaign() is not None
                    and tab.selected_campaign().id == campaign.id)  # fmt: skip
    row = tab.model.row_of(campaign.id)
    status = tab.model.index(row, CampaignColumn.STATUS)
    assert status.data() == "Waiting to send"
    assert "No SMS service is set up yet: 2 messages wait" in status.data(
        Qt.ItemDataRole.ToolTipRole
    )
    subtitle = tab.detail.subtitle.text()
    assert "Waiting to send" in subtitle and ">Sent<" not in subtitle
    assert "No SMS service is set up yet: 2 messages wait until one is." in subtitle
    ui_ctx.runner.wait()


# -- 11: SMS parts per recipient, and the {{first_name}} fallback ---------------------------


@pytest.mark.usefixtures("channels_set_up")
def test_sms_confirmation_shows_the_spread_of_parts(qtbot, tab, ui_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ids = sms_people(
        ui_ctx, {"first_name": "Awa"}, {"first_name": "Moussa"}, {"first_name": "Anaïs"}
    )
    composer = compose(qtbot, tab, ids, Channel.SMS)
    composer.name_edit.setText("Spread")
    # 60 GSM characters: one part, except "Anaïs" whose ï makes hers Unicode (70 a part).
    composer.body_edit.setPlainText("Bonjour {{first_name}}, " + "x" * 60)
    composer.select_preview_contact(ids[2])
    composer.send()
    question = summary_text(summary_dialog(qtbot, composer))
    assert "SMS length: 2 in 1 part, 1 in 2 parts. Operators bill every part." in question
    assert "about" not in question
    ui_ctx.runner.wait()


def test_preview_says_when_first_name_is_the_company_name(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    ids = sms_people(
        ui_ctx,
        {"company": "Pharmacie Awa"},
        {"first_name": "Moussa", "company": "Garage Moussa"},
    )
    composer = compose(qtbot, tab, ids, Channel.SMS)
    composer.body_edit.setPlainText("Hello {{first_name}}!")
    assert composer.select_preview_contact(ids[0])
    note = composer.preview.note.text()
    assert composer.preview.body.text() == "Hello Pharmacie Awa!"
    assert "No contact person: “First name” is the company name here." in note
    assert "1 of 2 recipients has no contact person" in note
    assert composer.preview.note.toolTip() == "Pharmacie Awa"
    assert composer.select_preview_contact(ids[1])
    note = composer.preview.note.text()
    assert "here" not in note and "1 of 2 recipients has no contact person" in note
    composer.body_edit.setPlainText("Hello {{company}}!")  # no first name used: nothing said
    assert "contact person" not in composer.preview.note.text()


# -- 6: "nobody left out" reaches the French catalogue -----------------------------------


def _tr_calls_inside_fstrings(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call):
                    func = sub.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if name in ("tr", "translate"):
                        lines.append(sub.lineno)
    return lines


def test_no_translation_call_hides_inside_an_fstring() -> None:
    """lupdate does not read inside f-strings: such words never get a French translation."""
    found = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "localpro_desktop" / "ui").rglob("*.py"))
        if (lines := _tr_calls_inside_fstrings(path))
    }
    assert not found, f"move tr() out of the f-string: {found}"


def test_lupdate_extracts_nobody_left_out_for_the_audience_picker(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "build_scripts"))
    import translations

    ts = tmp_path / "audience.ts"
    source = ROOT / "localpro_desktop" / "ui" / "campaigns" / "audience.py"
    subprocess.run(
        [translations._tool("pyside6-lupdate"), str(source), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    text = ts.read_text(encoding="utf-8")
    assert "<name>AudiencePicker</name>" in text
    assert "<source>nobody left out</source>" in text


# -- 12: the campaign name stays readable at 1024×600 -------------------------------------


def test_campaign_names_are_readable_in_a_1024x600_window(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    svc = CampaignService(ui_ctx.ws)
    for name in ("Promo Tabaski Dakar 2025", "Relance clients Thiès"):
        svc.create(name, Channel.WHATSAPP, "Bonjour {{first_name}}")
    window = QMainWindow()
    qtbot.addWidget(window)
    tabs = QTabWidget()
    tab = CampaignsTab(ui_ctx)
    tabs.addTab(tab, "Campaigns")
    window.setCentralWidget(tabs)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(tab.is_ready)
    table = tab.table
    metrics = table.fontMetrics()
    names = [row.name for row in tab.model.rows()]
    widest = max(metrics.horizontalAdvance(name) for name in names)
    qtbot.waitUntil(lambda: table.columnWidth(CampaignColumn.NAME) >= widest + 8)
    assert table.horizontalScrollBar().maximum() == 0  # nothing pushed off to the right
    for column in (CampaignColumn.STATUS, CampaignColumn.SENT, CampaignColumn.FAILED):
        assert not table.isColumnHidden(column)
    # Wider again: every column comes back.
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not any(table.isColumnHidden(c) for c in CampaignColumn))
    assert table.columnWidth(CampaignColumn.NAME) >= widest + 8
    ui_ctx.runner.wait()
