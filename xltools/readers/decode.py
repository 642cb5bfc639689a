"""Bytes → text for plain-text inputs: UTF-8 (with or without BOM), UTF-16
(with BOM), GB18030/GBK or Big5.

GB18030 decodes almost any byte string, so when UTF-8 fails the candidates
are scored by how many of the decoded characters are common Chinese
characters (in either script); garbage decodings score low.
"""

from __future__ import annotations

import codecs
import functools

from xltools import labels as L
from xltools.errors import InputError

# The most frequent Simplified characters; their Traditional forms are added at run time.
_COMMON = L.COMMON_CHARS


@functools.lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    chars = set(_COMMON)
    try:
        import opencc

        chars |= set(opencc.OpenCC("s2t").convert(_COMMON))
    except Exception:  # pragma: no cover - opencc is a dependency
        pass
    return frozenset(chars)


def _score(text: str) -> float:
    """Share of CJK characters that are common ones (0..1)."""
    common = _common_chars()
    cjk = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(c in common for c in cjk) / len(cjk)


def detect_encoding(data: bytes) -> str | None:
    """The encoding ``data`` is written in, or None when none fits."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str] | None = None
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _score(text)
        if best is None or score > best[0]:
            best = (score, encoding)
    return best[1] if best else None


def decode_text(data: bytes, name: str) -> str:
    """Decode a text input, raising a clear InputError when it is empty or undecodable."""
    if not data.strip():
        raise InputError(L.MSG_EMPTY_INPUT.format(path=name), path=name)
    encoding = detect_encoding(data)
    if encoding is None:
        raise InputError(L.MSG_UNREADABLE_TEXT.format(path=name), path=name)
    text = data.decode(encoding)
    if not text.strip():
        raise InputError(L.MSG_EMPTY_INPUT.format(path=name), path=name)
    return text.replace("\r\n", "\n").replace("\r", "\n")
