"""Every source line is read into the model or set aside; a line lost inside
the table is listed on 待核对."""

from __future__ import annotations

from pathlib import Path

from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.accounting import account_lines

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "taonan-2019.txt"


def test_example_lines_are_all_accounted_for() -> None:
    data = EXAMPLE.read_bytes()
    events, meta = read_source(data, EXAMPLE.name)
    total, read, skipped = meta.lines
    assert total == read + skipped and read >= 60
    plan = build_plan(events, meta)
    assert not any(n.message == L.NOTE_LOST_LINE for n in plan.notes)
    assert dict(plan.info.extra)[L.SET_SOURCE_LINES].startswith(f"共 {total} 行")


def test_a_line_the_reader_dropped_is_listed() -> None:
    text = ("序号 | 工作任务 | 具体要求 | 责任单位\n1 | 优化服务 | 推行一网通办。 | 市政务服务局\n"
            "2 | 强化监管 | 开展双随机抽查。 | 市市场监管局\n3 | 加强队伍 | 开展业务培训。 | 市人社局\n")
    events, meta = read_source(text.encode("utf-8"), "t.txt")
    assert account_lines(text, events, meta).lost == ()
    # A reader that loses the middle row: its line is found unread, inside the table.
    lossy = [e for e in events if getattr(e, "line", None) != 3]
    assert [line for line, _ in account_lines(text, lossy, meta).lost] == [3]


def test_labels_read_by_grammar_and_bracketed_units_count_as_read() -> None:
    # Labels no vocabulary lists (承接科室, 办结节点), short items with their units in
    # brackets, a chapter heading: all read; a line the reader drops is still found.
    text = ("某馆2025年工作安排\n第一章　馆藏建设\n1.新增藏品50件。（承接科室：典藏部）\n"
            "2.修复古籍10册。〔承接科室：修复部；协作科室：典藏部〕办结节点：11月底前\n"
            "第二章　社会教育\n3.开展研学活动。（宣教部）\n")
    events, meta = read_source(text.encode("utf-8"), "t.txt")
    assert account_lines(text, events, meta).lost == ()
    lossy = [e for e in events if getattr(e, "line", None) != 4]
    assert [line for line, _ in account_lines(text, lossy, meta).lost] == [4]
