"""Finding a font that has Chinese glyphs, so labels never come out as empty boxes.

matplotlib's default DejaVu Sans has no CJK glyphs and silently draws boxes (tofu); we look for
a CJK family among the fonts matplotlib knows, then among well-known system files (Windows
fonts folder, fontconfig on Linux/Kylin/UOS), and refuse to draw when none is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from egovops.errors import EgovopsError
from egovops.i18n import tr

PREFERRED = (
    "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
    "SimHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "PingFang SC", "Noto Sans SC", "SimSun",
)
WINDOWS_FILES = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc")
# Fonts whose Chinese characters are exactly two Latin columns wide: a table row can then be one
# padded string, which PDF output draws several times faster than a text per cell.
MONOSPACED = ("Noto Sans Mono CJK SC", "Sarasa Mono SC", "WenQuanYi Zen Hei Mono", "NSimSun", "SimHei")
PROBE = "电子政务可用率"


class FontMissingError(EgovopsError):
    """No installed font can draw Chinese text."""


def _open(path: str, index: int = 0) -> FT2Font:
    try:
        return FT2Font(path, face_index=index)
    except TypeError:  # matplotlib before 3.10 opens only the first face of a collection
        return FT2Font(path)


def _draws_chinese(path: str, index: int = 0) -> bool:
    try:
        font = _open(path, index)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) for ch in PROBE)


def _system_files() -> Iterator[str]:
    fonts = Path("C:/Windows/Fonts")
    for name in WINDOWS_FILES:
        if (fonts / name).is_file():
            yield str(fonts / name)
    if shutil.which("fc-list"):
        try:
            listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            return
        for line in sorted(listed.splitlines()):
            yield line.split(":", 1)[0].strip()


@lru_cache(maxsize=1)
def cjk_family() -> str:
    """The family name to draw Chinese with; registers a system font file if needed."""
    known = {f.name: (f.fname, getattr(f, "index", 0)) for f in font_manager.fontManager.ttflist}
    for name in PREFERRED:
        if name in known and _draws_chinese(*known[name]):
            return name
    for path in _system_files():
        if path and _draws_chinese(path):
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
    raise FontMissingError(tr(
        "no font with Chinese characters is installed; install fonts-noto-cjk (Linux) or use a "
        "system with Microsoft YaHei or SimHei (Windows)"
    ))


@lru_cache(maxsize=1)
def cjk_monospace_family() -> str | None:
    """A family for aligned table rows, or None (tables then place every cell on its own)."""
    known = {f.name: (f.fname, getattr(f, "index", 0)) for f in font_manager.fontManager.ttflist}
    for name in MONOSPACED:
        if name in known and _draws_chinese(*known[name]) and _two_columns_wide(*known[name]):
            return name
    return None


def _two_columns_wide(path: str, index: int) -> bool:
    font = _open(path, index)
    narrow, wide, han = (font.load_char(ord(ch)).linearHoriAdvance or font.load_char(ord(ch)).horiAdvance
                         for ch in ("0", "W", "合"))
    return narrow == wide and han == 2 * narrow


def rc() -> dict[str, object]:
    """matplotlib settings for every report figure."""
    return {
        "font.family": [cjk_family(), "DejaVu Sans"],
        "axes.unicode_minus": False,  # the CJK fonts lack U+2212; a plain hyphen reads the same
        # Type 3 glyph outlines: embedded and searchable like Type 42, but without subsetting a
        # 20 MB font collection with fontTools on every save (over a second per weight).
        "pdf.fonttype": 3,
        "svg.fonttype": "path",
    }
