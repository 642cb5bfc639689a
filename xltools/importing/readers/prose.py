"""Prose task lists: numbered items whose units follow them (the
work-points and division-plan documents: 工作要点, 分工方案, 责任分解).

Numbering levels, outermost first: ``一、`` > ``（一）`` > ``1.`` > ``（1）`` >
``①`` (with or without a space after the marker). Units come as

* labelled lines after an item: ``牵头单位：…`` ``责任单位：…``;
* a parenthesis closing the item, before or after the final 。:
  ``（A牵头，B、C按职责分工负责）``, ``（牵头单位：X）``; a deadline inside it
  (``…，6月底前完成``) goes to 完成时限; parentheses without units (文号,
  ``（试行）``, lists of things) stay in the text;
* one standalone line after a group of sub-items, applying to all of them
  (``（责任单位：…）`` after ``（1）…（4）``).

The items that carry units are the requirements. When most of them open
with a short title sentence (``1. 提升设立登记便利度。…``) each is a task
(title) with one requirement (the rest) and the heading above is its goal;
otherwise the heading above them is their task when it has a heading above
it in turn (the goal), else it is their goal and each item is a task.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from xltools import labels as L
from xltools.deadlines import deadline_words, document_deadline, find_deadline, is_deadline_phrase
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.columns import (DETAIL_KINDS, find_labels, header_role, is_problem_header, label_kind,
                                               label_role, modifier_role, names_its_role, oversees, squeeze)
from xltools.importing.readers.rows import Event, RawRow, SourceMeta
from xltools.importing.readers.unwrap import join_wrapped, running_heads
from xltools.text import clean_text, strip_trailing_punct
from xltools.importing.units import (jointly, looks_like_unit, looks_like_units_cell, parse_clause, parse_units,
                                     split_top_level)
from xltools.model import Role

_CN = L.CN_NUMERALS
_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"^([{_CN}]+)\s*[、，,．.]\s*")),
    (1, re.compile(rf"^[（(]\s*([{_CN}]+)\s*[)）]\s*[、.．]?\s*")),
    # Up to four digits: province tables number items past 999.
    (2, re.compile(r"^(\d{1,4})\s*(?:[、．]|\.(?!\d))\s*")),
    (3, re.compile(r"^[（(]\s*(\d{1,4})\s*[)）]\s*[、.．]?\s*|^(\d{1,4})\s*[)）]\s*")),
    (4, re.compile(r"^([①-⑳])\s*")),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Labels are read by their grammar (readers/columns.py: 牵头督查单位, 主要协作单位,
# 牵头科室（单位）, 责任领导, 完成时限 …), not looked up in a list.
_BOXED_LABEL = re.compile(r"【\s*([^【】\s]{2,14}?)\s*】\s*[：:]?")
_SENTENCE_END = tuple("。；;！!")
_CLOSED = ("。", "；", ";", ".", "）", ")")
_LABEL_ALONE = re.compile(r"^([\u4e00-\u9fff]{2,10}(?:[（(][\u4e00-\u9fff]{1,4}[)）])?)\s*[：:]$")
_PAGE_FOOTER = re.compile(r"^[\s—–\-－·_]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*共\s*\d{1,4}\s*页)?[\s—–\-－·_]*$")
# A contact field (a page's footer or a contact line): 联系电话：0571-…, 传真, 邮箱.
_CONTACT = re.compile(r"(?:联系)?电话\s*[：:]|传真\s*[：:]|邮箱\s*[：:]|E-?mail\s*[：:]|网站标识码|ICP", re.I)
_SEMICOLON_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*[；;]\s*")
# A numbering marker inside a line, after a space: items run together on one line.
_INLINE_MARKER = re.compile(rf"(?:\s+|(?<=[。；;）)〕】］\]」』！!？?：:]))(?=(?:\d{{1,3}}[.、．](?!\d)|[{_CN}]+、|[（(][{_CN}\d]{{1,3}}[)）]))")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［【(（]\s*20\d{2}\s*[〕\]］】)）]\s*\d+\s*号")
_TITLE_MAX = 30
_BODY_LOOKBACK = 12


@dataclass
class _Block:
    rank: float
    number: str
    head: str
    line: int
    parent: _Block | None = None
    body: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    children: list[_Block] = field(default_factory=list)
    labelled: list[tuple[str, str]] = field(default_factory=list)  # (label, units)
    wording: str | None = None  # units wording from a closing parenthesis
    paren_labelled: list[tuple[str, str]] = field(default_factory=list)
    deadline: str | None = None
    text: str = ""
    review: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    task_of: _Block | None = None  # the item whose units these sub-items share
    group: bool = False  # a heading that names the units of the items under it (社区（责任单位：X）)
    title: str | None = None  # a short title alone on the item's first line, its text below
    shared: list[tuple[str, str]] = field(default_factory=list)  # (role, units) a heading adds to its own

    @property
    def cooperating_only(self) -> bool:
        """Whether every unit the item names is a cooperating one (（信息科配合）, 配合单位：…)."""
        pairs = unit_pairs(self.labelled) or unit_pairs(self.paren_labelled)
        if pairs:
            return not self.wording and all(label_role(lab) == L.ROLE_ASSIST for lab, _ in pairs)
        found = parse_units(self.wording).units if self.wording else []
        return bool(found) and all(u.role is Role.ASSIST for u in found)

    @property
    def has_units(self) -> bool:
        return bool(self.wording or unit_pairs(self.labelled) or unit_pairs(self.paren_labelled))

    @property
    def heading(self) -> str:
        """The heading's name: its first sentence when a description follows
        (（一）产业提升人才行动计划。围绕… → 产业提升人才行动计划)."""
        head = clean_text(self.head)
        if self.body and len(head) >= 16 and not head.endswith(_CLOSED + ("，", ",", "：", ":")) \
                and len(clean_text(self.body[0])) <= 12:
            head += clean_text(self.body[0])  # a heading cut by the page width (…的全面 / 领导)
        m = re.match(r"^([^。！？!?；;]{2,40})[。！？!?；;]\s*\S", head)
        return strip_trailing_punct(m.group(1) if m else head)


_OWN_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{2,6})\s*[：:]\s*")


def _without_own_label(text: str) -> str:
    """A requirement opened by a label of its own column (具体要求：…, 工作措施：…) without it."""
    m = _OWN_LABEL.match(text)
    if m and text[m.end():].strip() and (r := header_role(m.group(1))) is not None \
            and r.kind in ("requirement", "task"):
        return text[m.end():]
    return text


# A labelled part after a sentence of the item (…。整改措施：…).
_DETAIL_LABEL = re.compile(r"(?<=[。；;！!？?])\s*([\u4e00-\u9fff]{2,6})\s*[：:]\s*(?=\S)")


def problem_detail(text: str, first_line: str) -> tuple[str, str] | None:
    """A 整改清单 item: a problem, then its measure under a label of the requirement's kind
    (…。整改措施：… / 整改要求：…). As in a table (``columns.problem_columns``) the problem is
    the requirement and the measure its detail — when the item names a problem (opened by a
    numbered problem noun, 问题1：) or the label is a rectification's (整改 before its head:
    the measure presupposes the problem). Returns (problem, detail as a remark) or None."""
    for m in _DETAIL_LABEL.finditer(text):
        label = m.group(1)
        r = header_role(label)
        if r is None or r.kind not in DETAIL_KINDS:
            continue
        noun = _NOUN_NUMBER.match(first_line.strip())
        problem = text[:m.start()].rstrip()
        if len(problem) < 4 or not (any(w in label for w in L.RECTIFY_WORDS)
                                    or noun is not None and is_problem_header(noun.group(1))):
            return None
        return problem, L.REMARK_FORMAT.format(header=label, value=text[m.end():].strip())
    return None


def unit_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The labelled pairs that name units (not deadline, not people)."""
    return [(lab, v) for lab, v in pairs if label_kind(lab) == "units"]


def without_overseers(pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[str]]:
    """An item's labelled units without those of an overseeing label (督办单位：市政府督查室)
    when another units label names the assignees (承办单位：…): (pairs, remarks)."""
    over = [(lab, v) for lab, v in pairs if oversees(lab)]
    if not over or len(over) == len(pairs):
        return pairs, []
    return [p for p in pairs if p not in over], [L.REMARK_FORMAT.format(header=lab, value=v) for lab, v in over]


def people_notes(pairs: list[tuple[str, str]]) -> list[str]:
    return [L.REMARK_FORMAT.format(header=lab, value=v) for lab, v in pairs if label_kind(lab) == "people"]


def deadline_of(pairs: list[tuple[str, str]]) -> str | None:
    return next((v for lab, v in pairs if label_kind(lab) == "deadline"), None)


# Items labelled by a numbered noun: 第N章 / 第N条 (regulation style, the unit word giving the
# level) and a noun with its number before a colon (问题1： 督办事项一：) or a space (任务三 ).
# (The space after 第一条 is often gone: clean_text drops a space between two Chinese characters.)
_ARTICLE = re.compile(rf"^第\s*([{_CN}]{{1,4}}|\d{{1,3}})\s*(?:(部分|编|章|节|条)(?:\s*[：:、．.]\s*|\s*)|(款|项)(?:\s*[：:、．.]\s*|\s+))")
_ARTICLE_RANK = {"部分": -0.5, "编": -0.5, "章": 0, "节": 0.5, "条": 0.8, "款": 0.9, "项": 0.9}
# (A space ends the label only after a Chinese numeral: 建成 5 个 is a wrapped sentence.)
_NOUN_NUMBER = re.compile(rf"^((?:(?![{_CN}第])[\u4e00-\u9fff]){{1,6}})\s*(?:[（(]?([{_CN}]{{1,3}}|\d{{1,3}})[)）]?\s*[：:]\s*|([{_CN}]{{1,3}})\s+)(?=\S)")
_NOUN_RANK = 1.5  # below （一）, above 1.: the list's own items


def _noun_marker(line: str) -> tuple[float, str, str] | None:
    """第一条　… / 问题1：… / 督办事项一：…: an item opened by a numbered noun phrase
    (not a label such as 责任单位：, not 附件1：)."""
    m = _ARTICLE.match(line)
    if m:
        return _ARTICLE_RANK[m.group(2) or m.group(3)], m.group(1), line[m.end():]
    m = _NOUN_NUMBER.match(line)
    if m is None or label_kind(m.group(1)) or any(w in m.group(1) for w in L.LIST_HEADING_STOP_WORDS):
        return None
    return _NOUN_RANK, m.group(2) or m.group(3), line[m.end():]


def _marker(line: str) -> tuple[float, str, str] | None:
    noun = _noun_marker(line)
    if noun is not None and noun[2]:
        return noun
    for rank, pattern in _MARKERS:
        m = pattern.match(line)
        if m and m.end() < len(line):
            number = next(g for g in m.groups() if g)
            if number in _CIRCLED:
                number = str(_CIRCLED.index(number) + 1)
            return rank, number, line[m.end():]
    return None


def opens_item(line: str) -> bool:
    """Whether ``line`` opens a numbered item (一、 （一） 1. （1） ① 第一条 问题1：)."""
    return _marker(line.strip()) is not None


# Brackets that may close an item with its units: （） () 〔〕 【】 [].
_CLOSERS = {")": "(（", "）": "(（", "〕": "〔", "】": "【", "]": "[［"}


def _matching_open(text: str, close_at: int) -> int:
    closers = "".join(c for c, o in _CLOSERS.items() if o == _CLOSERS[text[close_at]])
    openers = _CLOSERS[text[close_at]]
    depth = 0
    for i in range(close_at, -1, -1):
        ch = text[i]
        if ch in closers:
            depth += 1
        elif ch in openers:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _unwrap(line: str) -> str:
    """A labelled line without its closing punctuation and, when the whole line
    is in brackets, without them (a bracket inside a unit name stays)."""
    s = line.strip().rstrip("。；;. ")
    if s[-1:] in _CLOSERS and _matching_open(s, len(s) - 1) == 0:
        s = s[1:-1]  # （…） 〔…〕 【…】 round the whole line
    return s.strip("。；;. ")


def split_labelled(inner: str) -> list[tuple[str, str]]:
    """Split labelled units into (label, units) pairs, e.g.
    ``牵头单位：A；配合单位：B``."""
    found = find_labels(inner)
    if not found and (m := _SEMICOLON_LABEL.match(inner)) and names_its_role(m.group(1)):
        inner = m.group(1) + "：" + inner[m.end():]  # 责任单位；住建局 — a colon mistyped
        found = find_labels(inner)
    if not found or found[0][0] != 0:
        return []
    out = []
    for (_, end, label), nxt in zip(found, found[1:] + [None]):
        value = inner[end: nxt[0] if nxt else len(inner)].strip(" ；;，,。")
        while value and value[-1] in _CLOSERS and not _balanced(value):
            value = value[:-1].rstrip(" ；;，,。")  # the bracket the units stood in (…区统计局〕)
        if value:
            out.append((squeeze(label), value))
    return out


def _inline_labels(full: str) -> tuple[int, list[tuple[str, str]]] | None:
    """Units labelled at the end of the item's own text, after a sentence end
    (…工作。责任单位：市财政局) → (where they start, pairs)."""
    for start, _, label in find_labels(full, ("units", "deadline", "people")):
        # After a sentence end, or after the closing bracket of the item's units (…）时间节点：全年).
        head = full[:start]
        if head.rstrip().endswith(_SENTENCE_END + tuple(_CLOSERS)) and _balanced(head):
            pairs = split_labelled(full[start:])
            return (start, pairs) if pairs else None
    return None


def _balanced(text: str) -> bool:
    """Whether every bracket opened in ``text`` is closed (a label inside an
    open bracket belongs to the bracket, not to the item's end)."""
    return sum(text.count(c) for c in "（(〔【[［") == sum(text.count(c) for c in "）)〕】]］")


def units_parenthesis(text: str) -> tuple[str, str, list[tuple[str, str]], str | None] | None:
    """A parenthesis closing ``text`` that names units — or a run of them, one
    naming the units and one the deadline (〔责任单位：…〕〔时间节点：…〕, in either order).

    Returns (text without it, units wording, labelled units, deadline) or
    None when the text does not end with a units parenthesis.
    """
    found = _one_parenthesis(text)
    if found is None:
        return None
    rest, wording, labelled, deadline = found
    if rest.rstrip()[-1:] in _CLOSERS:
        more = _one_parenthesis(rest)
        if more is not None and (bool(wording or labelled) != bool(more[1] or more[2])) \
                and not (deadline and more[3]):
            return (more[0], wording or more[1], labelled or more[2], deadline or more[3])
    return found


def _one_parenthesis(text: str) -> tuple[str, str, list[tuple[str, str]], str | None] | None:
    stripped = text.rstrip()
    tail = ""
    while stripped and stripped[-1] in "。.；;":
        tail = stripped[-1] + tail
        stripped = stripped[:-1].rstrip()
    if not stripped or stripped[-1] not in _CLOSERS:
        return None
    start = _matching_open(stripped, len(stripped) - 1)
    if start <= 0:
        return None
    inner = clean_text(stripped[start + 1:-1])
    before = stripped[:start].rstrip()
    pairs = split_labelled(inner)
    deadline = deadline_of(pairs)
    labelled = unit_pairs(pairs)
    wording = ""
    if labelled:
        labelled += [(lab, v) for lab, v in pairs if label_kind(lab) == "people"]
    if not labelled and deadline is None:
        clauses = split_top_level(inner, "，,；;")
        keep = []
        for clause in clauses:
            # （区发改牵头，…；区领导：王志远）: a labelled people part goes to 备注, never units.
            person = re.match(r"^([^：:]{1,8})[：:](.+)$", clause.strip())
            if person and label_kind(person.group(1)) == "people":
                labelled.append((person.group(1), person.group(2).strip()))
            elif _is_timing(clause) and not looks_like_units_cell(clause):
                deadline = clause
            else:
                keep.append(clause)
        wording = "，".join(keep)
        if not wording or not looks_like_units_cell(wording):
            return None
    rest = before + (tail if not before.endswith(("。", "；")) else "")
    return rest, wording, labelled, deadline


_VERB_ALT = "|".join(map(re.escape, sorted(L.VERB_ROLE_WORDS, key=len, reverse=True)))
_BY_UNITS = re.compile(rf"由([^，,。；;：:！!？?]{{2,120}}?)({_VERB_ALT})")
# A descriptor before the names (由包片单位县气象局负责): it ends in a head noun.
_ROLE_AFTER = re.compile(rf"(?:{_VERB_ALT})$")
_DESCRIPTOR = re.compile(r"^[^、]*?(?:单位|部门)(?=[^、]{2,})")


# The role phrase of a clause that is nothing but units and their role: 负责, 牵头, 负责落实,
# 具体实施, 配合, 共同推进 … (an adverb, role verbs, an optional 工作).
_ROLE_ONLY = re.compile(rf"^(?:具体|共同|分别|主要|按职责分工|按职责|各自)?(?:(?:{_VERB_ALT}|负总责|实施|推进|协同|参与)){{1,3}}(?:工作)?$")


# A scope word naming the items above (以上两项, 上述工作, 以上3项任务).
_SCOPE = re.compile(rf"^(?:以上|上述|上列)(?:([{_CN}两\d]{{1,3}})项)?(?:工作|事项|任务|项目|各项)?\s*[，,]?\s*(?=由|\S)")


# The tail that closes a list of units before its role phrase (…等部门, …等相关单位, …等).
_LIST_TAIL = re.compile(r"^等(?:[\u4e00-\u9fff]{0,6}?(?:部门|单位|机构))?")


def _role_clause(clause: str) -> bool:
    """A clause that is a list of units followed by a role phrase and nothing else
    (刑侦大队负责落实, 刑侦大队、网安大队配合) — not a sentence that merely names a
    body (区教育局召开…, 各单位要高度重视)."""
    if len(clause) > 80 or not looks_like_units_cell(clause):
        return False
    names, role, rest = parse_clause(clause)
    rest = _LIST_TAIL.sub("", rest)  # X、Y等部门按职责分工负责
    # A work verb alone (平台推进, 项目实施) names no role: only after a role verb or an adverb.
    return bool(names) and bool(_ROLE_ONLY.match(rest)) and rest not in _WORK_VERBS


_WORK_VERBS = ("实施", "推进", "实施工作", "推进工作")


_AS_ROLE = re.compile(r"作为|为|是")
_ROLE_VERB = {L.ROLE_LEAD: "牵头", L.ROLE_ASSIST: "配合", L.ROLE_RESPONSIBLE: "负责"}


def _as_role(clause: str) -> str:
    """``X为牵头单位`` / ``X、Y作为配合部门`` (units named as a units label) → the role
    clause ``X牵头`` the units grammar reads; other clauses unchanged."""
    for m in reversed(list(_AS_ROLE.finditer(clause))):
        names, label = clause[:m.start()], clause[m.end():]
        if 2 <= len(label) <= 12 and label_kind(label) == "units" and names and looks_like_units_cell(names):
            return names + _ROLE_VERB.get(label_role(label), "负责")
    return clause


_LEADING_ROLE = re.compile(rf"^(?:{_VERB_ALT})")


_TOGETHER = re.compile(r"^(?:会同|协同|联合|同)(?=\S)")


def _together(clause: str) -> str | None:
    """A clause that goes on from a lead clause with who acts with it
    (``X牵头，会同Y、Z共同落实``) → the role clause ``Y、Z配合``; None for any other."""
    m = _TOGETHER.match(clause)
    if m is None:
        return None
    names, _, rest = parse_clause(clause[m.end():])
    if not names or not looks_like_units_cell("、".join(names)) or rest and not _ROLE_ONLY.match(rest):
        return None
    return "、".join(names) + "配合"


def _role_led(clause: str) -> str | None:
    """A clause of units whose role verb goes on with the work they do
    (``各社区负责入户动员``, ``X牵头组织实施``) → the role clause ``各社区负责``;
    None for any other clause."""
    if len(clause) > 80 or not looks_like_units_cell(clause):
        return None
    names, role, rest = parse_clause(clause)
    m = _LEADING_ROLE.match(rest)
    if not names or role is None or m is None:
        return None
    return clause[:len(clause) - len(rest)] + m.group(0)


def bare_verb_units(text: str) -> list[str]:
    """Units named by role clauses without 由 (``…，刑侦大队负责落实，各派出所配合。``,
    ``执行局负责，各基层法院配合，每季度末…``): in each sentence, the clauses that
    are only units and a role phrase (or name them as a units label: ``X为牵头单位``),
    the run that opens with the first of them. Inside the run, a clause of units whose
    role verb goes on with their work (``X牵头，Y配合，各社区负责入户动员``) names
    its units too — never on its own, only beside a clause that is nothing but a role."""
    out: list[str] = []
    for sentence in re.split(r"[。！!？?]", text):
        clauses = [_as_role(c) for whole in split_top_level(sentence, "，,；;") for c in jointly(whole) or (whole,)]
        read = [_together(c) or (c if _role_clause(c) else _role_led(c)) for c in clauses]
        for i, clause in enumerate(clauses):
            if not _role_clause(clause):
                continue
            start = i
            while start > 0 and read[start - 1] is not None:
                start -= 1  # X负责统筹，Y配合: the run opens before the first bare role
            end = i
            while end + 1 < len(read) and read[end + 1] is not None:
                end += 1
            out.extend(r for r in read[start:end + 1] if r is not None)
            break
    return out


def verb_units(text: str) -> list[str]:
    """Units named by a role verb in running text: ``由X负责…`` → ``X负责``
    (a wording the units grammar reads with its role); a descriptor before
    the names (由包片单位县气象局负责) is left out. Without any 由, clauses that
    are only units and their role count (``bare_verb_units``)."""
    out = []
    for m in _BY_UNITS.finditer(text):
        names = m.group(1)
        desc = _DESCRIPTOR.match(names)
        if desc and looks_like_units_cell(names[desc.end():]):
            names = names[desc.end():]
        if looks_like_units_cell(names):
            out.append(names + m.group(2))
            # …，Y、Z配合。: the clauses that go on naming units in the same sentence.
            rest = re.split(r"[。！!？?]", text[m.end():], maxsplit=1)[0]
            for clause in split_top_level(rest, "，,；;")[1:] if rest[:1] not in "，,；;" else \
                    split_top_level(rest, "，,；;"):
                if (joint := _together(clause)) is not None:
                    out.append(joint)  # …，会同Z共同落实
                elif looks_like_units_cell(clause) and _ROLE_AFTER.search(clause):
                    out.append(clause)
                elif (led := _role_led(clause)) is not None:
                    out.append(led)  # …，Z负责入户动员
                else:
                    break
    return out or bare_verb_units(text)


def _cadence_after(text: str, wording: str) -> str | None:
    """A sentence's last clause right after its role clauses, when it is only a time wording
    (…由X负责，Y配合，长期坚持。 / …X牵头，按季度推进。): the item's deadline."""
    at = text.rfind(wording)
    if at < 0:
        return None
    rest = re.split(r"[。！!？?]", text[at + len(wording):], maxsplit=1)[0]
    clauses = [c.strip() for c in split_top_level(rest, "，,；;") if c.strip()]
    if len(clauses) == 1 and deadline_words(clauses[0]) == clauses[0]:
        return clauses[0]
    if len(clauses) == 1 and len(clauses[0]) <= _TIMED_CLAUSE_MAX and _opens_with_time(clauses[0]):
        return clauses[0]  # …Y配合，10月底前完成。 / …负责落实，每季度末报送完成情况。: the clause whole
    return None


_TIMED_CLAUSE_MAX = 12


def _opens_with_time(clause: str) -> bool:
    """Whether a clause opens with a deadline or a cadence (10月底前完成, 每季度末报送…)."""
    found = find_deadline(clause, None)
    words = deadline_words(clause)
    return bool(found and found.text and clause.startswith(found.text)
                or words and clause.startswith(words))


def _names_only(text: str) -> bool:
    """Whether a units wording names units and their roles and nothing else: no
    clause goes on with other work after its names (各部门要按月报送进展 is a sentence)."""
    for clause in split_top_level(text, "，,；;。"):
        _, role, rest = parse_clause(clause)
        rest = _LIST_TAIL.sub("", rest)
        if rest and not (_ROLE_ONLY.match(rest) or _LEADING_ROLE.match(rest)):
            return False
    return True


_LEADING_NAMES = re.compile(r"^([^：:。；;！!？?]{2,60}?)\s*[：:]\s*(?=\S)"
                            r"|^[【〔［\[]([^【】〔〕［］\[\]：:。；;]{2,60})[】〕］\]]\s*(?=\S)")


def leading_units(text: str) -> tuple[str, str] | None:
    """An item that opens with its units and a colon, or with its units in a
    bracket, the work after it (1.区住建局：完成老旧小区改造56个, 2.【县种子站】推广…)
    → (text, units); None when the words before the colon are a label (责任单位：)
    or no list of units."""
    m = _LEADING_NAMES.match(text)
    if m is None:
        return None
    names = (m.group(1) or m.group(2)).strip()
    if label_kind(names) or find_labels(names + "：") or not looks_like_units_cell(names) \
            or not _names_only(names):
        return None
    return text[m.end():].strip(), names


def trailing_units(text: str) -> tuple[str, str] | None:
    """An item that ends with its units after its last sentence, no label and
    no brackets (…全程网办。县政务服务中心、县数据局) → (text, units); None
    when the last sentence is no units wording."""
    body = text.rstrip("。；; ")
    cut = max(body.rfind(ch) for ch in "。；;！!")
    if cut <= 0:
        return None
    tail = body[cut + 1:].strip()
    if not tail or len(tail) > 120 or not looks_like_units_cell(tail) or not _names_only(tail):
        return None
    return body[:cut + 1], tail


_BARE_YEAR = re.compile(r"^20\d{2}\s*年?度?$")


def _is_timing(clause: str) -> bool:
    """Whether a clause beside the units is their deadline: a deadline wording, or a bare
    year (（教体局，2024）: the year the item is due)."""
    return bool(find_deadline(clause, None) or deadline_words(clause) or is_deadline_phrase(clause)
                or _BARE_YEAR.match(clause.strip()))


def split_units_deadline(text: str) -> tuple[str, str | None]:
    """A units wording with a deadline in it → (units, deadline), e.g.
    ``市财政局，6月底前完成`` or ``市财政局（6月底前完成）``."""
    text = clean_text(text)
    deadline = None
    m = re.search(r"[（(]([^（()）]*)[)）]\s*[。；;]?$", text)
    if m and (find_deadline(m.group(1), None) or deadline_words(m.group(1))) and \
            not looks_like_units_cell(m.group(1)):
        deadline, text = m.group(1), text[:m.start()].rstrip()
    keep = []
    for clause in split_top_level(text, "，,；;"):
        if _is_timing(clause) and not looks_like_units_cell(clause):
            deadline = deadline or clause
        else:
            keep.append(clause)
    return ("，".join(keep), deadline) if deadline else (text, None)


def choose_title(candidates: list[str]) -> str:
    """The document title among the lines above the table."""
    # A breadcrumb (首页 >> 专题专栏 >> …) is page chrome, not a title.
    cands = [c for c in candidates if 4 <= len(c) <= 80 and not any(
        c.startswith(w) for w in L.PAGE_CHROME) and not re.search(r">>|＞＞|»|›", c)
        and not (c.endswith("文件") and len(c) <= 30)]  # the masthead 某某人民政府文件
    titled = [c for c in cands if any(w in c for w in L.TITLE_WORDS)]
    if titled:
        return strip_trailing_punct(titled[0])
    return strip_trailing_punct(cands[0]) if cands else ""


def _cut_titles(lines: list[str]) -> list[str]:
    """Preamble lines with a title the page (or a centred two-line layout) cut
    put back together: a line without sentence punctuation that leaves 《 〈 （ “
    open goes on with the next such lines until it closes (…印发《2024年全市
    数字政府建设 / 工作要点》的通知)."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        line, j = lines[k], k + 1
        while j < len(lines) and j - k < 3 and _opens_quote(line) and not re.search(r"[。；;：:]", line + lines[j]):
            line, j = line + lines[j], j + 1
        out.append(line)
        k = j
    return out


def _opens_quote(text: str) -> bool:
    return any(text.count(a) > text.count(b) for a, b in ("《》", "〈〉", "（）", "“”"))


def year_of(text: str) -> int | None:
    m = re.search(r"(20\d{2})\s*年", text)
    return int(m.group(1)) if m else None


# A title of two short parallel phrases (坚持优先发展教育，提高全民素质).
_PAIRED_TITLE = re.compile(r"^[\u4e00-\u9fff“”]{4,12}[，,][\u4e00-\u9fff“”]{4,12}$")


def _title_split(text: str) -> tuple[str, str] | None:
    m = re.match(r"^([^。！？!?；;]{2,%d})[。！？!?]\s*(\S.*)$" % _TITLE_MAX, text)
    if not m or re.search(r"[：:]", m.group(1)) or len(m.group(2)) < 4 or \
            re.search(r"[，,]", m.group(1)) and not _PAIRED_TITLE.match(m.group(1)):
        return None
    if re.match(r"^[\u4e00-\u9fff]{2,8}[：:]", m.group(2)):
        return None  # 问题。整改要求：… — a labelled part of the item follows, not its body
    if _only_roles(m.group(2)):
        return None  # 开展专项检查。X牵头，Y配合: the sentence is the requirement, the rest its units
    return m.group(1), m.group(2)


def _only_roles(text: str) -> bool:
    """Whether ``text`` only names units with their roles (``X牵头，Y配合。``,
    ``由X负责，Y协助，Z具体落实。``)."""
    clauses = [c for c in split_top_level(re.sub(r"[。！!？?]", "，", text), "，,；;") if c.strip()]
    read = [_as_role(re.sub(r"^由", "", c.strip())) for whole in clauses for c in jointly(whole) or (whole,)]
    return bool(read) and all(_role_clause(c) or _role_led(c) is not None for c in read)


# A title line: short, no sentence punctuation; 类别：领导信息 names the title after its label.
_TITLE_LINE = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}[：:])?([^。；;，,：:！？!?]{2,18})$")
_LONG_TITLE_LINE = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}[：:])?([^。；;，,：:！？!?]{2,30})$")


def _line_title(block: _Block) -> str | None:
    """The title of an item whose first line is a short title alone and whose
    text follows on lines of its own (（一）信息类别：领导信息 / 公开本级…)."""
    if not block.body or block.children:
        return None
    m = _TITLE_LINE.match(clean_text(block.head))
    body = clean_text("".join(block.body))
    if m is None and _without_own_label(body) != body:
        # the text below opens with its own label (督查内容：…): a longer first line is its title
        m = _LONG_TITLE_LINE.match(clean_text(block.head))
    if m is None or len(body) < 12 or units_parenthesis(clean_text(block.head)) or \
            split_labelled(_unwrap(block.head)) or _marker(body) is not None:
        return None
    return strip_trailing_punct(m.group(1))


def _task_name(block: _Block) -> str:
    """A heading item's name: its title sentence, without units or intro text."""
    text = block.text or block.heading
    split = _title_split(text)
    return strip_trailing_punct(split[0] if split else text)


def _wrappers(blocks: list[_Block], bearing: list[_Block]) -> set[int]:
    """Top-level headings that only wrap the task list (二、主要任务 between
    一、总体要求 and 三、保障措施): the one top-level block holding every item
    with units, two levels deep, beside top-level blocks without any."""
    def root(b: _Block) -> _Block:
        while b.parent is not None:
            b = b.parent
        return b

    roots = [b for b in blocks if b.parent is None]
    holding = {id(root(b)) for b in bearing}
    if len(holding) != 1 or len(roots) < 2:
        return set()
    top = next(b for b in roots if id(b) in holding)
    deep = any(c.children for c in top.children) and all(b.parent is not top for b in bearing)
    return {id(top)} if deep else set()


def split_run_together(line: str) -> list[str]:
    """A line holding several numbered items run together (a page saved as one
    paragraph: ``一、重点督办事项 1.… 2.…``): split before each marker whose
    number goes on from an earlier one of its kind (1 after a heading, n+1
    after n); other lines are returned whole."""
    if len(line) < 60 or _field_value_parts(line):
        return [line]
    cuts: list[int] = []
    last: dict[float, int] = {}
    ever: dict[float, int] = {}  # the last number of each kind, also under an earlier heading
    first = _marker(line)
    if first is not None and (n := _number_value(first[1])) is not None:
        last[first[0]] = ever[first[0]] = n
    for m in _INLINE_MARKER.finditer(line):
        mk = _marker(line[m.end():])
        n = _number_value(mk[1]) if mk else None
        if mk is None or n is None:
            continue
        # 1 after a heading, n+1 after n — also numbered on across headings (（二） 3.).
        if n == 1 or last.get(mk[0]) == n - 1 or mk[0] not in last and ever.get(mk[0]) == n - 1:
            cuts.append(m.end())
            last[mk[0]] = ever[mk[0]] = n
            for deeper in [r for r in last if r > mk[0]]:
                del last[deeper]  # a new heading restarts the numbering under it
    if len(cuts) < 2:
        return [line]
    return [p.strip() for p in (line[a:b] for a, b in zip([0] + cuts, cuts + [len(line)])) if p.strip()]


def _close_sub_items(blocks: list[_Block]) -> None:
    """Units that end an item's last sub-item ((3)…。【责任部门：X】) close the item's group
    when the item and the sub-items before them name none while the items beside it each end
    with their own: the run of unit-less sub-items before the last gets them too (noted),
    as from a line standing after the group."""
    roots = [r for r in blocks if r.parent is None]
    for b in blocks:
        kids = [c for c in b.children if c.rank == b.children[-1].rank] if b.children else []
        if len(kids) < 2 or b.has_units or b.group or not kids[-1].has_units or kids[-1].children:
            continue
        peers = [p for p in (b.parent.children if b.parent else roots) if p is not b and p.rank == b.rank]
        if not peers or sum(1 for p in peers if p.has_units) * 2 < len(peers):
            continue
        last = kids[-1]
        run = []
        for c in reversed(kids[:-1]):
            if c.has_units or c.children:
                break
            run.insert(0, c)
        if not run:
            continue
        written = last.wording or "；".join(f"{lab}：{v}" for lab, v in unit_pairs(last.labelled or last.paren_labelled))
        for c in run + [last]:
            if c is not last:
                c.labelled, c.paren_labelled, c.wording = list(last.labelled), list(last.paren_labelled), last.wording
                c.deadline = c.deadline or last.deadline
            c.review.append((L.REVIEW_UNITS, L.NOTE_GROUP_UNITS.format(units=written, count=len(run) + 1)))


def _field_value_parts(line: str) -> bool:
    """A line that opens with a label of the requirement's kind, no item number before it
    (整改措施：1.…；2.…；3.…): its numbers are the parts of one field's value, not items."""
    m = _OWN_LABEL.match(line)
    return m is not None and _marker(line) is None and (r := header_role(m.group(1))) is not None \
        and r.kind == "requirement" and _marker(line[m.end():]) is not None


def _marker_text(block: _Block) -> str:
    """How a block's number reads in the source (一、 （二） 3. 第四条)."""
    source = clean_text(block.sources[0]) if block.sources else ""
    head = clean_text(block.head)
    at = source.find(head[:8]) if head else -1
    return source[:at].strip() if at > 0 else block.number


def _number_value(number: str) -> int | None:
    from xltools.importing.builder import parse_number

    return parse_number(number)


def _group_heading(line: str, next_line: str
                   ) -> tuple[float, str, list[tuple[str, str]], str, str | None] | None:
    """A line without a number that names a group and its units once, right
    before the group's first item (三义街社区（责任单位：…）, 胜利街道办：（责任单位：…）):
    (rank just above the items, name, labelled units, units wording, deadline given
    with them); None for any other line."""
    nxt = _marker(next_line)
    if _marker(line) is not None or nxt is None or nxt[1] not in ("1", "一"):
        return None
    found = units_parenthesis(line)
    if found is None:
        return None
    rest, wording, labelled, deadline = found
    name = rest.strip().rstrip("：:，, ")
    if not name or len(name) > 30 or re.search(r"[。；;]", name) or not (wording or unit_pairs(labelled)):
        return None
    # A name, not fields or page chrome (发布时间：2024年2月6日　来源：办公室（党委办公室）).
    if re.search(r"[：:]", name) or any(name.startswith(w) for w in L.PAGE_CHROME):
        return None
    return nxt[0] - 0.5, name, labelled, wording, deadline


def _among_items(heading: _Block, blocks: list[_Block]) -> bool:
    """Whether a heading stands beside items of its own level that carry units
    themselves (1. over （1）（2） next to 2.…（责任单位：…）): then it is one of those
    items, a task whose sub-items are its requirements."""
    siblings = heading.parent.children if heading.parent else [b for b in blocks if b.parent is None]
    return any(s is not heading and s.rank == heading.rank and s.has_units and not s.children
               for s in siblings)


def _has_units_above(block: _Block) -> bool:
    p = block.parent
    while p is not None:
        if p.has_units:
            return True
        p = p.parent
    return False


def _section_heading(block: _Block) -> bool:
    head = block.heading
    if any(head == w or head.endswith(w) and len(head) <= len(w) + 2 for w in L.SECTION_WORDS):
        return True
    # 职责分工, 主要举措: a generic modifier and a head noun naming a part of the document.
    return any(head.endswith(h) and head[:-len(h)] in L.SECTION_MODIFIERS for h in L.SECTION_HEADS)


# A short heading over the whole list, alone on the line before its first item (存在问题：).
_LIST_HEADING = re.compile(r"^([\u4e00-\u9fff]{2,10})\s*[：:]$")


def _list_heading(preamble: list[tuple[int, str]], first_line: int) -> str | None:
    """The name of the list when the line right before its first item is a
    short heading ending in a colon that is no label (not 附件：, not 责任单位：,
    not 通知如下：): the goal of the top-level items."""
    if not preamble or not first_line:
        return None
    line_no, line = preamble[-1]
    m = _LIST_HEADING.match(line)
    if m is None or line_no >= first_line or label_kind(m.group(1)) or \
            any(w in m.group(1) for w in L.LIST_HEADING_STOP_WORDS):
        return None
    return m.group(1)


def _document_deadline(events: list[Event], paragraphs: list[str]) -> tuple[list[Event], list[tuple[str, str, int | None, str]]]:
    """A deadline set once for every item in the opening or closing paragraph
    (并于5月20日前将问题整改完成) goes to each item without one of its own; the
    scope is a reading, so it is on 待核对 once."""
    from dataclasses import replace

    found = document_deadline(paragraphs)
    if found is None:
        return events, []
    out: list[Event] = []
    given = 0
    for e in events:
        if isinstance(e, RawRow) and not e.deadline and find_deadline(e.requirement, None) is None:
            e = replace(e, deadline=found)
            given += 1
        out.append(e)
    source = next(p for p in paragraphs if found in p)
    return out, ([(L.REVIEW_DEADLINE, L.NOTE_DOCUMENT_DEADLINE.format(text=found, count=given), None, source)]
                 if given else [])


class _Parser:
    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.stack: list[_Block] = []
        self.preamble: list[tuple[int, str]] = []
        self.skipped: list[tuple[int, str]] = []
        self.review: list[tuple[str, str, int | None, str]] = []
        self.last_units_target: list[_Block] | None = None
        self.open_units: tuple[list[_Block], tuple[str, str]] | None = None
        self.pending_label: str | None = None  # a label alone on its line, its value below

    def open_group(self, line_no: int, line: str, rank: float, name: str,
                   labelled: list[tuple[str, str]], wording: str, deadline: str | None = None) -> None:
        """A heading that gives the units (and a deadline) of the items under it, once."""
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        block = _Block(rank, "", name, line_no, parent, sources=[line], labelled=list(labelled),
                       wording=wording or None, group=True)  # type: ignore[arg-type]
        block.deadline = deadline
        if parent:
            parent.children.append(block)
        self.blocks.append(block)
        self.stack.append(block)
        self.last_units_target = None

    def feed(self, line_no: int, line: str) -> None:
        if self.pending_label is not None and _marker(line) is None:
            line = self.pending_label + "：" + line  # 牵头单位： / 区住建局 — a label over its value
        self.pending_label = None
        if self.stack and (alone := _LABEL_ALONE.match(_unwrap(line))) and label_kind(alone.group(1)):
            self.pending_label = alone.group(1)
            self.stack[-1].sources.append(line)
            return
        pairs = split_labelled(_unwrap(line)) if self.stack else []
        contact = _CONTACT.search(line) if pairs else None
        contact_note = None
        if contact and split_labelled(_unwrap(line[:contact.start()])):
            # 责任科室：X  联系电话：…: the contact field ends the units and goes to 备注
            pairs = split_labelled(_unwrap(line[:contact.start()]))
            contact_note = clean_text(line[contact.start():])
        people = [(lab, v) for lab, v in pairs if label_kind(lab) == "people"]
        for lab, value in people:  # 责任领导：张三 (牵头单位：区发改局 may follow on the line)
            self.stack[-1].notes.append(L.REMARK_FORMAT.format(header=lab, value=value))
        unit_line = [(lab, v) for lab, v in pairs if label_kind(lab) != "people"]
        if people and not unit_line:
            self.stack[-1].sources.append(line)
            return
        bare_paren = None
        if not unit_line and line[:1] in "(（" and self.blocks:
            found = units_parenthesis(line)
            if found is not None and not found[0].strip():
                bare_paren = found
        if not unit_line and not bare_paren and self.stack and self._scoped_units(line):
            return
        bare_units = None
        if not unit_line and not bare_paren and self.stack and not self.stack[-1].has_units \
                and _marker(line) is None and len(line) <= 80 and looks_like_units_cell(line) \
                and _names_only(line) and not self.stack[-1].children:
            bare_units = line.rstrip("。；;")  # 县市场监管局 alone on the line after the item
            self.stack[-1].review.append((L.REVIEW_UNITS, L.NOTE_UNITS_BY_FORM.format(text=bare_units)))
            bare_paren = ("", bare_units, [], None)
        if (unit_line or bare_paren) and self.blocks and self.stack \
                and _CONTACT.search(line) and self._closed_with_units():
            self.skipped.append((line_no, line))  # 主办：…  联系电话：… below the page: not the item's
            return
        if contact_note and unit_line:
            self.stack[-1].notes.append(contact_note)
        if (unit_line or bare_paren) and self.blocks:
            targets = [self.stack[-1]] if bare_units else self.last_units_target or self._units_targets()
            keyed = None
            if unit_line:
                keyed = _keyed_units(unit_line, targets)
                for t in targets:
                    t.labelled.extend(keyed[id(t)] if keyed else unit_line)
            else:
                _, wording, labelled, deadline = bare_paren  # type: ignore[misc]
                keyed = _keyed_units(labelled or [(L.ROLE_RESPONSIBLE, wording)], targets) \
                    if len(targets) > 1 else None
                for t in targets:
                    if keyed:
                        t.labelled.extend(keyed[id(t)])
                    elif labelled:
                        t.labelled.extend(labelled)
                    else:
                        t.wording = wording
                    t.deadline = t.deadline or deadline
            if len(targets) > 1 and self.last_units_target is None:
                for t in targets:
                    t.review.append((L.REVIEW_UNITS, L.NOTE_KEYED_UNITS.format(
                        units=line.strip(), own="；".join(v for _, v in keyed[id(t)]) or "无")
                        if keyed else L.NOTE_GROUP_UNITS.format(units=line.strip(), count=len(targets))))
            for t in targets:
                t.sources.append(line)
            self.last_units_target = targets
            # A units line cut by the page width goes on on the next line (园区党工 / 委、…).
            self.open_units = (targets, unit_line[-1]) if unit_line and not line.endswith(_CLOSED) else None
            return
        if _PAGE_FOOTER.match(line):
            self.skipped.append((line_no, line))  # — 3 —, 第 3 页: page furniture
            return
        mk = _marker(line) or self._next_number(line)
        if self.open_units is not None and mk is None and self._continue_units(line):
            return
        self.open_units = None
        if mk is not None:
            self.last_units_target = None
            rank, number, rest = mk
            while self.stack and self.stack[-1].rank >= rank:
                self.stack.pop()
            parent = self.stack[-1] if self.stack else None
            block = _Block(rank, number, rest, line_no, parent, sources=[line])
            if parent:
                parent.children.append(block)
            self.blocks.append(block)
            self.stack.append(block)
            return
        if not self.stack:
            self.last_units_target = None
            self.preamble.append((line_no, line))
            return
        current = self.stack[-1]
        # An item's own text is a few lines; past that only its latest lines can end it
        # (a table read as prose must not be re-read whole at every line).
        body = current.body if len(current.body) <= _BODY_LOOKBACK else current.body[-_BODY_LOOKBACK:]
        so_far = clean_text((current.head if body is current.body else "") + "".join(body))
        if current.labelled or units_parenthesis(so_far) or _inline_labels(so_far):
            # Text after an item's units (联系电话：… between its fields): the group's
            # further fields below still go to the same items.
            self.skipped.append((line_no, line))
            return
        self.last_units_target = None
        current.body.append(line)
        current.sources.append(line)

    def _scoped_units(self, line: str) -> bool:
        """A line that names the units of the items above it by a scope word and a role
        verb (以上两项由区教育局负责，区住建局配合。 / 上述工作由X牵头): they go to the last
        item and the unit-less ones before it (as many as the count says)."""
        m = _SCOPE.match(line)
        if m is None or _marker(line) is not None:
            return False
        rest = line[m.end():]
        found = verb_units(rest)
        if not found:
            return False
        targets = self._units_targets()
        count = _number_value(m.group(1).replace("两", "二")) if m.group(1) else None
        if count:
            if count > len(targets):
                return False
            targets = targets[-count:]
        at = rest.rfind(found[-1])
        after = [c.strip() for c in split_top_level(rest[at + len(found[-1]):] if at >= 0 else "", "，,；;。")
                 if c.strip()]
        deadline = after[0] if len(after) == 1 and _is_timing(after[0]) else None  # …配合，8月底前完成
        for t in targets:
            t.wording = "，".join(found)
            t.deadline = t.deadline or deadline
            t.sources.append(line)
            t.review.append((L.REVIEW_UNITS, L.NOTE_GROUP_UNITS.format(units=line.strip(), count=len(targets))))
        self.last_units_target = targets
        return True

    def _closed_with_units(self) -> bool:
        """Whether the current item's own text already closed with its units."""
        current = self.stack[-1]
        so_far = clean_text(current.head + "".join(current.body[-_BODY_LOOKBACK:]))
        return current.has_units or bool(units_parenthesis(so_far) or _inline_labels(so_far))

    def _continue_units(self, line: str) -> bool:
        """Join ``line`` to the labelled units line above when together they read
        as one list of units (the line was wrapped inside a name or after 、)."""
        targets, (label, value) = self.open_units  # type: ignore[misc]
        joined = value + line.rstrip("。；;")
        last = re.split(r"[、，,]", value)[-1]
        # 各林场、区气象 / 局: the list's last name becomes a unit name only with the line.
        # 各乡 / 镇人民政府: a group's short name at the line's end goes on in one name.
        cut_name = len(line) <= 8 and (not looks_like_unit(last) or len(last) <= 3 and last.startswith("各")
                                       and not re.search(r"[、，,；;]", line)) \
            and looks_like_unit(re.split(r"[、，,]", joined)[-1])
        if not looks_like_units_cell(joined) or looks_like_units_cell(value) and not cut_name and \
                not re.match(r"^[\u4e00-\u9fff（）()]{1,8}[、，,]", line) and not value.endswith(("、", "，", ",")):
            return False
        for t in targets:
            for k in range(len(t.labelled) - 1, -1, -1):
                if t.labelled[k] == (label, value):
                    t.labelled[k] = (label, joined)
                    break
            t.sources.append(line)
        self.open_units = None if line.endswith(_CLOSED) else (targets, (label, joined))
        return True

    def _next_number(self, line: str) -> tuple[int, str, str] | None:
        """``11.121人才梯队项目`` right after item 10: an item whose name starts
        with a digit (``1.2`` elsewhere is a decimal, not a marker)."""
        m = re.match(r"^(\d{1,4})\.(?=\d)", line)
        if not m:
            return None
        last = next((b for b in reversed(self.blocks) if b.rank == 2), None)
        if last is None or not last.number.isdigit() or int(m.group(1)) != int(last.number) + 1:
            return None
        return 2, m.group(1), line[m.end():]

    def _units_targets(self) -> list[_Block]:
        """The last item and the run of unit-less siblings just before it."""
        last = self.stack[-1]
        siblings = last.parent.children if last.parent else [b for b in self.blocks if b.parent is None]
        siblings = [b for b in siblings if b.rank == last.rank]
        idx = siblings.index(last)
        out = [last]
        for b in reversed(siblings[:idx]):
            so_far = clean_text(b.head + "".join(b.body))
            if b.has_units or b.children or units_parenthesis(so_far) or _inline_labels(so_far) \
                    or trailing_units(so_far) or verb_units(so_far):
                break
            out.insert(0, b)
        return out


# A unit keyed to items by their numbers: 区住建交通局（①）, 交警分局（②③）, 县水利局（1、3）.
_KEYED = re.compile(rf"^(.+?)[（(]\s*((?:[{_CIRCLED}]|\d{{1,2}})(?:\s*[、,，]?\s*(?:[{_CIRCLED}]|\d{{1,2}}))*)\s*[)）]$")


def _keyed_units(pairs: list[tuple[str, str]], targets: list[_Block]) -> dict[int, list[tuple[str, str]]] | None:
    """A group's units line whose names carry the numbers of the group's items
    (责任单位：A（①）、B（②）): each item gets the names that carry its number and
    those that carry none; None when no name carries an item's number, or one
    carries a number that is no item of the group."""
    numbers = {t.number for t in targets}
    if len(targets) < 2 or len(numbers) < len(targets):
        return None
    out: dict[int, list[tuple[str, str]]] = {id(t): [] for t in targets}
    seen = False
    for label, value in pairs:
        if label_kind(label) != "units":
            for t in targets:
                out[id(t)].append((label, value))
            continue
        clauses: dict[str, list[str]] = {t.number: [] for t in targets}
        for clause in split_top_level(value, "；;"):
            given: dict[str, list[str]] = {t.number: [] for t in targets}
            keyed_here = False
            for part in (p.strip() for p in split_top_level(clause, "、，,")):
                m = _KEYED.match(part)
                if m is None:
                    for names in given.values():
                        names.append(part)
                    continue
                keys = [str(_CIRCLED.index(k) + 1) if k in _CIRCLED else str(int(k))
                        for k in re.findall(rf"[{_CIRCLED}]|\d{{1,2}}", m.group(2))]
                if any(k not in numbers for k in keys):
                    return None
                seen = keyed_here = True
                for k in keys:
                    given[k].append(m.group(1).strip())
            for t in targets:
                if given[t.number]:
                    clauses[t.number].append("、".join(given[t.number]) if keyed_here else clause)
        for t in targets:
            if clauses[t.number]:
                out[id(t)].append((label, "；".join(clauses[t.number])))
    return out if seen else None


_ATTACHMENTS = re.compile(r"^附件\s*[：:]\s*1\s*[.、．]")
_DATE = r"(?:20\d{2}|[二〇零一]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*(?:印发|发布|印)?"
_DATE_LINE = re.compile(rf"^\s*{_DATE}\s*$")
# An office and its date of issue on one line (国网某公司办公室　　2025年1月24日印发).
_SIGNED = re.compile(rf"^(\S.{{1,29}}?)\s*{_DATE}\s*$")


def _furniture(lines: list[tuple[int, str]]) -> set[int]:
    """Lines that are no item and no units, by their place: the numbered
    titles of an attachment list (附件：1.… / 2.…) and a signature (an office's
    name right above a date line, also a date of issue: 2025年2月24日印发, or
    both on one line)."""
    out: set[int] = set()
    for k, (_, line) in enumerate(lines):
        if _ATTACHMENTS.match(line):
            expected = 2
            for j in range(k + 1, len(lines)):
                mk = _marker(lines[j][1])
                if mk is None or mk[0] != 2 or _number_value(mk[1]) != expected:
                    break
                out.add(j)
                expected += 1
        elif k + 1 < len(lines) and _DATE_LINE.match(lines[k + 1][1]) and len(line) <= 30 \
                and _signature_name(line):
            out.update((k, k + 1))
            # Two or three offices sign together (党工委 / 办事处), one a line.
            for j in range(k - 1, max(k - 3, -1), -1):
                if len(lines[j][1]) > 30 or not _signature_name(lines[j][1]):
                    break
                out.add(j)
        elif (m := _SIGNED.match(line)) and _signature_name(m.group(1)):
            out.add(k)
    return out


def _signature_name(name: str) -> bool:
    """An office's name as a signature writes it: a unit name alone, no list."""
    return _marker(name) is None and looks_like_units_cell(name) and not re.search(r"[、，,；;：:。]", name)


def read_prose(text: str, name: str, fixer: Fixer | None = None) -> tuple[list[Event], SourceMeta] | None:
    """Read a prose task list; None when no numbered item carries units."""
    parser = _Parser()
    lines: list[tuple[int, str]] = []
    # A PDF's hard-wrapped lines go back into their paragraphs first (readers/unwrap.py).
    raw_lines = text.split("\n")
    heads = running_heads(raw_lines, opens_item)
    for i, raw in join_wrapped(raw_lines, opens_item, heads):
        if i in heads:
            parser.skipped.append((i, raw.strip()))  # a running head: page furniture
            continue
        fixed = (fixer.fix(raw) if fixer else raw).strip()
        # Items run together on one line are cut before cleaning, which drops the spaces
        # that show where one ended (…措施 （一）严打… → 措施（一）严打…).
        for part in split_run_together(fixed):
            line = clean_text(part)
            # A boxed label reads as a labelled line: 【牵头单位】X → 牵头单位：X
            line = _BOXED_LABEL.sub(lambda m: m.group(1) + "：" if label_kind(m.group(1)) else m.group(0), line)
            if line:
                lines.append((i, line))
    furniture = _furniture(lines)
    for k, (i, line) in enumerate(lines):
        if k in furniture:
            (parser.skipped if parser.blocks else parser.preamble).append((i, line))
            continue
        group = _group_heading(line, lines[k + 1][1] if k + 1 < len(lines) else "")
        if group is not None:
            parser.open_group(i, line, *group)
        else:
            parser.feed(i, line)
    blocks = parser.blocks
    for b in blocks:
        b.title = _line_title(b)
        full = clean_text("".join(b.body) if b.title else b.head + "".join(b.body))
        b.text = full
        if not b.labelled:
            inline = _inline_labels(full)
            head = full[:inline[0]] if inline else ""
            if inline:
                b.labelled = inline[1]
                b.text = head.rstrip()
                if unit_pairs(b.labelled) or not b.text.endswith(tuple(_CLOSERS)):
                    continue
                full = b.text  # a field after the bracket (…（主办处室：X）时间节点：全年): units in the bracket
            found = units_parenthesis(full)
            if found is not None:
                rest, wording, labelled, deadline = found
                b.text = rest
                if labelled:  # labelled units, or the people beside an unlabelled wording
                    b.paren_labelled = labelled
                if wording or not labelled:
                    b.wording = wording
                    b.review.append((L.REVIEW_UNITS, L.NOTE_UNITS_PAREN.format(
                        text=full[len(rest.rstrip("。；")):].strip("。； "))))
                b.deadline = b.deadline or deadline
                if deadline and (wording or not labelled):  # a labelled one (完成时间：…) is no guess
                    b.review.append((L.REVIEW_DEADLINE, L.NOTE_PAREN_DEADLINE.format(text=deadline)))
    _close_sub_items(blocks)
    # Units written for an item that has sub-items apply to each of them; units given once
    # in a group's heading apply to the items of that group.
    roots = [b for b in blocks if b.parent is None]
    for b in blocks:
        if b.has_units and b.children and not any(c.has_units and not c.cooperating_only for c in b.children):
            if not b.body:
                b.head = b.text  # its name without the units (二、推进数据开发〔牵头单位：…〕)
            # A top-level heading beside other top-level headings over items (一、 二、 三、) is
            # a goal that gives its units once, not a task titled by it (a task needs a goal above).
            goal_level = b.parent is None and any(r is not b and r.children for r in roots) \
                and not _among_items(b, blocks)
            for c in b.children:
                if c.has_units:  # it names only who cooperates (（信息科配合）): the heading's units too
                    c.shared = [(label_role(lab), v) for lab, v in unit_pairs(b.labelled or b.paren_labelled)] \
                        or [(L.ROLE_RESPONSIBLE, b.wording or "")]
                else:
                    c.labelled, c.wording = list(b.labelled or b.paren_labelled), b.wording
                c.deadline = c.deadline or b.deadline
                if b.group or goal_level:
                    c.review.append((L.REVIEW_UNITS, L.NOTE_GROUP_HEADING_UNITS.format(
                        heading=b.heading, units=b.wording or "；".join(
                            f"{lab}：{v}" for lab, v in (b.labelled or b.paren_labelled)))))
                else:
                    c.task_of = b
                    c.review.append((L.REVIEW_UNITS, L.NOTE_PARENT_UNITS.format(task=_task_name(b))))
            b.labelled, b.paren_labelled, b.wording = [], [], None
    # No unit labelled or in brackets: a role verb in the text may name them (由X负责), or
    # the item may end with a list of units after its last sentence (…。县住建局牵头，县资规局配合).
    for b in blocks:
        if not b.has_units and not b.children and not _has_units_above(b):
            found = verb_units(b.text)
            if (lead := leading_units(b.text)) is not None:
                b.text, b.wording = lead  # 1.区住建局：完成… — the units first, then the work
                b.review.append((L.REVIEW_UNITS, L.NOTE_UNITS_BY_FORM.format(text=lead[1])))
            elif found:
                b.wording = "，".join(found)
                b.review.append((L.REVIEW_UNITS, L.NOTE_UNITS_FROM_VERB.format(text="；".join(found))))
                if not b.deadline and (cadence := _cadence_after(b.text, found[-1])):
                    b.deadline = cadence
                    b.review.append((L.REVIEW_DEADLINE, L.NOTE_ROLE_DEADLINE.format(text=cadence)))
            elif (tail := trailing_units(b.text)) is not None:
                b.text, b.wording = tail
                b.review.append((L.REVIEW_UNITS, L.NOTE_UNITS_BY_FORM.format(text=tail[1])))
    bearing = [b for b in blocks if b.has_units]
    if not bearing:
        return None
    leaf_rank = Counter(b.rank for b in bearing).most_common(1)[0][0]
    parents_with_units = {id(b.parent) for b in bearing}
    # An item without units under a heading of the same level as those over items with
    # units, between the first and the last of them, is a requirement whose units were
    # not found (on 待核对), not a paragraph of the introduction or of 保障措施.
    # So is one in a group beside a group with units under the same heading (二、措施 >
    # （一）… （二）…), wherever it stands: parallel groups of one list.
    parent_ranks = {b.parent.rank for b in bearing if b.parent is not None}
    first_line, last_line = min(b.line for b in bearing), max(b.line for b in bearing)
    grandparents = {id(b.parent.parent) for b in bearing if b.parent is not None and b.parent.parent is not None}
    items = [b for b in blocks if b.has_units or (
        b.rank == leaf_rank and not b.children and (id(b.parent) in parents_with_units or (
            b.parent is not None and b.parent.rank in parent_ranks and (
                first_line < b.line < last_line or id(b.parent.parent) in grandparents))))]
    # Items that open with a short title sentence are tasks (title) with one requirement
    # (the rest) — decided for each numbering level, which may differ (1.标题。正文 beside
    # 3.标题。 over （1）… （2）…).
    by_rank: dict[int, list[_Block]] = {}
    for b in items:
        by_rank.setdefault(b.rank, []).append(b)
    titled_rank = {r: sum(1 for b in bs if b.title or _title_split(b.text)) >= max(1, len(bs)) / 2
                   for r, bs in by_rank.items()}

    wrappers = _wrappers(blocks, bearing)

    def ancestors(b: _Block, skip_wrappers: bool = True) -> list[_Block]:
        out = []
        p = b.parent
        while p is not None:
            if not _section_heading(p) and not (skip_wrappers and id(p) in wrappers):
                out.append(p)
            p = p.parent
        # 第一部分 > 一、 > …: the 一、 level is the goal; a part above it only groups goals.
        if any(a.rank == 0 for a in out):
            out = [a for a in out if a.rank >= 0]
        return out

    def place(b: _Block, anc: list[_Block]) -> tuple[_Block | None, _Block | None]:
        """The item's task and goal headings among its ancestors."""
        if b.task_of is not None:
            return b.task_of, next((a for a in anc if a is not b.task_of), None)
        if anc and not titled_rank[b.rank] and (titled_rank.get(anc[0].rank) or _among_items(anc[0], blocks)):
            # The heading above sits among titled tasks or items with units (1.标题。正文 or
            # 2.…（单位） beside 1. over its （1）（2）): it is a task too, the items its requirements.
            return anc[0], (anc[1] if len(anc) > 1 else None)
        if len(anc) < 2:
            return None, (anc[0] if anc else None)
        if titled_rank[b.rank] and (b.title or _title_split(b.text)):
            return None, anc[1]  # 一、goal > （一）… > 1.标题。正文: the outer heading is the goal
        # 一、goal > （一）task > items, numbered on or not: the 一、 level is the goal.
        return anc[0], anc[1]

    events: list[Event] = []
    last_task: _Block | None = None
    used = {id(b) for b in items}
    list_heading = _list_heading(parser.preamble, items[0].line if items else 0)
    for b in items:
        anc = ancestors(b)
        task_block, goal_block = place(b, anc)
        titled = task_block is None and titled_rank[b.rank] and bool(b.title or _title_split(b.text))
        if wrappers and (goal_block is None or task_block is None and not titled):
            # A heading wrapping the task list is skipped only where the levels below it name
            # both goal and task (一、主要任务 > （一）goal > 1.标题。正文); else it is the goal.
            whole = ancestors(b, skip_wrappers=False)
            if len(whole) > len(anc):
                anc = whole
                task_block, goal_block = place(b, anc)
        review = list(b.review)
        requirement = b.text
        number: str | None
        task: str | None
        if task_block is not None:
            first = task_block is not last_task
            number = task_block.number if first else None
            task = _task_name(task_block) if first else None
            last_task = task_block
            used.add(id(task_block))
        else:
            number, task = b.number, None
            split = ((b.title, b.text) if b.title else _title_split(b.text)) if titled_rank[b.rank] else None
            if split:
                task, requirement = split
                review.append((L.REVIEW_TASK_NAME, L.NOTE_TITLE_SPLIT.format(title=task)))
        requirement = _without_own_label(requirement)
        detail = problem_detail(requirement, b.sources[0] if b.sources else "")
        if detail is not None:
            requirement = detail[0]
        units = None
        role_units: list[tuple[str, str]] = []
        labelled = []
        deadline = b.deadline or deadline_of(b.labelled) or deadline_of(b.paren_labelled)
        assignees, overseers = without_overseers(unit_pairs(b.labelled) or unit_pairs(b.paren_labelled))
        for lab, value in assignees:
            value, found = split_units_deadline(value)
            if found and not deadline:
                deadline = found
                review.append((L.REVIEW_DEADLINE, L.NOTE_UNITS_DEADLINE.format(text=found)))
            labelled.append((lab, value))
        if labelled:
            if len(labelled) == 1 and label_role(labelled[0][0]) == L.ROLE_RESPONSIBLE:
                units = labelled[0][1]
            else:
                role_units = [(label_role(lab), v) for lab, v in labelled]
        elif b.wording:
            units = b.wording
        role_units += b.shared
        if goal_block is not None:
            used.add(id(goal_block))
        goal = goal_block.heading if goal_block else (list_heading if not anc else None)
        events.append(RawRow(
            requirement=requirement, goal=goal,
            number=number, task=task, units=units, deadline=deadline, line=b.line,
            source=" / ".join(b.sources), role_units=tuple(role_units), review=tuple(review),
            notes=tuple(([detail[1]] if detail is not None else []) + b.notes + people_notes(b.labelled)
                        + people_notes(b.paren_labelled) + overseers),
            new_task=task_block is None))
    # No numbered item disappears silently: one that is no requirement, no goal and no
    # task heading is on 待核对 (a 工作要求 paragraph is cleared there with one click).
    unread: list[tuple[int, str]] = []
    for b in blocks:
        if id(b) not in used and not b.children and b.text:
            if b.number and not b.group:
                unread.append((b.line, " / ".join(b.sources)))
                parser.review.append((L.REVIEW_SKIPPED, L.NOTE_ITEM_NOT_READ.format(number=_marker_text(b)),
                                      b.line, unread[-1][1]))
            else:
                parser.skipped.append((b.line, " / ".join(b.sources)))
    preamble_text = [t for _, t in parser.preamble]
    last_item = max((b.line for b in items), default=0)
    closing = sorted(parser.skipped + unread)
    events, doc_review = _document_deadline(events, preamble_text + [t for i, t in closing if i > last_item])
    parser.review.extend(doc_review)
    title = choose_title(_cut_titles(preamble_text))
    year = year_of(title) or next((y for t in preamble_text[:12] if (y := year_of(t))), None)
    doc = next((m.group(0) for t in preamble_text[:12] if (m := _DOC_NUMBER.search(t))), "")
    issuer = next((t[:-2] for t in preamble_text[:5] if t.endswith("文件") and len(t) <= 30), "")
    meta = SourceMeta(title=title, year=year, issuer=issuer, doc_number=doc,
                      skipped=tuple(parser.skipped), review=tuple(parser.review + (fixer.review if fixer else [])))
    return events, meta
