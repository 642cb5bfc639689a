"""Hard-wrapped text back into its paragraphs (text from a PDF: pdftotext,
pdfplumber, a copy out of a viewer).

A PDF gives its text line by line as the page broke it: every line of a
paragraph but the last runs to the page's width, so in a hard-wrapped text
many lines share one width, most of them stop in the middle of a sentence,
and none is much wider. That width is found from
the lines themselves (no text without it is touched), and a line that runs
to it is continued by the next one unless the next one opens something of
its own: a number (an item), or — after a line that ended a sentence — a
label (``牵头单位：``), a bracket (a units line for a group) or an indent (a
new paragraph in ``pdftotext -layout``). Page furniture between the two
halves (``— 3 —``, ``第3页``, blank lines, form feeds) does not stop the
join and is kept as a line of its own; so does a running head (the same
short line first on two or more pages), which the reader skips.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from xltools.text import wide_count

PAGE_FOOTER = re.compile(r"^[\s—–\-－·_]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*共\s*\d{1,4}\s*页)?[\s—–\-－·_]*$")
_ENDS = tuple("。；;！!？?）)〕】」』")  # not a colon: its value follows
_LABEL_START = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:[（(][\u4e00-\u9fff]{1,6}[)）])?\s*[：:]")
_OPENS = tuple("（(〔【[［")
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,10}(?:[（(][\u4e00-\u9fff]{1,6}[)）])?\s*[：:]")
_MIN_WIDTH = 12  # a shorter page width is a table column, not a page
_TAIL = 400  # characters of a paragraph that decide how it goes on
_SLACK = 3.0  # a paragraph's first line is indented two characters; punctuation may be squeezed


def width(line: str) -> float:
    """The line's width in Chinese characters (a Latin letter or digit is half)."""
    return 0.5 * (len(line) + wide_count(line, "WFA"))  # exact: halves add up without rounding


def wrap_width(lines: list[str]) -> float | None:
    """The width the page wrapped the text at, or None when it is not
    hard-wrapped: a few lines (three, and one in ten) run to within a few
    characters of the widest common width, most of them stop inside a sentence
    (no sentence end, no closing bracket), and almost none is wider."""
    texts = [s for s in (x.strip() for x in lines) if s and not PAGE_FOOTER.match(s)]
    if len(texts) < 4:
        return None
    measured = [(width(s), s) for s in texts]
    widths = sorted((w for w, _ in measured), reverse=True)
    allowed_over = max(1, len(widths) // 20)  # a URL or a long line of the web page's chrome
    for cand in (widths[0], widths[min(allowed_over, len(widths) - 1)]):
        full = [s for w, s in measured if cand - _SLACK <= w <= cand + 0.5]
        broken = sum(1 for s in full if not s.endswith(_ENDS))
        over = sum(1 for w in widths if w > cand + 0.5)
        if cand >= _MIN_WIDTH and broken >= 3 and 2 * broken >= len(full) and 10 * len(full) >= len(widths) \
                and over <= allowed_over:
            return cand
    return None


def running_heads(lines: list[str], opens_item: Callable[[str], bool]) -> set[int]:
    """Line numbers (1-based) of a running head: the same line (spaces aside)
    standing first on two or more pages — a page starts the text, follows a
    page number (``— 3 —``, ``第3页``; not a bare number) or opens with a form
    feed. A label (``重点任务：``) is no running head."""
    starts: list[tuple[int, str]] = []
    at_start = True
    for i, raw in enumerate(lines, start=1):
        line = raw.strip()
        if raw.startswith("\f"):
            at_start = True
        if not line:
            continue
        if PAGE_FOOTER.match(line):
            # A page number set off as one (— 3 —, 第3页), not a bare number (a cell's value).
            at_start = at_start or bool(re.search(r"[—–\-－·_第页]", line))
            continue
        if at_start and len(line) <= 40 and not opens_item(line) and not line.endswith(("：", ":")):
            starts.append((i, "".join(line.split())))
        at_start = False
    counts: dict[str, int] = {}
    for _, key in starts:
        counts[key] = counts.get(key, 0) + 1
    return {i for i, key in starts if counts[key] >= 2}


def join_wrapped(lines: list[str], opens_item: Callable[[str], bool],
                 furniture: set[int] = frozenset()) -> list[tuple[int, str]]:  # type: ignore[assignment]
    """``lines`` (1-based line numbers kept: a joined line has its first line's)
    with each hard-wrapped paragraph on one line; unchanged when the text is not
    hard-wrapped. ``opens_item`` says whether a line starts a numbered item;
    ``furniture`` (line numbers: running heads) stands between two halves of a
    paragraph without ending it, like a page number."""
    numbered = [(i, line) for i, line in enumerate(lines, start=1)]
    page = wrap_width(lines)
    if page is None:
        return _close_brackets(numbered, opens_item) if any(_open_bracket(x) for x in lines) else numbered
    out: list[tuple[int, str]] = []
    open_at: int | None = None  # index in out of a full line waiting for its continuation
    for i, raw in numbered:
        line = raw.strip()
        if not line or PAGE_FOOTER.match(line) or i in furniture:
            out.append((i, raw))
            continue
        # Only the paragraph's tail is looked at: a long one costs no more per line.
        if open_at is not None and _continues(out[open_at][1].rstrip()[-_TAIL:], raw, opens_item):
            out[open_at] = (out[open_at][0], out[open_at][1].rstrip() + line)
            # A lone character set apart from the full line it ends (…专项行动。 / 基 /
            # 金监管科负责落实。: a PDF tool's quirk) leaves that line still going on.
            stray = len(line) == 1 and "\u4e00" <= line <= "\u9fff"
            if width(line) < page - _SLACK and not stray and not _open_bracket(out[open_at][1][-_TAIL:]):
                open_at = None
            continue
        out.append((i, raw))
        # A line that runs to the page's width, or stops inside a bracket, goes on below.
        open_at = len(out) - 1 if width(line) >= page - _SLACK or _open_bracket(line) else None
    return out


def _close_brackets(numbered: list[tuple[int, str]], opens_item: Callable[[str], bool]) -> list[tuple[int, str]]:
    """Without a page width, only a line that stops inside a bracket goes on
    below (配合单位：镇卫生院、各村（社 / 区）), up to the line that closes it."""
    out: list[tuple[int, str]] = []
    joins = 0
    for i, raw in numbered:
        line = raw.strip()
        if out and line and joins < 3 and _open_bracket(out[-1][1]) and not opens_item(line) \
                and not PAGE_FOOTER.match(line) and _closes(line):
            out[-1] = (out[-1][0], out[-1][1].rstrip() + line)
            joins += 1
            continue
        out.append((i, raw))
        joins = 0
    return out


def _closes(line: str) -> bool:
    """Whether the line closes a bracket it did not open (``各社区（②）；…】`` closes
    the 【 above it; a bracket opened and closed inside the line does not count)."""
    depth = 0
    for c in line:
        if c in "（(〔【[［":
            depth += 1
        elif c in "）)〕】]］":
            depth -= 1
            if depth < 0:
                return True
    return False


def _continues(prev: str, raw: str, opens_item: Callable[[str], bool]) -> bool:
    line = raw.strip()
    if opens_item(line):
        return _inline_sequel(prev, line)
    if _open_bracket(prev):
        return True  # the line broke inside a bracket (（牵头单位：X； / 配合单位：Y）)
    last = re.split(r"[。！!？?]", prev.rstrip("。；;！!？?"))[-1]
    if not prev.endswith(_ENDS):
        # The line broke inside a sentence, a name or a label — unless a labelled
        # field (承办单位：X) is followed by the next field's label.
        return not (_FIELD.search(last) and _LABEL_START.match(line))
    # After a sentence end the next line may begin something of its own; after a
    # labelled field (…。责任单位：X。) the item is complete and a paragraph follows.
    indented = len(raw) - len(raw.lstrip(" \u3000")) >= 2
    return not (indented or _LABEL_START.match(line) or line.startswith(_OPENS) or _FIELD.search(last))


def _open_bracket(text: str) -> bool:
    """Whether the text ends inside a bracket (（牵头部门：X； / 配合部门：Y）)."""
    depth = 0
    for c in text:
        if c in "（(〔【[［":
            depth += 1
        elif c in "）)〕】]］" and depth:
            depth -= 1
    return depth > 0


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN_DIGITS = "一二三四五六七八九十"
_PAREN_NUMBER = re.compile(r"^[（(]\s*(\d{1,2}|[一二三四五六七八九十])\s*[)）]")


def _inline_sequel(prev: str, line: str) -> bool:
    """Whether a numbered line goes on a list written inline in the line above
    (…创建，①打造示范小区5个； / ②培育…): the number before it stands inside
    that line, not at its start."""
    body = prev.strip()[1:]
    if line[0] in _CIRCLED:
        k = _CIRCLED.index(line[0])
        return k > 0 and _CIRCLED[k - 1] in body
    m = _PAREN_NUMBER.match(line)
    if m is None:
        return False
    n = m.group(1)
    before = str(int(n) - 1) if n.isdigit() else (_CN_DIGITS[_CN_DIGITS.index(n) - 1] if n != "一" else "")
    return bool(before) and before != "0" and re.search(rf"[（(]\s*{before}\s*[)）]", body) is not None
