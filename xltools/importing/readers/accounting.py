"""Account for every line of a text source: each non-blank line is either in
the model (its text is found among the titles, goals, tasks, requirements,
units, deadlines and remarks read) or skipped (page chrome, preamble), and a
line that is neither — text the readers lost — is listed on 待核对.

The check looks at the result, not at how a reader got there, so it holds
for every reader: a line counts as read when most of its character
quadgrams occur in what was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xltools import labels as L
from xltools.importing.readers.columns import find_labels
from xltools.importing.readers.grid import NUMBER_PREFIX

from xltools.importing.readers.rows import Event, RawRow, SourceMeta, StrayLabel
from xltools.text import clean_text

_N = 4
_LABEL_WORDS = sorted({*L.UNIT_LINE_LABELS, *(w for ws in L.HEADER_ALIASES.values() for w in ws)},
                      key=len, reverse=True)
_LABEL = re.compile(r"[（(【]?\s*(?:" + "|".join(map(re.escape, _LABEL_WORDS)) + r")\s*[】]?\s*[：:]")


# 第二章 / 第一部分: a heading's number, which the goal's name leaves out.
_ARTICLE = re.compile(rf"^第\s*(?:[{L.CN_NUMERALS}]{{1,4}}|\d{{1,3}})\s*(?:部分|编|章|节)\s*")


@dataclass(frozen=True)
class LineAccount:
    total: int  # non-blank source lines
    read: int  # lines whose text is in the model
    skipped: int  # lines the reader set aside (chrome, preamble)
    lost: tuple[tuple[int, str], ...]  # (line, text) inside the table, neither read nor skipped


def _grams(text: str) -> set[str]:
    t = "".join(text.split())  # without whitespace
    return {t[i:i + _N] for i in range(max(1, len(t) - _N + 1))}


_SEGMENTS = re.compile(r"[|│｜\t]+|\s{2,}")
_NOT_ALNUM = re.compile(r"[\W_]+")  # what str.isalnum refuses, character by character
# The parts of a cell a reader takes apart: units in brackets, fields split by ；.
_PARTS = re.compile(r"[〔〕【】（）()；;]+")


def _key(text: str, delimiter: str | None = None) -> list[str]:
    """The letters of a line that must be found in the model: without punctuation (it
    differs, ,→，), numbering markers (一、 1. （2）) and labels (牵头单位：), which
    readers take apart. ``delimiter``: a CSV/TSV line's field separator, split on
    before the text is cleaned (cleaning turns it into a space or a full-width comma)."""
    if delimiter:
        return [k for piece in text.split(delimiter) for k in _key(piece.replace('"', " "))]
    out = []
    for cell in _SEGMENTS.split(clean_text(text)):
        cell = _ARTICLE.sub("", NUMBER_PREFIX.sub("", cell.strip()))
        for seg in _PARTS.split(cell):
            seg = seg.strip()
            if "：" in seg or ":" in seg:  # a label ends in one
                seg = _LABEL.sub("", _without_labels(seg))
            # Words before a colon that is no label (区住建局：完成…) are taken apart too.
            for piece in re.split(r"[：:]", seg):
                key = _NOT_ALNUM.sub("", piece)
                if key:
                    out.append(key)
    return out


def _without_labels(seg: str) -> str:
    """The segment without the labels the grammar reads (主办处室：, 时间节点：), which
    no vocabulary lists but readers take apart all the same."""
    found = find_labels(seg)
    if not found:
        return seg
    out, at = [], 0
    for start, end, _ in found:
        out.append(seg[at:start])
        at = end
    return "".join(out) + seg[at:]


def _grams_of(keys: list[str]) -> set[str]:
    """Quadgrams of each cell of a line (none across two cells)."""
    out: set[str] = set()
    for k in keys:
        out |= _grams(k)
    return out


def _in(key: str, everything: str, found: dict[str, bool]) -> bool:
    """``key in everything``, each key looked for once."""
    if key not in found:
        found[key] = key in everything
    return found[key]


def _read_by_words(raw: str, read: set[str], everything: str) -> bool:
    """A line of cells separated by single spaces (``1 自建房安全 完成… 王 强 镇规建办``)
    is read when its words are: most quadgrams inside its words are in the model
    (none across two words), a word too short for one is found whole."""
    words = [k for w in raw.split() for k in _key(w)]
    if len(words) < 2:
        return False
    grams = _grams_of([w for w in words if len(w) >= _N])
    short = [w for w in words if len(w) < _N]
    return len(grams & read) + sum(w in everything for w in short) >= 0.8 * (len(grams) + len(short))


def account_lines(text: str, events: list[Event], meta: SourceMeta,
                  delimiter: str | None = None) -> LineAccount:
    read: set[str] = set()
    joined: list[str] = []
    seen: set[str] = set()  # the same goal, task, units and deadline come back row after row
    lines_of_rows: list[int] = []
    for e in events:
        if isinstance(e, RawRow):
            parts = [e.requirement, e.goal, e.task, e.units, e.deadline, e.number,
                     *(w for _, w in e.role_units), *e.notes]
            if e.line:
                lines_of_rows.append(e.line)
        elif isinstance(e, StrayLabel):
            parts = [e.label]
        else:
            continue
        for p in parts:
            if p and p not in seen:
                seen.add(p)
                keys = _key(p)
                read |= _grams_of(keys)
                joined.extend(keys)
    for t in (meta.title, *meta.headers):
        read |= _grams_of(_key(t))
    skipped_lines = {line for line, _ in meta.skipped}
    skipped_text: set[str] = set()
    for _, t in meta.skipped:
        skipped_text |= _grams_of(_key(t))
    everything = "\n".join(joined)
    first = min(lines_of_rows, default=0)
    last = max(lines_of_rows, default=0)
    total = n_read = n_skipped = 0
    lost: list[tuple[int, str]] = []
    found: dict[str, bool] = {}  # short key → whether it is in ``everything`` (one scan each)
    for i, raw in enumerate(text.split("\n"), start=1):
        keys = _key(raw, delimiter)
        if not keys:
            continue
        total += 1
        grams = _grams_of(keys)
        short = sum(map(len, keys)) < 2 * _N and all(_in(k, everything, found) for k in keys)
        if len(grams & read) >= 0.8 * len(grams) or short or _read_by_words(raw, read, everything):
            n_read += 1
        elif i in skipped_lines or len(grams & skipped_text) >= 0.8 * len(grams):
            n_skipped += 1
        else:
            n_skipped += 1
            if first <= i <= last:
                lost.append((i, clean_text(raw)))
    return LineAccount(total, n_read, n_skipped, tuple(lost))
