"""Deadlines (完成时限): wording → Deadline(text, date)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from xltools import labels as L
from xltools.model import Deadline

_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "十": 10, "十一": 11, "十二": 12}
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_YEAR = r"(?:(?P<year>20\d{2})\s*年|(?P<rel>今年|本年|当年|明年|次年))?"
_DAY = r"(?P<day>[0-3]?\d)\s*[日号]"

# Ordered: the more specific first.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_YEAR + _MONTH + r"\s*月\s*" + _DAY + r"(?:前|之前|以前)?"), "day"),
    (re.compile(_YEAR + _MONTH + r"\s*月(?:份)?\s*(?P<part>底|末|上旬|中旬|下旬|中|初)?(?:前|之前|以前)"), "month"),
    (re.compile(_YEAR + _MONTH + r"\s*月(?:份)?\s*(?P<part>底|末|上旬|中旬|下旬)"), "month"),
    (re.compile(_YEAR + r"(?P<half>上半年|下半年)(?:前|之前|末|底)?"), "half"),
    (re.compile(_YEAR + r"(?:第)?(?P<quarter>[一二三四1-4])\s*季度(?:末|底)?(?:前|之前)?"), "quarter"),
    (re.compile(r"(?:(?P<year>20\d{2})\s*年|(?P<rel>今年|本年|当年|明年|次年))(?:年)?(?P<end>底|末|内|年底|年末)(?:前|之前)?"), "year"),
    # 历年内容 / 近年来 / 5年内 / 三年内 (a span of years) are not deadlines.
    (re.compile(r"(?<![历近多往去每同几数\d一二两三四五六七八九十百])(?P<end>年底|年末|年内)(?:前|之前)?"), "year"),
    # 本月底以前 / 当月中旬前: the month of the notice, which the text does not name (no date).
    (re.compile(r"(?:本|当)月(?:底|末|上旬|中旬|下旬)?(?:前|之前|以前)|(?:本|当)月(?:底|末)"), "relative"),
]
_ISO = re.compile(r"^(?P<y>20\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?(?:前|之前)?$")


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _CN_NUM[text]


def _resolve_year(m: re.Match[str], plan_year: int | None) -> int | None:
    gd = m.groupdict()
    if gd.get("year"):
        return int(gd["year"])
    if gd.get("rel") in ("明年", "次年"):
        return plan_year + 1 if plan_year else None
    return plan_year


def _date_for(m: re.Match[str], kind: str, plan_year: int | None) -> dt.date | None:
    year = _resolve_year(m, plan_year)
    if year is None:
        return None
    gd = m.groupdict()
    try:
        if kind == "day":
            return dt.date(year, _month(gd["month"]), int(gd["day"]))
        if kind == "month":
            month = _month(gd["month"])
            part = gd.get("part") or ""
            if part == "上旬":
                return dt.date(year, month, 10)
            if part in ("中旬", "中"):
                return dt.date(year, month, 20)
            if part == "初":
                return dt.date(year, month, 5)
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        if kind == "half":
            return dt.date(year, 6, 30) if gd["half"] == "上半年" else dt.date(year, 12, 31)
        if kind == "quarter":
            q = _month(gd["quarter"])
            month = q * 3
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        if kind == "year":
            return dt.date(year, 12, 31)
        if kind == "relative":
            return None
    except ValueError:
        return None
    return None


def parse_deadline_cell(text: str, plan_year: int | None) -> Deadline:
    """The content of a 完成时限 cell → Deadline (a date when the words give one)."""
    text = text.strip()
    if not text:
        return Deadline()
    m = _ISO.match(text)
    if m:
        try:
            return Deadline(text="", date=dt.date(int(m["y"]), int(m["m"]), int(m["d"])))
        except ValueError:
            return Deadline(text=text)
    found = find_deadline(text, plan_year)
    if found is not None:
        return Deadline(text=text, date=found.date)
    return Deadline(text=text)


# Every pattern above holds one of these characters: text without them has no deadline.
_TIME_CHARS = ("年", "月", "季")


@functools.lru_cache(maxsize=16384)  # the same wordings (cells, clauses) are looked at again and again
def find_deadline(text: str, plan_year: int | None) -> Deadline | None:
    """The deadline written inside running text (``…年底前全面完成…``), if any.

    When several are written the latest date wins (the work is done when the
    last step is). ``text`` of the result is the phrase as written.
    """
    if not any(ch in text for ch in _TIME_CHARS):
        return None
    best: tuple[dt.date | None, str, int] | None = None
    taken: list[tuple[int, int]] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            day = _date_for(m, kind, plan_year)
            cand = (day, m.group(0), m.start())
            if best is None or (day and (best[0] is None or day > best[0])):
                best = cand
    if best is None:
        return None
    return Deadline(text=best[1], date=best[0])


def deadline_words(text: str) -> str | None:
    """A recognised non-date deadline wording (持续推进, 长期坚持, 每季度…) at the start of ``text``."""
    for word in L.DEADLINE_WORDS:
        if text.startswith(word):
            return word
    return None


# A short phrase that opens with a time expression (9月投入使用, 年内见成效, 5月底前动工).
_TIME_START = re.compile(r"^(?:\d{4}\s*年|\d{4}[-./]\d|\d{1,2}\s*月|[一二三四五六七八九十]{1,3}\s*月|年底|年内|年中|"
                         r"上半年|下半年|全年|第?[一二三四1-4]\s*季度|每[年月季周半]|长期|持续|常态化)")


_ADVERB_START = re.compile(r"^(?:长期|持续|常态化)")
# A cadence alone (季度, 按月, 逐季, 每学年, 半年度一次): how often, a deadline wording, never a name.
_CADENCE = re.compile(r"^(?:(?:按|逐|每)(?:季度?|月度?|年度?|半年度?|学年|学期|周|旬)|季度|月度|年度|半年度?)(?:一次|一报)?$")


# Before an event, or each time it comes (开学前, 汛期前, 国庆节前, 每学期开学前): a deadline
# wording (目前, 当前: one character before 前, never; nor 月底前, the tail of a wrapped date).
_EVENT_BEFORE = re.compile(r"^(?:每(?:学期|学年|年|季度?|月))?(?![年月日号底末季旬])[\u4e00-\u9fff]{2,5}(?<![底末])"
                           r"(?:前|之前|以前)$")


# The start or end of a recurring period (每学期初, 学年末, 每月中, 季末前): when in each one
# (a bare 月 or 年 needs its 每: 月底前 alone is a wrapped date's tail).
_PERIOD_EDGE = re.compile(r"^(?:每个?(?:学期|学年|年度?|季度?|半年|月|周|旬)|学期|学年|年度|季度?|半年)"
                          r"(?:初|末|底|中)(?:前|之前)?$")


def is_deadline_phrase(text: str, max_len: int = 14) -> bool:
    """Whether ``text`` (a whole cell or clause) is a deadline: a short phrase that opens
    with a time expression, a recognised deadline wording, or mostly one deadline."""
    t = text.strip()
    if not t or len(t) > max_len:
        return False
    m = _ADVERB_START.match(t)
    if m and len(t) - m.end() > 3 and not deadline_words(t[m.end():]) and find_deadline(t, None) is None:
        # 持续优化营商环境: an adverb of duration before a verb and its object opens a goal or
        # task, not a deadline (持续推进中, 长期坚持, 常态化推进 stay deadlines).
        return False
    if deadline_words(t) or _TIME_START.match(t) or _CADENCE.match(t) or _EVENT_BEFORE.match(t) \
            or _PERIOD_EDGE.match(t):
        return True
    found = find_deadline(t, None)
    return found is not None and len(found.text) >= len(t) - 4


# One deadline stated once for every item, in the notice's opening or closing
# paragraph: 并于5月20日前将问题整改完成, 务必于4月19日前整改完毕, 请于6月底前报送落实情况.
_DOCUMENT_DEADLINE = re.compile(
    r"(?:于|在)\s*(?P<when>[^，,。；;：:（）()于在]{2,16}?(?:(?:底|末)(?:前|之前|以前)?|前|之前|以前))\s*"
    r"[^，,。；;]{0,14}?(?:完成|完毕|到位|办结|整改|销号|落实|报送|上报|反馈)")


def document_deadline(lines: list[str]) -> str | None:
    """The one deadline these paragraphs set for the whole list (None when
    there is none, or several different ones: then none is chosen)."""
    found = {m.group("when").strip() for line in lines for m in _DOCUMENT_DEADLINE.finditer(line)
             if (d := find_deadline(m.group("when"), None)) is not None
             and len(d.text) >= len(m.group("when").strip()) - 2}
    return found.pop() if len(found) == 1 else None
