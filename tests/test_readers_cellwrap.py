"""A one-cell-per-line stream whose cells a PDF page hard-wrapped (a viewer's copy
of a ruled table), with a page footer and the header repeated inside a row:
readers/cellwrap.py through readers/stream.py. Wording of no corpus document."""

from __future__ import annotations

from xltools.importing.readers.cellwrap import furniture, hard_wrapped, recut_rows
from xltools.model import Role
from textplans import plan_of, unit_roles


STREAM = """\
某市2025年食品安全攻坚行动任务清单
序号
攻坚任务
责任单位
完成时限
1
开展校园食品安全守护行动，
全市中小学食堂“互联网+明
厨亮灶”覆盖率达到100%
市教育局、市市
场监督管理局、
各区（县）人民
政府
2025年9月
底前
2
严厉打击农村假冒伪劣食品，
查办案件不少于120件
市市场监督管
理局、市公安
局治安支队
2025年12
月底前
第 1 页 共 2 页
序号
攻坚任务
责任单位
完成时限
3
推进餐饮质量安全提升行动，
建成放心餐饮示范街区6条
市商务局、市
市场监督管理
局
长期坚持
"""


def test_hard_wrapped_cells_footer_and_repeated_header() -> None:
    plan = plan_of(STREAM)
    assert [r.text for r in plan.requirements] == [
        "开展校园食品安全守护行动，全市中小学食堂“互联网+明厨亮灶”覆盖率达到100%",
        "严厉打击农村假冒伪劣食品，查办案件不少于120件", "推进餐饮质量安全提升行动，建成放心餐饮示范街区6条"]
    assert {u for u, _ in unit_roles(plan, "1-1")} == {"市教育局", "市市场监督管理局", "各区（县）人民政府"}
    assert unit_roles(plan, "2-1") == {("市市场监督管理局", Role.RESPONSIBLE), ("市公安局治安支队", Role.RESPONSIBLE)}
    assert {u for u, _ in unit_roles(plan, "3-1")} == {"市商务局", "市市场监督管理局"}
    assert [r.deadline.display for r in plan.requirements][2] == "长期坚持"
    assert "9月底" in plan.requirements[0].deadline.display
    assert "12月底" in plan.requirements[1].deadline.display


def test_lines_a_writer_broke_are_not_recut() -> None:
    # One unit per line, each line a whole name: no page wrapped these cells.
    kinds = ["number", "requirement", "units"]
    rows = [[["1"], ["建立食品抽检结果通报制度。"], ["市市场监督管理局", "市卫生健康委"]],
            [["2"], ["完善农贸市场快检室建设。"], ["市商务局", "各区（县）人民政府"]]]
    widths = [1, 26, 16]
    assert not hard_wrapped(kinds, rows, widths)
    assert recut_rows(kinds, rows) == (rows, [0, 1])


def test_page_furniture() -> None:
    header = ["序号", "攻坚任务", "责任单位"]
    texts = ["1", "开展行动", "第 1 页 共 2 页", "序号", "攻坚任务", "责任单位", "市商务局", "- 2 -", "3"]
    assert furniture(texts, header) == {2, 3, 4, 5, 7}  # a bare number is a row's, not a page's
