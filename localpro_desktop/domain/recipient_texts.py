"""Words LocalPro itself adds to messages people receive, in the workspace's language.

These are not screen texts: they follow the workspace's language (the language the
business writes to its customers in), not the language of the laptop's interface, and they
are needed where no Qt translator runs (``localpro dispatch`` in a scheduler). So they live
here, in every language the workspace offers, instead of in the translation catalogue.
"""

from typing import Final

UNSUBSCRIBE_LINE: Final = {
    "en": "To stop receiving these messages: {link}",
    "fr": "Pour ne plus recevoir ces messages : {link}",
}
"""The visible line e-mails end with; ``{link}`` is the unsubscribe link or address."""

UNSUBSCRIBE_SUBJECT: Final = {"en": "unsubscribe", "fr": "désinscription"}
"""The subject of the ``mailto:`` unsubscribe address (issue 11 brings the https link)."""

TEST_MESSAGE: Final = {
    "en": "LocalPro test message: if you can read this, {channel} is set up.",
    "fr": "Message de test LocalPro : si vous le lisez, {channel} est configuré.",
}

CHANNEL_NAMES: Final = {
    "en": {"email": "e-mail", "sms": "SMS", "whatsapp": "WhatsApp"},
    "fr": {"email": "l'e-mail", "sms": "le SMS", "whatsapp": "WhatsApp"},
}

DEFAULT_LANGUAGE: Final = "en"


def _pick(texts: dict[str, str], language: str) -> str:
    return texts.get(language, texts[DEFAULT_LANGUAGE])


def unsubscribe_line(language: str) -> str:
    return _pick(UNSUBSCRIBE_LINE, language)


def unsubscribe_mailto(address: str, language: str) -> str:
    """``mailto:`` the sender with the unsubscribe subject ("" without an address)."""
    from urllib.parse import quote

    address = address.strip()
    if not address:
        return ""
    return f"mailto:{address}?subject={quote(_pick(UNSUBSCRIBE_SUBJECT, language))}"


def test_message(channel: str, language: str) -> str:
    names = CHANNEL_NAMES.get(language, CHANNEL_NAMES[DEFAULT_LANGUAGE])
    return _pick(TEST_MESSAGE, language).format(channel=names.get(channel, channel))
