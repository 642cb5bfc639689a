"""The cell-stream reader: one cell per line, aligned to the header's columns."""

from __future__ import annotations

import pytest

from xltools.importing.builder import build_plan
from xltools.model import Role
from xltools.importing.readers import read_source
from xltools.importing.readers.columns import cell_type, header_role
from xltools.importing.readers.stream import read_cell_stream


def _plan(text: str):
    return build_plan(*read_source(text.encode("utf-8"), "t.txt"))


def _cells(*rows: list[str], header: list[str], blank: bool = True) -> str:
    sep = "\n\n" if blank else "\n"
    return sep.join(["某县2024年重点工作分解表", *header, *(c for r in rows for c in r)]) + "\n"


@pytest.mark.parametrize("word,kind,role", [
    ("牵头组织实施单位", "units", "牵头"), ("责任主体与协同单位", "units", ""), ("协同单位", "units", "配合"),
    ("第二季度完成情况", "progress", ""), ("包保领导", "people", ""), ("时间节点", "deadline", ""),
    ("攻坚目标任务", "requirement", ""), ("民生实事", "text", ""), ("工 作 任 务", "task", "")])
def test_header_words_read_by_their_head_noun(word: str, kind: str, role: str) -> None:
    r = header_role(word)
    assert r is not None and (r.kind, r.role) == (kind, role)


@pytest.mark.parametrize("text,ctype", [
    ("3", "number"), ("（十二）", "number"), ("12月底前", "deadline"), ("9月投入使用", "deadline"),
    ("年内见成效", "deadline"), ("县住建局", "units"), ("市工商联", "units"), ("欧乾震", "person"),
    ("现代化美丽城镇", "title"), ("开工建设老年大学。", "sentence")])
def test_cell_types(text: str, ctype: str) -> None:
    assert cell_type(text) == ctype


def test_multi_line_unit_cells_and_a_merged_row() -> None:
    text = _cells(["1", "新建人行天桥两座。", "县住建局", "县交通局", "县公安局", "9月底前"],
                  ["2", "开工建设县老年养护楼。", "县民政局", "5月底前动工"],
                  ["开工建设老年大学。", "12月底前"],
                  ["3", "迁建县政务服务中心。", "县政务服务中心", "年底前"],
                  header=["序号", "民生实事", "责任单位", "完成时限"])
    plan = _plan(text)
    reqs = {r.id: r for r in plan.requirements}
    assert [r.text for r in plan.requirements] == ["新建人行天桥两座。", "开工建设县老年养护楼。",
                                                   "开工建设老年大学。", "迁建县政务服务中心。"]
    assert {a.unit for a in plan.assignments_for("1-1")} == {"县住建局", "县交通局", "县公安局"}
    # The second requirement of task 2 shares the merged 序号 and 责任单位 cells.
    assert [a.unit for a in plan.assignments_for("2-2")] == ["县民政局"]
    assert (reqs["2-1"].deadline.text, reqs["2-2"].deadline.text) == ("5月底前动工", "12月底前")
    assert any("民生实事" in n.message for n in plan.notes)  # the column decided by content


def test_wrapped_header_words_people_and_progress_columns() -> None:
    text = _cells(["1", "水库工程政策处理", "张三", "水库工程政策处理工作领导小组", "完成项目政策处理工作。",
                   "推进迁移工作。", "迁移进度达60%。"],
                  ["2", "美丽城镇建设", "李四", "乡村振兴办", "创建省级美丽城镇。", "按节点推进。", "完成投资过半。"],
                  header=["序号", "重点工作", "责任", "领导", "责任", "科室", "攻坚目标", "任务", "工作任务安排",
                          "第二季度", "完成情况"])
    plan = _plan(text)
    assert [(t.name, [r.text for r in t.requirements]) for t in plan.tasks] == [
        ("水库工程政策处理", ["完成项目政策处理工作。"]), ("美丽城镇建设", ["创建省级美丽城镇。"])]
    assert [a.unit for a in plan.assignments_for("1-1")] == ["水库工程政策处理工作领导小组"]
    assert [(a.unit, a.role) for a in plan.assignments_for("2-1")] == [("乡村振兴办", Role.RESPONSIBLE)]
    remark = plan.requirement("1-1").remark
    assert "张三" in remark and "迁移进度达60%" in remark  # people and progress kept, never units
    assert not any(u.name in ("张三", "李四") for u in plan.units)


def test_rows_separated_by_blank_lines_cells_on_consecutive_lines() -> None:
    text = ("任务分工\n\n重点工作\n具体要求\n责任单位\n完成时限\n\n"
            "优化营商环境\n推行一网通办，压缩办理时限。\n市政务服务局\n市数据局\n6月底前\n\n"
            "强化监管\n开展双随机抽查。\n市市场监管局\n年底前\n")
    plan = _plan(text)
    assert [t.name for t in plan.tasks] == ["优化营商环境", "强化监管"]
    assert {a.unit for a in plan.assignments_for("1-1")} == {"市政务服务局", "市数据局"}
    assert plan.requirement("2-1").deadline.text == "年底前"


def test_no_header_is_no_stream() -> None:
    assert read_cell_stream("第一行\n第二行\n第三行\n", "t.txt") is None


# ---------------------------------------------------------------- issue 17: labels and glued headers
@pytest.mark.parametrize("word,kind,role", [
    ("牵头督办单位", "units", "牵头"), ("主要协作部门", "units", "配合"), ("牵头科室（单位）", "units", "牵头"),
    ("主抓单位", "units", "牵头"), ("协同配合部门", "units", "配合"),
    ("具体落实单位", "units", ""), ("牵头负责领导", "people", ""), ("2024年重点工作任务", "task", ""),
    ("2024年1-6月进展情况", "progress", ""), ("年度投资金额（万元）", "amount", ""), ("建设地点", "place", ""),
    ("一季度", "progress", "")])
def test_label_grammar(word: str, kind: str, role: str) -> None:
    r = header_role(word)
    assert r is not None and (r.kind, r.role) == (kind, role)


def test_label_in_running_text_and_addressees() -> None:
    from xltools.importing.readers.columns import find_labels, label_kind

    assert [w for _, _, w in find_labels("牵头领导：王五牵头单位：区发改局")] == ["牵头领导", "牵头单位"]
    assert label_kind("各单位") is None and label_kind("局属各单位") is None  # addressees, not labels
    assert find_labels("整改要求：由区城管局负责") == []


def test_glued_header_is_split_into_words() -> None:
    from xltools.importing.readers.columns import split_glued_header

    assert split_glued_header("序号重点任务牵头单位配合单位完成时限") == (
        "序号", "重点任务", "牵头单位", "配合单位", "完成时限")
    assert split_glued_header("加强水资源保护严守水资源开发利用控制红线") is None
    text = ("民生实事项目表\n序号工作任务牵头单位配合单位\n1\n\n新建幼儿园3所。\n\n县教育局\n\n县财政局\n\n"
            "2\n\n改造老旧小区5个。\n\n县住建局\n\n各街道\n")
    plan = _plan(text)
    assert [r.text for r in plan.requirements] == ["新建幼儿园3所。", "改造老旧小区5个。"]
    assert {(a.unit, a.role) for a in plan.assignments_for("2-1")} == {("县住建局", Role.LEAD),
                                                                       ("各街道", Role.ASSIST)}


def test_cells_ended_by_pipes_one_per_line() -> None:
    rows = [["序号 |", "问题描述 |", "责任单位 |", "备注 |"], ["1 |", "东街路灯损坏 |", "城管局 |", "|"],
            ["2 |", "西街井盖缺失 |", "住建局 |", "|"], ["3 |", "南街积水严重 |", "市政处 |", "|"]]
    plan = _plan("问题汇总表\n" + "\n".join(c for r in rows for c in r) + "\n")
    assert [r.text for r in plan.requirements] == ["东街路灯损坏", "西街井盖缺失", "南街积水严重"]
    assert [a.unit for a in plan.assignments] == ["城管局", "住建局", "市政处"]


def test_a_role_word_alone_heads_a_units_column() -> None:
    text = ("| 序号 | 工作任务 | 牵头 | 配合 |\n|---|---|---|---|\n| 1 | 推进老旧小区改造 | 区住建局 | 各街道 |\n"
            "| 2 | 建设口袋公园 | 区园林局 | 区城管局、各街道 |\n")
    plan = _plan(text)
    assert {(a.unit, a.role) for a in plan.assignments_for("2-1")} == {
        ("区园林局", Role.LEAD), ("区城管局", Role.ASSIST), ("各街道", Role.ASSIST)}
    csv = "序号,事项,具体举措,主办,协办\n1,优化审批,推行容缺受理,市政务局,各县区\n2,减税降费,落实减税政策,市税务局,市财政局\n"
    plan = build_plan(*read_source(csv.encode("utf-8"), "t.csv"))
    assert {(a.unit, a.role) for a in plan.assignments_for("1-1")} == {("市政务局", Role.LEAD), ("各县区", Role.ASSIST)}
