"""A ruled table's text in pdftotext's reading order (no option): cell by cell,
each cell's wrapped lines one after another, short cells at one height on one
line (readers/cellorder.py). Wording and units of no corpus document."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.readers.cellorder import read_cell_order
from xltools.model import Role
from textplans import plan_of, unit_roles


# A township's sanitation table: the 序/号, 办结时/间 and 协办单/位 header words wrapped by
# narrow cells, a goal row spanning the table, text cells of eleven characters a line, units
# cells of five, short cells at one height on one line (各村委会 6 月底前), numbers spaced by
# the extraction, a page number and the header repeated on page 2, and a second measure of
# task 3 under its merged number cell.
CELL_ORDER = """\
某镇2025年人居环境整治任务清单
为抓好整治工作，现将任务分解如下，请各单位认真抓好落实。
序
号
重点任务 牵头单位 协办单
位
办结时
间
一、村容村貌整治
1 清理房前屋后乱堆乱放杂
物，建立长效保洁机制。
镇农业服务
中心
各村委会 6 月底前
2 整治河塘沟渠漂浮垃圾，
落实河长巡河制度，每月
巡查不少于 2 次。
镇水利站 镇环卫所、
各村委会
2025 年 9
月底前
- 1 -

序
号
重点任务 牵头单位 协办单
位
办结时
间
3 推进农村改厕后续管护，
完善粪污收运体系。
镇卫生院 镇财政所 长期坚持
开展公厕星级评定。 镇卫生院 各村委会 每季度
4 规范农村生活污水处理设
施运维。
镇生态环境
办
镇水利站 年底前
"""


def test_cell_order_rebuilds_rows() -> None:
    plan = plan_of(CELL_ORDER)
    assert [r.text for r in plan.requirements] == [
        "清理房前屋后乱堆乱放杂物，建立长效保洁机制。", "整治河塘沟渠漂浮垃圾，落实河长巡河制度，每月巡查不少于2次。",
        "推进农村改厕后续管护，完善粪污收运体系。", "开展公厕星级评定。", "规范农村生活污水处理设施运维。"]
    assert [g.name for g in plan.goals] == ["村容村貌整治"]
    ids = [r.id for r in plan.requirements]
    assert unit_roles(plan, ids[0]) == {("镇农业服务中心", Role.LEAD), ("各村委会", Role.ASSIST)}
    assert unit_roles(plan, ids[1]) == {("镇水利站", Role.LEAD), ("镇环卫所", Role.ASSIST), ("各村委会", Role.ASSIST)}
    assert unit_roles(plan, ids[3]) == {("镇卫生院", Role.LEAD), ("各村委会", Role.ASSIST)}
    assert unit_roles(plan, ids[4]) == {("镇生态环境办", Role.LEAD), ("镇水利站", Role.ASSIST)}
    deadlines = [r.deadline.display for r in plan.requirements]
    assert "6月底" in deadlines[0] and "9月底" in deadlines[1]
    assert deadlines[2:4] == ["长期坚持", "每季度"]
    # The second measure of task 3 stands under the merged number: it belongs to task 3.
    assert ids[2].split("-")[0] == ids[3].split("-")[0]


def test_guesses_are_on_the_review_sheet() -> None:
    events, meta = read_cell_order(CELL_ORDER, "t.txt")
    notes = [n[1] for n in meta.review]
    assert any("开展公厕星级评定" in n and "3" in n for n in notes)  # the row under merged cells
    assert any(n.startswith(L.NOTE_HEADER_WRAPPED.split("：")[0]) and "协办单位" in n for n in notes)
    # The page number and the repeated header are no row and no cell.
    assert all("- 1 -" not in getattr(e, "requirement", "") for e in events)
    skipped = [t for _, t in meta.skipped]
    assert "- 1 -" in skipped


def test_a_cell_that_does_not_fit_its_column_is_noted() -> None:
    text = CELL_ORDER.replace("镇水利站 年底前", "镇水利站 按月报送台账资料")
    events, meta = read_cell_order(text, "t.txt")
    assert any("按月报送台账资料" in n[1] for n in meta.review if n[1].startswith("按单元格顺序"))


def test_steps_aside_on_other_shapes() -> None:
    # Columns aligned by runs of spaces (pdftotext -layout), pipes, and rows read across the
    # page (pdfplumber: the lines inside a row hold pieces of several cells) are not its shape.
    layout = CELL_ORDER.replace("镇水利站 镇环卫所、", "镇水利站    镇环卫所、").replace(
        "各村委会 6 月底前", "各村委会    6 月底前").replace("镇卫生院 镇财政所", "镇卫生院    镇财政所")
    assert read_cell_order(layout, "t.txt") is None
    across = """\
序号 重点任务 牵头单位 协办单位 办结时间
1 清理房前屋后乱堆乱放杂 镇农业服务 各村委会 2025年6
物，建立长效保洁机制。 中心 月底前
2 整治河塘沟渠漂浮垃圾， 镇水利站 镇环卫所、 2025年9
落实河长巡河制度。 各村委会 月底前
3 推进农村改厕后续管护， 镇卫生院 镇财政所、 长期坚持
完善粪污收运体系。 各村委会
"""
    assert read_cell_order(across, "t.txt") is None
    # Rows on one line each (space-separated rows): nothing wrapped, the space-rows readers' shape.
    one_line = """\
序号 重点任务 牵头单位 协办单位 办结时间
1 清理房前屋后杂物。 镇农业服务中心 各村委会 6月底前
2 整治河塘沟渠漂浮垃圾。 镇水利站 镇环卫所 9月底前
3 推进农村改厕后续管护。 镇卫生院 镇财政所 长期坚持
"""
    assert read_cell_order(one_line, "t.txt") is None
    # One cell per line, no line shared by two cells (a web page's table saved or scraped as
    # text): the cell-stream reader's shape — pdftotext puts a row's number beside its first cell.
    per_line = """\
序号
重点任务
牵头单位
协办单位
1
清理房前屋后乱堆乱放杂物，建立长效保洁机制。
镇农业服务中心
各村委会
2
整治河塘沟渠漂浮垃圾，落实河长巡河制度。
镇水利站
镇环卫所、各村委会
3
推进农村改厕后续管护，完善粪污收运体系。
镇卫生院
镇财政所、各村委会
"""
    assert read_cell_order(per_line, "t.txt") is None
    # Prose with numbered items has no header of short lines above it.
    assert read_cell_order("一、总体要求\n1 各村要清理房前屋后杂物。\n2 镇水利站负责巡河。\n", "t.txt") is None


# The same kind of table without a number column: rows are found by the cells alone
# (a text cell opens each row), between goal rows.
NO_NUMBERS = """\
某街道2025年为民办实事分工表
工作事项 牵头部门 配合部门 完成时
间
一、办好社区民生服务
新建社区老年食堂两处，解
决辖区老人就餐难题。
街道民政办 各社区居委
会
9 月底前
改造背街小巷照明设施，消
除夜间出行安全隐患。
街道城管科 街道平安办 年底前
二、优化辖区营商环境
开展“一门式”政务服务改
革，压缩办事等候时间。
街道便民服
务中心
街道经发办 长期坚持
"""


def test_rows_without_numbers() -> None:
    plan = plan_of(NO_NUMBERS)
    assert [r.text for r in plan.requirements] == [
        "新建社区老年食堂两处，解决辖区老人就餐难题。", "改造背街小巷照明设施，消除夜间出行安全隐患。",
        "开展“一门式”政务服务改革，压缩办事等候时间。"]
    events, meta = read_cell_order(NO_NUMBERS, "t.txt")
    assert [e.goal for e in events] == ["办好社区民生服务", None, "优化辖区营商环境"]
    ids = [r.id for r in plan.requirements]
    assert unit_roles(plan, ids[0]) == {("街道民政办", Role.LEAD), ("各社区居委会", Role.ASSIST)}
    assert unit_roles(plan, ids[1]) == {("街道城管科", Role.LEAD), ("街道平安办", Role.ASSIST)}
    assert unit_roles(plan, ids[2]) == {("街道便民服务中心", Role.LEAD), ("街道经发办", Role.ASSIST)}
    assert [r.deadline.display for r in plan.requirements][1:] == ["年底前", "长期坚持"]
    assert any(n[1] == L.NOTE_ROWS_BY_ORDER for n in meta.review)


# pdftotext -raw writes quotation marks of another font on a line of their own, above the
# line they belong to, which keeps a single space where each group stood; a merged 重点工作
# cell stands once, in the first of its numbered rows.
QUOTED = """\
某街道2025年基层治理重点任务清单
序
号
重点工作 具体事项 责任科室 完成时
限
1 网格治理
提升
“ ” “
实行 网格员 包户走访，形成 日
”“ ”
清 周结 台账。
社区管理办 2025 年 5
月底前
2 完善网格事项准入清单，年内
动态调整一次。
党政办 2025 年 12
月底前
3 “ ”
推广 民情茶馆 议事做法，每
个社区每季度议事不少于一次。
社区管理办 每季度
"""


def test_quotes_on_a_line_of_their_own_go_back() -> None:
    plan = plan_of(QUOTED)
    reqs = plan.requirements
    assert [r.text for r in reqs] == [
        "实行“网格员”包户走访，形成“日清”“周结”台账。",
        "完善网格事项准入清单，年内动态调整一次。",
        "推广“民情茶馆”议事做法，每个社区每季度议事不少于一次。"]
    # The merged 重点工作 cell: the title is carried onto row 2, which keeps its own number.
    tasks = [(t.number, t.name) for t in plan.tasks]
    assert tasks[:2] == [(1, "网格治理提升"), (2, "网格治理提升")]
    assert unit_roles(plan, reqs[1].id) == {("党政办", Role.RESPONSIBLE)}
