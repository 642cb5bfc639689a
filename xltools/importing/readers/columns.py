"""What a column means and what a cell holds, for readers that must rebuild
a table from a stream of cells.

Two small classifiers, both general (no rule for one document):

* ``header_role(label)`` reads a header word by its head noun and modifiers
  (…单位/部门/科室/主体 → units, with 牵头/配合 giving the role; …领导/责任人
  → people; …时限/时间/节点 → deadline; …完成情况/进展 → progress; 序号/编号
  → number), after the exact aliases of ``labels.HEADER_ALIASES``. A word
  it cannot read is ``text``: the cells decide (``resolve_text_columns``).
* ``cell_type(text)`` types a cell candidate: number, year, deadline, units,
  person, title, sentence, chrome.

``compat(kind, type)`` scores how well a cell of a type sits in a column of
a kind; the stream aligner maximises the sum.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from xltools import labels as L
from xltools.deadlines import is_deadline_phrase
from xltools.text import clean_text, strip_trailing_punct
from xltools.importing.units import is_group_form, looks_like_unit, looks_like_units_cell

_SQUEEZE = re.compile(r"[\s*＊:：]")


def squeeze(text: str) -> str:
    return _SQUEEZE.sub("", clean_text(text))


@dataclass(frozen=True)
class HeaderRole:
    kind: str  # number, goal, task, requirement, units, deadline, people, progress, remark, text
    role: str = ""  # 牵头 / 配合 / 责任 for a units column that names one
    exact: bool = False  # a known alias, written exactly
    # A problem column (存在问题, 问题表现): a text column whose meaning is decided with the
    # columns beside it (``problem_columns``): in a 整改清单 the problem is the requirement.
    problem: bool = False


@functools.lru_cache(maxsize=1 << 14)
def header_role(label: str) -> HeaderRole | None:
    """The meaning of a header word, or None when it is not one (too long,
    a sentence, a number)."""
    t = squeeze(label)
    # 2023年重点工作任务, 2023年10-12月份进展情况: the period named first qualifies the word.
    bare = _PERIOD.sub("", t)
    t = bare if len(bare) >= 2 and not _PERIOD.fullmatch(bare) else t
    if not t or len(t) > 16 or re.search(r"[。；;，,、]", t) or re.search(r"\d", _UNIT_NOTE.sub("", t)):
        return None
    # 牵头科室（单位）: a head noun in brackets restates the head before it.
    t = _BRACKETED_HEAD.sub("", t) or t
    # 协办科室（所）, 责任单位（站、队）: bodies in brackets after a units head widen it.
    if (m := _UNITS_WIDENED.fullmatch(t)) and (head := header_role(m.group(1))) is not None \
            and head.kind == "units":
        return head
    for kind, aliases in L.HEADER_ALIASES.items():
        if t in aliases:
            role = L.UNITS_HEADER_ROLE.get(t, "") if kind == "units" else ""
            return HeaderRole(kind, role, True)
    # 建设内容及目标, 整改措施及时限, 责任单位及责任人: two header words of different kinds
    # joined; the column is what its first word names (the second qualifies what it
    # holds) — the requirement's when either names it (项目名称及建设内容).
    joined = _JOINED_WORDS.fullmatch(t)
    if joined and (first := header_role(joined.group(1))) is not None and first.kind != "text" \
            and (second := header_role(joined.group(2))) is not None and second.kind not in ("text", first.kind):
        if "requirement" in (first.kind, second.kind):
            return HeaderRole("requirement")
        return HeaderRole(first.kind, first.role)
    for kind, pattern in L.HEADER_GRAMMAR:
        if re.search(pattern, t):
            if kind == "text" and t in _ROLE_ALONE:
                # 牵头 / 配合 / 主办 / 协办 heading a column: units, the head noun left out.
                return HeaderRole("units", modifier_role(t))
            if kind == "problem":
                return HeaderRole("text", problem=True)
            return HeaderRole(kind, modifier_role(t) if kind == "units" else "")
    return None


_JOINED_WORDS = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:及|和|与|以及)([\u4e00-\u9fff]{2,8})")
_ROLE_ALONE = frozenset({*L.LABEL_LEAD_WORDS, *L.LABEL_ASSIST_WORDS, "责任", "负责", "承办", "落实"})


_UNIT_NOTE = re.compile(r"[（(][^（()）]{1,6}[)）]$")  # 金额（万元）: a measure, not words
_PERIOD = re.compile(r"^(?:\d{4,5}年度?)?(?:\d{1,2}(?:[-—~至]\d{1,2})?月份?|第?[一二三四1-4]季度|[上下]半年|全年)?")
_UNITS_WIDENED = re.compile(r"(.{2,12}?(?:单位|部门|科室|处室|股室|机构|机关|主体))[（(][^（()）]{1,6}[)）]")
_BRACKETED_HEAD = re.compile(r"(?<=..)[（(](?:单位|部门|科室|处室|机关|单位部门)[)）]$")


def modifier_role(label: str) -> str:
    """The role the modifiers of a units label name: 牵头 for 牵头督查单位 or
    牵头责任单位, 配合 for 主要协作单位 or 协同责任单位, "" for a label that names
    no role (责任单位, read as 责任) or two joined roles (责任主体与协同单位)."""
    lead = any(w in label for w in L.LABEL_LEAD_WORDS)
    assist = any(w in label for w in L.LABEL_ASSIST_WORDS)
    resp = any(w in label for w in L.RESPONSIBLE_HEADER_WORDS)
    joined = any(j in label for j in L.LABEL_JOINERS)
    if lead and assist or joined and (lead or assist) and resp:
        return ""
    if lead:
        return L.ROLE_LEAD
    return L.ROLE_ASSIST if assist else ""


def label_role(label: str) -> str:
    """The role of the units a label introduces (牵头 / 配合 / 责任)."""
    r = header_role(label)
    return (r.role if r is not None and r.kind == "units" and r.role else L.ROLE_RESPONSIBLE)


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
_YEAR = re.compile(r"^20[0-4]\d\s*年?$")
# DB-01, A-3, ZG2024-05: a row number given as a short code (letters, digits, a hyphen, a count).
ROW_CODE = r"[A-Za-z]{1,4}\d{0,6}[-－]\d{1,4}"
_NUMBER = re.compile(rf"^(?:[（(]?\s*(\d{{1,4}}|[{L.CN_NUMERALS}]{{1,4}})\s*[)）]?\s*[、.．]?|{ROW_CODE})$")
# 一、全面推进乡村振兴 / （二）优化营商环境: a numbered heading, a row of its own.
_HEADING = re.compile(rf"^(?:[{L.CN_NUMERALS}]+\s*、|[（(]\s*[{L.CN_NUMERALS}]+\s*[)）])\s*\S")
_PLACE_ENDINGS = ("区", "县", "市", "镇", "乡", "村", "街道", "园区")
# …开发区, …高新区 name a zone’s administration as often as the place: a unit.
_BODY_ZONES = ("开发区", "高新区", "经开区", "示范区")
_BODY_ENDINGS = ("政府", "管委会", "办事处", "人民政府")
_GRASSROOTS_BODIES = tuple(w for w in L.GRASSROOTS_UNITS if len(w) >= 2)  # 社区, 居委会 …
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
_NONE_MARK = re.compile(r"^(?:[—\-－–/／]{1,3}|无)$")
_POST = "(?:" + "|".join(L.PERSON_POST_ENDINGS) + ")"
# A post beside a personal name: 副区长 谭志刚, 党委书记王强, 李明副局长.
_POST_PERSON = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,6}}?{_POST})\s?(?P<a>[\u4e00-\u9fff]{{2,3}})$"
                          rf"|^(?P<b>[\u4e00-\u9fff]{{2,3}})\s?[\u4e00-\u9fff]{{0,4}}?{_POST}$")
# 注：… / 注1：… under a table: the table's footnote, no cell of it; so is a page's attachment
# link (附件： alone, a file's name: 整改方案.doc).
_FOOTNOTE = re.compile(r"^(?:注\s*\d?\s*[：:]|附件\s*\d*\s*[：:]?$|(?:附件\s*\d*\s*[：:]\s*)?[^\s，。；;]{1,40}"
                       r"\.(?:docx?|xlsx?|pdf|wps|et|zip|rar|ofd)$)", re.IGNORECASE)
_BRACKETED = re.compile(r"^[（(【\[](.*)[）)】\]]$")
_NOTE_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})\s*[：:]")


def is_bracketed_note(text: str) -> bool:
    """A note wholly in brackets made of ``label：value`` pairs none of whose
    labels names units or a deadline — （来源：县委巡察办）, （…办公室 联系人：…
    电话：…） — is the page's, not a cell of the table (a bracketed
    （责任单位：…） is)."""
    m = _BRACKETED.match(clean_text(text))
    if not m or "：" not in m.group(1) and ":" not in m.group(1):
        return False
    labels = [w.group(1) for w in _NOTE_LABEL.finditer(m.group(1))]
    return bool(labels) and not any(label_kind(w[i:]) in ("units", "deadline")
                                    for w in labels for i in range(len(w) - 1))


@functools.lru_cache(maxsize=1 << 14)
def cell_type(text: str) -> str:
    """number, year, deadline, units, person, title, sentence or chrome."""
    t = clean_text(text)
    if not t:
        return "empty"
    if _YEAR.match(t):
        return "year"  # 2024 alone: a 建设时间 / 年度 cell more often than an item number
    if _NUMBER.match(t):
        return "number"
    if strip_trailing_punct(t) in L.DITTO_WORDS:
        return "ditto"  # 同上: the cell above, in whatever column it stands
    if _NONE_MARK.match(t):
        return "none"  # —, /, 无: an empty cell written so
    if _HEADING.match(t) and len(t) <= 40 and not re.search(r"[。；;]", t.rstrip("。")):
        return "heading"
    if len(t) <= 20 and t.startswith(L.PAGE_CHROME) or t.startswith(L.PAGE_FOOTER) or is_bracketed_note(t) \
            or _FOOTNOTE.match(t):
        return "chrome"
    # A web page's buttons in brackets (【打印此页】【关闭窗口】), one of them a chrome word.
    buttons = re.findall(r"【([^【】]{1,8})】", t)
    if len(buttons) >= 2 and len("".join(buttons)) + 2 * len(buttons) == len(t) \
            and any(b.startswith(w) for b in buttons for w in L.PAGE_CHROME):
        return "chrome"
    short = len(t) <= 14
    if short and is_deadline_phrase(t):
        return "deadline"
    # A lone phrase closed by a full stop is a sentence, not a unit list.
    sentence_end = t.endswith(("。", "！", "；")) and len(t) > 5 and not re.search(r"[、，,；;]", t[:-1])
    # A lone name ending in a place word (…城镇, …新区) longer than a place name is a title.
    # A name that ends in a grassroots body (…社区) or holds a body before its place word
    # (…街道办事处三义街社区: a body's subdivision) is a unit, not a place.
    place_only = not re.search(r"[、，,；;（(]", t) and len(t) > 5 and t.endswith(_PLACE_ENDINGS) \
        and not t.startswith("各") and not t.endswith(_BODY_ENDINGS + _BODY_ZONES + _GRASSROOTS_BODIES) \
        and not any(b in t[:-2] for b in _BODY_ENDINGS)
    # A body's name ending in a post (各院院长, 区卫健委主任) names who holds the post: a person.
    if not re.search(r"[、，,；;\s]", t) and re.search(_POST + "$", t) and len(t) <= 14 \
            and (looks_like_unit(t) or looks_like_units_cell(t) or is_group_form(t)):
        return "person"
    if not sentence_end and not place_only and (looks_like_unit(t) or looks_like_units_cell(t) or is_group_form(t)):
        return "units"  # a cell alone is evidence enough for a group name (各业务警种)
    if _PERSON.match(t) and t[0] in L.COMMON_SURNAMES and not re.search(r"[局办委部室院厅处科所站队]$", t):
        return "person"
    if len(t) <= 14 and (m := _POST_PERSON.match(t)) and (m.group("a") or m.group("b"))[0] in L.COMMON_SURNAMES:
        return "person"
    if len(t) <= 24 and not re.search(r"[。；;！？]", t):
        return "title"
    return "sentence"


# compat[kind][type]: log-like scores; unknown pairs score -2.
_COMPAT: dict[str, dict[str, float]] = {
    "number": {"number": 3.0, "heading": 1.0, "year": 1.5, "units": -4.0, "sentence": -4.0},
    "units": {"units": 3.0, "title": -0.5, "person": -1.0, "sentence": -1.0},
    "people": {"person": 3.0, "title": 0.0, "units": -1.0},
    "deadline": {"deadline": 3.0, "year": 3.0, "title": -0.5, "sentence": -1.5},
    "task": {"title": 2.0, "heading": 1.0, "sentence": 0.5, "units": -0.5, "number": -3.0},
    "goal": {"title": 1.5, "heading": 2.5, "sentence": 0.0, "units": -1.0, "number": -3.0},
    "requirement": {"sentence": 2.5, "title": 1.0, "units": -1.5, "deadline": -1.0, "number": -3.0},
    "text": {"sentence": 1.5, "title": 1.0, "units": -0.5, "deadline": -0.5, "number": -3.0},
    "progress": {"sentence": 1.5, "title": 0.8, "units": -0.5, "deadline": -0.5, "number": -3.0},
    "remark": {"sentence": 1.0, "title": 1.0, "units": 0.0, "deadline": 0.0, "person": 0.0},
    "amount": {"number": 2.5, "year": 1.0, "title": 0.5, "sentence": -1.0, "units": -1.0},
    "place": {"title": 1.5, "units": 1.0, "sentence": 0.0, "number": -2.0},
}
# A mark for an empty cell (—, /, 无) fits a column often left empty, not a row's number or text.
for _kind in _COMPAT:
    _COMPAT[_kind]["none"] = -2.0 if _kind == "number" else -1.0 if _kind in ("requirement", "task", "goal") else 1.0
# A ditto word (同上) repeats the cell above: it fits a column whose cells repeat down the rows.
for _kind, _fit in (("units", 2.0), ("people", 1.5), ("deadline", 1.5), ("task", 1.0), ("goal", 1.0),
                    ("requirement", 0.0), ("text", 0.5), ("progress", 0.5), ("remark", 1.0), ("place", 1.0)):
    _COMPAT[_kind]["ditto"] = _fit
# Column kinds that are no part of the plan: their cells are kept as remarks.
OTHER_KINDS = ("progress", "text", "amount", "place")


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


def _headlines(left: list[str], right: list[str]) -> bool:
    """Whether the cells of ``left`` head those of ``right`` row by row: none closed by a
    full stop, and each at most half as long as the text beside it (a task of 25
    characters over a paragraph is still a task)."""
    pairs = [(clean_text(a), clean_text(b)) for a, b in zip(left, right) if clean_text(a) and clean_text(b)]
    if not pairs:
        return False
    heads = sum(1 for a, b in pairs if not a.endswith(("。", "；", "！")) and 2 * len(a) <= len(b))
    return heads >= 0.8 * len(pairs)


def _row_sentences(columns_text: list[list[str]], i: int) -> bool:
    """Column ``i`` holds a sentence on most rows: half its cells are long
    sentences, and it is filled on most rows that have any cell."""
    cells = columns_text[i]
    rows = sum(1 for j in range(len(cells)) if any(clean_text(col[j]) for col in columns_text if j < len(col)))
    return _sentences(cells) >= 0.5 and _share(cells, lambda c: len(c) > 12) >= 0.5 \
        and sum(1 for c in cells if clean_text(c)) >= 0.6 * max(1, rows)


def is_problem_header(header: str) -> bool:
    """A header that names the problems found (存在问题, 反馈问题, 问题表现, 问题描述, 问题清单:
    head noun 问题, ``labels.HEADER_GRAMMAR``)."""
    r = header_role(header) if clean_text(header) else None
    return r is not None and r.problem


DETAIL_KINDS = ("requirement", "task", "goal")


def problem_columns(kinds: Sequence[str], headers: Sequence[str]) -> tuple[list[str], int | None]:
    """A 整改清单: a problem column (``is_problem_header``) with no requirement, task or
    progress column left of it (a progress report lists its problems after its progress)
    is the requirement — the problem is the item to be done away with — and the
    requirement, task and goal columns right of it (整改措施, 整改任务, 整改目标) say what is
    done about it: text columns, kept as the requirement's detail (remark). Returns
    (kinds, the problem column or None)."""
    kinds = list(kinds)
    for i, header in enumerate(headers[:len(kinds)]):
        if not is_problem_header(header):
            continue
        if any(k in ("requirement", "task", "progress") for k in kinds[:i]):
            return kinds, None
        kinds[i] = "requirement"
        for j in range(i + 1, len(kinds)):
            if kinds[j] in DETAIL_KINDS:
                kinds[j] = "text"
        return kinds, i
    return kinds, None


def resolve_text_columns(kinds: list[str], columns_text: list[list[str]],
                         headers: Sequence[str] = ()) -> tuple[list[str], list[int]]:
    """Decide unknown or doubled text columns by their cells (header words
    alone cannot): of two requirement columns without a task column, the
    left one of short titles (or of headlines each at most half as long as
    the text beside it) is the task; with no requirement column, the
    first column of sentences right of the task column (or the only text
    column) is the requirement; an unknown column of short titles (or
    headlines) left of the task is the goal. A second task column counts as text; with no
    requirement column, a goal column of per-row sentences right of a titles column (工作类别 |
    具体工作目标), or in a table without a task column, is the requirement unless sentences
    stand right of it. A problem column (``problem_columns``, by its header ``headers``)
    comes first: it is the requirement, the measures beside it text. Returns (kinds,
    indexes decided by content)."""
    kinds, _ = problem_columns(kinds, headers)
    decided: list[int] = []
    # A 工作目标 column of per-row sentences (long, filled on most rows) beside a titles
    # column, or in a table with no task column, states each row's requirement, not a goal
    # over a group — unless sentences stand right of it (工作类别 | 具体工作目标 | 责任单位).
    if "requirement" not in kinds:
        goal_req = next((i for i, k in enumerate(kinds) if k == "goal" and _row_sentences(columns_text, i)
                         and ("task" not in kinds or any(
                             k2 in ("goal", "task", "text") and any(clean_text(c) for c in columns_text[j])
                             for j, k2 in enumerate(kinds[:i])))
                         and not any(k2 in ("task", "text") and _sentences(columns_text[j]) >= 0.5
                                     for j, k2 in enumerate(kinds) if j > i)), None)
        if goal_req is not None:
            kinds[goal_req] = "requirement"
            decided.append(goal_req)
    reqs = [i for i, k in enumerate(kinds) if k == "requirement"]
    if len(reqs) > 1 and "task" not in kinds \
            and (_titles(columns_text[reqs[0]]) >= 0.6 or _headlines(columns_text[reqs[0]], columns_text[reqs[1]])) \
            and _sentences(columns_text[reqs[1]]) >= 0.5:
        kinds[reqs[0]] = "task"
        decided.append(reqs[0])
    first_task = next((i for i, k in enumerate(kinds) if k == "task"), None)
    for i, k in enumerate(kinds):
        if k == "task" and i != first_task:
            kinds[i] = "text"
    if "requirement" not in kinds and first_task is not None \
            and not any(k == "text" and i > first_task and _sentences(columns_text[i]) >= 0.5
                        for i, k in enumerate(kinds)) \
            and _share(columns_text[first_task], lambda c: c.endswith(("。", "；", "！"))) >= 0.5:
        # 重点工作任务 holding whole sentences and no other column of sentences: the tasks
        # are the requirements themselves (a title has no full stop).
        kinds[first_task] = "requirement"
        decided.append(first_task)
        first_task = None
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
        body = next((i for i, k in enumerate(kinds) if k == "requirement"), anchor)
        if left and (_titles(columns_text[left[0]]) >= 0.8 or _headlines(columns_text[left[0]], columns_text[body])):
            kinds[left[0]] = "goal"
            decided.append(left[0])
    return kinds, decided


# ------------------------------------------------------------ labels in text
# A label in running text is a header word before a colon (牵头督查单位：…,
# 牵头科室（单位）：…, 【责任单位】…): read by the same grammar as a header cell.
LABEL_KINDS = ("units", "deadline", "people")
_LABEL_RUN = re.compile(r"[\u4e00-\u9fff]+(?:[（(][\u4e00-\u9fff]{1,4}[)）])?$")
_LABEL_MAX = 12
# A label ends at a colon, or at 为/是 (责任单位为市商务局).
_COLON = re.compile(r"\s*[：:]|(?<=[位门室处关体])(?:为|是)(?=[\u4e00-\u9fff])")
_COLON_START = re.compile(r"[\s：:为是]")  # where a _COLON match can start


@functools.lru_cache(maxsize=1 << 12)
def label_kind(word: str) -> str | None:
    """units / deadline / people for a label word, else None. An addressee
    (各单位, 局属各单位, 有关部门) is no label."""
    word = squeeze(word)
    if len(word) < 2 or "各" in word or word.startswith(("有关", "相关", "其他")):
        return None
    r = header_role(word)
    return r.kind if r is not None and r.kind in LABEL_KINDS else None


def _label_before(text: str, end: int, boundary: bool) -> int | None:
    """Start of the label word that ends at ``end`` (before a colon): the
    whole run of characters when it stands at a boundary and reads as a label,
    else its longest tail that starts with a role modifier or is an alias."""
    m = _LABEL_RUN.search(text, max(0, end - 24), end)
    if not m:
        return None
    start = m.start()
    # A run right after another label's colon is that label's value (张三牵头单位).
    at_boundary = start == 0 or not boundary or text[start - 1] in " \t　；;，,。.、（(【】)）!！?？"
    if start and text[start - 1] == "、" and (glued := _glued_tail(text, start, end)) is not None:
        return glued  # 局长责任科室： after 、 — the list's last name, then the label (a web page's glued <br>)
    if end - start <= _LABEL_MAX and at_boundary and label_kind(text[start:end]):
        # 医保办配合科室： (a space between them was dropped): the unit name ends the value
        # before; the label is the tail that names a role or is a known label.
        for i in range(start + 3, end - 1):
            if _known_label(text[i:end]) and looks_like_unit(text[start:i]):
                return i
        return start
    if (glued := _glued_tail(text, max(start, end - _LABEL_MAX), end)) is not None:
        return glued  # 责任科室：基层卫生科整改时限： — the value, then the next label
    for i in range(max(start, end - _LABEL_MAX), end - 1):
        if _known_label(text[i:end]):
            return i
    return None


def _known_label(word: str) -> bool:
    r = header_role(word)
    return bool(label_kind(word)) and (r is not None and r.exact or word.startswith(_MODIFIERS))


_VALUE_END = re.compile(r"(?:[月日前止底内]|坚持|完成)$")


def _glued_tail(text: str, start: int, end: int) -> int | None:
    """Where a label starts inside a run that continues a list (after 、): the
    tail of three or more characters that reads as a label, best when it is an
    alias or starts with a role modifier and when a unit name or a date stands before
    it (各临床科室时间节点, 纪检监察组整改时限, 局长责任科室, 市自然资源局进度要求,
    2025年底前督办领导)."""
    best: tuple[tuple[int, int, int], int] | None = None
    for i in range(start + 2, end - 2):
        word = text[i:end]
        if not label_kind(word):
            continue
        r = header_role(word)
        before = text[start:i]
        # a unit name before it, or a date (2025年底前督办领导：)
        score = 2 * (r is not None and r.exact or word.startswith(_MODIFIERS)) + (
            looks_like_unit(before) or bool(_VALUE_END.search(before)) and is_deadline_phrase(before))
        # Alike, a label of four characters (modifier + head: 办结时限, not 结时限 after 监测站办).
        key = (score, -abs(len(word) - 4), len(word))
        if score and (best is None or key > best[0]):
            best = (key, i)
    return best[1] if best else None


_MODIFIERS = tuple(sorted({*L.LABEL_LEAD_WORDS, *L.LABEL_ASSIST_WORDS, *L.RESPONSIBLE_HEADER_WORDS},
                          key=len, reverse=True))


def oversees(label: str) -> bool:
    """A units label that names the overseer, not a role (督办单位, 督导单位, 督查部门; not
    牵头督查单位, 督查责任单位)."""
    return any(w in label for w in L.LABEL_SUPERVISE_WORDS) and not modifier_role(label) and \
        not any(w in label for w in L.RESPONSIBLE_HEADER_WORDS)


def names_its_role(word: str) -> bool:
    """A units label that is sure of itself: an alias, or a role modifier
    before its head noun (落实单位, 主责部门, 协办科室)."""
    r = header_role(word)
    return r is not None and r.kind == "units" and (r.exact or squeeze(word).startswith(_MODIFIERS))


def find_labels(text: str, kinds: tuple[str, ...] = LABEL_KINDS) -> list[tuple[int, int, str]]:
    """Labels in ``text``: (start, end after the colon, label word), in order."""
    return list(_find_labels(text, kinds))


@functools.lru_cache(maxsize=1 << 14)  # a line and the item it opens are searched alike
def _find_labels(text: str, kinds: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    for m in _colons(text):
        start = _label_before(text, m.start(), True)
        if start is None:
            continue
        word = text[start:m.start()]
        if m.group(0) in ("为", "是") and start and text[start - 1] not in "。；;！!":
            continue  # 责任单位为X opens a sentence; 第一责任单位为牵头单位 inside one is a rule
        if label_kind(word) in kinds and (not out or start >= out[-1][1]):
            out.append((start, m.end(), word))
    return tuple(out)


def _colons(text: str) -> Iterator[re.Match[str]]:
    """``_COLON.finditer(text)``, tried only where a match can start (a space, a colon,
    为 or 是): one scan in C finds those, instead of trying the pattern at every character."""
    pos = 0
    while (c := _COLON_START.search(text, pos)) is not None:
        m = _COLON.match(text, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()


def _two_words(word: str) -> bool:
    """A word read by the grammar that is itself two header words of different
    kinds glued (落实单位进展情况: units + progress): the grammar saw only its tail."""
    r = header_role(word)
    if r is None or r.exact:
        return False
    for k in range(2, len(word) - 1):
        a, b = header_role(word[:k]), header_role(word[k:])
        if a is not None and b is not None and a.kind != b.kind and "text" not in (a.kind, b.kind):
            return True
    return False


@functools.lru_cache(maxsize=1 << 10)
def split_glued_header(text: str) -> tuple[str, ...] | None:
    """A header row whose words were glued together when the table was copied
    (实事内容工作任务责任单位进展情况 → 实事内容 | 工作任务 | 责任单位 | 进展情况):
    the split into three or more words each read as a header word, the one
    with the best words; None when the text is no such row."""
    t = squeeze(text)
    n = len(t)
    if n < 8 or n > 60 or not re.fullmatch(r"[\u4e00-\u9fff（）()]+", t):
        return None
    best: list[tuple[float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, ())
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 2, min(n, i + 10) + 1):
            word = t[i:j]
            score = header_score(word) - (1.0 if _two_words(word) else 0.0)
            if score < 2:
                continue
            cand = (best[i][0] + score - 2.5, best[i][1] + (word,))  # type: ignore[index]
            if best[j] is None or cand[0] > best[j][0]:  # type: ignore[index]
                best[j] = cand
    found = best[n]
    if found is None or len(found[1]) < 2:
        return None
    if len(found[1]) == 2:
        # Two words glued are a row only as the sub-headers of a spanning units word:
        # 牵头单位配合单位 (a units column each, with roles of their own).
        roles = [header_role(w) for w in found[1]]
        if not all(r is not None and r.kind == "units" and r.role for r in roles) \
                or len({r.role for r in roles if r}) < 2:
            return None
    # A line that reads whole as one header word of a known kind (年度目标任务落实情况: a
    # progress column, or a goal cell) is split only when the words name who does the work:
    # a table's header row has a units column, a long header cell has none.
    if header_score(t) >= 2 and not any(
            (r := header_role(w)) is not None and r.kind == "units" for w in found[1]):
        return None
    return found[1]
