"""Link previews (issue 23): what Zalo, Facebook and the like show for a shared page.

Each page gets Open Graph and Twitter card tags (macros/templates/og.html): its
Vietnamese title, its own one-line description (its first paragraph of running
text, else the site's description), vi_VN, and a 1200 × 630 image drawn here from
the page title with Pillow in the fonts the PDFs use (Liberation Serif and Sans,
fonts-liberation2): nothing is fetched from another host. og:url is written only
when the site's address is known (site_url); without it og:image is the image's
address relative to the page.

Cheap at scale: one image per distinct card (title, site name), named by a hash
of what is drawn (and the drawing code, fonts and Pillow version), so pages with
the same title share one file; a disk cache keeps the PNGs between builds.
Pure: no MkDocs; the adapter (macros/adapters/preview_hooks.py) wires it in.
"""

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from . import htmlscan
from .templating import render

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/og/"  # in the built site; readers never need these (no precache, no ZIP)
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
SERIF_BOLD = "LiberationSerif-Bold.ttf"
SANS = "LiberationSans-Regular.ttf"
SANS_BOLD = "LiberationSans-Bold.ttf"
DESCRIPTION_MAX = 200  # longer first sentences give way to the site's description
RED = (183, 28, 28)  # the site's Front red (docs/assets/site.css --md-primary-fg-color)
INK = (26, 26, 26)
GREY = (85, 85, 85)
MARGIN = 72
DRAWING = "1"  # change when the drawing changes: every cached image is made again

# Blocks that are not the page's own running text: notices, admonitions, tables,
# quotations, forms, the plan's document header, the QR block.
_SKIP_TAGS = {"table", "details", "aside", "blockquote", "figure", "form", "nav", "header", "footer", "svg"}
_SKIP_CLASSES = {"admonition", "trang-thai", "vb-header", "vi-qr", "md-source-file", "pdf-download"}


@dataclass(frozen=True)
class Card:
    title: str
    description: str
    image: str | None  # URL of the image (absolute with site_url, else relative to the page)
    url: str | None  # the page's address, when the site's address is known
    site_name: str


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def first_sentence(text: str) -> str:
    """The text up to its first sentence end (. ! ? … then a capital letter), or all of it."""
    for m in re.finditer(r"[.!?…]\s+", text):
        if text[m.end():m.end() + 1].isupper():
            return text[:m.end()].strip()
    return text


def _text(content: str, pieces, start: int, end: int | None) -> str:
    return _squash(html.unescape("".join(content[q.start:q.end] for q in pieces[start:end] if q.kind == "text")))


def _skipped(piece) -> bool:
    return (piece.tag in _SKIP_TAGS or piece.attr("role") == "note"
            or bool(_SKIP_CLASSES & set(piece.attr("class").split())))


def first_paragraph(content: str) -> str:
    """The text of the first block of running text of a page's HTML, outside notices,
    tables, quotations and forms: a paragraph without a class (at least a few words),
    or a list (its first two items, as «a; b»: a unit's facts). "" when there is none."""
    pieces = htmlscan.scan(content)
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if p.kind == "start":
            end = None
            if _skipped(p):
                end = htmlscan.matching_end(pieces, i)
            elif p.tag == "p" and not p.attr("class"):
                end = htmlscan.matching_end(pieces, i)
                text = _text(content, pieces, i + 1, end)
                if len(text.split()) >= 6:
                    return text
            elif p.tag in ("ul", "ol"):
                end = htmlscan.matching_end(pieces, i)
                items = []
                j = i + 1
                while j < (end or len(pieces)) and len(items) < 2:
                    if pieces[j].kind == "start" and pieces[j].tag == "li":
                        close = htmlscan.matching_end(pieces, j)
                        items.append(_text(content, pieces, j + 1, close).rstrip(".;"))
                        j = (close or j) + 1
                    else:
                        j += 1
                text = "; ".join(t for t in items if t)
                if len(text.split()) >= 6:
                    return text + "."
            if end is not None:
                i = end + 1
                continue
        i += 1
    return ""


def description(content: str, meta_description: str | None, fallback: str) -> str:
    """The page's own one-line description: its front matter's, else the first sentence
    (or all) of its first paragraph when short enough, else the site's description.
    Never cut: a description shows data whole or not at all (tests/test_escaping.py)."""
    if meta_description:
        return _squash(meta_description)
    text = first_paragraph(content)
    for candidate in (first_sentence(text), text):
        # a sentence says something: never a bare list marker («1.»: review r19)
        if candidate and len(candidate.split()) >= 3 and len(candidate) <= DESCRIPTION_MAX:
            return candidate
    return _squash(fallback)


# -- the image -------------------------------------------------------------------------------

def fonts_available(folder: Path = FONT_DIR) -> bool:
    return all((folder / name).is_file() for name in (SERIF_BOLD, SANS, SANS_BOLD))


@lru_cache(maxsize=4)
def _fonts_digest(folder: str) -> str:
    h = hashlib.sha256()
    for name in (SERIF_BOLD, SANS, SANS_BOLD):
        h.update((Path(folder) / name).read_bytes())
    return h.hexdigest()


def image_key(title: str, site_name: str, folder: Path = FONT_DIR) -> str:
    """Names the image by everything that decides its pixels."""
    import PIL

    h = hashlib.sha256("\0".join((DRAWING, PIL.__version__, _fonts_digest(str(folder)), _squash(title),
                                  _squash(site_name))).encode())
    return h.hexdigest()[:20]


def image_path(key: str) -> str:
    return f"{FOLDER}{key}.png"


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


def _palette() -> list[int]:
    """Indices 0–15: white to ink (the title, anti-aliased); 16–31: red to white (the
    band and its text). A palette PNG of 32 colours: small, and no quantising."""
    out = []
    for i in range(16):
        t = i / 15
        out += [round(255 * (1 - t) + c * t) for c in INK]
    for i in range(16):
        t = i / 15
        out += [round(c * (1 - t) + 255 * t) for c in RED]
    return out


def card_png(title: str, site_name: str, folder: Path = FONT_DIR) -> bytes:
    """The 1200 × 630 preview: the site's name on a red band, the page title large
    below it (Liberation Serif Bold, as big as four lines allow), a red rule."""
    from PIL import Image, ImageDraw, ImageFont

    title, site_name = _squash(title), _squash(site_name)
    band = 120
    ink = Image.new("L", (WIDTH, HEIGHT), 0)  # coverage: 0 paper, 255 full ink
    draw = ImageDraw.Draw(ink)
    sans_bold = ImageFont.truetype(str(folder / SANS_BOLD), 40)
    name_lines = _wrap(draw, site_name, sans_bold, WIDTH - 2 * MARGIN)
    if len(name_lines) > 1:
        sans_bold = ImageFont.truetype(str(folder / SANS_BOLD), 30)
        name_lines = _wrap(draw, site_name, sans_bold, WIDTH - 2 * MARGIN)[:2]
    y = (band - len(name_lines) * sans_bold.size * 1.25) / 2
    for line in name_lines:
        draw.text((MARGIN, y), line, font=sans_bold, fill=255)
        y += sans_bold.size * 1.25
    room = HEIGHT - band - 2 * 56 - 16  # between the band and the bottom rule
    for size in (84, 76, 68, 60, 54, 48, 42):
        font = ImageFont.truetype(str(folder / SERIF_BOLD), size)
        lines = _wrap(draw, title, font, WIDTH - 2 * MARGIN)
        step = size * 1.3  # room above each line for stacked marks (Ẫ, Ể)
        if len(lines) * step <= room:
            break
    lines = lines[:max(1, int(room // step))]
    y = band + 56 + (room - len(lines) * step) / 2
    for line in lines:
        draw.text((MARGIN, y + size * 0.2), line, font=font, fill=255)
        y += step
    # coverage -> palette index: ink on paper below the band, white on red in it
    out = ink.point([v * 15 // 255 for v in range(256)])
    out.paste(ink.crop((0, 0, WIDTH, band)).point([16 + v * 15 // 255 for v in range(256)]), (0, 0))
    out.paste(16, (MARGIN, HEIGHT - 56, WIDTH - MARGIN, HEIGHT - 50))
    img = Image.frombytes("P", (WIDTH, HEIGHT), out.tobytes())
    img.putpalette(_palette())
    buf = BytesIO()
    img.save(buf, "PNG", compress_level=6)
    return buf.getvalue()


def write_image(site_dir: Path, title: str, site_name: str, cache: Path | None = None,
                folder: Path = FONT_DIR) -> str:
    """The image of this card in site_dir (made, or copied from `cache`, once per
    build whatever the number of pages that share it); its path in the site."""
    key = image_key(title, site_name, folder)
    rel = image_path(key)
    out = Path(site_dir) / rel
    if out.exists():
        return rel
    cached = Path(cache) / f"{key}.png" if cache is not None else None
    if cached is not None and cached.exists():
        data = cached.read_bytes()
    else:
        data = card_png(title, site_name, folder)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{id(data)}.tmp")
            tmp.write_bytes(data)
            tmp.replace(cached)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return rel


def tags(card: Card) -> str:
    """The <meta> tags of one page (autoescaped template)."""
    return render("og.html", card=card, width=WIDTH, height=HEIGHT)
