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


# A few undecodable bytes are replaced and noted; more than this is no text in that encoding.
MAX_BAD_CHARS = 20
MAX_BAD_SHARE = 0.005  # of the characters


def _bad_allowed(length: int) -> int:
    return max(MAX_BAD_CHARS, int(length * MAX_BAD_SHARE))


def _tolerant(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) for bytes that no candidate decodes strictly: each decoded
    with replacement; the best with no more than a few bad characters wins."""
    best: tuple[float, int, str, str] | None = None
    for rank, encoding in enumerate(("utf-8", "gb18030", "big5")):
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad > _bad_allowed(len(text)):
            continue
        key = (_score(text), -bad, -rank)
        if best is None or key > best[:3]:  # type: ignore[operator]
            best = (*key, encoding, text)  # type: ignore[assignment]
    return (best[3], best[4]) if best else None  # type: ignore[misc]


def decode_text_lines(data: bytes, name: str) -> tuple[str, list[int]]:
    """Decode a text input tolerantly: (text, numbers of the lines where bytes
    could not be decoded and were replaced by U+FFFD). Raises a clear
    InputError when the file is empty or mostly undecodable."""
    if not data.strip():
        raise InputError(L.MSG_EMPTY_INPUT.format(path=name), path=name)
    from xltools.io.guard import looks_binary

    if looks_binary(data):  # NUL or control bytes: no text, whatever it is named
        raise InputError(L.MSG_BINARY_NOT_TEXT.format(path=name), path=name)
    encoding = detect_encoding(data)
    replaced = False
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:  # a BOM, then a few bad bytes
            text = data.decode(encoding, errors="replace")
            replaced = True
            if text.count("\ufffd") > _bad_allowed(len(text)):
                encoding = None
    if encoding is None:
        replaced = True
        found = _tolerant(data)
        if found is None:
            raise InputError(L.MSG_UNREADABLE_TEXT.format(path=name), path=name)
        encoding, text = found
    if not text.strip():
        raise InputError(L.MSG_EMPTY_INPUT.format(path=name), path=name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad_lines = ([i for i, line in enumerate(text.split("\n"), start=1) if "\ufffd" in line]
                 if replaced and "\ufffd" in text else [])
    return text, bad_lines


def decode_text(data: bytes, name: str) -> str:
    """Decode a text input, raising a clear InputError when it is empty or undecodable
    (a few bad bytes are replaced: see ``decode_text_lines``)."""
    return decode_text_lines(data, name)[0]
