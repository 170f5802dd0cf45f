"""SMS length: how many billable segments a message costs.

GSM-7 fits 160 characters in one SMS (153 per part when split); a single character outside
it (an emoji, a curly apostrophe, "ŋ") switches the whole message to UCS-2: 70, then 67.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENDED = set("^{}\\[~]|€\f")


@dataclass(frozen=True)
class SmsLength:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # characters as the network counts them
    segments: int
    per_segment: int
    remaining_in_segment: int


def sms_length(text: str) -> SmsLength:
    if all(ch in _GSM7_BASIC or ch in _GSM7_EXTENDED for ch in text):
        units = sum(2 if ch in _GSM7_EXTENDED else 1 for ch in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        # UTF-16 code units: an emoji outside the BMP takes two.
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    if units == 0:
        return SmsLength(encoding, 0, 0, single, single)
    per = single if units <= single else multi
    segments = -(-units // per)
    return SmsLength(encoding, units, segments, per, segments * per - units)


def parts_spread(texts: Iterable[str]) -> dict[int, int]:
    """Parts per message → how many messages: {1: 118, 2: 4}, fewest parts first.

    Operators bill each part, and one message's length says little about the others'.
    """
    return dict(sorted(Counter(sms_length(text).segments for text in texts).items()))


def is_gsm7(ch: str) -> bool:
    return ch in _GSM7_BASIC or ch in _GSM7_EXTENDED


def unicode_chars(texts: Iterable[str]) -> str:
    """The characters that force UCS-2 in ``texts``, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for text in texts:
        for ch in text:
            if ch not in seen and not is_gsm7(ch):
                seen[ch] = None
    return "".join(seen)


# A GSM-7 look-alike for characters that force UCS-2 (typography, accents GSM-7 lacks,
# West African letters). The accents GSM-7 has stay: é è ù ì ò Ç Ø ø Å å Ä Ö Ñ Ü ß ä ö ñ ü à.
GSM7_LOOKALIKES: dict[str, str] = {
    # quotes, apostrophes, dashes, spaces
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201b": "'",  # ‛
    "\u2032": "'",  # ′
    "`": "'",
    "´": "'",
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u2033": '"',  # ″
    "«": '"',
    "»": '"',
    "\u2039": "'",  # ‹
    "\u203a": "'",  # ›
    "\u2010": "-",  # ‐
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # ‒
    "\u2013": "-",  # –
    "\u2014": "-",  # —
    "\u2015": "-",  # ―
    "\u2212": "-",  # minus
    "\u2026": "...",  # …
    "\u00a0": " ",  # no-break space (before « ! ? : ; » in French)
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u2007": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    "\u2022": "*",  # •
    "·": ".",
    "×": "x",
    "÷": "/",
    "\u2122": "TM",
    "©": "(c)",
    "®": "(R)",
    "°": "o",
    "ª": "a",
    "º": "o",
    # French and other Latin accents GSM-7 does not have
    "â": "a",
    "á": "a",
    "ã": "a",
    "ê": "e",
    "ë": "e",
    "ē": "e",
    "î": "i",
    "ï": "i",
    "í": "i",
    "ô": "o",
    "ó": "o",
    "õ": "o",
    "û": "u",
    "ú": "u",
    "ÿ": "y",
    "ç": "c",
    "œ": "oe",
    "À": "A",
    "Â": "A",
    "Á": "A",
    "Ã": "A",
    "È": "E",
    "Ê": "E",
    "Ë": "E",
    "Î": "I",
    "Ï": "I",
    "Í": "I",
    "Ì": "I",
    "Ô": "O",
    "Ó": "O",
    "Ò": "O",
    "Õ": "O",
    "Û": "U",
    "Ù": "U",
    "Ú": "U",
    "Ÿ": "Y",
    "Œ": "OE",
    # West African letters (Wolof, Fula, Bambara, Ewe…)
    "ŋ": "n",
    "Ŋ": "N",
    "ɓ": "b",
    "Ɓ": "B",
    "ɗ": "d",
    "Ɗ": "D",
    "ƴ": "y",
    "Ƴ": "Y",
    "ɛ": "e",
    "Ɛ": "E",
    "ɔ": "o",
    "Ɔ": "O",
    "ɲ": "ny",
    "Ɲ": "Ny",
}
# Only what needs replacing: a GSM-7 character is never rewritten.
GSM7_LOOKALIKES = {k: v for k, v in GSM7_LOOKALIKES.items() if not is_gsm7(k)}
_LOOKALIKE_TABLE = str.maketrans(GSM7_LOOKALIKES)


def to_gsm7_lookalikes(text: str) -> str:
    """``text`` with each character that forces UCS-2 replaced by its GSM-7 look-alike.

    Characters with no look-alike (an emoji, Arabic script) stay as they are, so the
    message may still need UCS-2; nothing else changes.
    """
    return text.translate(_LOOKALIKE_TABLE)


def replaceable_chars(text: str) -> str:
    """Which of ``text``'s UCS-2 characters have a GSM-7 look-alike."""
    return "".join(ch for ch in unicode_chars([text]) if ch in GSM7_LOOKALIKES)
