"""整改清单 (a rectification list): the problem is the requirement, the measure its detail.

A problem column is recognised by its header's grammar (head noun 问题, or 问题 qualified by
how it shows: 问题表现, 问题描述, 问题清单 — ``labels.HEADER_GRAMMAR``), never by a list of whole
headers, and decided where every reader resolves its column kinds
(``columns.problem_columns`` inside ``resolve_text_columns``). The tables and items here use
wording none of the corpora has (审计指出问题, 整改举措, 承办科室, 办结时间…)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from xltools.documents.export import export_plan, layout
from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.columns import header_role, is_problem_header, problem_columns, resolve_text_columns
from xltools.model import Role
from textplans import plan_of

HEADER = ["编号", "审计指出问题", "整改举措", "承办科室", "办结时间"]
ROWS = [
    ["1", "部分专项资金拨付不及时，滞留在账时间超过半年", "建立专项资金拨付台账，逐月核对拨付进度；对滞留资金限期拨付", "预算股", "2025年9月底前"],
    ["2", "政府采购程序执行不规范，个别项目未公开招标", "开展政府采购专项自查，完善内控流程", "采购办", "2025年10月底前"],
    ["3", "国有资产账实不符，部分设备未登记入账", "组织资产全面清查盘点，补录资产卡片", "资产管理股", "长期坚持"],
]


def _check(plan) -> None:
    reqs = plan.requirements
    assert [r.text[:8] for r in reqs] == ["部分专项资金拨付", "政府采购程序执行", "国有资产账实不符"]
    assert reqs[0].remark.startswith("整改举措：建立专项资金拨付台账")
    assert "对滞留资金限期拨付" in reqs[0].remark  # the measure is kept whole
    assert [(a.unit, a.role) for a in plan.assignments_for(reqs[2].id)] == [("资产管理股", Role.RESPONSIBLE)]
    assert reqs[1].deadline.text == "2025年10月底前"


@pytest.mark.parametrize("header,problem", [
    ("审计指出问题", True), ("突出问题", True), ("问题具体表现", True), ("巡察发现的问题", True),
    ("问题描述", True), ("問題清單", True),
    ("问题类别", False),  # a category of problems: a goal column
    ("问题整改进展情况", False),  # progress
    ("问题责任单位", False),  # units
    ("存在问题及整改措施", False),  # one column holding both: the requirement's
])
def test_problem_header_by_grammar(header: str, problem: bool) -> None:
    assert is_problem_header(header) is problem


def test_problem_column_is_the_requirement_and_the_measures_are_kept() -> None:
    kinds = [r.kind if (r := header_role(h)) else "text" for h in HEADER]
    assert kinds[1:3] == ["text", "requirement"]
    assert problem_columns(kinds, HEADER) == (["number", "requirement", "text", "units", "deadline"], 1)
    # A task or a target column right of the problem says what is done about it too.
    headers = ["序号", "存在问题", "整改目标", "整改任务", "责任单位"]
    kinds = [r.kind if (r := header_role(h)) else "text" for h in headers]
    assert problem_columns(kinds, headers)[0] == ["number", "requirement", "text", "text", "units"]
    # Every reader resolves kinds through resolve_text_columns: the rule holds there.
    texts = [[r[i] for r in ROWS] for i in range(len(HEADER))]
    assert resolve_text_columns([r.kind if (r := header_role(h)) else "text" for h in HEADER], texts,
                                HEADER)[0][1:3] == ["requirement", "text"]


def test_problems_after_progress_are_no_requirement() -> None:
    """A progress report lists its problems after the work: 存在问题 there is a remark."""
    headers = ["序号", "重点工作", "责任单位", "推进情况", "存在问题"]
    kinds = [r.kind if (r := header_role(h)) else "text" for h in headers]
    assert problem_columns(kinds, headers) == (kinds, None)
    text = "\t".join(headers) + "\n" + "\n".join("\t".join(r) for r in [
        ["1", "推进老旧小区改造", "县住建局", "已开工12个", "资金到位慢"],
        ["2", "新建城区停车场", "县城管局", "完成选址", "用地指标不足"],
        ["3", "实施农村道路提升", "县交通局", "完成招标", "无"]]) + "\n"
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["推进老旧小区改造", "新建城区停车场", "实施农村道路提升"]
    assert "存在问题：资金到位慢" in plan.requirements[0].remark


def test_tab_rows() -> None:
    text = "县财政局审计整改清单\n" + "\n".join("\t".join(r) for r in [HEADER, *ROWS]) + "\n"
    _check(plan_of(text))


def test_pipe_rows() -> None:
    text = "县财政局审计整改清单\n" + "\n".join("| " + " | ".join(r) + " |" for r in [HEADER, *ROWS]) + "\n"
    _check(plan_of(text))


def test_one_cell_per_line() -> None:
    lines = ["县财政局审计整改清单", ""] + HEADER + [""]
    for r in ROWS:
        lines += r + [""]
    _check(plan_of("\n".join(lines) + "\n"))


def test_xlsx_and_export_give_the_measure_back() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县财政局审计整改清单"])
    for r in [HEADER, *ROWS]:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    plan = build_plan(*read_source(buf.getvalue(), "t.xlsx"))
    _check(plan)
    assert plan.info.source_columns == tuple(HEADER)
    lay = layout(plan)
    assert lay.header == tuple(HEADER)
    # The measure stands in its own column again, whole (its ； kept), as wide as the problem.
    assert lay.rows[0][2] == ROWS[0][2]
    assert lay.widths[2] == lay.widths[1]
    out = io.BytesIO()
    export_plan(plan, out, fmt="xlsx")
    again = build_plan(*read_source(out.getvalue(), "again.xlsx"))
    assert [(r.text, r.remark) for r in again.requirements] == [(r.text, r.remark) for r in plan.requirements]


def test_prose_items_keep_the_problem_and_their_measure() -> None:
    text = """县审计局关于审计发现问题整改情况的报告
一、预算执行方面
1、部分专项资金拨付不及时，滞留在账时间超过半年。
整改举措：建立专项资金拨付台账，逐月核对拨付进度；对滞留资金限期拨付，在本年10月底前完成。
承办科室：预算股
二、资产管理方面
事项二：国有资产账实不符，部分设备未登记入账。
工作措施：组织资产全面清查盘点，补录资产卡片。
承办科室：资产管理股
办结时间：长期坚持
"""
    plan = plan_of(text)
    reqs = plan.requirements
    assert [r.text for r in reqs][:1] == ["部分专项资金拨付不及时，滞留在账时间超过半年。"]
    assert reqs[0].remark.startswith("整改举措：建立专项资金拨付台账")
    # the deadline written in the measure is the item's
    assert reqs[0].deadline.text == "本年10月底前"
    # 工作措施 after an item that is no problem by its marker nor a rectification's label: kept whole
    assert reqs[1].text.startswith("国有资产账实不符") and "组织资产全面清查盘点" in reqs[1].text


def test_prose_problem_noun_item() -> None:
    text = """某局巡察反馈问题整改清单
问题1：干部教育培训计划执行不到位，年度培训完成率偏低。
工作措施：修订年度培训计划，按季度通报完成情况。
责任科室：人事科
完成时限：2025年12月底前
问题2：档案管理不规范，部分文书档案未及时归档。
工作措施：开展档案清理，建立归档责任制。
责任科室：办公室
完成时限：2025年8月底前
"""
    plan = plan_of(text)
    reqs = plan.requirements
    assert [r.text for r in reqs] == ["干部教育培训计划执行不到位，年度培训完成率偏低。",
                                     "档案管理不规范，部分文书档案未及时归档。"]
    assert reqs[1].remark.startswith("工作措施：开展档案清理")


def test_pipe_closed_cells() -> None:
    """One cell per line ending ` |`, rows closed by lines of pipes (a web page copied as
    text): the problem column is the requirement, a title column of places its task."""
    lines = ["某区市容巡查发现问题交办表"]
    for row in [["编号", "巡查点位名称", "发现的问题", "整改责任单位", "备注"],
                ["1", "滨江路", "人行道多处地砖破损松动", "区市政所", ""],
                ["2", "滨江路", "绿化带内堆放建筑垃圾", "区城管执法大队", ""],
                ["3", "人民广场", "夜间占道经营摊点较多", "广场街道办事处", ""]]:
        present = [c for c in row if c]
        lines += [f"{c} |" for c in present] + (["|" * (len(row) - len(present))] if len(present) < len(row) else [])
    plan = plan_of("\n".join(lines) + "\n")
    reqs = plan.requirements
    assert [r.text for r in reqs] == ["人行道多处地砖破损松动", "绿化带内堆放建筑垃圾", "夜间占道经营摊点较多"]
    assert [t.name for t in plan.tasks][:1] == ["滨江路"]


def test_lines_below_the_last_closed_row_are_no_cells() -> None:
    from xltools.importing.readers.piperows import _runs

    text = "表\n序号 |\n事项 |\n单位 |\n1 |\n修缮围墙 |\n|\n2 |\n清理边沟 |\n|\n3 |\n更换路灯 |\n|\n2025年6月3日\n"
    titles, stray, runs = _runs(text)
    assert [t for _, t in stray] == ["2025年6月3日"]
    assert all("2025年6月3日" not in t for r in runs for _, t in r.cells)
