"""The composer's real Send, on real widgets, with channels set up as a user sets them up.

SMS: the summary counts who gets it and who is left out and why, estimates the cost in the
workspace currency, offers to replace ’ « » ê when that halves the SMS parts, then queues
(checked through the services). E-mail: an attachment picked, a test to myself that
arrives on a real SMTP server (aiosmtpd). WhatsApp: the approved templates read from the
Cloud API stand-in (``LOCALPRO_WHATSAPP_URL``), one variable mapped to the city, stored in
the draft and reopened. The keyring is a file under tmp_path; the remembered test address
goes to an INI file of the test's own.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from localpro_desktop.channels.whatsapp import URL_ENV as WHATSAPP_URL_ENV
from localpro_desktop.domain.campaigns import CampaignStatus, Channel
from localpro_desktop.services import campaign_sending, channel_config
from localpro_desktop.services.campaign_content import options_of
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.channel_config import EmailSettings, SmsSettings, WhatsAppSettings
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.ui.campaigns import attachment_picker, send_flow
from localpro_desktop.ui.campaigns.composer import CampaignComposer
from localpro_desktop.ui.campaigns.tab import CampaignsTab
from localpro_desktop.ui.campaigns.template_picker import template_key
from localpro_desktop.ui.channels import form as channel_form
from localpro_desktop.ui.context import UiContext
from tests.channels.whatsapp_standin import PHONE_NUMBER_ID, TOKEN, WABA_ID
from tests.ui.channel_helpers import (
    SMTP_PASSWORD,
    SMTP_USER,
    TEMPLATES,
    Mailbox,
    WhatsAppStandIn,
    file_keyring,
    smtp_server,
    summary_dialog,
    summary_text,
)

TABASKI = (
    "Bonjour {{first_name}}, l’offre « Tabaski » est prête : -20 % sur les boubous brodés. "
    "Venez vite à la boutique !"
)


@pytest.fixture(autouse=True)
def keyring_file(tmp_path: Path) -> Iterator[object]:
    with file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    settings = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(channel_form, "user_settings", lambda: settings)
    return settings


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CampaignsTab]:  # type: ignore[no-untyped-def]
    ui_ctx.ws.update_settings(country="SN", currency="XOF")
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


def compose(qtbot, tab: CampaignsTab, ids: list[str], channel: Channel) -> CampaignComposer:  # type: ignore[no-untyped-def]
    tab.compose_for(ids)
    settle(qtbot, tab)
    composer = tab.composer
    composer.set_channel(channel)
    settle(qtbot, tab)
    return composer


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- SMS: summary, replacement, send -------------------------------------------------------


def test_sms_summary_counts_exclusions_and_cost_then_queues(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    channel_config.save(
        ui_ctx.ws,
        SmsSettings("africastalking", username="shop", sender_id="AISSATA", price=Decimal(25)),
        "atsk_0123456789abcdef",
    )
    contacts = ContactService(ui_ctx.ws)
    people = [
        contacts.add({"first_name": name, "phone": f"77 555 20 {i:02d}"}).id
        for i, name in enumerate(("Awa", "Moussa", "Fatou", "Ibrahima"))
    ]
    no_number = contacts.add({"first_name": "Nophone"}).id
    invalid = contacts.add({"first_name": "Bad", "phone": "123"}).id
    opted = contacts.add({"first_name": "Optout", "phone": "77 555 20 99"}).id
    contacts.set_opt_out(opted, Channel.SMS)
    composer = compose(qtbot, tab, [*people, no_number, invalid, opted], Channel.SMS)
    assert composer.channel_notice.isHidden()  # SMS is set up: Send is offered
    composer.name_edit.setText("Tabaski SMS")
    composer.body_edit.setPlainText(TABASKI)

    click(qtbot, composer.send_button)
    dialog = summary_dialog(qtbot, composer)
    text = summary_text(dialog)
    assert "4 people will get it on SMS." in text
    assert "3 people are left out:" in text
    for phrase in ("1 without a number", "1 with an invalid number", "1 opted out of SMS"):
        assert phrase in text
    assert "Estimated cost: 200\u00a0XOF (8 SMS parts at 25\u00a0XOF each)." in text
    assert "SMS length: 4 in 2 parts. Operators bill every part." in text
    assert dialog.replace_box.isVisibleTo(dialog)
    assert dialog.replace_button.text() == "Replace ’ « » ê to use 4 instead of 8 SMS"
    campaign_id = dialog.summary.campaign_id
    assert CampaignService(ui_ctx.ws).get(campaign_id).status == CampaignStatus.DRAFT

    # Replacing rewrites the stored body and summarizes again, in the same dialog.
    click(qtbot, dialog.replace_button)
    qtbot.waitUntil(lambda: not dialog.replace_box.isVisibleTo(dialog))
    text = summary_text(dialog)
    assert "Estimated cost: 100\u00a0XOF (4 SMS parts at 25\u00a0XOF each)." in text
    assert "Every SMS fits in 1 part." in text
    body = composer.body_edit.toPlainText()
    assert "l'offre" in body and "prete" in body and "«" not in body
    assert not composer.has_unsaved_changes()  # the body shown is the one stored

    with qtbot.waitSignal(composer.sig_sent, timeout=15_000) as sent:
        click(qtbot, dialog.send_button)
    assert sent.args == [campaign_id, 4]
    progress = campaign_sending.progress(ui_ctx.ws, campaign_id)
    # The three left out were never recipients (hand-picked, not reachable on SMS).
    assert progress.counts["queued"] == 4 and progress.total == 4
    assert progress.sends_here
    assert CampaignService(ui_ctx.ws).get(campaign_id).status == CampaignStatus.SENT


def test_not_now_queues_nothing_and_keeps_the_draft(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    channel_config.save(
        ui_ctx.ws, SmsSettings("africastalking", username="shop"), "atsk_0123456789abcdef"
    )
    person = ContactService(ui_ctx.ws).add({"first_name": "Awa", "phone": "77 555 30 01"}).id
    composer = compose(qtbot, tab, [person], Channel.SMS)
    composer.name_edit.setText("Maybe later")
    composer.body_edit.setPlainText("Bonjour {{first_name}}")
    click(qtbot, composer.send_button)
    dialog = summary_dialog(qtbot, composer)
    assert "No price is set for SMS" in summary_text(dialog)
    assert dialog.send_button.text() == "Send 1 message"
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: composer.flow.dialog is None)
    campaign_id = composer.campaign_id
    assert campaign_id is not None
    assert campaign_sending.progress(ui_ctx.ws, campaign_id).counts["queued"] == 0
    assert CampaignService(ui_ctx.ws).get(campaign_id).status == CampaignStatus.DRAFT
    assert tab.stack.currentWidget() is composer


# -- e-mail: attachment and a test to myself --------------------------------------------------


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    with smtp_server() as running:
        yield running


def test_email_attachment_and_a_test_to_myself(  # type: ignore[no-untyped-def]
    qtbot, tab, ui_ctx, smtp, own_settings, tmp_path, monkeypatch
) -> None:
    mailbox, port = smtp
    channel_config.save(
        ui_ctx.ws,
        EmailSettings("127.0.0.1", port, "none", "boutique@aissata-couture.sn", "", SMTP_USER),
        SMTP_PASSWORD,
    )
    person = (
        ContactService(ui_ctx.ws)
        .add({"first_name": "Awa", "email": "awa@example.org", "city": "Thiès"})
        .id
    )
    composer = compose(qtbot, tab, [person], Channel.EMAIL)
    composer.name_edit.setText("Catalogue")
    composer.subject_edit.setText("Le catalogue pour {{first_name}}")
    composer.body_edit.setPlainText("Bonjour {{first_name}}, voici notre catalogue à {{city}}.")
    picker = composer.attachment
    assert picker.isVisibleTo(composer) and not composer.template_picker.isVisibleTo(composer)

    pdf = tmp_path / "catalogue.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"x" * 3000 + b"\n%%EOF\n")
    monkeypatch.setattr(attachment_picker, "choose_file", lambda *_a: str(pdf))
    click(qtbot, picker.choose_button)
    qtbot.waitUntil(lambda: not picker.checking)
    assert picker.name_label.text() == "catalogue.pdf (3 KB)"
    assert picker.remove_button.isVisibleTo(composer)
    assert composer.has_unsaved_changes()
    with qtbot.waitSignal(composer.sig_saved, timeout=10_000) as saved:
        composer.save()
    stored = options_of(CampaignService(ui_ctx.ws).get(saved.args[0]))
    assert stored.attachment_path == str(pdf.resolve())

    tab.edit_campaign(saved.args[0])
    settle(qtbot, tab)
    qtbot.waitUntil(lambda: not picker.checking)
    assert picker.path() == str(pdf.resolve())
    click(qtbot, picker.remove_button)
    assert picker.path() == "" and not picker.remove_button.isVisibleTo(composer)
    assert composer.draft().attachment_path == ""

    # "Send a test to myself": asked once, remembered, the preview's text arrives.
    asked: list[str] = []

    def answer(_parent, _title, label, _text):  # type: ignore[no-untyped-def]
        asked.append(label)
        return "me@aissata-couture.sn"

    monkeypatch.setattr(send_flow, "ask_address", answer)
    click(qtbot, composer.preview.test_button)
    qtbot.waitUntil(lambda: "Test sent to me@aissata-couture.sn" in composer.status_label.text())
    assert asked == ["Your e-mail address:"]
    assert own_settings.value("channels/test_address/email") == "me@aissata-couture.sn"
    ((_from, rcpt_tos, raw),) = mailbox.received
    assert rcpt_tos == ["me@aissata-couture.sn"]
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(sent, EmailMessage)
    assert sent["Subject"] == "Le catalogue pour Awa"  # the preview's subject and text
    plain = sent.get_body(preferencelist=("plain",))
    assert plain is not None
    assert "Bonjour Awa, voici notre catalogue à Thiès." in plain.get_content()
    click(qtbot, composer.preview.test_button)  # the second time, nobody is asked
    qtbot.waitUntil(lambda: len(mailbox.received) == 2)
    assert asked == ["Your e-mail address:"]


# -- WhatsApp: an approved template and its variables ------------------------------------------


@pytest.fixture
def whatsapp(ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[WhatsAppStandIn]:
    standin = WhatsAppStandIn(TEMPLATES).start()
    monkeypatch.setenv(WHATSAPP_URL_ENV, standin.url)
    channel_config.save(
        ui_ctx.ws, WhatsAppSettings(PHONE_NUMBER_ID, WABA_ID, price=Decimal(30)), TOKEN
    )
    try:
        yield standin
    finally:
        standin.stop()


def test_whatsapp_template_is_picked_mapped_stored_and_sent(  # type: ignore[no-untyped-def]
    qtbot, tab, ui_ctx, whatsapp
) -> None:
    contacts = ContactService(ui_ctx.ws)
    people = [
        contacts.add({"first_name": "Awa", "whatsapp": "77 555 40 01", "city": "Thiès"}).id,
        contacts.add({"first_name": "Moussa", "whatsapp": "77 555 40 02", "city": "Dakar"}).id,
    ]
    composer = compose(qtbot, tab, people, Channel.WHATSAPP)
    picker = composer.template_picker
    assert picker.isVisibleTo(composer) and not composer.attachment.isVisibleTo(composer)
    qtbot.waitUntil(lambda: picker.loaded)
    assert picker.state.text() == "2 approved templates in your WhatsApp Business account."
    assert picker.combo.count() == 3  # "no template" first
    assert not picker.uses_template() and not composer.body_edit.isReadOnly()

    composer.name_edit.setText("Tabaski WhatsApp")
    picker.combo.setCurrentIndex(picker.combo.findData(template_key("tabaski_offer", "fr")))
    assert picker.body.text() == "Bonjour {{1}}, -20 % à {{2}} pour la Tabaski !"
    assert list(picker.mapping()) == ["1", "2"]
    assert picker.mapping()["1"] == "first_name"
    city = picker._mapping_combos["2"]
    city.setCurrentIndex(city.findData("city"))
    assert composer.body_edit.isReadOnly()
    assert composer.body_edit.toPlainText() == (
        "Bonjour {{first_name}}, -20 % à {{city}} pour la Tabaski !"
    )
    assert composer.select_preview_contact(people[0])
    assert composer.preview.body.text() == "Bonjour Awa, -20 % à Thiès pour la Tabaski !"
    assert not composer.editor.more_fields.isEnabled()

    with qtbot.waitSignal(composer.sig_saved, timeout=10_000) as saved:
        composer.save()
    campaign_id = saved.args[0]
    stored = options_of(CampaignService(ui_ctx.ws).get(campaign_id))
    assert (stored.template_name, stored.template_language) == ("tabaski_offer", "fr")
    assert list(stored.template_vars) == ["1=first_name", "2=city"]

    # Reopened: the template and its mapping come back.
    tab.edit_campaign(campaign_id)
    settle(qtbot, tab)
    assert picker.selection() == ("tabaski_offer", "fr", ["1=first_name", "2=city"])
    assert composer.body_edit.isReadOnly()
    assert not composer.has_unsaved_changes()

    click(qtbot, composer.send_button)
    dialog = summary_dialog(qtbot, composer)
    text = summary_text(dialog)
    assert "2 people will get it on WhatsApp." in text
    assert "Estimated cost: 60\u00a0XOF (2 messages at 30\u00a0XOF each)." in text
    with qtbot.waitSignal(composer.sig_sent, timeout=15_000) as sent:
        click(qtbot, dialog.send_button)
    assert sent.args == [campaign_id, 2]
    assert campaign_sending.progress(ui_ctx.ws, campaign_id).counts["queued"] == 2

    # "No template" gives the user's own text back, editable.
    tab.compose_for(people)
    settle(qtbot, tab)
    composer.body_edit.setPlainText("Free text")
    qtbot.waitUntil(lambda: picker.loaded)
    picker.combo.setCurrentIndex(1)
    assert composer.body_edit.isReadOnly()
    picker.combo.setCurrentIndex(0)
    assert composer.body_edit.toPlainText() == "Free text"
    assert not composer.body_edit.isReadOnly()
