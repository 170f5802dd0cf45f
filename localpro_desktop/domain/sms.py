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
