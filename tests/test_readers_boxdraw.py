"""Box-drawing text tables: wrapped cells, merged cells, misaligned borders."""

from __future__ import annotations

from pathlib import Path

from xltools.model import Role
from xltools.importing.readers.boxdraw import box_blocks
from textplans import plan_of

REAL = Path(__file__).parent / "fixtures" / "real"


ALIGNED = """\
┌────┬──────────┬──────────┬──────┐
│序号│具体要求            │责任单位            │完成时限│
├────┼──────────┼──────────┼──────┤
│1   │推进政务服务一网通办，│市政务服务局、市数据│6月底前 │
│    │压缩办理时限        │局                  │        │
├────┼──────────┼──────────┼──────┤
│2   │开展双随机抽查      │市市场监管局        │年底前  │
└────┴──────────┴──────────┴──────┘
"""


def test_wrapped_cells_are_joined() -> None:
    plan = plan_of(ALIGNED)
    assert [r.text for r in plan.requirements] == ["推进政务服务一网通办，压缩办理时限", "开展双随机抽查"]
    assert {a.unit for a in plan.assignments_for("1-1")} == {"市政务服务局", "市数据局"}
    assert plan.requirement("2-1").deadline.text == "年底前"


MERGED = """\
┌──────────────┬────┬──────┐
│工 作 任 务   │牵头单位│完成时限│
├──────────────┼────┼──────┤
│加强财政管理  │市财政局│年内见成│
├──────────────┤、市税务│ 效   │
│△调整支出结构 │局      │      │
│△加强税源监控 ├────┤      │
├──────────────┤市教育局│      │
│发展教育      │        │      │
├──────────────┤        │      │
│△改善办学条件 │        │      │
└──────────────┴────┴──────┘
"""


def test_bullets_under_a_title_row_and_merged_cells() -> None:
    plan = plan_of(MERGED)
    assert [(t.name, [r.text for r in t.requirements]) for t in plan.tasks] == [
        ("加强财政管理", ["调整支出结构", "加强税源监控"]), ("发展教育", ["改善办学条件"])]
    # The units cell of the first block starts beside the title; the second starts inside
    # the first block's bullets: cells are mapped to the task groups in order, with a note.
    for req_id in ("1-1", "1-2"):
        assert {(a.unit, a.role) for a in plan.assignments_for(req_id)} == {
            ("市财政局", Role.LEAD), ("市税务局", Role.LEAD)}
    assert {a.unit for a in plan.assignments_for("2-1")} == {"市教育局"}
    assert all(r.deadline.text == "年内见成效" for r in plan.requirements)
    assert any("不对齐" in n.message for n in plan.notes)


def test_two_tables_one_below_the_other_are_two_blocks() -> None:
    both = ALIGNED + ALIGNED.replace("开展双随机抽查", "规范行政执法")
    assert len(box_blocks(both)) == 2
    assert [r.text for r in plan_of(both).requirements][-1] == "规范行政执法"
    # A table cut off after its header (the end of a web excerpt) is no table.
    text = (REAL / "17_box-drawing-merged-fenguan-lingdao.txt").read_text(encoding="utf-8")
    assert len(box_blocks(text)) == 1


def test_ascii_grid_table() -> None:
    text = ("+----+------------+--------+\n| 序号 | 具体要求 | 责任单位 |\n+----+------------+--------+\n"
            "| 1 | 推进一网通办， | 市政务服务局 |\n|   | 压缩时限 |  |\n+----+------------+--------+\n"
            "| 2 | 开展抽查 | 市市场监管局 |\n+----+------------+--------+\n")
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["推进一网通办，压缩时限", "开展抽查"]
