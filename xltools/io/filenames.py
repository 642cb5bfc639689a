"""File names made from user text (unit names, titles) that are safe on
Windows, macOS and Linux.

``safe_filename("发改局/统计局", ".docx")`` → ``"发改局_统计局.docx"``.
Rules: no ``\\ / : * ? " < > |`` or control characters, no Windows reserved
device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also with an extension),
no leading/trailing spaces or trailing dots, at most ``max_length`` characters
(suffix included) and at most 240 UTF-8 bytes (Linux allows 255 per name; a
100-character Chinese name would be 300 bytes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from xltools.labels import PROGRESS_FILE_PATTERN

MAX_LENGTH = 100
MAX_BYTES = 240
REPLACEMENT = "_"
FALLBACK_STEM = "unnamed"

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10)),
             "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}


def _is_reserved(stem: str) -> bool:
    # Windows ignores everything after the first dot and trailing spaces: "CON.tar" is reserved.
    base = stem.split(".", 1)[0].rstrip(" ").upper()
    return base in _RESERVED


def _fit(stem: str, suffix: str, max_length: int) -> str:
    """Cut ``stem`` so that stem + suffix fits the character and byte limits."""
    room = max(1, max_length - len(suffix))
    stem = stem[:room]
    budget = MAX_BYTES - len(suffix.encode("utf-8"))
    while stem and len(stem.encode("utf-8")) > budget:
        stem = stem[:-1]
    return stem


# Full-width Latin letters and digits (Ａ１) and the ideographic space → ASCII. Chinese
# punctuation (（）：、) is how Chinese names are written: it stays.
_WIDTH = {**{cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)},
          **{cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)},
          **{cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)}, 0x3000: 0x20}


def visible_text(text: str) -> str:
    """``text`` without invisible format characters (Unicode category Cf: bidi
    controls such as U+202E that reverse how a name reads, zero-width spaces and
    joiners, BOM), composed (NFC) and with full-width Latin letters and digits
    made ASCII, so two names that look alike are alike."""
    text = unicodedata.normalize("NFC", str(text)).translate(_WIDTH)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def safe_filename(name: str, suffix: str = "", *, max_length: int = MAX_LENGTH) -> str:
    """A file name for ``name`` (+ ``suffix`` such as ``".docx"``) that every OS accepts.

    Invisible format characters (bidi controls, zero-width) are removed and
    widths unified (``visible_text``); forbidden characters become ``_``;
    whitespace runs become one space; a
    reserved device name gets a trailing ``_``; an empty result becomes
    ``unnamed``. The whole name (suffix included) has at most ``max_length``
    characters. The result is deterministic, so the same unit always gets the
    same file name.
    """
    if max_length < len(suffix) + 1:
        raise ValueError(f"max_length {max_length} leaves no room for a name before {suffix!r}")
    stem = visible_text(name)  # no bidi/zero-width characters to spoof a name
    stem = _FORBIDDEN.sub(REPLACEMENT, stem)
    stem = re.sub(r"\s+", " ", stem).strip()
    stem = re.sub(r"_{2,}", REPLACEMENT, stem)
    stem = _fit(stem, suffix, max_length)
    # Windows drops trailing dots and spaces, which would change the name.
    stem = stem.rstrip(". ").lstrip(" ")
    if not stem.strip("._ "):
        stem = FALLBACK_STEM
    if _is_reserved(stem):
        # "CON" → "CON_", "con.txt" → "con_.txt": the part before the first dot changes.
        head, dot, rest = stem.partition(".")
        stem = _fit(head.rstrip(" ") + REPLACEMENT + dot + rest, suffix, max_length)
    return stem + suffix


def progress_filename(unit: str) -> str:
    """The progress sheet file name for ``unit`` (``进度反馈表-<单位>.xlsx``), made safe.

    `split` writes this name and each unit's letter tells it to return this file,
    so both must call this function.
    """
    stem, dot, ext = PROGRESS_FILE_PATTERN.format(unit=unit).rpartition(".")
    return safe_filename(stem, dot + ext)


def unique_filenames(names: Iterable[str], suffix: str = "", *,
                     max_length: int = MAX_LENGTH) -> dict[str, str]:
    """Safe file names for several names that stay distinct, also on case-insensitive
    file systems: a clash gets ``-2``, ``-3`` … appended. Returns name → file name,
    in input order."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        if name in result:
            continue
        candidate = safe_filename(name, suffix, max_length=max_length)
        n = 1
        while candidate.casefold() in taken:
            n += 1
            tail = f"-{n}{suffix}"
            base = safe_filename(name, "", max_length=max_length - len(tail))
            candidate = base + tail
        taken.add(candidate.casefold())
        result[name] = candidate
    return result


__all__ = ["visible_text", "safe_filename", "unique_filenames", "progress_filename", "MAX_LENGTH"]
