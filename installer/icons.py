"""The application icon's PNG sizes and Windows .ico, rendered from its SVG source.

    python -m installer.icons          (rewrites resources/icons/ventanilla-*.png and .ico)

Qt renders the SVG (the same renderer the app uses for its window icon); Pillow packs the
.ico. The outputs are committed so a checkout has them without a build step.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from desktop.resources import resource

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SOURCE = resource("icons", "ventanilla.svg")


def png_path(size: int) -> Path:
    return resource("icons", f"ventanilla-{size}.png")


def ico_path() -> Path:
    return resource("icons", "ventanilla.ico")


def render_png(size: int, source: Path = SOURCE) -> bytes:
    """The SVG drawn at `size`×`size` pixels, as PNG bytes (transparent background)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise ValueError(f"{source} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_icons() -> list[Path]:
    from PIL import Image

    written = []
    for size in PNG_SIZES:
        png_path(size).write_bytes(render_png(size))
        written.append(png_path(size))
    largest = Image.open(io.BytesIO(render_png(max(ICO_SIZES))))
    largest.save(ico_path(), format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    written.append(ico_path())
    return written


if __name__ == "__main__":
    for path in write_icons():
        print(path)
