"""The Assistant tab on a real demo workspace, talking through the real ``openai`` client to
a local server that answers like the Chat Completions API (tests/ai/openai_standin.py:
streamed ``chat.completion.chunk`` events and error bodies as documented at
https://platform.openai.com/docs/api-reference/chat-streaming and
https://platform.openai.com/docs/guides/error-codes): the answer streams into the view and
is saved, Stop keeps what came, a refused key shows its message and keeps the question,
the empty state when nothing is set up, the personal-data box, "Use in a campaign", and
the assistant's settings dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from localpro_desktop.domain.messages import assistant as msg
from localpro_desktop.services.assistant import conversations, settings
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.ui.assistant.tab import AssistantTab
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from tests.ai.openai_standin import Answer, OpenAiStandIn, invalid_api_key, reply
from tests.channels import local_kit

KEY = "sk-test-localpro-0123456789abcdef"
EMAIL = "awa.diop@example.sn"
ANSWER = "Relancez **les pharmacies** de Dakar mardi matin : elles répondent le plus."


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenAiStandIn]:
    monkeypatch.delenv("LOCALPRO_AI_MODEL", raising=False)
    with OpenAiStandIn(key=KEY) as stand_in:
        monkeypatch.setenv("OPENAI_BASE_URL", stand_in.url)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        yield stand_in


@pytest.fixture
def unconfigured(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LOCALPRO_AI_MODEL"):
        monkeypatch.delenv(name, raising=False)


def make_tab(qtbot, ctx: UiContext) -> AssistantTab:  # type: ignore[no-untyped-def]
    tab = AssistantTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitUntil(tab.is_ready, timeout=15_000)
    return tab


def ask_and_wait(qtbot, tab: AssistantTab, question: str) -> None:  # type: ignore[no-untyped-def]
    tab.question.edit.setPlainText(question)
    with qtbot.waitSignal(tab.sig_answered, timeout=20_000):
        tab.send()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=5_000)


def slow_reply(text: str, delay: float) -> Answer:
    return reply(text, chunk_delay=delay)


def test_an_answer_streams_into_the_view_and_is_saved(qtbot, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    server.script(slow_reply(ANSWER, 0.08))
    tab = make_tab(qtbot, ui_ctx)
    assert tab.content.currentWidget() is tab.splitter
    tab.question.edit.setPlainText("Qui relancer cette semaine ?")
    tab.question.edit.setFocus()
    qtbot.keyClick(tab.question.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.is_busy()
    assert tab.question.stop_button.isEnabled() and not tab.question.send_button.isEnabled()
    # the first words show while the rest is still coming
    qtbot.waitUntil(lambda: "Relancez" in tab.chat.streamed_text(), timeout=10_000)
    assert tab.is_busy()
    assert "Relancez" in tab.chat.toPlainText()
    with qtbot.waitSignal(tab.sig_answered, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: tab.chat.answers() == [ANSWER], timeout=5_000)
    text = tab.chat.toPlainText()
    assert "Qui relancer cette semaine ?" in text
    assert "les pharmacies" in text and "**" not in text  # Markdown rendered
    [row] = conversations.list_conversations(ui_ctx.ws)
    assert row.title == "Qui relancer cette semaine ?"
    saved = conversations.messages_of(ui_ctx.ws, row.id)
    assert [(m.role, m.text, m.state) for m in saved] == [
        ("user", "Qui relancer cette semaine ?", "done"),
        ("assistant", ANSWER, "done"),
    ]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5_000)
    assert "tokens this month" in tab.usage_label.text()
    assert server.requests[-1].streamed
    # the next question continues the same conversation
    server.script(reply("Oui."))
    ask_and_wait(qtbot, tab, "Et à Thiès ?")
    assert len(conversations.list_conversations(ui_ctx.ws)) == 1
    qtbot.waitUntil(lambda: tab.chat.answers() == [ANSWER, "Oui."], timeout=5_000)


def test_model_html_is_not_taken_as_html(qtbot, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    server.script(reply("Avant <b>gras</b> <img src='x'> après"))
    tab = make_tab(qtbot, ui_ctx)
    ask_and_wait(qtbot, tab, "HTML ?")
    qtbot.waitUntil(lambda: len(tab.chat.answers()) == 1, timeout=5_000)
    assert "<img" not in tab.chat.toHtml().replace("&lt;img", "")


def test_stop_keeps_what_came(qtbot, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    long = " ".join(f"mot{i}" for i in range(200))
    server.script(slow_reply(long, 0.05))
    tab = make_tab(qtbot, ui_ctx)
    tab.question.edit.setPlainText("Une longue réponse")
    tab.send()
    qtbot.waitUntil(lambda: "mot2" in tab.chat.streamed_text(), timeout=10_000)
    with qtbot.waitSignal(tab.sig_answered, timeout=20_000):
        tab.question.stop_button.click()
    [row] = conversations.list_conversations(ui_ctx.ws)
    answer = conversations.messages_of(ui_ctx.ws, row.id)[-1]
    assert answer.role == "assistant" and answer.state == "stopped"
    assert answer.text.startswith("mot0") and "mot199" not in answer.text
    qtbot.waitUntil(lambda: "Stopped before the end." in tab.chat.toPlainText(), timeout=5_000)
    assert not tab.is_busy() and tab.question.send_button.isEnabled()


def test_a_refused_key_shows_why_and_keeps_the_question(qtbot, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    server.script(invalid_api_key())
    tab = make_tab(qtbot, ui_ctx)
    tab.question.edit.setPlainText("Bonjour ?")
    with qtbot.waitSignal(tab.sig_failed, timeout=20_000) as failed:
        tab.send()
    expected = translate_message(msg.KEY_REJECTED())
    assert failed.args == [expected]
    assert tab.message.isVisible() and tab.message.message == expected
    assert tab.message.action.text() == "Send again"
    assert len(server.requests) == 1  # a 401 is not retried
    [row] = conversations.list_conversations(ui_ctx.ws)
    assert [(m.role, m.text) for m in conversations.messages_of(ui_ctx.ws, row.id)] == [
        ("user", "Bonjour ?")
    ]
    qtbot.waitUntil(lambda: "No answer to this question." in tab.chat.toPlainText(), timeout=5_000)
    assert not tab.is_busy() and tab.question.send_button.isEnabled()
    # "Send again" asks the same question in the same conversation
    server.script(reply("Bonjour !"))
    with qtbot.waitSignal(tab.sig_answered, timeout=20_000):
        tab.message.action.click()
    assert server.requests[-1].messages[-1] == {"role": "user", "content": "Bonjour ?"}
    assert len(conversations.list_conversations(ui_ctx.ws)) == 1
    qtbot.waitUntil(lambda: tab.chat.answers() == ["Bonjour !"], timeout=5_000)


def test_not_set_up_shows_how_and_opens_the_settings(qtbot, ui_ctx, unconfigured) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, ui_ctx)
    assert tab.content.currentWidget() is tab.empty_state
    assert "http://localhost:11434/v1" in tab.empty_state.detail.text()
    assert "Ollama" in tab.empty_state.detail.text()
    tab.empty_state.click("Assistant settings…")
    dialog = tab.settings_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=5_000)
    assert dialog.key_status.text() == "No key saved."
    dialog.close()


def test_personal_data_goes_only_when_ticked(qtbot, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    ContactService(ui_ctx.ws).add(
        {"first_name": "Awa", "last_name": "Diop", "phone": "+221771234567", "email": EMAIL}
    )
    tab = make_tab(qtbot, ui_ctx)
    assert not tab.mode_bar.personal.isChecked()
    assert "e-mail" in tab.mode_bar.personal.toolTip()
    server.script(reply("Sans."))
    ask_and_wait(qtbot, tab, "Qui relancer ?")
    assert EMAIL not in str(server.requests[-1].json)
    tab.new_conversation()
    tab.mode_bar.personal.setChecked(True)
    server.script(reply("Avec."))
    ask_and_wait(qtbot, tab, "Qui relancer, avec les noms ?")
    assert EMAIL in str(server.requests[-1].json)
    rows = conversations.list_conversations(ui_ctx.ws)
    assert [r.personal_data for r in rows] == [True, False]


def test_use_in_a_campaign_opens_the_composer_with_the_answer(qtbot, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.main_window import MainWindow
    from localpro_desktop.ui.tabs import TabKey

    window = MainWindow(ui_ctx, sending=False)
    qtbot.addWidget(window)
    window.show()
    tab = window.show_tab(TabKey.ASSISTANT)
    assert isinstance(tab, AssistantTab)
    qtbot.waitUntil(tab.is_ready, timeout=15_000)
    server.script(reply("Bonjour {{first_name}}, -20 % cette semaine chez nous !"))
    ask_and_wait(qtbot, tab, "Une offre WhatsApp ?")
    qtbot.waitUntil(lambda: len(tab.chat.answers()) == 1, timeout=5_000)
    # the tokens show beside the plan's usage in the status bar
    qtbot.waitUntil(lambda: " · AI " in window.status.usage.text(), timeout=5_000)
    tab.chat.activate("copy:0")
    clipboard = QApplication.clipboard()
    assert clipboard is not None and clipboard.text() == tab.chat.answers()[0]
    tab.chat.activate("use:0")
    campaigns = window.tab(TabKey.CAMPAIGNS)
    assert window.current_key() is TabKey.CAMPAIGNS
    composer = campaigns.composer  # type: ignore[attr-defined]
    assert campaigns.stack.currentWidget() is composer  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not composer._loading, timeout=10_000)
    assert composer.body_edit.toPlainText() == (
        "Bonjour {{first_name}}, -20 % cette semaine chez nous !"
    )
    window.close()


def test_the_settings_dialog_saves_model_server_key_and_cap(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, unconfigured
) -> None:
    tab = make_tab(qtbot, ui_ctx)
    dialog = tab.open_settings()
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=5_000)
    assert not dialog.forget_button.isVisible()
    dialog.key_edit.setText("sk-mine-0123456789")
    dialog.model_edit.setText("llama3.2")
    dialog.base_url_edit.setText("http://localhost:11434/v1")
    dialog.cap_edit.setText("100000")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save_button.click()
    view = settings.view(ui_ctx.ws)
    assert (view.model, view.base_url, view.cap, view.has_key) == (
        "llama3.2",
        "http://localhost:11434/v1",
        100_000,
        True,
    )
    assert settings.ai_config(ui_ctx.ws).api_key == "sk-mine-0123456789"
    # the tab is set up now, and says the cap
    qtbot.waitUntil(lambda: tab.content.currentWidget() is tab.splitter, timeout=5_000)
    assert tab.usage_label.text() == "0 tokens this month · cap 100,000"
    # shown again: the key is never shown back, only that one is saved
    dialog = tab.open_settings()
    qtbot.waitUntil(lambda: dialog.forget_button.isVisible(), timeout=5_000)
    assert dialog.key_edit.text() == ""
    assert dialog.key_status.text() == "A key is saved in this computer's keyring."
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.forget_button.click()
    assert not settings.view(ui_ctx.ws).has_key
    dialog.cap_edit.clear()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save()
    assert settings.view(ui_ctx.ws).cap is None


def test_variables_override_the_settings_and_the_form_says_so(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, monkeypatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env-000000")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("LOCALPRO_AI_MODEL", "qwen2.5")
    tab = make_tab(qtbot, ui_ctx)
    dialog = tab.open_settings()
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=5_000)
    assert not dialog.model_edit.isEnabled() and dialog.model_edit.text() == "qwen2.5"
    assert not dialog.base_url_edit.isEnabled()
    assert not dialog.key_edit.isEnabled()
    assert "LOCALPRO_AI_MODEL" in dialog.model_note.text()
    assert "OPENAI_BASE_URL" in dialog.base_url_note.text()
    assert "OPENAI_API_KEY" in dialog.key_status.text()
    dialog.close()


def test_closing_the_window_stops_an_answer(qtbot, ui_ctx, server) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.main_window import MainWindow
    from localpro_desktop.ui.tabs import TabKey

    server.script(slow_reply(" ".join(f"mot{i}" for i in range(300)), 0.05))
    window = MainWindow(ui_ctx, sending=False)
    qtbot.addWidget(window)
    window.show()
    tab = window.show_tab(TabKey.ASSISTANT)
    assert isinstance(tab, AssistantTab)
    qtbot.waitUntil(tab.is_ready, timeout=15_000)
    tab.send("Longue réponse")
    qtbot.waitUntil(lambda: "mot1" in tab.chat.streamed_text(), timeout=10_000)
    window.close()  # waits for the workers: the answer ends at once, kept as stopped
    assert server.stream_ends.get(timeout=5).complete is False
    [row] = conversations.list_conversations(ui_ctx.ws)
    assert conversations.messages_of(ui_ctx.ws, row.id)[-1].state == "stopped"


def test_the_workspace_settings_open_the_assistant_settings(qtbot, ui_ctx, unconfigured) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.assistant.settings_dialog import AssistantSettingsDialog
    from localpro_desktop.ui.settings_dialog import SettingsDialog

    workspace = SettingsDialog(ui_ctx.ws.settings(), ctx=ui_ctx)
    qtbot.addWidget(workspace)
    assert workspace.assistant_button.text() == "Assistant…"
    assert SettingsDialog(ui_ctx.ws.settings()).assistant_button.isHidden()  # no context
    workspace.assistant_button.click()
    dialog = workspace.findChild(AssistantSettingsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=5_000)
    assert dialog.usage_label.text() == "0 tokens this month · no cap"
    dialog.close()
