"""Ask in words in the Prospects search and in the CRM: real widgets, a real demo
workspace, and the real ``openai`` client against the local Chat Completions stand-in
(tests/ai/openai_standin.py; structured outputs as documented at
https://platform.openai.com/docs/guides/structured-outputs, answers shaped as
https://platform.openai.com/docs/api-reference/chat/create says).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.assistant.words import workspace_today
from localpro_desktop.services.prospect_search import ProspectFilter
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.tab import CrmTab
from localpro_desktop.ui.prospects.tab import ProspectsTab
from tests.ai.openai_standin import OpenAiStandIn, json_reply, reply
from tests.channels import local_kit

KEY = "sk-test-words-ui-0123456789"
FILTER_FIELDS = (
    "sector",
    "city",
    "text",
    "source",
    "country",
    "converted",
    "has_phone",
    "has_coordinates",
)


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenAiStandIn]:
    with local_kit.file_keyring(tmp_path), OpenAiStandIn(key=KEY) as stand_in:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", stand_in.url)
        monkeypatch.delenv("LOCALPRO_AI_MODEL", raising=False)
        yield stand_in


def _settle(ctx: UiContext) -> None:
    for _ in range(5):
        ctx.runner.wait()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _close(widget: Any, ctx: UiContext) -> None:
    _settle(ctx)
    widget.close()
    widget.deleteLater()
    _settle(ctx)


def filter_answer(**values: Any) -> dict[str, Any]:
    data: dict[str, Any] = dict.fromkeys(FILTER_FIELDS)
    data.update(values)
    return data


def rule_answer(**values: Any) -> dict[str, Any]:
    data: dict[str, Any] = dict.fromkeys(SegmentRule().to_dict())
    data.update(statuses=[], tags_any=[], tags_all=[])
    data.update(values)
    return data


# -- prospects ------------------------------------------------------------------------


@pytest.fixture
def prospects(qtbot, ui_ctx: UiContext) -> Iterator[ProspectsTab]:  # type: ignore[no-untyped-def]
    widget = ProspectsTab(ui_ctx)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=10_000)
    qtbot.waitUntil(lambda: widget.sector_combo.count() > 1)
    yield widget
    _close(widget, ui_ctx)


def test_prospects_words_become_the_filter_bar(qtbot, prospects, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    ask = prospects.ask_words
    before = prospects.model.total
    server.script(
        json_reply(
            filter_answer(sector="restaurant", city="Lagos", converted=False, has_phone=True)
        )
    )
    ask.field.edit.setText("restaurants à Lagos pas encore clients, avec un téléphone")
    with qtbot.waitSignal(ask.sig_answered, timeout=20_000):
        qtbot.keyClick(ask.field.edit, Qt.Key.Key_Return)
        assert ask.is_busy() and not ask.field.button.isEnabled()
    assert not ask.is_busy()
    # The fields say what was asked; what no field shows is a chip beside the question.
    assert prospects.sector_combo.currentData() == "restaurant"
    assert prospects.sector_combo.currentText() == "Restaurant"
    assert prospects.city_combo.currentData() == "Lagos"
    assert prospects.converted_combo.currentData() is False
    assert prospects.search.text() == ""
    expected = ProspectFilter(sector="restaurant", city="Lagos", converted=False, has_phone=True)
    assert prospects.current_filter() == expected
    assert not ask.extras_chip.isHidden() and ask.extras_chip.text().startswith("has a phone")
    assert prospects.message.text.text() == (
        "Asked in words: Sector: Restaurant · City: Lagos · not yet a contact · has a phone"
    )
    qtbot.waitUntil(lambda: prospects.model.current_filter == expected)
    qtbot.waitUntil(lambda: prospects.model.total < before)
    narrowed = prospects.model.total
    # The chip removes the condition no field shows; the fields stay.
    ask.extras_chip.click()
    assert prospects.current_filter() == ProspectFilter(
        sector="restaurant", city="Lagos", converted=False
    )
    assert ask.extras_chip.isHidden()
    qtbot.waitUntil(lambda: prospects.model.total >= narrowed)
    # "Clear the filters" on the message goes back to everything.
    prospects.message.action.click()
    assert prospects.current_filter() == ProspectFilter()
    qtbot.waitUntil(lambda: prospects.model.total == before)


def test_prospects_refused_answer_changes_nothing(qtbot, prospects, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    ask = prospects.ask_words
    prospects.search.setText("chez")
    qtbot.waitUntil(lambda: prospects.model.current_filter == ProspectFilter(text="chez"))
    server.script(json_reply(filter_answer(city="Lagos", has_phone="oui")))
    ask.field.edit.setText("à Lagos avec un téléphone")
    with qtbot.waitSignal(ask.sig_failed, timeout=20_000) as failed:
        ask.field.button.click()
    assert failed.args[0].startswith("The assistant's filters were refused")
    assert prospects.message.text.text() == failed.args[0]
    assert prospects.current_filter() == ProspectFilter(text="chez")
    assert prospects.city_combo.currentData() is None
    assert ask.field.edit.text() == "à Lagos avec un téléphone"  # kept, to be reworded


# -- CRM ------------------------------------------------------------------------------


@pytest.fixture
def crm(qtbot, ui_ctx: UiContext) -> Iterator[CrmTab]:  # type: ignore[no-untyped-def]
    widget = CrmTab(ui_ctx)
    widget.resize(1366, 690)
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=15_000)
    qtbot.waitUntil(lambda: widget.segment_combo.count() > 1)
    yield widget
    _close(widget, ui_ctx)


def _shown(tab: CrmTab) -> int:
    return sum(m.total for m in tab.models.values())


def test_crm_words_preview_apply_then_save(qtbot, crm, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    ask = crm.ask_words
    everyone = _shown(crm)
    month_ago = workspace_today(ui_ctx.ws) - timedelta(days=30)
    server.script(
        json_reply(rule_answer(sector="restaurant", last_contacted_before=month_ago.isoformat()))
    )
    rule = SegmentRule(sector="restaurant", last_contacted_before=month_ago)
    ask.field.edit.setText("restaurants pas contactés depuis un mois")
    with qtbot.waitSignal(ask.sig_previewed, timeout=20_000):
        qtbot.keyClick(ask.field.edit, Qt.Key.Key_Return)
    # Shown before anything runs: the board is as it was.
    assert ask.isVisible() and ask.apply_button.isVisible() and ask.save_button.isVisible()
    assert ask.text.text() == "Asked in words: " + rule.describe("en")
    assert crm.current_filter.is_empty and _shown(crm) == everyone

    with qtbot.waitSignal(crm.sig_board_loaded, timeout=10_000):
        ask.apply_button.click()
    assert crm.current_filter.rule == rule
    assert crm.segment_combo.currentText().startswith("Asked: restaurants pas contactés")
    expected = SegmentService(ui_ctx.ws).preview(rule, limit=0).count
    assert 0 < expected < everyone
    assert _shown(crm) == expected
    assert crm.save_segment_button.isEnabled()  # the bar's own "Save as segment…" too

    ask.save_as("Restaurants à relancer")
    qtbot.waitUntil(lambda: crm.segment_combo.currentText() == "Restaurants à relancer")
    saved = SegmentService(ui_ctx.ws).get("Restaurants à relancer")
    assert saved.rule == rule and saved.member_count == expected
    assert saved.description == rule.describe("en")
    qtbot.waitUntil(lambda: crm.current_filter.segment_id == saved.id)
    assert ask.isHidden()
    # The unsaved entry is gone from the list once the rule is a segment.
    items = [crm.segment_combo.itemText(i) for i in range(crm.segment_combo.count())]
    assert not any(item.startswith("Asked:") for item in items)
    assert "Segment “Restaurants à relancer” saved" in crm.message.text.text()


def test_crm_save_without_applying(qtbot, crm, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    ask = crm.ask_words
    server.script(json_reply(rule_answer(city="Dakar")))
    with qtbot.waitSignal(ask.sig_previewed, timeout=20_000):
        ask.ask("les clients de Dakar")
    ask.save_as("Dakar")
    qtbot.waitUntil(lambda: crm.segment_combo.currentText() == "Dakar")
    assert SegmentService(ui_ctx.ws).get("Dakar").rule == SegmentRule(city="Dakar")


def test_crm_invalid_output_is_said_and_nothing_changes(qtbot, crm, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    ask = crm.ask_words
    segments = [s.id for s in SegmentService(ui_ctx.ws).list()]
    everyone = _shown(crm)
    server.script(reply("city = Dakar"))  # not JSON at all
    with qtbot.waitSignal(ask.sig_previewed, timeout=20_000):
        ask.ask("les clients de Dakar")
    assert ask.isVisible()
    assert ask.text.text().startswith("The assistant's filters were refused")
    assert ask.apply_button.isHidden() and ask.save_button.isHidden()
    assert crm.current_filter.is_empty and _shown(crm) == everyone
    assert [s.id for s in SegmentService(ui_ctx.ws).list()] == segments

    server.script(json_reply({**rule_answer(city="Dakar"), "revenue_over": 1000}))
    with qtbot.waitSignal(ask.sig_previewed, timeout=20_000):
        ask.ask("les gros clients de Dakar")
    assert "revenue_over" in ask.text.text()
    assert ask.apply_button.isHidden()
    assert crm.current_filter.is_empty
