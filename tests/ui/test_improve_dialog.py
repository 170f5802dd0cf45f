"""Improve with AI in the campaign composer: real widgets, a real demo workspace, and the
real ``openai`` client against the local Chat Completions stand-in
(tests/ai/openai_standin.py: structured outputs as documented at
https://platform.openai.com/docs/guides/structured-outputs and the answer shape of
https://platform.openai.com/docs/api-reference/chat/create).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.ui.campaigns.composer import CampaignComposer
from localpro_desktop.ui.campaigns.improve_dialog import ImproveDialog
from localpro_desktop.ui.campaigns.tab import CampaignsTab
from localpro_desktop.ui.context import UiContext
from tests.ai.openai_standin import OpenAiStandIn, json_reply
from tests.channels import local_kit

KEY = "sk-test-improve-ui-0123456789"
ORIGINAL = "Bonjour {{first_name}}, -20% sur tout le magasin cette semaine !"
GOOD_1 = "{{first_name}}, -20% sur tout le magasin jusqu'à dimanche !"
GOOD_2 = "Bonjour {{first_name}} : cette semaine, tout est à -20% !"
DROPS = "Bonjour, -20% sur tout cette semaine !"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenAiStandIn]:
    with local_kit.file_keyring(tmp_path), OpenAiStandIn(key=KEY) as stand_in:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", stand_in.url)
        monkeypatch.delenv("LOCALPRO_AI_MODEL", raising=False)
        yield stand_in


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CampaignsTab]:  # type: ignore[no-untyped-def]
    widget = CampaignsTab(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(widget.is_ready)
    yield widget
    ui_ctx.runner.wait()


def versions(*texts: str) -> dict[str, Any]:
    return {"variants": [{"text": t, "why": "plus direct"} for t in texts]}


def open_draft(qtbot, tab: CampaignsTab, ui_ctx: UiContext) -> CampaignComposer:  # type: ignore[no-untyped-def]
    body = ORIGINAL
    campaign = CampaignService(ui_ctx.ws).create("Promo de la semaine", Channel.SMS, body)
    tab.edit_campaign(campaign.id)
    composer = tab.composer
    qtbot.waitUntil(lambda: not composer.is_busy() and composer.campaign_id == campaign.id)
    assert composer.body_edit.toPlainText() == body
    return composer


def improve(qtbot, composer: CampaignComposer) -> ImproveDialog:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(composer.improver.sig_opened, timeout=20_000) as opened:
        qtbot.mouseClick(composer.improver.button, Qt.MouseButton.LeftButton)
        assert composer.is_busy()  # asking: Save and Send wait
        assert not composer.save_button.isEnabled()
    dialog = opened.args[0]
    assert isinstance(dialog, ImproveDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_versions_side_by_side_and_one_used(qtbot, tab, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    composer = open_draft(qtbot, tab, ui_ctx)
    qtbot.waitUntil(lambda: composer.improver.ready is True)
    assert "{{first_name}}" in composer.improver.button.toolTip()
    server.script(json_reply(versions(GOOD_1, DROPS, GOOD_2), usage=(150, 60)))
    dialog = improve(qtbot, composer)

    # The version that dropped {{first_name}} never reaches the screen; it is counted.
    assert [t.toPlainText() for t in dialog.version_texts] == [GOOD_1, GOOD_2]
    assert len(dialog.use_buttons) == 2
    assert dialog.refused.text().startswith("1 version was refused:")
    assert "{{first_name}}" in dialog.refused.text()
    assert dialog.intro.text().startswith("The assistant wrote 2 versions")
    assert dialog.usage.text() == "gpt-4o-mini · 210 tokens"
    # The original stands beside them, with its SMS count; each version has its own.
    shown = [w.text() for w in dialog.findChildren(type(dialog.refused))]
    assert "Your message" in shown and "Version 1" in shown and "Version 2" in shown
    assert shown.count("1 SMS · GSM-7") == 3
    assert "Why: plus direct" in shown
    # What the model was asked about is the saved campaign's own text.
    (request,) = server.requests
    assert ORIGINAL in request.messages[1]["content"]

    dialog.use_buttons[1].click()
    assert dialog.chosen is not None and dialog.chosen.text == GOOD_2
    assert composer.body_edit.toPlainText() == GOOD_2
    assert composer.has_unsaved_changes()
    composer.body_edit.undo()  # an ordinary edit: Ctrl+Z brings the user's words back
    assert composer.body_edit.toPlainText() == ORIGINAL


def test_unsaved_changes_are_saved_first(qtbot, tab, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    composer = open_draft(qtbot, tab, ui_ctx)
    edited = ORIGINAL + " Venez vite."
    composer.body_edit.setPlainText(edited)
    assert composer.has_unsaved_changes()
    server.script(json_reply(versions(GOOD_1)))
    dialog = improve(qtbot, composer)
    assert not composer.has_unsaved_changes()
    assert edited in server.requests[0].messages[1]["content"]
    assert CampaignService(ui_ctx.ws).get(composer.campaign_id or "").body == edited
    assert tab.stack.currentWidget() is composer  # saving for the assistant stays here
    dialog.discard_button.click()
    assert composer.body_edit.toPlainText() == edited


def test_not_set_up_says_how_and_sends_nothing(  # type: ignore[no-untyped-def]
    qtbot, tab, ui_ctx, server, monkeypatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.delenv("OPENAI_BASE_URL")
    composer = open_draft(qtbot, tab, ui_ctx)
    qtbot.waitUntil(lambda: composer.improver.ready is False)
    assert "OpenAI API key" in composer.improver.button.toolTip()
    assert composer.improver.button.isEnabled()
    with qtbot.waitSignal(composer.improver.sig_failed, timeout=10_000) as failed:
        composer.improver.button.click()
    assert "Settings → Assistant" in failed.args[0]
    assert composer.status_label.text() == failed.args[0]
    assert server.requests == []
    assert composer.improver.dialog is None
