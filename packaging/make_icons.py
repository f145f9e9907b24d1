"""Draws the application icon: one SVG, rendered by Qt into PNGs, a Windows .ico and a macOS .icns.

Why a script: the icon is simple shapes, so it is written here as SVG (the source of truth,
also installed as the scalable icon) and rendered with QPainter + QSvgRenderer at every size
a desktop asks for, so the sizes can never drift apart. The ``.ico`` and ``.icns`` files
are containers of the same PNGs (both formats accept PNG entries), written by hand so no
imaging library is needed. Run it after changing the drawing and commit the results:

    .venv/bin/python packaging/make_icons.py        # writes packaging/icons/
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent / "icons"
NAME = "agent-console"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# A headset (the agent) around a speech bubble (what to say), on the console's blue.
SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Agent Console</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2f80ed"/>
      <stop offset="1" stop-color="#1646a0"/>
    </linearGradient>
  </defs>
  <rect x="12" y="12" width="232" height="232" rx="52" fill="url(#bg)"/>
  <path d="M 62 140 A 66 66 0 0 1 194 140" fill="none" stroke="#ffffff"
        stroke-width="16" stroke-linecap="round"/>
  <rect x="46" y="124" width="36" height="62" rx="14" fill="#ffffff"/>
  <rect x="174" y="124" width="36" height="62" rx="14" fill="#ffffff"/>
  <path d="M 192 184 Q 192 212 150 212" fill="none" stroke="#ffffff"
        stroke-width="10" stroke-linecap="round"/>
  <circle cx="142" cy="212" r="11" fill="#ffffff"/>
  <path d="M 100 112 H 156 A 12 12 0 0 1 168 124 V 150 A 12 12 0 0 1 156 162 H 128
           L 112 176 L 114 162 H 100 A 12 12 0 0 1 88 150 V 124 A 12 12 0 0 1 100 112 Z"
        fill="#f5b301"/>
  <circle cx="110" cy="137" r="6" fill="#ffffff"/>
  <circle cx="128" cy="137" r="6" fill="#ffffff"/>
  <circle cx="146" cy="137" r="6" fill="#ffffff"/>
</svg>
"""

# macOS icon types holding PNG data, by pixel size (the @2x types reuse a larger PNG).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def render_png(svg: bytes, size: int) -> bytes:
    """Render the SVG into a square PNG of ``size`` pixels, antialiased, transparent corners."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon SVG does not parse")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"cannot encode the {size}px PNG")
    return bytes(buffer.data().data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (allowed since Windows Vista), up to 256 px."""
    sizes = [s for s in sorted(pngs) if s <= 256]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size == 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns whose entries are PNG data."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    svg_path = folder / f"{NAME}.svg"
    svg_path.write_text(SVG, encoding="utf-8")
    pngs = {size: render_png(SVG.encode(), size) for size in PNG_SIZES}
    written = [svg_path]
    for size, data in pngs.items():
        path = folder / f"{NAME}-{size}.png"
        path.write_bytes(data)
        written.append(path)
    for path, data in ((folder / f"{NAME}.ico", ico(pngs)), (folder / f"{NAME}.icns", icns(pngs))):
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS, help=f"output folder (default {ICONS})")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_all(args.out):
        print(f"{path} ({path.stat().st_size} bytes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
