"""The words LocalPro adds to what people receive follow the workspace's language."""

from localpro_desktop.domain import recipient_texts


def test_unsubscribe_line_in_french_and_english_with_the_link() -> None:
    assert recipient_texts.unsubscribe_line("fr").format(link="L").startswith("Pour ne plus")
    assert recipient_texts.unsubscribe_line("en").format(link="L").endswith(": L")


def test_an_unknown_language_falls_back_to_english() -> None:
    assert recipient_texts.unsubscribe_line("sw") == recipient_texts.unsubscribe_line("en")


def test_mailto_subject_is_encoded_and_empty_without_an_address() -> None:
    mailto = recipient_texts.unsubscribe_mailto("shop@example.sn", "fr")
    assert mailto == "mailto:shop@example.sn?subject=d%C3%A9sinscription"
    assert recipient_texts.unsubscribe_mailto("  ", "fr") == ""


def test_test_message_names_the_channel() -> None:
    assert "le SMS" in recipient_texts.test_message("sms", "fr")
    assert "e-mail is set up" in recipient_texts.test_message("email", "en")
