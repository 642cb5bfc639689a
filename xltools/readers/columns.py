"""What a column means and what a cell holds, for readers that must rebuild
a table from a stream of cells.

Two small classifiers, both general (no rule for one document):

* ``header_role(label)`` reads a header word by its head noun and modifiers
  (…单位/部门/科室/主体 → units, with 牵头/配合 giving the role; …领导/责任人
  → people; …时限/时间/节点 → deadline; …完成情况/进展 → progress; 序号/编号
  → number), after the exact aliases of ``labels.HEADER_ALIASES``. A word
  it cannot read is ``text``: the cells decide (``resolve_text_columns``).
* ``cell_type(text)`` types a cell candidate: number, deadline, units,
  person, title, sentence, chrome.

``compat(kind, type)`` scores how well a cell of a type sits in a column of
a kind; the stream aligner maximises the sum.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from xltools import labels as L
from xltools.deadlines import is_deadline_phrase
from xltools.text import clean_text
from xltools.units import looks_like_unit, looks_like_units_cell

_SQUEEZE = re.compile(r"[\s*＊:：]")


def squeeze(text: str) -> str:
    return _SQUEEZE.sub("", clean_text(text))


@dataclass(frozen=True)
class HeaderRole:
    kind: str  # number, goal, task, requirement, units, deadline, people, progress, remark, text
    role: str = ""  # 牵头 / 配合 / 责任 for a units column that names one
    exact: bool = False  # a known alias, written exactly


@functools.lru_cache(maxsize=1 << 14)
def header_role(label: str) -> HeaderRole | None:
    """The meaning of a header word, or None when it is not one (too long,
    a sentence, a number)."""
    t = squeeze(label)
    if not t or len(t) > 16 or re.search(r"[。；;，,、\d]", t):
        return None
    for kind, aliases in L.HEADER_ALIASES.items():
        if t in aliases:
            role = L.UNITS_HEADER_ROLE.get(t, "") if kind == "units" else ""
            return HeaderRole(kind, role, True)
    for kind, pattern in L.HEADER_GRAMMAR:
        if re.search(pattern, t):
            role = ""
            if kind == "units":
                lead = any(w in t for w in L.LEAD_WORDS)
                assist = any(w in t for w in L.ASSIST_WORDS)
                resp = any(w in t for w in L.RESPONSIBLE_HEADER_WORDS)
                if lead and not assist:
                    role = L.ROLE_LEAD
                elif assist and not lead and not resp:
                    role = L.ROLE_ASSIST
            return HeaderRole(kind, role)
    return None


def header_score(label: str) -> float:
    """How surely ``label`` is one header word: exact alias 3, read by the
    grammar 2, an unknown short word 0.3, not a header word -3."""
    r = header_role(label)
    if r is None:
        return -3.0
    if r.exact:
        return 3.0
    return 2.0 if r.kind != "text" else 0.3


# ------------------------------------------------------------ cells
_NUMBER = re.compile(rf"^[（(]?\s*(\d{{1,4}}|[{L.CN_NUMERALS}]{{1,4}})\s*[)）]?\s*[、.．]?$")
# 一、全面推进乡村振兴 / （二）优化营商环境: a numbered heading, a row of its own.
_HEADING = re.compile(rf"^(?:[{L.CN_NUMERALS}]+\s*、|[（(]\s*[{L.CN_NUMERALS}]+\s*[)）])\s*\S")
_PLACE_ENDINGS = ("区", "县", "市", "镇", "乡", "村", "街道", "园区", "开发区")
_BODY_ENDINGS = ("政府", "管委会", "办事处", "人民政府")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}$")

@functools.lru_cache(maxsize=1 << 14)
def cell_type(text: str) -> str:
    """number, deadline, units, person, title, sentence or chrome."""
    t = clean_text(text)
    if not t:
        return "empty"
    if _NUMBER.match(t):
        return "number"
    if _HEADING.match(t) and len(t) <= 40 and not re.search(r"[。；;]", t.rstrip("。")):
        return "heading"
    if any(t.startswith(w) for w in L.PAGE_CHROME) and len(t) <= 20:
        return "chrome"
    short = len(t) <= 14
    if short and is_deadline_phrase(t):
        return "deadline"
    # A lone phrase closed by a full stop is a sentence, not a unit list.
    sentence_end = t.endswith(("。", "！", "；")) and len(t) > 5 and not re.search(r"[、，,；;]", t[:-1])
    # A lone name ending in a place word (…城镇, …新区) longer than a place name is a title.
    place_only = not re.search(r"[、，,；;（(]", t) and len(t) > 5 and t.endswith(_PLACE_ENDINGS) \
        and not t.startswith("各") and not t.endswith(_BODY_ENDINGS)
    if not sentence_end and not place_only and (looks_like_unit(t) or looks_like_units_cell(t)):
        return "units"
    if _PERSON.match(t) and t[0] in L.COMMON_SURNAMES and not re.search(r"[局办委部室院厅处科所站队]$", t):
        return "person"
    if len(t) <= 24 and not re.search(r"[。；;！？]", t):
        return "title"
    return "sentence"


# compat[kind][type]: log-like scores; unknown pairs score -2.
_COMPAT: dict[str, dict[str, float]] = {
    "number": {"number": 3.0, "heading": 1.0},
    "units": {"units": 3.0, "title": -0.5, "person": -1.0, "sentence": -1.0},
    "people": {"person": 3.0, "title": 0.0, "units": -1.0},
    "deadline": {"deadline": 3.0, "title": -0.5, "sentence": -1.5},
    "task": {"title": 2.0, "heading": 1.0, "sentence": 0.5, "units": -0.5, "number": -3.0},
    "goal": {"title": 1.5, "heading": 2.5, "sentence": 0.0, "units": -1.0, "number": -3.0},
    "requirement": {"sentence": 2.5, "title": 1.0, "units": -1.5, "deadline": -1.0, "number": -3.0},
    "text": {"sentence": 1.5, "title": 1.0, "units": -0.5, "deadline": -0.5, "number": -3.0},
    "progress": {"sentence": 1.5, "title": 0.8, "units": -0.5, "deadline": -0.5, "number": -3.0},
    "remark": {"sentence": 1.0, "title": 1.0, "units": 0.0, "deadline": 0.0, "person": 0.0},
}


def compat(kind: str, ctype: str) -> float:
    if ctype == "chrome":
        return -4.0
    return _COMPAT.get(kind, _COMPAT["text"]).get(ctype, -2.0)


# Column kinds whose cell may hold several lines (one unit per line, wrapped text).
MULTI_LINE = {"units": 0.5, "requirement": -0.4, "text": -0.4, "progress": -0.4, "remark": -0.4,
              "people": -0.8, "task": -1.2, "goal": -1.5}


def _share(cells: list[str], test) -> float:  # type: ignore[no-untyped-def]
    cells = [c for c in cells if clean_text(c)]
    return sum(1 for c in cells if test(clean_text(c))) / len(cells) if cells else 0.0


def _sentences(cells: list[str]) -> float:
    return _share(cells, lambda c: cell_type(c) in ("sentence", "title") and len(c) > 8)


def _titles(cells: list[str]) -> float:
    return _share(cells, lambda c: cell_type(c) in ("title", "heading", "units") and len(c) <= 24
                  and not c.endswith(("。", "；")))


def resolve_text_columns(kinds: list[str], columns_text: list[list[str]]) -> tuple[list[str], list[int]]:
    """Decide unknown or doubled text columns by their cells (header words
    alone cannot): of two requirement columns without a task column, the
    left one of short titles is the task; with no requirement column, the
    first column of sentences right of the task column (or the only text
    column) is the requirement; an unknown column of short titles left of the
    task is the goal. A second task column counts as text. Returns (kinds,
    indexes decided by content)."""
    kinds = list(kinds)
    decided: list[int] = []
    reqs = [i for i, k in enumerate(kinds) if k == "requirement"]
    if len(reqs) > 1 and "task" not in kinds and _titles(columns_text[reqs[0]]) >= 0.6 \
            and _sentences(columns_text[reqs[1]]) >= 0.5:
        kinds[reqs[0]] = "task"
        decided.append(reqs[0])
    first_task = next((i for i, k in enumerate(kinds) if k == "task"), None)
    for i, k in enumerate(kinds):
        if k == "task" and i != first_task:
            kinds[i] = "text"
    if "requirement" not in kinds:
        candidates = [i for i, k in enumerate(kinds) if k == "text" and (first_task is None or i > first_task)]
        chosen = next((i for i in candidates if _sentences(columns_text[i]) >= 0.5), None)
        if chosen is None and first_task is None:
            chosen = next((i for i, k in enumerate(kinds) if k == "text"), None)
        if chosen is not None:
            kinds[chosen] = "requirement"
            decided.append(chosen)
    anchor = first_task if first_task is not None else next(
        (i for i, k in enumerate(kinds) if k == "requirement"), None)
    if "goal" not in kinds and anchor is not None:
        left = [i for i in range(anchor) if kinds[i] == "text" and any(clean_text(c) for c in columns_text[i])]
        if left and _titles(columns_text[left[0]]) >= 0.8:
            kinds[left[0]] = "goal"
            decided.append(left[0])
    return kinds, decided
