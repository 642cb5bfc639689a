"""The 责任单位 wording: split it into (unit, role) pairs, and keep a registry
of units that merges the spellings of one body.

Grammar of a wording (general, not tied to one document): clauses separated
by ；;，,。 at bracket depth 0; each clause is a list of names (joined by 、
or by 和/及/与 between two names) followed by an optional role phrase
(…牵头…, 配合/协助/参与…, 负责/落实/抓好…, 按职能分别落实). A bare list is
责任. Bare generic phrases (各相关部门, 各地各部门, 有关单位…) become the
pseudo-unit 各相关部门 with role 责任.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from xltools import labels as L
from xltools.model import Role, Unit
from xltools.text import clean_text

_OPEN = "(（〔[【《"
_CLOSE = ")）〕]】》"

# A list ends where one of these starts (the role phrase or a connective).
_TERMINATORS = sorted(
    {*L.LEAD_WORDS, *L.ASSIST_WORDS, *L.RESPONSIBLE_WORDS,
     "按", "分别", "共同", "会同", "等", "要", "具体", "做好", "抓好", "统筹", "指导", "督促",
     "组织实施", "组织推进", "推进", "完成", "开展"},
    key=len, reverse=True)
_STRICT_SUFFIXES = ("局", "办", "委", "部", "室", "院", "厅", "中心", "政府", "公司", "支行", "分行",
                    "管委会", "开发区", "街道", "小组", "部门", "单位", "科室", "科", "处", "所",
                    "站", "队", "委员会", "集团", "银行", "乡镇", "镇", "乡", "区", "县", "专班")
_GENERIC_RE = re.compile(r"^(?:各地|各级|各地区)?(?:各|其他|其它)?(?:相关|有关|相關|有關)?(?:部门|单位|部門|單位)$"
                         r"|^(?:各地|各级|各地区)$")
_CONNECTIVES = re.compile(r"(?<=.)[和及与](?=.)")


_ANY_BRACKET = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")

# Pure functions of a name or wording, cached: a table repeats its unit names and
# wordings on row after row, and every reader's reading is scored on them again.
_cached = functools.lru_cache(maxsize=16384)


@functools.lru_cache(maxsize=64)
def _splitter(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(separators) + "]")


def split_top_level(text: str, separators: str) -> list[str]:
    """Split on any of ``separators`` outside brackets."""
    if separators and not _ANY_BRACKET.search(text):  # no brackets: one C-speed split
        return [p.strip() for p in _splitter(separators).split(text) if p.strip()]
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _top_level_find(text: str, word: str, start: int = 0) -> int:
    """Index of ``word`` in ``text`` outside brackets, or -1."""
    depth = 0
    for i, ch in enumerate(text):
        if i >= start and depth == 0 and text.startswith(word, i):
            return i
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return -1


def is_generic(name: str) -> bool:
    return name in L.GENERIC_PHRASES or bool(_GENERIC_RE.match(name))


_GRASSROOTS_ALT = "|".join(map(re.escape, L.GRASSROOTS_UNITS))
# Every (or every concerned) village / community as a body: 各村, 各社区, 各村（社区）, 相关村.
_EVERY_GRASSROOTS = re.compile(rf"^(?:各|相关|有关|所在)(?:{_GRASSROOTS_ALT})(?:[（(](?:{_GRASSROOTS_ALT})[)）])?$")


# Body words of two or more characters (乡镇, 街道, 社区, 部门, 管委会 …): after the group
# word 各 the bodies a name then abbreviates stay bodies (各乡镇场 = every 乡, 镇 and 场).
_BODY_WORDS = tuple(sorted({w for w in (*L.UNIT_SUFFIXES, *L.GROUP_CONTINUATIONS, *L.GRASSROOTS_UNITS)
                            if len(w) >= 2}, key=len, reverse=True))
# Characters that never end a body's name (a verb or particle after the group name).
_NOT_A_BODY_TAIL = frozenset("的地得要将把对在和及与等为是了着、")


def _group_compound(name: str) -> bool:
    """各 + a body word + one more abbreviated body (各乡镇场, 各街道所, 各社区站): a group
    of bodies by its form, though its last character is no body suffix."""
    if not name.startswith("各") or not 4 <= len(name) <= 10 or \
            not re.fullmatch(r"[\u4e00-\u9fff]+", name) or name[-1] in _NOT_A_BODY_TAIL:
        return False
    return name[1:-1].endswith(_BODY_WORDS)


_NUMERAL = "一二三四五六七八九十百零〇两"
# 县一中, 市二小; 第3分局, 第二车间: a body named by its number (an Arabic number only after
# 第 — 新建3所, 改造15处 count things).
_NUMBERED_BODY = re.compile(
    rf"(?:第?[{_NUMERAL}]{{1,3}}(?:{'|'.join(map(re.escape, L.NUMBERED_BODY_WORDS))})"
    rf"|第\d{{1,3}}[\u4e00-\u9fff]{{0,4}}?(?:{'|'.join(map(re.escape, L.UNIT_SUFFIXES))}))$")


# 市12345热线服务中心, 县12315投诉举报中心: a service number (a run of three or more digits
# right after the place word, followed by words before the body word) names the body; a
# count is followed by its measure word (新建3所, 建成110个警务室) and is no name.
_SERVICE_NUMBER = re.compile(
    r"^([省市县区州盟旗镇乡]?)\d{3,}(?=[\u4e00-\u9fff]{2})(?![个家所处项座条台套名人次户间万亿千百])")


@_cached
def looks_like_unit(name: str) -> bool:
    """A name that ends like the name of a body (or is a generic phrase): a body word
    (…局, …股, …庭), possibly numbered (税源管理一股, 民二庭, 第3分局, 县一中)."""
    name = name.strip()
    if not name or len(name) > 40 or is_generic(name):
        return bool(name) and len(name) <= 40
    if len(name) < 2 or name in L.BARE_LEVEL_WORDS:
        return False  # a lone 市 / 县级市 (a name cut off, a bare level word) is no body
    # 市住建局（市人防办）: the name before a closing bracket says what the body is.
    core = re.sub(r"[（(][^（()）]*[)）]$", "", name) or name
    numbered = _NUMBERED_BODY.search(core)
    lettered = name if numbered else _SERVICE_NUMBER.sub(r"\1", name, count=1)
    if re.search(r"[。；;，,：:！？%]", name) or \
            re.search(r"\d", name[:numbered.start()] if numbered else lettered):
        return False
    if numbered and len(core) > 2 or core.endswith(L.NOT_BODY_ENDINGS):
        return bool(numbered) and len(core) > 2
    return core.endswith(L.UNIT_SUFFIXES) or bool(_EVERY_GRASSROOTS.match(name)) or _group_compound(core)


def join_spaced_units(text: str) -> str:
    """Names side by side with spaces between them, each a unit by its form
    (``县教育局 县住建局``, ``区城管局  区水投``) → a list ``县教育局、县住建局``; any other
    text (a name wrapped at a space, ``县住房和城乡 建设局``) is returned as it is."""
    parts = text.split()
    if len(parts) < 2 or not all(looks_like_unit(p) for p in parts):
        return text
    if not all(spaced_pair(left, right, parts[0]) for left, right in zip(parts, parts[1:])):
        return text
    return "、".join(parts)


def spaced_pair(left: str, right: str, first: str = "") -> bool:
    """Whether two names side by side with a space between (``first``: the list's first
    name) are two units: both units by form, and the right one opens a name of its own — a
    place or group word (县…, 镇…, 各…), the first name's opening, or a whole name after one
    that ends in a body word that is no place (城管局 住建局; not 县住房和城乡 建设局,
    胜利街道 红旗社区)."""
    if not (looks_like_unit(left) and looks_like_unit(right)):
        return False
    opens = right[0] in _NAME_OPENINGS or right[0] == (first or left)[0]
    after_body = not left.endswith(L.BARE_LEVEL_WORDS) and len(right) >= 3
    return opens or after_body


_NAME_OPENINGS = frozenset("省市县区州旗盟镇乡各")


def opens_name(piece: str) -> bool:
    """Whether a piece opens a unit's name of its own by its place or group word (镇规划建设,
    县…, 各…), though the column may have cut the rest of it onto the next line."""
    return len(piece) >= 3 and piece[0] in _NAME_OPENINGS


def _collective(name: str) -> bool:
    """A name for a group of bodies (各区, 市直有关部门) that a 、-list may continue."""
    return name.startswith("各") or any(w in name for w in ("有关", "相关", "直属", "市直", "县直", "区直"))


_GROUP_BODY = re.compile(r"^(?:%s)(?:人民政府|政府|党委|党委和人民政府|管委会)$" % "|".join(
    map(re.escape, L.BARE_LEVEL_WORDS)))


def _continues_group(piece: str) -> bool:
    """A piece that only continues a collective name: a level word (各区、县级市)
    or the last level word with the body they share (各县、市、区政府)."""
    return piece in L.GROUP_CONTINUATIONS or bool(_GROUP_BODY.match(piece))


def _split_names(list_part: str) -> list[str]:
    """``A、B和C`` → [A, B, C]; 和/及/与 split only where both sides are names.
    A piece that only continues a collective name (各区、县级市, 市直有关部门、单位)
    stays part of it."""
    names: list[str] = []
    for piece in split_top_level(list_part, "、/"):
        if names and _continues_group(piece.strip()) and _collective(names[-1]):
            names[-1] = f"{names[-1]}、{piece.strip()}"
            continue
        names.extend(_split_connective(piece))
    return names


_RULE_BRACKET = re.compile(r"[（(]([^（()）]*)[)）]")


def split_rule_notes(text: str) -> tuple[str, list[str]]:
    """Remove bracketed rule sentences glued to a unit (``市卫生健康委（除标注
    “分别牵头”外，列第一位为牵头或汇总单位，下同）``) → (text, notes)."""
    notes: list[str] = []

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1)
        if any(w in inner for w in L.RULE_NOTE_MARKERS) or L.CONVENTION_FIRST_LEAD.search(inner) or (
                re.search(r"[，,。；;]", inner) and not looks_like_units_cell(inner)):
            notes.append(inner.strip())
            return ""
        return m.group(0)

    return _RULE_BRACKET.sub(repl, text), notes


def states_first_lead(text: str) -> str | None:
    """The convention sentence when ``text`` says the first-listed unit leads."""
    m = L.CONVENTION_FIRST_LEAD.search(clean_text(text or ""))
    return m.group(0) if m else None


def listed_name(piece: str) -> bool:
    """A piece of three or more characters that can stand in a list of units as a name
    of its own (滁州海关, 市人行): no sentence, no role or connective word in front."""
    return len(piece) >= 3 and _name_like(piece) and piece[0] not in _OPEN + _CLOSE \
        and not any(piece.startswith(w) for w in _TERMINATORS)


def _name_like(name: str) -> bool:
    """A short phrase that can be a body's name in a context known to hold units."""
    return 2 <= len(name) <= 25 and not re.search(r"[。；;，,：:！？!?%\d]", name) \
        and name not in L.BARE_LEVEL_WORDS


def _split_connective(piece: str) -> list[str]:
    """和/及/与 joins two units only where both sides are unit names by form and the
    left one is a complete name on its own (``complete_name``): 市教育局与市卫健委 is
    two units, 实验室与设备管理处 one (the builder splits it after all when the
    document names 实验室 on its own elsewhere, ``joined_name``)."""
    for m in _CONNECTIVES.finditer(piece):
        left, right = piece[:m.start()], piece[m.end():]
        if _top_level_find(piece, m.group(), m.start()) != m.start():
            continue  # inside brackets
        if right in L.BARE_BODY_WORDS:
            continue  # 县委和县政府 is two bodies, 各县党委和人民政府 one joint name
        if len(left) >= 2 and looks_like_unit(right) and complete_name(left.strip()):
            return [left.strip(), *_split_connective(right)]
    return [piece.strip()]


# A place at the front of a name: a level word (市…, 县委) or a place name ending in one
# (湘潭市…, 胜利街道…); nouns that only end like a place (城市, 社区, 园区) are none.
_PLACE_FRONT = re.compile(r"^(?:[省市县区州旗盟镇乡]|[\u4e00-\u9fff]{2,4}?(?:自治州|自治县|街道|[省市县区州旗盟镇乡]))"
                          r"(?=[\u4e00-\u9fff（(])")
_NOT_PLACES = ("城市", "社区", "园区", "城区", "校区", "景区", "辖区", "街区", "小区", "山区", "林区", "矿区",
               "牧区", "片区", "垦区", "港区", "营区", "城乡", "市场")


@_cached
def complete_name(name: str) -> bool:
    """A unit name complete on its own, not the first half of one name joined by
    和/及/与 (实验室 in 实验室与设备管理处): it opens with its place (市教育局, 县委,
    湘潭市财政局), is a group (各乡镇), or is a standard body's name (财政局)."""
    m = _PLACE_FRONT.match(name)
    if m and not m.group().startswith(_NOT_PLACES) and looks_like_unit(name):
        return True
    return name.startswith("各") or name in L.STANDARD_BODY_NAMES


def joined_name(name: str) -> tuple[str, str] | None:
    """(left, right) of a unit name that 和/及/与 joins from two names by form whose left
    one is not complete on its own (实验室与设备管理处, 党委办公室和校长办公室); None
    for any other name. Whether it is one body or two is the document's to say."""
    for m in _CONNECTIVES.finditer(name):
        left, right = name[:m.start()].strip(), name[m.end():].strip()
        if _top_level_find(name, m.group(), m.start()) != m.start() or right in L.BARE_BODY_WORDS:
            continue
        if len(left) >= 2 and left.endswith(_STRICT_SUFFIXES) and looks_like_unit(left) \
                and looks_like_unit(right) and not complete_name(left):
            return left, right
    return None


@_cached
def _role_of(rest: str) -> Role | None:
    """The role named in the phrase after a list (None: no role word)."""
    best: tuple[int, Role] | None = None
    for words, role in ((L.LEAD_WORDS, Role.LEAD), (L.ASSIST_WORDS, Role.ASSIST),
                        (L.RESPONSIBLE_WORDS, Role.RESPONSIBLE)):
        for w in words:
            i = rest.find(w)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, role)
    return best[1] if best else None


_ROLE_WORD_ALT = "|".join(map(re.escape, sorted(
    {*L.LEAD_WORDS, *L.ASSIST_WORDS, *L.RESPONSIBLE_WORDS, L.ROLE_RESPONSIBLE}, key=len, reverse=True)))
# A role written in brackets after a name: 市发改委（牵头）, 市财政局(配合).
_BRACKET_ROLE = re.compile(rf"^(?P<name>.+?)\s*[（(]\s*(?P<role>{_ROLE_WORD_ALT})(?:单位|部门)?\s*[)）]$")


@_cached
def split_bracket_role(name: str) -> tuple[str, Role | None]:
    """A name followed by its role in brackets → (name, role), e.g.
    ``市发改委（牵头）``; other names are returned unchanged with None."""
    m = _BRACKET_ROLE.match(name.strip())
    if not m:
        return name, None
    return m.group("name"), _role_of(m.group("role")) or Role.RESPONSIBLE


def _closing_marks(pairs: list[tuple[str, Role | None]], notes: list[tuple[str, str]]
                   ) -> list[tuple[str, Role | None]]:
    """A role in brackets closes the run of unmarked names before it back to the
    previous marked name (``A（主办）、B、C（协办）``: B cooperates too); names before
    the first mark and after the last keep the clause's role. Each name so given a
    role is noted."""
    marked = [i for i, (_, r) in enumerate(pairs) if r is not None]
    out = list(pairs)
    for a, b in zip(marked, marked[1:]):
        role = pairs[b][1]
        for i in range(a + 1, b):
            out[i] = (pairs[i][0], role)
            notes.append((L.REVIEW_UNITS, L.NOTE_BRACKET_ROLE_RUN.format(
                unit=pairs[i][0], mark=pairs[b][0], role=role.value)))  # type: ignore[union-attr]
    return out


def _opening_run(pairs: list[tuple[str, Role | None]], notes: list[tuple[str, str]]
                 ) -> list[tuple[str, Role | None]]:
    """After a clause that closed on a role in brackets (``A（主办），B、C（协办）``), the
    unmarked names that open the next clause belong to its first mark, as within one
    clause (B cooperates too); each is noted."""
    first = next((i for i, (_, r) in enumerate(pairs) if r is not None), None)
    if not first:
        return pairs
    role = pairs[first][1]
    out = list(pairs)
    for i in range(first):
        out[i] = (pairs[i][0], role)
        notes.append((L.REVIEW_UNITS, L.NOTE_BRACKET_ROLE_RUN.format(
            unit=pairs[i][0], mark=pairs[first][0], role=role.value)))  # type: ignore[union-attr]
    return out


@dataclass(frozen=True)
class ParsedUnit:
    name: str  # as written (after cleaning); generic phrases already mapped
    role: Role
    written: str = ""  # the phrase as written when it was mapped (generic)


@dataclass
class ParsedWording:
    units: list[ParsedUnit] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)
    rest: list[str] = field(default_factory=list)  # clauses that held no unit


# Every position where a terminator starts (overlapping), longest alternatives first.
_TERMINATOR_AT = re.compile("(?=(?:" + "|".join(map(re.escape, _TERMINATORS)) + "))")


_NAME_SEPARATORS = frozenset("、/和及与")


@_cached
def _clause_list_end(clause: str) -> int:
    """Where the list of names ends: the first terminator after the first
    character and outside brackets (one pass, however many terminators)."""
    starts = [m.start() for m in _TERMINATOR_AT.finditer(clause, 1)]
    if not starts:
        return len(clause)
    depth = 0
    nxt = 0
    first = None
    name_start = 0  # where the name before position i starts (after 、/和…)
    for i, ch in enumerate(clause):
        while nxt < len(starts) and starts[nxt] < i:
            nxt += 1
        if nxt < len(starts) and starts[nxt] == i and depth == 0:
            # A role word inside a name (科技资源统筹中心) does not end the list: the
            # name before a terminator must be complete.
            name = clause[name_start:i]
            if looks_like_unit(name) or _GROUP_FORM.match(name):
                return i
            first = i if first is None else first
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in _NAME_SEPARATORS:
            name_start = i + 1
    if first is None or looks_like_unit(re.split(r"[、/和及与]", clause)[-1]):
        return len(clause)  # the clause ends as a name does: the role word was inside it
    return first


def parse_clause(clause: str, default_role: Role | None = None) -> tuple[list[str], Role | None, str]:
    """One clause → (names, role or None, the phrase after the list). Cached (the
    readings that compete parse the same clauses); each call gets its own list."""
    names, role, rest = _parse_clause(clause, default_role)
    return list(names), role, rest


@_cached
def _parse_clause(clause: str, default_role: Role | None) -> tuple[tuple[str, ...], Role | None, str]:
    clause = clause.strip().strip("。.")
    clause = re.sub(r"^(?:由|请|以|各由)", "", clause)
    end = _clause_list_end(clause)
    list_part, rest = clause[:end], clause[end:]
    for tail in L.UNIT_LIST_TAILS:
        if list_part.endswith(tail):
            list_part = list_part[: -len(tail)]
            break
    names = [n for n in _split_names(list_part) if n]
    # X等市级相关单位: X and a qualified group (a bare 等有关部门 only closes the list).
    group = _QUALIFIED_GROUP.match(rest)
    if group and names and group.group(0) not in L.UNIT_LIST_TAILS:
        names.append(group.group(1))
        rest = rest[group.end():]
    role = _role_of(rest) or default_role
    return tuple(names), role, rest


_QUALIFIED_GROUP = re.compile(r"^等([一-鿿]{1,8}(?:相关|有关|直属|成员|主管)(?:单位|部门|机构))")


@functools.lru_cache(maxsize=4096)
def jointly(clause: str) -> tuple[str, ...] | None:
    """``X会同Y负责`` (X acting together with Y) → the clauses ``X牵头``, ``Y配合``: the
    body named first leads, the one it acts with cooperates. None unless both sides are
    units (``会同有关方面研究`` names none)."""
    at = clause.find("会同")
    if at <= 0:
        return None
    lead = re.sub(r"^(?:由|请)", "", clause[:at].strip())
    names, _, _ = parse_clause(clause[at + 2:])
    if not names or not looks_like_units_cell(lead) or not looks_like_units_cell("、".join(names)):
        return None
    return lead + "牵头", "、".join(names) + "配合"


def _cached_wording(parse: Callable[..., ParsedWording]) -> Callable[..., ParsedWording]:
    """``parse`` cached; each call gets its own ParsedWording (callers extend its lists)."""
    @functools.lru_cache(maxsize=16384)
    def frozen(text: str, default_role: Role | None, first_lead: bool) -> tuple[tuple, tuple, tuple]:
        out = parse(text, default_role, first_lead=first_lead)
        return tuple(out.units), tuple(out.notes), tuple(out.rest)

    @functools.wraps(parse)
    def wrapper(text: str, default_role: Role | None = None, *, first_lead: bool = False) -> ParsedWording:
        units, notes, rest = frozen(text, default_role, first_lead)
        return ParsedWording(list(units), list(notes), list(rest))
    return wrapper


@_cached_wording
def parse_units(text: str, default_role: Role | None = None, *, first_lead: bool = False) -> ParsedWording:
    """Parse a 责任单位 wording into units with roles.

    ``default_role`` applies to clauses without a role word (e.g. a column
    headed 牵头单位); otherwise a bare list is 责任. ``first_lead``: the
    document's convention that the first-listed unit of a list without role
    words leads (列第一位者为牵头单位).
    """
    out = ParsedWording()
    text = clean_text(text or "")
    if not text:
        return out
    text, rule_notes = split_rule_notes(text)
    for note in rule_notes:
        out.notes.append((L.REVIEW_UNITS, L.NOTE_RULE_NOTE.format(text=note)))
    any_role_word = _role_of(text) is not None
    seen_clauses: set[str] = set()
    index: dict[str, int] = {}
    closed_before = False  # the clause before ended on a role in brackets (A（主办），…)
    for clause in [c for whole in split_top_level(text, "；;，,。\n") for c in jointly(whole) or (whole,)]:
        key = clause.strip("。. ")
        if key in seen_clauses:
            out.notes.append((L.REVIEW_UNITS, L.NOTE_DUPLICATE_CLAUSE.format(clause=key)))
            continue
        seen_clauses.add(key)
        names, role, rest = parse_clause(clause, default_role)
        pairs = _closing_marks(list(map(split_bracket_role, names)), out.notes)
        if closed_before:
            pairs = _opening_run(pairs, out.notes)
        closed_before = bool(pairs) and pairs[-1][1] is not None
        named = [(n, r) for n, r in pairs if looks_like_unit(n) or _GROUP_FORM.match(n) or short_department(n)]
        if named and len(named) < len(pairs):
            # In a list that holds units, a name with an unfamiliar ending is a unit too.
            for n, _ in pairs:
                if not looks_like_unit(n) and _name_like(n):
                    out.notes.append((L.REVIEW_UNITS, L.NOTE_UNUSUAL_UNIT.format(unit=n)))
            named = [(n, r) for n, r in pairs if looks_like_unit(n) or _name_like(n)]
        if not named:
            out.rest.append(clause)
            out.notes.append((L.REVIEW_UNITS, L.NOTE_UNITS_REST.format(text=clause)))
            continue
        if role is None:
            role = Role.RESPONSIBLE
        for name, bracket_role in named:
            written = ""
            unit_role = bracket_role or role
            if is_generic(name):
                written = name if name != L.GENERIC_UNIT else ""
                name = L.GENERIC_UNIT
            if name in index:
                prev = out.units[index[name]]
                if unit_role.order < prev.role.order:  # keep the stronger role
                    out.units[index[name]] = ParsedUnit(name, unit_role, prev.written)
                continue
            index[name] = len(out.units)
            out.units.append(ParsedUnit(name, unit_role, written))
    if first_lead and not any_role_word and default_role in (None, Role.RESPONSIBLE) \
            and len(out.units) >= 2 and out.units[0].name != L.GENERIC_UNIT:
        out.units[0] = ParsedUnit(out.units[0].name, Role.LEAD, out.units[0].written)
    return out


def _department_stems() -> frozenset[str]:
    """The stems of known department names without their body word (发改, 住建, 财政)."""
    stems = set()
    for name in (*L.SHORT_FORMS, *L.STANDARD_BODY_NAMES):
        stem = re.sub(r"(?:委员会|局|委)$", "", name)
        if stem != name and 2 <= len(stem) <= 4:
            stems.add(stem)
    return frozenset(stems)


_DEPARTMENT_STEMS = _department_stems()


def short_department(name: str) -> bool:
    """A place word and the stem of a known department without its body word (区发改,
    县财政, 县教体): a department's short form, read as a unit only where the context holds
    units (a units cell or bracket, a role clause)."""
    m = _ADMIN_PREFIX.match(name)
    return bool(m) and name[m.end():] in _DEPARTMENT_STEMS


# 各业务警种, 各派出所: every body of a kind, a unit by its form.
_GROUP_FORM = re.compile(r"^各[\u4e00-\u9fff]{2,8}$")
# 各项工作, 各类问题, 各个环节: 各 over things, not over bodies.
_NOT_BODIES = re.compile(r"^各(?:项|种|个|类|方面|环节|阶段|时期|年|月|季度|次|条|批|级次)")


def is_group_form(name: str) -> bool:
    """各 + a noun of two to eight characters (各业务警种, 各派出所): every body of a kind,
    when the context says the text names units."""
    return bool(_GROUP_FORM.match(name)) and not _NOT_BODIES.match(name) \
        and name[-1] not in _NOT_A_BODY_TAIL


@functools.lru_cache(maxsize=1 << 15)
def looks_like_units_cell(text: str) -> bool:
    """Whether ``text`` reads as a 责任单位 cell rather than requirement prose."""
    text = clean_text(text)
    if not text or len(text) > 400:
        return False
    clauses = split_top_level(text, "；;，,。")
    if not clauses:
        return False
    found = False
    for clause in clauses:
        names, role, rest = parse_clause(clause)
        names = [split_bracket_role(n)[0] for n in names]
        if not names:
            return False
        # 各业务警种: a group name by its form counts where the clause gives evidence of
        # units — a role word after the list, or a name beside it that ends like a body.
        evidence = role is not None or any(looks_like_unit(n) for n in names)
        bodies = [looks_like_unit(n) or evidence and (is_group_form(n) or short_department(n)) for n in names]
        # In a list of three or more that is mostly bodies and closed by a role word, a
        # name with an unfamiliar ending (…海关, 市人行) is one too (parse_units notes it).
        if not all(bodies) and not (role is not None and 2 * sum(bodies) > len(names) >= 3
                                    and all(b or _name_like(n) for n, b in zip(names, bodies))):
            return False
        # The phrase after the list must start with a role or connective word.
        if rest and not any(rest.startswith(w) for w in _TERMINATORS):
            return False
        found = True
    return found


# ------------------------------------------------------------ registry
def unit_kind(name: str) -> str:
    """Guess the 类别 of a unit from its name."""
    if is_generic(name) or name == L.GENERIC_UNIT or name.startswith("各") or "各" in name[:4]:
        return L.KIND_GENERIC
    if any(m in name for m in L.COORDINATION_MARKERS):
        return L.KIND_COORDINATION
    if any(m in name for m in L.CENTRAL_MARKERS):
        return L.KIND_CENTRAL
    if name.endswith(L.ZONE_TOWN_MARKERS) or any(m in name for m in L.ZONE_TOWN_MARKERS[:5]):
        return L.KIND_ZONE_TOWN
    return L.KIND_CITY_DEPT


_ADMIN_PREFIX = re.compile(r"^(?:市|区|县|省|州|旗|盟)")


_SHORT_FORMS = sorted(L.SHORT_FORMS.items(), key=lambda kv: -len(kv[0]))


@functools.lru_cache(maxsize=1 << 14)
def _core(name: str) -> str:
    """The name without a leading administrative prefix, with short forms expanded."""
    core = _ADMIN_PREFIX.sub("", name)
    for short, full in _SHORT_FORMS:
        if core == short or (core.endswith(short) and not core.endswith(full)):
            core = core[: len(core) - len(short)] + full
            break
    return core


def routine_merge(alias: str, name: str) -> bool:
    """Whether two spellings differ only by the administrative prefix or a
    usual short form (司法局 / 市司法局, 政府办 / 市政府办公室): no one needs
    to check such a merge."""
    return _core(alias) == _core(name)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def same_body(a: str, b: str) -> bool:
    """Whether two spellings denote one body: with/without the 市 prefix, a
    common short form, or one or two characters missing/inserted."""
    if a == b:
        return True
    if is_generic(a) or is_generic(b) or a.startswith("各") or b.startswith("各"):
        return False
    ca, cb = _core(a), _core(b)
    if ca == cb:
        return True
    short, long = sorted((ca, cb), key=len)
    if len(short) < 3 or len(long) - len(short) > 2:
        return False
    # Same kind of body (same last character) and same first character.
    if short[-1] != long[-1] or short[0] != long[0]:
        return False
    return _is_subsequence(short, long)


def _standard(name: str) -> bool:
    core = _core(name)
    return any(core == s or core.endswith(s) for s in L.STANDARD_BODY_NAMES) and core == _ADMIN_PREFIX.sub("", name)


def _is_short_form(name: str) -> bool:
    return _core(name) != _ADMIN_PREFIX.sub("", name)


def _preference(name: str, count: int) -> tuple:
    """Higher is a better canonical spelling: a full name over a short form,
    then the more frequent, a standard name, with the 市 prefix, longer."""
    return (not _is_short_form(name), count, _standard(name), bool(_ADMIN_PREFIX.match(name)),
            len(name), name)


@dataclass
class UnitRegistry:
    """Canonical unit names with their aliases, in order of first appearance."""

    units: list[Unit] = field(default_factory=list)
    fixed: bool = False  # names came from an existing workbook (--units)

    @classmethod
    def from_units(cls, units: Iterable[Unit]) -> UnitRegistry:
        return cls(units=list(units), fixed=True)

    def lookup(self, name: str) -> str | None:
        for u in self.units:
            if name == u.name or name in u.aliases:
                return u.name
        return None


@dataclass(frozen=True)
class Merge:
    alias: str
    name: str


def resolve_names(written: list[str], registry: UnitRegistry | None = None,
                  generic_aliases: Iterable[str] = (), apart: Iterable[frozenset[str]] = ()
                  ) -> tuple[dict[str, str], list[Unit], list[Merge]]:
    """Map every written name to a canonical one.

    Returns (written → canonical, the unit registry in order of first
    appearance, the merges made). Names in ``registry`` (from --units) are
    canonical; other spellings merge into them when they denote one body.
    Two names in ``apart`` (written side by side for one requirement:
    镇农业综合服务中心 and 镇农业服务中心) are two bodies unless they differ only by
    the place prefix or a usual short form (市住建局 / 住建局).
    """
    apart = set(apart)
    counts: dict[str, int] = {}
    for n in written:
        counts[n] = counts.get(n, 0) + 1
    order = list(counts)
    mapping: dict[str, str] = {}
    merges: list[Merge] = []
    known = list(registry.units) if registry else []
    for n in order:
        hit = registry.lookup(n) if registry else None
        if hit is None and registry:
            for u in known:
                if not u.name == L.GENERIC_UNIT and same_body(n, u.name):
                    hit = u.name
                    break
        if hit:
            mapping[n] = hit
            if hit != n and not any(n in u.aliases for u in known if u.name == hit):
                merges.append(Merge(n, hit))
    # Group the remaining names into bodies.
    groups: list[list[str]] = []
    for n in order:
        if n in mapping:
            continue
        for g in groups:
            if any(same_body(n, m) for m in g) and \
                    not any(frozenset((n, m)) in apart and _core(n) != _core(m) for m in g):
                g.append(n)
                break
        else:
            groups.append([n])
    for g in groups:
        canonical = max(g, key=lambda n: _preference(n, counts[n]))
        for n in g:
            mapping[n] = canonical
            if n != canonical:
                merges.append(Merge(n, canonical))
    # Registry: existing units first (as given), then new ones by first appearance.
    aliases: dict[str, list[str]] = {}
    for m in merges:
        aliases.setdefault(m.name, []).append(m.alias)
    for alias in generic_aliases:
        if alias != L.GENERIC_UNIT:
            aliases.setdefault(L.GENERIC_UNIT, [])
            if alias not in aliases[L.GENERIC_UNIT]:
                aliases[L.GENERIC_UNIT].append(alias)
    units: list[Unit] = []
    placed: set[str] = set()
    for u in known:
        extra = tuple(a for a in aliases.get(u.name, ()) if a not in u.aliases)
        units.append(Unit(u.name, u.kind or unit_kind(u.name), u.aliases + extra, u.contact,
                          u.phone, u.email))
        placed.add(u.name)
    for n in order:
        c = mapping[n]
        if c in placed:
            continue
        placed.add(c)
        units.append(Unit(c, unit_kind(c), tuple(aliases.get(c, ()))))
    return mapping, units, merges
