"""Spaces a PDF's text extraction puts around numbers in Chinese text
(``pdftotext``: ``完成改造 32 个``, ``2024 年 10 月底前``): where a document
writes a number before its measure or date word (个 年 月 公里 …) with a space
on each side and (nearly) never without, the spaces are the extraction's, not
the writer's, and are taken out, so ``2024年10月底前`` reads as a deadline and
``32个`` as text. A number before anything else is left alone: in a row of
cells parted by spaces it may be a cell of its own (``预期 1 做好…``).

Where cells are parted by single spaces (no columns aligned by runs of
spaces), a date keeps the space before it (``县住建局 9 月底前``: it may open
a deadline cell). A number opening a
line or a column keeps its space (``1 完成…``: a row's
number before its first cell) unless a date word follows it (``2024 年``).
Runs of two or more spaces (columns aligned by spaces) are no number's
spaces: the spaces taken out of a column's text are added to the gap after
it, so columns stay where they were.
"""

from __future__ import annotations

import re

_CJK = "\u4e00-\u9fff"
_NUM = r"\d+(?:\.\d+)?%?"
# What follows a number in running text: a measure or date word (32 个, 2024 年, 86 公里), or
# the end of the line (the page wrapped the cell after it). A number before anything else may
# be a cell of its own (a row's number between two cells).
_MEASURE = "年月日号时个万亿元件处所座家条名人户次项台辆套间栋公米亩吨倍批场期"
# A number with one space on each side between Chinese text and its measure: the signature.
_SPACED = re.compile(rf"[{_CJK}] {_NUM} [{_MEASURE}]")
_TIGHT = re.compile(rf"[{_CJK}]{_NUM}[{_MEASURE}]")
_LEFT = re.compile(rf"(?<=[{_CJK}，、（]) (?={_NUM}(?: ?[{_MEASURE}]|$))")
_LEFT_NOT_DATE = re.compile(rf"(?<=[{_CJK}，、（]) (?={_NUM}(?: ?[{_MEASURE}]|$))(?:(?<=[年月] )|(?!\d{{1,4}} ?[年月]))")
_RIGHT = re.compile(rf"(?<=[{_CJK}，、（]{{1}})({_NUM}) (?=[{_MEASURE}])")
# A number opening a piece (at the line's start or after a column gap) before a date word:
# ``2024 年``, ``10 月`` (a row's number before its first cell, ``1 完成``, keeps its space).
_LEADING = re.compile(r"(?:^|(?<= ))(\d{1,4}) (?=[年月日])")
_MIN_SPACED = 3


def spaced_numbers(text: str) -> bool:
    """Whether the text spaces its numbers as a PDF extraction does."""
    spaced = len(_SPACED.findall(text))
    return spaced >= _MIN_SPACED and len(_TIGHT.findall(text)) * 4 <= spaced


def unspace_numbers(text: str) -> str:
    """The text with the extraction's spaces around numbers taken out (unchanged
    when the document does not space its numbers so)."""
    if not spaced_numbers(text):
        return text
    lines = []
    rows = [ln for ln in text.split("\n") if ln.strip()]
    # Cells parted by single spaces (no columns aligned by runs of spaces): a date keeps the
    # space before it.
    aligned = sum(1 for ln in rows if re.search(r"\S {2,}\S", ln)) >= 0.3 * len(rows)
    left = _LEFT if aligned else _LEFT_NOT_DATE
    for line in text.split("\n"):
        # Pieces between column gaps (two spaces or more) are unspaced one by one; the
        # spaces taken out go to the gap after, so columns aligned by spaces stay aligned.
        parts = re.split(r"( {2,})", line)
        out, owed = [], 0
        for k, part in enumerate(parts):
            if k % 2:
                out.append(part + " " * owed)
                owed = 0
                continue
            fixed = _LEADING.sub(r"\1", _RIGHT.sub(r"\1", left.sub("", part)))
            owed += len(part) - len(fixed)
            out.append(fixed)
        lines.append("".join(out))
    return "\n".join(lines)
