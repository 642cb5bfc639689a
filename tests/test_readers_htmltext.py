"""Tables of web pages flattened by real tools (soffice txt:Text, a scraper's get_text, a
browser's copy): the reading rules they showed (tests/htmlbench.py), each on wording of its own."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.model import Role


def _plan(text: str):  # type: ignore[no-untyped-def]
    return build_plan(*read_source(text.encode("utf-8"), "t.txt"))


def _units(plan, start: str) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    req = next(r for _, _, r in plan.iter_requirements() if r.text.startswith(start))
    out: dict[str, set[str]] = {}
    for a in plan.assignments_for(req.id):
        out.setdefault({Role.LEAD: "lead", Role.ASSIST: "assist"}.get(a.role, "resp"), set()).add(a.unit)
    return out


def test_two_row_header_flattened_by_a_scraper() -> None:
    # 承办处室 over 主办处室 / 协办处室: the sub-headers come after the first row's last word.
    lines = ["区发改局督办事项分解表", "序号", "督办事项", "承办处室", "办结时间", "说明", "主办处室", "协办处室",
             "1", "编制园区循环化改造实施方案", "规划科", "投资科", "法规科", "9月底前",
             "2", "开展重点用能单位节能监察", "能源科", "环资科", "11月底前",
             "3", "推进社会信用体系示范创建", "信用办", "办公室", "政策法规科", "年底前"]
    plan = _plan("\n".join(lines) + "\n")
    assert _units(plan, "编制园区") == {"lead": {"规划科"}, "assist": {"投资科", "法规科"}}
    assert _units(plan, "开展重点") == {"lead": {"能源科"}, "assist": {"环资科"}}
    assert _units(plan, "推进社会") == {"lead": {"信用办"}, "assist": {"办公室", "政策法规科"}}


def test_blank_lines_are_empty_cells_in_a_table_saved_as_text() -> None:
    # LibreOffice's txt:Text of a web table: one line per cell, a blank line for an empty cell
    # or one a rowspan covers (here the merged 序号, 工作事项 and 办结时间 cells).
    lines = ["附表 政务公开重点事项清单", "序号", "工作事项", "公开内容", "主办股室", "协办股室", "办结时间",
             "一、决策公开", "1", "重大行政决策目录", "年初发布年度重大行政决策事项目录，动态调整。", "法制股",
             "办公室", "3月底前",
             "", "", "决策草案公开征求意见不少于30日，及时反馈采纳情况。", "法制股", "", "",
             "2", "政策解读", "政策文件与解读材料同步起草、同步审签、同步发布。", "政研室", "", "随文件发布",
             "二、执行公开", "3", "重点项目建设信息", "按季度公开批准、实施、竣工信息。", "项目股", "统计股", "每季度"]
    plan = _plan("\n".join(lines) + "\n")
    reqs = {r.text[:6]: (t, r) for _, t, r in plan.iter_requirements()}
    assert set(reqs) == {"年初发布年度", "决策草案公开", "政策文件与解", "按季度公开批"}
    assert reqs["决策草案公开"][0].name == "重大行政决策目录"
    assert _units(plan, "决策草案") == {"lead": {"法制股"}}
    assert _units(plan, "政策文件") == {"lead": {"政研室"}}
    assert _units(plan, "年初发布") == {"lead": {"法制股"}, "assist": {"办公室"}}
    goals = [g.name for g in plan.goals]
    assert goals == ["决策公开", "执行公开"]
