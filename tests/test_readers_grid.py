"""Grids of cells → rows: column meaning from header words, merged cells,
shifted rows, unlabelled 序号, people columns, section rows, two-row headers."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.model import Role
from xltools.importing.readers import read_source
from xltools.importing.readers.grid import Cell, GridReader, header_kind, split_number
from xltools.importing.readers.rows import RawRow
from textplans import unit_roles


def _rows(events):
    return [e for e in events if isinstance(e, RawRow)]


def _plan(text: str, name: str = "t.txt"):
    events, meta = read_source(text.encode("utf-8"), name)
    return build_plan(events, meta)


def test_header_kind_from_words_not_positions() -> None:
    assert header_kind("重点任务")[0] == "task"
    assert header_kind("具体措施")[0] == "requirement"
    assert header_kind("完成\n时限")[0] == "deadline"
    assert header_kind("牵头单位")[:2] == ("units", "牵头单位")
    assert header_kind("责任领导")[0] == "people"
    assert header_kind("责任单位（部门）") == ("units", "责任单位", False)
    assert header_kind("进展情况说明文字很长很长很长") is None


def test_split_number_prefixes() -> None:
    assert split_number("一、做好财政信息公开。") == ("一", "做好财政信息公开。")
    assert split_number("（三）加强监管") == ("三", "加强监管")
    assert split_number("12.完善制度") == ("12", "完善制度")
    assert split_number("1. 提升效率") == ("1", "提升效率")
    assert split_number("③推进") == ("3", "推进")
    assert split_number("6.2%左右") == (None, "6.2%左右")
    assert split_number("2019年底前") == (None, "2019年底前")


PIPE_SHIFTED = """\
工作任务 | 具体要求 | 责任部门 |
一、做好财政信息公开。 | 1.积极推进预算公开。 | 财务科 |
二、做好网站信息公开。 | 2.及时更新概况信息。 | 办公室 |
3.及时反馈网民意见。 | 各科室 | |
4.及时更新公众号信息。 | 办公室牵头,各科室配合 | |
"""


def test_pipe_rows_shifted_left_under_merged_task() -> None:
    plan = _plan(PIPE_SHIFTED)
    assert [(t.number, t.name, len(t.requirements)) for t in plan.tasks] == [
        (1, "做好财政信息公开", 1), (2, "做好网站信息公开", 3)]
    assert plan.requirement("2-2").text == "及时反馈网民意见。"
    assert unit_roles(plan, "2-3") == {("办公室", Role.LEAD), ("各科室", Role.ASSIST)}
    shifted = [n for n in plan.notes if n.message.startswith(L.NOTE_ROW_SHIFTED.split("（")[0])]
    assert [n.line for n in shifted] == [4, 5]


TAB_UNLABELLED_NUMBER = """\
2023年某县重点工作任务分工表
重点任务\t具体措施\t牵头单位\t配合单位\t完成时限
1\t优化营商环境\t深化"一网通办"改革，推行证照分离。\t县政务服务局\t县市场监管局、县司法局\t2023年6月底前
2\t加强基层治理\t完善网格化管理体系。\t县委政法委\t各乡镇人民政府\t持续推进
"""


def test_tab_table_with_unlabelled_number_column_and_role_columns() -> None:
    plan = _plan(TAB_UNLABELLED_NUMBER)
    assert plan.info.title == "2023年某县重点工作任务分工表" and plan.info.year == 2023
    assert [t.name for t in plan.tasks] == ["优化营商环境", "加强基层治理"]
    r = plan.requirement("1-1")
    assert r.text.startswith("深化") and r.deadline.text == "2023年6月底前"
    assert r.deadline.date is not None and r.deadline.date.isoformat() == "2023-06-30"
    assert unit_roles(plan, "1-1") == {("县政务服务局", Role.LEAD), ("县市场监管局", Role.ASSIST),
                                   ("县司法局", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("县委政法委", Role.LEAD), ("各乡镇人民政府", Role.ASSIST)}
    assert any(n.message == L.NOTE_UNLABELLED_NUMBER for n in plan.notes)


CSV_WITH_PEOPLE = """\
序号,工作任务,任务内容,责任领导,责任单位,时限要求
1,推进重大决策公开,"对涉及公众利益的重大事项,向社会公布决策草案。",张副市长,"市司法局牵头,各县(市、区)人民政府负责",6月底前
2,细化财政信息公开,全面推进预决算公开(吉厅字〔2016〕20号)。,李副市长,市财政局,年底前
"""


def test_csv_people_column_kept_as_remark_never_as_unit() -> None:
    plan = _plan(CSV_WITH_PEOPLE, "plan.csv")
    units = {a.unit for a in plan.assignments}
    assert not any("市长" in u for u in units)
    assert plan.requirement("1-1").remark == "责任领导：张副市长"
    assert unit_roles(plan, "1-1") == {("市司法局", Role.LEAD), ("各县（市、区）人民政府", Role.RESPONSIBLE)}
    assert plan.requirement("2-1").text == "全面推进预决算公开（吉厅字〔2016〕20号）。"
    assert plan.requirement("2-1").deadline.text == "年底前"


def test_grid_section_rows_two_row_header_and_repeated_header() -> None:
    rows = [
        [Cell("某市2024年政务公开工作要点任务分工")] + [Cell("某市2024年政务公开工作要点任务分工", from_left=True)] * 4,
        [Cell("序号"), Cell("重点任务"), Cell("责任单位"), Cell("责任单位", from_left=True), Cell("完成时限")],
        [Cell("序号", from_above=True), Cell("重点任务", from_above=True), Cell("牵头单位"), Cell("配合单位"),
         Cell("完成时限", from_above=True)],
        [Cell("一、深化政策解读")] + [Cell("一、深化政策解读", from_left=True)] * 4,
        [Cell("1"), Cell("做好政策解读"), Cell("市政府办公室"), Cell("市司法局"), Cell("6月底前")],
        [Cell("序号"), Cell("重点任务"), Cell("牵头单位"), Cell("配合单位"), Cell("完成时限")],
        [Cell("2"), Cell("回应社会关切"), Cell("市委网信办"), Cell(""), Cell("持续推进")],
        [Cell("二、加强平台建设")] + [Cell("二、加强平台建设", from_left=True)] * 4,
        [Cell("3"), Cell("规范政府网站"), Cell("市政务服务局"), Cell("各县（市、区）人民政府"), Cell("")],
    ]
    reader = GridReader("t.docx")
    assert reader.add_table(rows)
    events, meta = reader.result()
    assert meta.title == "某市2024年政务公开工作要点任务分工" and meta.year == 2024
    plan = build_plan(events, meta)
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [
        ("深化政策解读", ["做好政策解读", "回应社会关切"]), ("加强平台建设", ["规范政府网站"])]
    assert plan.requirement("1-1").text == "做好政策解读"
    assert unit_roles(plan, "1-1") == {("市政府办公室", Role.LEAD), ("市司法局", Role.ASSIST)}
    assert unit_roles(plan, "3-1") == {("市政务服务局", Role.LEAD), ("各县（市、区）人民政府", Role.ASSIST)}


def test_merged_units_cell_is_given_explicitly_but_empty_cell_inherits_with_note() -> None:
    rows = [
        [Cell("序号"), Cell("任务"), Cell("具体要求"), Cell("责任单位")],
        [Cell("1"), Cell("甲任务"), Cell("要求一。"), Cell("市财政局")],
        [Cell("1", from_above=True), Cell("甲任务", from_above=True), Cell("要求二。"),
         Cell("市财政局", from_above=True)],
        [Cell("2"), Cell("乙任务"), Cell("要求三。"), Cell("市审计局")],
        [Cell("2", from_above=True), Cell("乙任务", from_above=True), Cell("要求四。"), Cell("")],
    ]
    reader = GridReader("t.xlsx")
    reader.add_table(rows)
    plan = build_plan(*reader.result())
    assert [len(t.requirements) for t in plan.tasks] == [2, 2]
    assert unit_roles(plan, "1-2") == {("市财政局", Role.RESPONSIBLE)}
    assert unit_roles(plan, "2-2") == {("市审计局", Role.RESPONSIBLE)}
    inherited = [n.requirement_id for n in plan.notes if n.kind == L.REVIEW_UNITS and "沿用" in n.message]
    assert inherited == ["2-2"]


def test_numbered_lines_in_one_cell_become_requirements() -> None:
    rows = [
        [Cell("序号"), Cell("任务"), Cell("具体要求"), Cell("责任单位")],
        [Cell("1"), Cell("甲任务"), Cell("1.要求一；\n2.要求二；\n3.要求三。"), Cell("市财政局")],
    ]
    reader = GridReader("t.docx")
    reader.add_table(rows)
    plan = build_plan(*reader.result())
    assert [r.text for r in plan.requirements] == ["要求一；", "要求二；", "要求三。"]
    assert all(unit_roles(plan, r.id) == {("市财政局", Role.RESPONSIBLE)} for r in plan.requirements)


CELL_PER_LINE = """\
某区2022年重点工作分工
序号
重点工作
工作措施
责任单位
1
稳定工业增长
加快技改项目建设。
区工信局
培育规上企业。
区工信局、区统计局
2
扩大有效投资
谋划储备重大项目。
区发改局
"""


def test_one_cell_per_line_dump() -> None:
    plan = _plan(CELL_PER_LINE)
    assert [(t.number, t.name, len(t.requirements)) for t in plan.tasks] == [
        (1, "稳定工业增长", 2), (2, "扩大有效投资", 1)]
    assert unit_roles(plan, "1-2") == {("区工信局", Role.RESPONSIBLE), ("区统计局", Role.RESPONSIBLE)}


def test_no_header_and_no_items_is_a_clear_error() -> None:
    import pytest

    from xltools.errors import SourceFormatError

    with pytest.raises(SourceFormatError, match="没有找到任务分工表"):
        read_source("今天天气很好。\n明天也不错。\n".encode(), "x.txt")


def test_tab_copy_from_excel_with_quoted_newlines_and_sub_numbers() -> None:
    text = ('序号\t工作任务\t具体要求\t责任单位\n1.1\t加强监管\t"规范执法,\n推行公示"\t市司法局\n'
            "1.2\t加强监管\t开展检查\t市市场监督管理局\n2.1\t优化服务\t一网通办\t市政务服务局\n")
    plan = _plan(text)
    assert [(t.number, t.name, len(t.requirements)) for t in plan.tasks] == [
        (1, "加强监管", 2), (2, "优化服务", 1)]
    assert plan.requirement("1-1").text == "规范执法，推行公示"


def test_pipe_rows_shifted_under_merged_goal_and_task() -> None:
    text = ("目标 | 序号 | 任务 | 具体要求 | 责任单位 |\n"
            "加强解读 | 1 | 做好解读 | 要求一内容比较长一些的文字。 | 市政府办 |\n"
            "要求二内容也比较长一些的文字。 | 市司法局 | | | |\n"
            "2 | 回应关切 | 要求三内容也是比较长的文字。 | 市网信办 | |\n"
            "优化服务 | 3 | 规范网站 | 要求四内容也是比较长的文字。 | 市政务服务局 |\n")
    plan = _plan(text)
    assert [(g.name, [t.number for t in g.tasks]) for g in plan.goals] == [
        ("加强解读", [1, 2]), ("优化服务", [3])]
    assert unit_roles(plan, "1-2") == {("市司法局", Role.RESPONSIBLE)}
    assert unit_roles(plan, "2-1") == {("市网信办", Role.RESPONSIBLE)}


def test_labelled_units_inside_a_cell_and_goal_rows_numbered_in_chinese() -> None:
    rows = [
        [Cell("序号"), Cell("主要任务"), Cell("工作措施"), Cell("责任单位")],
        [Cell("一"), Cell("深化改革"), Cell("深化改革", from_left=True), Cell("深化改革", from_left=True)],
        [Cell("1"), Cell("推进一网通办"), Cell("整合服务平台。"),
         Cell("牵头单位：市政务服务局\n配合单位：市大数据局、市直各部门")],
        [Cell("二"), Cell("改善民生"), Cell("改善民生", from_left=True), Cell("改善民生", from_left=True)],
        [Cell("2"), Cell("稳定就业"), Cell("开展援助活动。"), Cell("市人社局牵头，市财政局配合")],
    ]
    reader = GridReader("t.docx")
    reader.add_table(rows)
    plan = build_plan(*reader.result())
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [
        ("深化改革", ["推进一网通办"]), ("改善民生", ["稳定就业"])]
    assert unit_roles(plan, "1-1") == {("市政务服务局", Role.LEAD), ("市大数据局", Role.ASSIST),
                                   ("市直各部门", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("市人社局", Role.LEAD), ("市财政局", Role.ASSIST)}


def test_bare_role_words_under_a_spanning_units_header() -> None:
    rows = [
        [Cell("序号"), Cell("重点任务"), Cell("责任单位"), Cell("责任单位", from_left=True), Cell("完成时限")],
        [Cell("序号", from_above=True), Cell("重点任务", from_above=True), Cell("牵头"), Cell("配合"),
         Cell("完成时限", from_above=True)],
        [Cell("1"), Cell("做好政策解读"), Cell("市政府办公室"), Cell("市司法局"), Cell("2021年6月底前")],
    ]
    reader = GridReader("t.xlsx")
    reader.add_table(rows)
    plan = build_plan(*reader.result())
    assert unit_roles(plan, "1-1") == {("市政府办公室", Role.LEAD), ("市司法局", Role.ASSIST)}
    assert plan.requirement("1-1").deadline.date.isoformat() == "2021-06-30"


def test_second_header_row_read_by_the_label_grammar() -> None:
    # 主办处室 / 协作处室 are no aliases: their modifiers name the roles.
    text = ("序号\t重点工作\t工作举措\t责任处室\t\t办结时间\n"
            "\t\t\t主办处室\t协作处室\t\n"
            "1\t深化放管服改革\t清理规范涉企收费。\t收费管理处\t法规处、综合处\t2026年3月底前\n"
            "2\t深化放管服改革\t推行信用承诺制。\t信用建设处\t\t2026年9月底前\n")
    plan = _plan(text)
    assert unit_roles(plan, "1-1") == {("收费管理处", Role.LEAD), ("法规处", Role.ASSIST), ("综合处", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("信用建设处", Role.LEAD)}
    assert plan.requirement("2-1").deadline.date.isoformat() == "2026-09-30"


def test_lone_cells_in_a_pipe_dump() -> None:
    text = ("目标 | 序号 | 任务 | 具体要求 | 责任单位 |\n"
            "加强解读 | 1 | 做好解读 | 要求一的文字内容。 | 市政府办 |\n"
            "要求二。 | | | | |\n"
            "一、优化服务 | | | | |\n"
            "2 | 规范网站 | 要求四内容也是比较长的文字。 | 市政务服务局 | |\n"
            "强化保障 | | | | |\n"
            "3 | 加强培训 | 要求五内容也是比较长的文字。 | 市人社局 | |\n")
    plan = _plan(text)
    assert [(g.name, [(t.number, [r.text for r in t.requirements]) for t in g.tasks]) for g in plan.goals] == [
        ("加强解读", [(1, ["要求一的文字内容。", "要求二。"])]),
        ("优化服务", [(2, ["要求四内容也是比较长的文字。"])]),
        ("强化保障", [(3, ["要求五内容也是比较长的文字。"])])]
    assert unit_roles(plan, "1-2") == {("市政府办", Role.RESPONSIBLE)}
    assert any("通栏行“强化保障”" in n.message for n in plan.notes)


def test_task_numbers_restarting_under_each_goal() -> None:
    rows = [
        [Cell("目标"), Cell("序号"), Cell("任务"), Cell("具体要求"), Cell("责任单位")],
        [Cell("甲目标"), Cell("1"), Cell("甲任务"), Cell("要求一。"), Cell("市财政局")],
        [Cell("乙目标"), Cell("1"), Cell("乙任务"), Cell("要求二。"), Cell("市审计局")],
        [Cell("乙目标", from_above=True), Cell("1", from_above=True), Cell("乙任务", from_above=True),
         Cell("要求三。"), Cell("市审计局")],
    ]
    reader = GridReader("t.xlsx")
    reader.add_table(rows)
    plan = build_plan(*reader.result())
    assert [(g.name, [(t.name, len(t.requirements)) for t in g.tasks]) for g in plan.goals] == [
        ("甲目标", [("甲任务", 1)]), ("乙目标", [("乙任务", 2)])]


def test_deadline_inside_a_units_cell() -> None:
    text = ("序号,工作任务,具体要求,责任单位\n"
            "1,加强监管,规范执法行为。,\"市司法局牵头，各县（市、区）人民政府负责，6月底前完成\"\n"
            "2,优化服务,推行一网通办。,市政务服务局（2021年9月底前）\n")
    plan = _plan(text, "t.csv")
    assert unit_roles(plan, "1-1") == {("市司法局", Role.LEAD), ("各县（市、区）人民政府", Role.RESPONSIBLE)}
    assert plan.requirement("1-1").deadline.text == "6月底前完成"
    assert plan.requirement("2-1").deadline.date.isoformat() == "2021-09-30"
    assert unit_roles(plan, "2-1") == {("市政务服务局", Role.RESPONSIBLE)}
    assert any("视为完成时限" in n.message for n in plan.notes)


def test_units_one_per_line_in_a_cell() -> None:
    rows = [
        [Cell("序号"), Cell("任务"), Cell("具体要求"), Cell("责任单位")],
        [Cell("1"), Cell("甲任务"), Cell("要求一。"), Cell("市财政局\n市审计局")],
        [Cell("2"), Cell("乙任务"), Cell("要求二。"), Cell("市发改委牵头\n市统计局配合")],
    ]
    reader = GridReader("t.docx")
    reader.add_table(rows)
    plan = build_plan(*reader.result())
    assert unit_roles(plan, "1-1") == {("市财政局", Role.RESPONSIBLE), ("市审计局", Role.RESPONSIBLE)}
    assert unit_roles(plan, "2-1") == {("市发改委", Role.LEAD), ("市统计局", Role.ASSIST)}


def test_one_cell_per_line_with_separator_lines() -> None:
    text = ("序号\n重点任务\n具体措施\n责任单位\n---\n1\n稳定工业增长\n加快技改项目建设。\n区工信局\n---\n"
            "培育规上企业。\n区工信局、区统计局\n---\n2\n扩大有效投资\n谋划储备重大项目。\n区发改局\n")
    plan = _plan(text)
    assert [(t.number, t.name, len(t.requirements)) for t in plan.tasks] == [
        (1, "稳定工业增长", 2), (2, "扩大有效投资", 1)]
    assert unit_roles(plan, "1-2") == {("区工信局", Role.RESPONSIBLE), ("区统计局", Role.RESPONSIBLE)}


def test_requirement_numbers_under_a_task_row_in_the_number_column() -> None:
    rows = [
        [Cell("序号"), Cell("工作任务"), Cell("具体要求"), Cell("责任单位")],
        [Cell("1"), Cell("完善预案体系"), Cell(""), Cell("")],
        [Cell("（1）"), Cell(""), Cell("加强预案管理。"), Cell("市应急局")],
        [Cell("（2）"), Cell(""), Cell("推进预案精编化。"), Cell("市应急局")],
        [Cell("2"), Cell("健全运行机制"), Cell(""), Cell("")],
        [Cell("（1）"), Cell(""), Cell("建立会商制度。"), Cell("市政府办公室")],
    ]
    reader = GridReader("t.docx")
    reader.add_table(rows)
    plan = build_plan(*reader.result())
    assert [(t.number, t.name, len(t.requirements)) for t in plan.tasks] == [
        (1, "完善预案体系", 2), (2, "健全运行机制", 1)]


def test_unknown_headers_long_headlines_are_task_and_goal() -> None:
    # Two requirement-like columns and an unknown one on the left: a column whose cells are
    # each at most half as long as the text beside them heads it (task, then goal), even
    # when its cells are too long to read as titles on their own.
    text = ("某区2025年营商环境提升清单\n"
            "突破方位\t序号\t行动目标任务\t落实举措\t责任单位\n"
            "深化政务服务集成改革，全面提升企业和群众办事的便利度与满意度\t1\t推行高频政务服务事项一件事一次办并大幅压减办理环节和办理时限\t"
            "梳理企业开办、不动产登记、工程建设审批等高频事项，整合申报材料，推行一表申请、一窗受理、并联审批，"
            "全年压减办理环节三成以上，办理时限压减一半。\t区政务服务中心牵头，区市场监管局负责\n"
            "\t2\t加快推进涉企经营许可事项告知承诺制在全区范围内全面覆盖到位\t对具备条件的涉企经营许可事项全部实行告知承诺，"
            "建立承诺事项事中事后核查机制，按比例开展抽查核验，对虚假承诺依法依规处理并纳入企业信用记录。\t区市场监管局\n")
    plan = _plan(text)
    assert [g.name for g in plan.goals] == ["深化政务服务集成改革，全面提升企业和群众办事的便利度与满意度"]
    assert [t.name for t in plan.tasks] == ["推行高频政务服务事项一件事一次办并大幅压减办理环节和办理时限", "加快推进涉企经营许可事项告知承诺制在全区范围内全面覆盖到位"]
    assert plan.requirements[1].text.startswith("对具备条件的涉企经营许可事项")


def test_an_empty_task_cell_of_a_text_export_carries_the_title_above() -> None:
    # A CSV saved from a sheet whose 工作事项 cells were merged: each row keeps its
    # number, the title is written once.
    text = ("序号,工作事项,具体措施,责任科室,办结时限\n"
            "1,规范窗口服务,推行帮办代办，窗口服务好评率达到99%。,综合科,2026年6月底前\n"
            "2,,开展“局长进大厅”体验活动，每季度不少于1次。,办公室,每季度末\n"
            "3,强化作风建设,开展作风纪律专项整治。,机关党委,2026年10月底前\n")
    plan = _plan(text, "t.csv")
    titles = {r.text[:4]: t.name for g in plan.goals for t in g.tasks for r in t.requirements}
    assert titles == {"推行帮办": "规范窗口服务", "开展“局": "规范窗口服务", "开展作风": "强化作风建设"}


PIPE_SHIFTED_TWO_TASK_WORDS = """\
某区2025年城市更新重点项目分解表
序号 | 工作项目 | 工作任务 | 责任科室 | 完成时间 |
1 | 老旧小区 | 完成南湖片区12个老旧小区改造，加装电梯30部。 | 区住建局 | 2025年10月底前 |
2 | 推进雨污分流改造，整治小区内部管网5公里。 | 区水务局 | 2025年11月底前 |
3 | 同步配建充电桩200个，新增停车泊位500个。 | 区发改局 | 2025年12月底前 |
4 | 背街小巷 | 整治背街小巷20条，统一规范店招店牌。 | 区城管局 | 2025年9月底前 |
5 | 补齐小巷照明设施，新增路灯150盏。 | 区城管局 | 2025年8月底前 |
"""


def test_shifted_pipe_rows_leave_the_column_meanings_to_the_full_rows() -> None:
    """Two task words (工作项目 | 工作任务) are told apart by their cells: in a text dump
    only the rows that fill every column count, the shorter ones standing shifted left."""
    plan = _plan(PIPE_SHIFTED_TWO_TASK_WORDS)
    assert [r.text[:6] for r in plan.requirements] == [
        "完成南湖片区", "推进雨污分流", "同步配建充电", "整治背街小巷", "补齐小巷照明"]
    assert [t.name for t in plan.tasks for _ in t.requirements] == ["老旧小区"] * 3 + ["背街小巷"] * 2


TAB_SHIFTED_DEADLINE_MERGED = (
    "某街道2025年平安建设任务表\n"
    "序号\t工作事项\t工作目标\t主办科室\t协办科室\t完成时间\n"
    "1\t化解矛盾纠纷\t排查化解邻里纠纷，调解成功率达到98%以上。\t综治办牵头，司法所配合\t\t2025年6月\n"
    "开展法律明白人培训，每个社区培养骨干5名。\t司法所牵头，各社区配合\t\n"
    "2\t消防安全整治\t完成老旧楼道杂物清理，打通生命通道。\t应急办牵头，城管科配合\t\t2025年9月\n"
    "3\t防范电信诈骗\t入户宣传反诈知识，覆盖率达到90%以上。\t派出所牵头，各社区配合\t\t2025年10月\n"
    "4\t重点人群服务\t落实特殊人群帮扶，建立一人一档。\t综治办牵头，民政科配合\t\t2025年12月\n")


def test_a_shifted_row_short_of_its_deadline_takes_the_merged_one_above() -> None:
    """Which columns a text dump merged is judged on its rows as aligned: a row shifted
    left under the merged number and task, short of a deadline, takes the one above."""
    plan = _plan(TAB_SHIFTED_DEADLINE_MERGED)
    r = next(r for r in plan.requirements if r.text.startswith("开展法律明白人"))
    assert r.deadline.text == "2025年6月"
    assert any("2025年6月" in n.message for n in plan.notes if n.requirement_id == r.id)
