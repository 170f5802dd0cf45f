"""Which encoding a text file is in, and its text: what Excel, Sheets and users write.

Users export from French Excel (cp1252), Google Sheets (UTF-8) or "Unicode text" (UTF-16,
often without a BOM), and they rarely know which one they have.
"""

import codecs
import re

from localpro_desktop.domain.messages import import_limits as limit_msg
from localpro_desktop.domain.messages import importing as msg
from localpro_desktop.services.importing.table import ImportFileError, clip

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ZIP_MAGIC = b"PK\x03\x04"
# Control characters no spreadsheet writes in a CSV: tabs and line breaks excepted.
_BINARY_CHARS = dict.fromkeys([c for c in range(32) if c not in (9, 10, 13)] + [0x7F])
_MAX_BINARY_SHARE = 0.05


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) as latin-1.

    One stray byte must neither make a French file unreadable nor, by decoding the
    whole file as latin-1, cost it its euro signs and curly apostrophes.
    """
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


_CP1252_ERRORS = "localpro-cp1252-latin1"
codecs.register_error(_CP1252_ERRORS, _latin1_for_undefined)


def _cp1252_for_invalid(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes that are not UTF-8 in a mostly UTF-8 file as cp1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return decode_cp1252(error.object[error.start : error.end]), error.end


MIXED = "utf-8+cp1252"
_HIGH_BYTES = bytes(range(0x80, 0x100))
_MIXED_ERRORS = "localpro-utf8-cp1252"
codecs.register_error(_MIXED_ERRORS, _cp1252_for_invalid)
# A character UTF-8 writes on several bytes: a cp1252 file almost never holds one ("Ã©").
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def codec_name(encoding: str) -> str:
    """The codec's canonical name, or a message when Python knows no such encoding."""
    try:
        return codecs.lookup(encoding).name
    except LookupError as exc:
        raise ImportFileError(msg.UNKNOWN_ENCODING(encoding=clip(encoding))) from exc


def guess_from_head(head: bytes) -> str:
    """The encoding to read a file's first bytes with: its BOM's, UTF-16's, else UTF-8."""
    boms = (name for bom, name in BOMS if head.startswith(bom))
    return next(boms, None) or bomless_utf16(head) or "utf-8"


def refuse_binary(head: bytes, file: str, encoding: str | None) -> None:
    """Refuse a file that is not text (a workbook or a picture renamed .csv), from its head.

    Judged on the decoded text: UTF-16 and UTF-32 hold zero bytes by design.
    """
    if head.startswith(_ZIP_MAGIC):
        raise ImportFileError(limit_msg.XLSX_AS_CSV(file=file))
    name = codec_name(encoding) if encoding else guess_from_head(head)
    text = head[:8192].decode(name, errors="replace")
    if not text:
        return
    controls = len(text) - len(text.translate(_BINARY_CHARS))
    if controls > _MAX_BINARY_SHARE * len(text):
        raise ImportFileError(limit_msg.NOT_TEXT(file=file))


def decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """Decode with the user's encoding, else a BOM, else UTF-8, else cp1252.

    Strict UTF-8 comes before cp1252 because cp1252 accepts almost any byte sequence:
    trying it first would silently turn every "é" of a UTF-8 file into "Ã©".
    """
    if encoding:
        return decode_as(data, encoding), encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            # The BOM is strong evidence; a damaged byte later on becomes U+FFFD
            # rather than making the whole file unreadable.
            return data.decode(name, errors="replace").removeprefix("\ufeff"), name
    guessed = bomless_utf16(data)
    if guessed:
        return data.decode(guessed, errors="replace").removeprefix("\ufeff"), guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Lines pasted together from two exports: UTF-8 with some cp1252 (or stray bytes). The
    # UTF-8 characters stay themselves; only the bytes that are not UTF-8 are read as cp1252.
    if _UTF8_MULTIBYTE.search(data) is not None and _mostly_utf8(data):
        return data.decode("utf-8", errors=_MIXED_ERRORS), MIXED
    return decode_cp1252(data), "cp1252"


def _mostly_utf8(data: bytes) -> bool:
    """More bytes in UTF-8 characters than bytes that are not UTF-8."""
    rest = _UTF8_MULTIBYTE.sub(b"", data)
    in_utf8 = len(data) - len(rest)
    not_utf8 = len(rest) - len(rest.translate(None, _HIGH_BYTES))
    return in_utf8 > not_utf8


def decode_as(data: bytes, encoding: str) -> str:
    name = codec_name(encoding)
    if name == "cp1252":
        return decode_cp1252(data)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            msg.WRONG_ENCODING(encoding=clip(encoding), position=exc.start)
        ) from exc
    return text.removeprefix("\ufeff")


def decode_cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors=_CP1252_ERRORS)


def bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 written without a BOM by where its zero bytes fall.

    Text in European languages encoded as UTF-16 has a zero byte in every other
    position; no real UTF-8 or cp1252 CSV contains zero bytes at all.
    """
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > half * 0.6 and even < half * 0.1:
        return "utf-16-le"
    if even > half * 0.6 and odd < half * 0.1:
        return "utf-16-be"
    return None
