"""Render the app icon (resources/icons/ggbg.svg, build-time artwork) to PNGs and a Windows .ico at build time.

Qt draws the SVG (QtSvg ships with PySide6-Essentials); the .ico container is
written here (small sizes as 32-bit bitmaps, which every Windows tool reads; 256
as PNG, as Windows does itself), so Pillow is not needed. Generated files go to the build folder, never into git.

    python packaging/icons.py OUT_DIR      # OUT_DIR/png/ggbg-<n>.png, OUT_DIR/ggbg.ico
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config


def render_pngs(svg: Path, sizes, out_dir: Path) -> dict[int, Path]:
    """Draw ``svg`` at each size; returns {size: png path}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 — QPainter needs it
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot render {svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"ggbg-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        paths[size] = path
    return paths


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def dib_from_bgra(width: int, height: int, bgra_top_down: bytes) -> bytes:
    """A 32-bit ICO bitmap entry: BITMAPINFOHEADER, bottom-up BGRA rows, empty AND mask."""
    stride = width * 4
    if len(bgra_top_down) != stride * height:
        raise ValueError("pixel data does not match the size")
    rows = [bgra_top_down[y * stride:(y + 1) * stride] for y in range(height)]
    pixels = b"".join(reversed(rows))
    mask_stride = ((width + 31) // 32) * 4
    mask = b"\x00" * (mask_stride * height)  # transparency comes from the alpha channel
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    return header + pixels + mask


def ico_bytes(entries: list[tuple[int, int, bytes]]) -> bytes:
    """An ICO file from (width, height, PNG or bitmap entry data), each at most 256×256."""
    header = struct.pack("<HHH", 0, 1, len(entries))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(entries)
    directory, blobs = b"", b""
    for width, height, data in entries:
        if not (0 < width <= 256 and 0 < height <= 256):
            raise ValueError("ICO entries are 1–256 pixels wide and high")
        # 0 in the width/height byte means 256; no palette; planes 1; 32 bits per pixel
        directory += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + directory + blobs


def _bgra(png: Path) -> tuple[int, int, bytes]:
    from PySide6.QtGui import QImage

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_ARGB32)
    width, height = image.width(), image.height()
    # Format_ARGB32 is 0xAARRGGBB per pixel: bytes B, G, R, A on little-endian machines
    raw = b"".join(bytes(image.constScanLine(y))[:width * 4] for y in range(height))
    if sys.byteorder != "little":
        raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    return width, height, raw


def ico_entries(pngs: dict[int, Path], sizes) -> list[tuple[int, int, bytes]]:
    entries = []
    for size in sizes:
        if size >= 256:
            data = pngs[size].read_bytes()
            entries.append((*png_size(data), data))
        else:
            width, height, raw = _bgra(pngs[size])
            entries.append((width, height, dib_from_bgra(width, height, raw)))
    return entries


def build_icons(out_dir: Path) -> dict:
    """PNGs for the Linux hicolor theme and the .ico for Windows; returns their paths."""
    sizes = sorted(set(bundle_config.ICON_SIZES) | set(bundle_config.ICO_SIZES))
    pngs = render_pngs(bundle_config.ICON_SVG, sizes, out_dir / "png")
    ico = out_dir / "ggbg.ico"
    ico.write_bytes(ico_bytes(ico_entries(pngs, bundle_config.ICO_SIZES)))
    return {"png": pngs, "ico": ico, "svg": bundle_config.ICON_SVG}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    result = build_icons(Path(sys.argv[1]))
    sys.stdout.reconfigure(errors="replace")  # a path with Chinese must not crash a cp1252 console
    print(f"icons: {len(result['png'])} PNGs, {result['ico']}")
