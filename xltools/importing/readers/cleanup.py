"""Clean-ups applied to every text a reader sees, before any parsing:

* Traditional → Simplified (when the document is written in Traditional
  characters and the caller asks for it); the original line or row is kept
  on 待核对 so a person can check the conversion;
* pinyin glosses that web mirrors insert after characters (``經(jīng)``).

Intra-word spaces from PDF wrapping are removed by ``xltools.text.clean_text``.
"""

from __future__ import annotations

import functools
import re

from xltools import labels as L

_CJK = "\u3400-\u9fff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A pinyin gloss right after a character: 經(jīng), 經（jing1）.
_PINYIN = re.compile(
    rf"(?<=[{_CJK}])[(（]\s*((?:[a-zü]*[{_TONED}][a-zü{_TONED}]*|[a-zü]{{1,6}}[1-5]))\s*[)）]")
_TRADITIONAL_SHARE = 0.03


@functools.lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in Traditional characters."""
    cjk = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if len(cjk) < 2:
        return False
    sample = "".join(cjk[:20000])
    converted = to_simplified(sample)
    changed = sum(a != b for a, b in zip(sample, converted))
    return changed >= 2 and changed / len(sample) >= _TRADITIONAL_SHARE


def remove_pinyin(text: str) -> tuple[str, list[str]]:
    """``經(jīng)濟`` → ``經濟``; returns the text and the glosses removed."""
    found = [m.group(1) for m in _PINYIN.finditer(text)]
    return (_PINYIN.sub("", text), found) if found else (text, [])


class Fixer:
    """Applies the clean-ups to the texts of one document and collects the
    review notes they cause (kind, message, line, original)."""

    def __init__(self, sample: str, simplified: bool = True) -> None:
        self.convert = simplified and is_traditional(sample)
        self.review: list[tuple[str, str, int | None, str]] = []

    def fix(self, text: str) -> str:
        text, _ = remove_pinyin(text)
        return to_simplified(text) if self.convert else text

    def fix_unit(self, texts: list[str], line: int | None, source: str) -> list[str]:
        """Fix the texts of one line or row; note what changed once for it."""
        out: list[str] = []
        glosses: list[str] = []
        for t in texts:
            t2, found = remove_pinyin(t)
            glosses.extend(found)
            out.append(to_simplified(t2) if self.convert else t2)
        if glosses:
            self.review.append((L.REVIEW_STRUCTURE, L.NOTE_PINYIN_REMOVED.format(
                glosses="、".join(dict.fromkeys(glosses))), line, source))
        if self.convert and any(remove_pinyin(a)[0] != b for a, b in zip(texts, out)):
            self.review.append((L.REVIEW_TRADITIONAL, L.NOTE_TRADITIONAL, line, source))
        return out

    def fix_text(self, text: str) -> str:
        """Fix a whole text line by line (line numbers are kept)."""
        lines = text.split("\n")
        return "\n".join(self.fix_unit([ln], i, ln.strip())[0] if ln.strip() else ln
                         for i, ln in enumerate(lines, start=1))
