"""Text normalisation shared by all readers: odd spaces, full/half-width
forms, punctuation beside Chinese characters."""

from __future__ import annotations

import functools
import re
import unicodedata

# NBSP, ideographic space, en/em/thin spaces → plain space; zero-width → nothing.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u3000\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**_SPACES, **_ZERO_WIDTH, ord("\t"): " ", ord("\r"): None}
# Full-width digits and Latin letters → ASCII.
_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B)
                    if chr(c - 0xFEE0).isalnum()}

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’《》〔〕【】"
# ASCII punctuation standing beside a Chinese character is turned full-width.
_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_PUNCT_NEAR_CJK = re.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT}])\s*([,;:?!()])|([,;:?!()])\s*(?=[{_CJK}{_CJK_PUNCT}])")


def is_cjk(ch: str) -> bool:
    return bool(re.match(rf"[{_CJK}]", ch))


_ODD_SPACE = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")
_TO_SPACE = re.compile("[" + re.escape("".join(chr(c) for c, v in _TRANSLATE.items() if v == " ")) + "]")
_TO_NOTHING = re.compile("[" + re.escape("".join(chr(c) for c, v in _TRANSLATE.items() if v is None)) + "]")


@functools.lru_cache(maxsize=1)
def _bmp_widths() -> list[str]:
    return list(map(unicodedata.east_asian_width, map(chr, range(0x10000))))


@functools.lru_cache(maxsize=4)
def _wide_chars(kinds: str) -> re.Pattern[str]:
    """Runs of the BMP characters whose East Asian width is one of ``kinds`` (built once
    from ``unicodedata`` as ranges of a class: one regex pass finds them)."""
    ranges: list[list[int]] = []
    for code, width in enumerate(_bmp_widths()):
        if width in kinds:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                                    for a, b in ranges) + "]+")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def wide_count(text: str, kinds: str = "WF") -> int:
    """How many characters of ``text`` have an East Asian width among ``kinds`` (W and F:
    the characters a fixed-width display gives two columns). One regex pass, not a
    ``unicodedata`` call per character: the layout readers measure every line."""
    n = len(text) - len(_wide_chars(kinds).sub("", text))  # runs removed: few matches on Chinese text
    if _ASTRAL.search(text):  # beyond the BMP (CJK extension B…): rare, one by one
        n += sum(1 for ch in _ASTRAL.findall(text) if unicodedata.east_asian_width(ch) in kinds)
    return n


def display_width(text: str) -> int:
    """Columns ``text`` takes on a fixed-width display: two for a wide (W, F) character,
    one for the rest (a tab counts one)."""
    return len(text) + wide_count(text)


def normalise_spaces(text: str) -> str:
    """Odd spaces → plain spaces, zero-width characters removed; runs kept."""
    # A regex scan is several times faster than translate, and most text has none; where
    # there are some (a tab table's every line), two substitutions in C beat a translate.
    if not _ODD_SPACE.search(text):
        return text
    return _TO_NOTHING.sub("", _TO_SPACE.sub(" ", text))


# Quick tests that skip a pass over text that holds nothing it would change.
_FULLWIDTH_ANY = re.compile("[" + "".join(map(chr, _FULLWIDTH_ALNUM)) + "]")
_ASCII_PUNCT = re.compile(r"[,;:?!()]")
_BRACKET = re.compile(r"[(（)）]")


def normalise_punct(text: str) -> str:
    """Full-width digits/letters → ASCII; ASCII punctuation beside Chinese → full-width."""
    if _FULLWIDTH_ANY.search(text):
        text = text.translate(_FULLWIDTH_ALNUM)
    if not _ASCII_PUNCT.search(text):
        return text  # no ASCII punctuation: nothing to turn full-width, no ASCII bracket to balance
    text = _PUNCT_NEAR_CJK.sub(lambda m: _TO_FULL[m.group(1) or m.group(2)], text)
    # A bracket pair must match: "（市、区)" → "（市、区）".
    return _balance_brackets(text)


def _balance_brackets(text: str) -> str:
    if "(" not in text and ")" not in text:
        return text  # full-width pairs stay as they are
    out = list(text)
    stack: list[tuple[int, str]] = []
    for m in _BRACKET.finditer(text):  # the brackets only, not every character
        i, ch = m.start(), m.group()
        if ch in "(（":
            stack.append((i, ch))
        elif stack:
            j, opener = stack.pop()
            if opener == "（" or ch == "）":
                out[j], out[i] = "（", "）"
    return "".join(out)


@functools.lru_cache(maxsize=1 << 16)
def clean_text(text: str) -> str:
    """A piece of running text: normalised, whitespace runs folded, trimmed.
    (Cached: readers, scoring and the builder clean the same cells again.)"""
    text = normalise_punct(normalise_spaces(unicodedata.normalize("NFC", text)))
    text = re.sub(r"[ \n]+", " ", text).strip()
    # A space between two Chinese characters is a wrapping artefact; so is one
    # between Chinese and a digit or Latin letter (a PDF's font change: 2024 年).
    text = re.sub(rf"(?<=[{_CJK}{_CJK_PUNCT}]) (?=[{_CJK}{_CJK_PUNCT}])", "", text)
    return _LATIN_BESIDE_CJK.sub(_beside_cjk, text) if " " in text else text


def _beside_cjk(m: re.Match[str]) -> str:
    word = m.group(0)
    core = word.strip(" ")
    if word.startswith(" ") and not word.endswith(" ") and re.search(r"\d{5}", core):
        return word  # 联系电话 13907001234: a long number after its label keeps its space
    return core


# A Latin word or a number with a space beside Chinese (2024 年, 邮储银行 XX 支行, 规范 12366 热线):
# a PDF's font change put the space there. A long number only after Chinese (张三 13907001234)
# keeps its space: that one was typed.
_LATIN_BESIDE_CJK = re.compile(rf"(?:(?<=[{_CJK}{_CJK_PUNCT}]) )?[0-9A-Za-z][0-9A-Za-z.%/+]*(?: (?=[{_CJK}{_CJK_PUNCT}]))?")


def clean_cell(value: object) -> str:
    """A cell value as clean single-line text ('' for None)."""
    if value is None:
        return ""
    return clean_text(str(value))


def strip_trailing_punct(text: str) -> str:
    return text.rstrip("。.；;，,、 ：:")


def bigrams(text: str) -> set[str]:
    chars = [c for c in text if is_cjk(c)]
    return {a + b for a, b in zip(chars, chars[1:])}


_NUMBER_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")
WORD_JOINER = "\u2060"


def keep_together(number: str) -> str:
    """A phone number that no line break splits: a word joiner after each hyphen
    between digits (LibreOffice breaks after ``0436-`` even at U+2011; U+2060 is
    invisible and holds in Word and LibreOffice alike)."""
    return _NUMBER_HYPHEN.sub("-" + WORD_JOINER, number)
