"""App icons drawn at build time (Pillow): a white five-pointed star on the
site's red, one "any" icon per size and a maskable one whose star stays inside
the safe zone (the central circle of 80 % diameter). Deterministic: the same
size and colour always give the same bytes."""

import io
import math

from PIL import Image, ImageDraw

SUPERSAMPLE = 2


def _hex(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return tuple(int(color[i:i + 2], 16) for i in (0, 2, 4))


def star(cx: float, cy: float, outer: float, inner_ratio: float = 0.382) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * inner_ratio
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def icon_png(size: int, color: str, maskable: bool = False) -> bytes:
    big = size * SUPERSAMPLE
    image = Image.new("RGB", (big, big), _hex(color))
    draw = ImageDraw.Draw(image)
    # The star's outer radius, as a share of the side: maskable icons may be
    # cut to a circle of 40 % radius.
    outer = big * (0.30 if maskable else 0.38)
    draw.polygon(star(big / 2, big / 2 + outer * 0.08, outer), fill=(255, 255, 255))
    image = image.resize((size, size), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# (file name, size, purpose)
ICONS = (
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-512.png", 512, "maskable"),
)


def icons(color: str) -> dict[str, bytes]:
    return {name: icon_png(size, color, purpose == "maskable") for name, size, purpose in ICONS}
