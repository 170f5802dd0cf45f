"""Draw the LocalPro icon with Qt and write it to resources/icons/.

    python build_scripts/make_icon.py          # rewrite the PNGs and the .ico (committed)

The icon is a map pin with a speech bubble's dot on a teal rounded square with a warm
accent: "local" (the pin) and "talk to your customers" (the bubble). It is drawn, not
shipped as an opaque binary, so it can be changed here and regenerated.

Outputs: ``localpro-<size>.png`` for the window icon (Qt picks the best size) and
``localpro.ico`` for the Windows executable, its shortcuts and the installer. The .ico is
written by hand (the format is a short header, a directory, then the images): small sizes as
32-bit DIBs, which every Windows tool reads, and 128/256 as PNG, as Windows Vista+ expects.
Pillow is not needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_IN_ICO_FROM = 128
"""Entries this size and larger are stored as PNG inside the .ico; smaller ones as DIB."""

TEAL_TOP = QColor("#14b8a6")
TEAL_BOTTOM = QColor("#0f5f59")
ACCENT = QColor("#f59e0b")
WHITE = QColor("#ffffff")


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels, drawn on a 100×100 design grid."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100.0, size / 100.0)

    # Background: rounded square, vertical teal gradient.
    margin = 2.0 if size >= 32 else 0.0
    tile = QRectF(margin, margin, 100 - 2 * margin, 100 - 2 * margin)
    gradient = QLinearGradient(0, 0, 0, 100)
    gradient.setColorAt(0.0, TEAL_TOP)
    gradient.setColorAt(1.0, TEAL_BOTTOM)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(tile, 22, 22)

    # The pin: a circle head tapering to a point, in white.
    pin = QPainterPath()
    cx, cy, r = 50.0, 40.0, 26.0
    pin.moveTo(cx, 90.0)
    pin.cubicTo(cx - 8, 76, cx - r, 60, cx - r, cy)
    pin.arcTo(QRectF(cx - r, cy - r, 2 * r, 2 * r), 180, -180)
    pin.cubicTo(cx + r, 60, cx + 8, 76, cx, 90.0)
    pin.closeSubpath()
    painter.setBrush(WHITE)
    painter.drawPath(pin)

    # Inside the head: a warm speech bubble (a customer conversation at that place).
    bubble = QPainterPath()
    bubble.addEllipse(QPointF(cx, cy - 1), 13.0, 11.0)
    tail = QPainterPath()
    tail.moveTo(cx - 9, cy + 5)
    tail.lineTo(cx - 13, cy + 14)
    tail.lineTo(cx - 2, cy + 9)
    tail.closeSubpath()
    painter.setBrush(ACCENT)
    painter.drawPath(bubble.united(tail))

    if size >= 32:  # three dots read as "a message" once there is room for them
        painter.setBrush(WHITE)
        for dx in (-6.0, 0.0, 6.0):
            painter.drawEllipse(QPointF(cx + dx, cy - 1), 2.2, 2.2)
    else:  # a thin outline keeps the pin crisp against the tile at 16/24 px
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(0, 0, 0, 40), 100.0 / size))
        painter.drawPath(pin)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA bottom-up DIB with its (empty) AND mask, as .ico entries store it."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = [bytes(argb.constScanLine(y))[: 4 * size] for y in range(size)]
    if sys.byteorder != "little":  # ARGB32 is native-endian 0xAARRGGBB; DIBs want B,G,R,A
        rows = [b"".join(row[i : i + 4][::-1] for i in range(0, len(row), 4)) for row in rows]
    xor = b"".join(reversed(rows))
    mask_row = ((size + 31) // 32) * 4
    and_mask = bytes(mask_row * size)
    header = struct.pack(
        "<IiiHHIIiiII", 40, size, 2 * size, 1, 32, 0, len(xor) + len(and_mask), 0, 0, 0, 0
    )
    return header + xor + and_mask


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = []
    for size, image in sorted(images.items()):
        payload = png_bytes(image) if size >= PNG_IN_ICO_FROM else dib_bytes(image)
        entries.append((size, payload))
    out = [struct.pack("<HHH", 0, 1, len(entries))]
    offset = 6 + 16 * len(entries)
    for size, payload in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory
        out.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(payload), offset))
        offset += len(payload)
    out.extend(payload for _size, payload in entries)
    return b"".join(out)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in PNG_SIZES}
    for size, image in images.items():
        (ICONS / f"localpro-{size}.png").write_bytes(png_bytes(image))
    ico = ICONS / "localpro.ico"
    ico.write_bytes(ico_bytes({s: images[s] for s in ICO_SIZES}))
    print(f"wrote {len(images)} PNGs and {ico.relative_to(ROOT)} ({ico.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
