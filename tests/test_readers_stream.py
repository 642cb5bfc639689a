"""The cell-stream reader: one cell per line, aligned to the header's columns."""

from __future__ import annotations

import pytest

from xltools.importing.builder import build_plan
from xltools.model import Role
from xltools.importing.readers import read_source
from xltools.importing.readers.columns import cell_type, header_role
from xltools.importing.readers.stream import read_cell_stream
from textplans import plan_of


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
    ("现代化美丽城镇", "title"), ("开工建设老年大学。", "sentence"), ("持续推进", "deadline"),
    ("持续推进中", "deadline"), ("持续优化营商环境", "title"), ("常态化开展专项督查", "title"),
    ("季度", "deadline"), ("按月", "deadline"), ("半年度一次", "deadline")])
def test_cell_types(text: str, ctype: str) -> None:
    assert cell_type(text) == ctype


def test_multi_line_unit_cells_and_a_merged_row() -> None:
    text = _cells(["1", "新建人行天桥两座。", "县住建局", "县交通局", "县公安局", "9月底前"],
                  ["2", "开工建设县老年养护楼。", "县民政局", "5月底前动工"],
                  ["开工建设老年大学。", "12月底前"],
                  ["3", "迁建县政务服务中心。", "县政务服务中心", "年底前"],
                  header=["序号", "民生实事", "责任单位", "完成时限"])
    plan = plan_of(text)
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
    plan = plan_of(text)
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
    plan = plan_of(text)
    assert [t.name for t in plan.tasks] == ["优化营商环境", "强化监管"]
    assert {a.unit for a in plan.assignments_for("1-1")} == {"市政务服务局", "市数据局"}
    assert plan.requirement("2-1").deadline.text == "年底前"


def test_blank_lines_between_cells_with_lists_and_empty_cells() -> None:
    # One blank line between cells, an empty cell one more empty line (three blank lines), units
    # one per line: most lines have no blank line before them, yet the blank lines separate
    # cells. The 牵头单位 column is empty in every row: a whole header word, not a fragment.
    many = "县水利局\n县生态环境局\n县自然资源局\n县农业农村局\n县住建局\n各乡镇"
    rows = [["强化生态环境保护", "1", "完善河湖长制", "开展河湖清四乱行动，建立问题台账。", "", many, "", "6月底前"],
            ["加强入河排污口监管，实现动态清零。", "", many, "", ""],
            ["2", "推进农村污水治理", "建设农村污水处理设施，提升运维水平。", "", many, "县财政局", "年底前"]]
    header = ["目标", "序号", "重点任务", "具体要求", "牵头单位", "责任单位", "配合单位", "完成时限"]
    text = "\n\n".join(["某县2024年重点工作分解表", *header, *(c for r in rows for c in r)]) + "\n"
    plan = plan_of(text)
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [
        ("强化生态环境保护", ["完善河湖长制", "推进农村污水治理"])]
    assert [r.text for r in plan.requirements][1] == "加强入河排污口监管，实现动态清零。"
    units = set(many.split("\n"))
    assert {(a.unit, a.role) for a in plan.assignments_for("1-2")} == {(u, Role.RESPONSIBLE) for u in units}
    assert {(a.unit, a.role) for a in plan.assignments_for("2-1")} == \
        {(u, Role.RESPONSIBLE) for u in units} | {("县财政局", Role.ASSIST)}
    assert plan.requirement("2-1").deadline.text == "年底前"


def test_a_row_under_a_merged_task_keeps_its_requirement() -> None:
    # Rows under a merged 序号/任务 cell start at the requirement: a short requirement without a
    # full stop is no task name (the row would have no requirement).
    text = _cells(["1", "抓好财税金融工作", "调整财政支出结构，加大民生投入。", "市财政局", "年内见成效"],
                  ["加强财政监督，提高资金使用效益", "市财政局", "年内见成效"],
                  ["加强税源监控，完善协税网络", "市税务局", "年底前"],
                  ["2", "优先发展教育", "安排资金支持教育发展。", "市教育局", "年内见成效"],
                  header=["序号", "重点任务", "具体要求", "责任单位", "完成时限"])
    plan = plan_of(text)
    assert [(t.name, len(t.requirements)) for t in plan.tasks] == [("抓好财税金融工作", 3), ("优先发展教育", 1)]
    assert plan.requirement("1-3").text == "加强税源监控，完善协税网络"
    assert [a.unit for a in plan.assignments_for("1-3")] == ["市税务局"]


def test_no_header_is_no_stream() -> None:
    assert read_cell_stream("第一行\n第二行\n第三行\n", "t.txt") is None


# ---------------------------------------------------------------- issue 17: labels and glued headers
@pytest.mark.parametrize("word,kind,role", [
    ("牵头督办单位", "units", "牵头"), ("主要协作部门", "units", "配合"), ("牵头科室（单位）", "units", "牵头"),
    ("主抓单位", "units", "牵头"), ("协同配合部门", "units", "配合"),
    ("具体落实单位", "units", ""), ("牵头负责领导", "people", ""), ("2024年重点工作任务", "task", ""),
    ("2024年1-6月进展情况", "progress", ""), ("年度投资金额（万元）", "amount", ""), ("建设地点", "place", ""),
    ("一季度", "progress", ""), ("时间要求", "deadline", ""), ("进度安排要求", "requirement", ""),
    ("工作进度要求", "deadline", ""), ("整改要求", "requirement", "")])
def test_label_grammar(word: str, kind: str, role: str) -> None:
    r = header_role(word)
    assert r is not None and (r.kind, r.role) == (kind, role)


def test_label_in_running_text_and_addressees() -> None:
    from xltools.importing.readers.columns import find_labels, label_kind

    assert [w for _, _, w in find_labels("牵头领导：王五牵头单位：区发改局")] == ["牵头领导", "牵头单位"]
    assert label_kind("各单位") is None and label_kind("局属各单位") is None  # addressees, not labels
    assert find_labels("整改要求：由区城管局负责") == []
    # A deadline or people label read by its head noun, glued to the unit or date before it.
    text = "主办部门：市住建局协办部门：市自然资源局进度要求：2025年底前督办领导：李四"
    assert [w for _, _, w in find_labels(text)] == ["主办部门", "协办部门", "进度要求", "督办领导"]
    assert [w for _, _, w in find_labels("承办单位：县水利局联络领导：王五")] == ["承办单位", "联络领导"]


def test_glued_header_is_split_into_words() -> None:
    from xltools.importing.readers.columns import split_glued_header

    assert split_glued_header("序号重点任务牵头单位配合单位完成时限") == (
        "序号", "重点任务", "牵头单位", "配合单位", "完成时限")
    assert split_glued_header("加强水资源保护严守水资源开发利用控制红线") is None
    text = ("民生实事项目表\n序号工作任务牵头单位配合单位\n1\n\n新建幼儿园3所。\n\n县教育局\n\n县财政局\n\n"
            "2\n\n改造老旧小区5个。\n\n县住建局\n\n各街道\n")
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["新建幼儿园3所。", "改造老旧小区5个。"]
    assert {(a.unit, a.role) for a in plan.assignments_for("2-1")} == {("县住建局", Role.LEAD),
                                                                       ("各街道", Role.ASSIST)}


def test_header_word_line_without_units_is_no_glued_header() -> None:
    from xltools.importing.readers.columns import split_glued_header

    # Reads whole as one header word and names no units: a long goal cell, not a header row.
    assert split_glued_header("全年目标任务进展情况") is None
    # Also one header word by its ending, but it names the units: a glued header row.
    assert split_glued_header("工作任务责任单位进展情况") == ("工作任务", "责任单位", "进展情况")
    text = ("督查事项清单\n\n目标\n\n序号\n\n具体要求\n\n牵头单位\n\n全年目标任务进展情况\n\n1\n\n"
            "按期完成水毁道路修复。\n\n县交通局\n\n2\n\n新增绿地面积三十亩。\n\n县林业局\n")
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["按期完成水毁道路修复。", "新增绿地面积三十亩。"]
    assert [g.name for g in plan.goals] == ["全年目标任务进展情况"]


def test_goal_cell_naming_the_unit_of_its_rows_starts_a_group() -> None:
    # Rows grouped by unit under its short name (merged goal cells): 西湖社区 after the unit of
    # row 2 heads the next group, it is no second unit of row 2.
    text = _cells(["东湖社区", "1", "村口垃圾堆放未清运", "白云街道东湖社区居委会"],
                  ["2", "河道两岸杂物乱堆", "白云街道东湖社区居委会"],
                  ["西湖社区", "3", "路灯损坏多日未修", "白云街道西湖社区居委会"],
                  ["4", "公厕无人保洁", "白云街道西湖社区居委会"],
                  header=["目标", "序号", "具体要求", "责任单位"])
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["村口垃圾堆放未清运", "河道两岸杂物乱堆", "路灯损坏多日未修",
                                                   "公厕无人保洁"]
    assert [g.name for g in plan.goals] == ["东湖社区", "西湖社区"]
    assert [[a.unit for a in plan.assignments_for(r.id)] for r in plan.requirements] == [
        ["白云街道东湖社区居委会"]] * 2 + [["白云街道西湖社区居委会"]] * 2


def test_second_requirement_under_merged_cells_is_no_goal_nor_unit() -> None:
    # 松林巷 has two requirements; the second row's goal, number and task are merged with the
    # first's. Its requirement (no full stop, a comma inside) is neither a new goal nor a
    # second unit of the row above.
    text = _cells(["背街小巷整治问题清单", "1", "松林巷", "松林巷口摊点占道经营", "城管中队"],
                  ["巷尾公厕门口积水，墙面脱落", "环卫所"],
                  ["2", "桂花巷", "桂花巷电动车飞线充电", "社区居委会"],
                  header=["目标", "序号", "重点任务", "具体要求", "责任单位"])
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["松林巷口摊点占道经营", "巷尾公厕门口积水，墙面脱落",
                                                   "桂花巷电动车飞线充电"]
    assert [g.name for g in plan.goals] == ["背街小巷整治问题清单"]
    assert [[a.unit for a in plan.assignments_for(r.id)] for r in plan.requirements] == [
        ["城管中队"], ["环卫所"], ["社区居委会"]]


def test_cells_ended_by_pipes_one_per_line() -> None:
    rows = [["序号 |", "问题描述 |", "责任单位 |", "备注 |"], ["1 |", "东街路灯损坏 |", "城管局 |", "|"],
            ["2 |", "西街井盖缺失 |", "住建局 |", "|"], ["3 |", "南街积水严重 |", "市政处 |", "|"]]
    plan = plan_of("问题汇总表\n" + "\n".join(c for r in rows for c in r) + "\n")
    assert [r.text for r in plan.requirements] == ["东街路灯损坏", "西街井盖缺失", "南街积水严重"]
    assert [a.unit for a in plan.assignments] == ["城管局", "住建局", "市政处"]


def test_units_side_by_side_with_spaces_in_one_cell_are_a_list() -> None:
    # 镇农办 镇财政所 |: each part a unit by its form, so a list; a name wrapped at a space
    # (县住房和城乡 建设局) stays one name.
    rows = [["序号 |", "问题描述 |", "责任单位 |", "备注 |"], ["1 |", "东街路灯损坏 |", "镇农办 镇财政所 |", "|"],
            ["2 |", "西街井盖缺失 |", "县住房和城乡 建设局 |", "|"], ["3 |", "南街积水严重 |", "市政处 |", "|"]]
    plan = plan_of("问题汇总表\n" + "\n".join(c for r in rows for c in r) + "\n")
    assert [a.unit for a in plan.assignments] == ["镇农办", "镇财政所", "县住房和城乡建设局", "市政处"]


def test_a_role_word_alone_heads_a_units_column() -> None:
    text = ("| 序号 | 工作任务 | 牵头 | 配合 |\n|---|---|---|---|\n| 1 | 推进老旧小区改造 | 区住建局 | 各街道 |\n"
            "| 2 | 建设口袋公园 | 区园林局 | 区城管局、各街道 |\n")
    plan = plan_of(text)
    assert {(a.unit, a.role) for a in plan.assignments_for("2-1")} == {
        ("区园林局", Role.LEAD), ("区城管局", Role.ASSIST), ("各街道", Role.ASSIST)}
    csv = "序号,事项,具体举措,主办,协办\n1,优化审批,推行容缺受理,市政务局,各县区\n2,减税降费,落实减税政策,市税务局,市财政局\n"
    plan = build_plan(*read_source(csv.encode("utf-8"), "t.csv"))
    assert {(a.unit, a.role) for a in plan.assignments_for("1-1")} == {("市政务局", Role.LEAD), ("各县区", Role.ASSIST)}


def test_a_list_title_names_the_goal_and_a_titles_column_is_the_task() -> None:
    """Under a list title (…隐患台账) a column of short titles with an unknown
    header (所在道路) is the task; the title is the goal of every row."""
    text = "\n".join([
        "2025年汛前安全隐患排查台账", "排查人：王某 排查日期：2025年3月2日",
        "编号 |", "所在道路 |", "隐患描述 |", "整改单位 |", "说明 |",
        "1 |", "沿江大道 |", "滨江堤防护栏缺失，夜间通行存在隐患 |", "县水务局 |", "|",
        "2 |", "沿江大道 |", "沿江排水口淤堵，汛期易倒灌 |", "县城管执法大队 |", "|",
        "3 |", "人民大道 |", "老城区地下通道照明不足 |", "县住建局 |", "|",
    ]) + "\n"
    plan = plan_of(text)
    rows = list(plan.iter_requirements())
    assert len(rows) == 3
    assert {g.name for g, _, _ in rows} == {"2025年汛前安全隐患排查台账"}
    assert [t.name for _, t, _ in rows] == ["沿江大道", "沿江大道", "人民大道"]


def test_a_year_alone_in_a_cell_is_a_deadline_not_a_row_number() -> None:
    """年度 | 2025 in a one-cell-per-line table: the year is the row's time
    column, not the number that opens the next row."""
    text = "\n".join([
        "某区2025年为民办实事项目表",
        "| 序号 |", "| 实事名称 |", "| 实施年度 |", "| 具体内容 |", "| 承办单位 |",
        "| 1 |", "| 社区食堂 |", "| 2025 |", "| 新建社区老年食堂六处，解决助餐难题。 |", "| 区民政局 |",
        "| 2 |", "| 口袋公园 |", "| 2025 |", "| 建成口袋公园十个，方便群众休闲。 |", "| 区园林中心 |",
        "| 3 |", "| 充电设施 |", "| 2025 |", "| 增设电动自行车充电桩三百个。 |", "| 区商务局 |",
    ]) + "\n"
    plan = plan_of(text)
    rows = list(plan.iter_requirements())
    assert [r.text[:4] for _, _, r in rows] == ["新建社区", "建成口袋", "增设电动"]
    assert [r.deadline.display for _, _, r in rows] == ["2025"] * 3
    assert [t.name for _, t, _ in rows] == ["社区食堂", "口袋公园", "充电设施"]
    assert cell_type("2025") == "year" and cell_type("12") == "number"


def test_empty_cells_shown_by_extra_blank_lines_make_every_blank_line_a_cell_end() -> None:
    """Every cell on its own line between blank lines, an empty cell as an extra blank
    line: the blank lines are drawn on purpose, so a unit cell never goes on over one —
    the responsible unit after a lead unit is the next column, not a second lead, and
    the unit naming the next group is that group's, not the row's."""
    rows = [["县住建局", "1", "城区污水管网整治", "铺设东环路污水管网2公里。", "县住建局", "县排水公司"],
            ["县城管局", "2", "", "改造城北公厕十座。", "县城管局", "县环卫所"],
            ["3", "", "新建垃圾中转站两座。", "县城管局", ""]]
    text = _cells(*rows, header=["目标", "序号", "重点任务", "工作内容", "牵头单位", "实施单位"])
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["铺设东环路污水管网2公里。", "改造城北公厕十座。",
                                                   "新建垃圾中转站两座。"]
    first = plan.requirements[0].id
    units = {(a.unit, a.role) for a in plan.assignments_for(first)}
    assert units == {("县住建局", Role.LEAD), ("县排水公司", Role.RESPONSIBLE)}
    assert [g.name for g in plan.goals] == ["县住建局", "县城管局"]


def test_a_units_cell_is_never_a_row_number() -> None:
    """Units before the requirement, a row under the merged 序号 and task starting with
    its units cell: that cell is the units, never the number of a new row."""
    rows = [["1", "城区道路提升", "县住建局牵头，县城投公司负责", "完成滨河大道路面翻修"],
            ["县住建局牵头，城关镇负责", "完成解放路人行道改造"],
            ["县住建局牵头，县交通局负责", "完成环城北路黑化"],
            ["2", "公园建设", "县城管局牵头，县园林所负责", "建成湿地公园一期"]]
    plan = plan_of(_cells(*rows, header=["序号", "重点任务", "责任单位", "具体要求"]))
    assert [r.text for r in plan.requirements] == ["完成滨河大道路面翻修", "完成解放路人行道改造",
                                                   "完成环城北路黑化", "建成湿地公园一期"]
    tasks = [t.name for _, t, _ in plan.iter_requirements()]
    assert tasks[:3] == ["城区道路提升"] * 3


def test_a_header_of_two_words_joined_names_the_first_words_column() -> None:
    from xltools.importing.readers.columns import header_role

    assert header_role("实施内容及目标").kind == "requirement"
    assert header_role("整治措施和时限").kind == "requirement"
    assert header_role("承办部门及联系人").kind == "units"
    assert header_role("进展及成效") is None or header_role("进展及成效").kind != "units"


def test_a_second_header_row_past_the_blank_lines_of_merged_cells_names_the_units_columns() -> None:
    # 责任部门 spans 主责部门 | 协同部门 (a web page copied as text): the empty cells under
    # the merged ones leave blank lines before the second row; the body marks no cell ends.
    text = "\n".join([
        "某街道2026年民生实事推进表", "编号", "重点工作", "推进举措", "责任部门", "办结时限", "", "", "",
        "主责部门", "协同部门", "",
        "1", "老旧小区改造", "完成东河片区管网更换，同步整治楼道照明。", "街道城建办", "街道财政所", "东河社区",
        "按月",
        "2", "老旧小区改造", "新增电动车集中充电桩200个。", "街道应急办", "街道城建办", "2026年10月"]) + "\n"
    plan = plan_of(text)
    got = {r.text[:6]: ({a.unit for a in plan.assignments_for(r.id) if a.role == Role.LEAD},
                        {a.unit for a in plan.assignments_for(r.id) if a.role == Role.ASSIST}, r.deadline.text)
           for t in plan.tasks for r in t.requirements}
    assert got == {"完成东河片区": ({"街道城建办"}, {"街道财政所", "东河社区"}, "按月"),
                   "新增电动车集": ({"街道应急办"}, {"街道城建办"}, "2026年10月")}


def test_a_text_without_a_header_run_steps_aside_after_its_first_lines(monkeypatch) -> None:
    """Rows of several cells on a line (no run of header lines near the top): the stream
    reader gives up having typed only the lines its header scan looks at."""
    from xltools.importing.readers import stream

    body = "\n".join(f"{k} 开展第{k}轮巡回检查工作 洮北区市场监管所 {k % 12 + 1}月底前" for k in range(1, 3001))
    text = "某县2024年重点工作分解表\n序号 工作任务 责任单位 完成时限\n" + body + "\n"
    typed = []
    real = stream.cell_type
    monkeypatch.setattr(stream, "cell_type", lambda t: typed.append(t) or real(t))
    assert read_cell_stream(text, "t.txt") is None
    assert 0 < len(typed) < 500


def test_a_long_stream_reads_alike_with_the_header_scan_cut_short() -> None:
    """A one-cell-per-line table of 250 rows (1,000 lines): the items typed lazily for the
    header scan are the items typed all at once."""
    from xltools.importing.readers import stream

    rows = [[str(k), f"推进第{k}批老旧小区改造", "某某区住房保障中心", f"{k % 12 + 1}月底前"] for k in range(1, 251)]
    text = _cells(*rows, header=["序号", "工作任务", "责任单位", "完成时限"], blank=False)
    assert stream._items_with_header(text) == stream._items(text)
    events, _ = read_cell_stream(text, "t.txt")
    assert sum(1 for e in events if getattr(e, "requirement", "")) == 250


@pytest.mark.parametrize("text,ctype", [
    ("各所所长", "person"), ("各中队队长", "person"), ("县应急局", "units"), ("各中队", "units")])
def test_a_body_named_with_its_post_is_a_person(text: str, ctype: str) -> None:
    assert cell_type(text) == ctype


def test_a_people_column_cell_named_by_post_stays_in_its_row() -> None:
    rows = [["序号 |", "问题描述 |", "责任单位 |", "责任人 |", "整改时限 |"],
            ["1 |", "东街消防通道堵塞 |", "各中队 |", "各中队队长 |", "6月底前 |"],
            ["2 |", "西街灭火器过期 |", "县消防大队 |", "王建国 |", "7月底前 |"],
            ["3 |", "南街电线私拉乱接 |", "县应急局 |", "|", "8月底前 |"]]
    plan = plan_of("消防隐患整改表\n" + "\n".join(c for r in rows for c in r) + "\n县安委办\n2025年5月6日\n")
    assert [r.text for r in plan.requirements] == ["东街消防通道堵塞", "西街灭火器过期", "南街电线私拉乱接"]
    assert [r.deadline.text for r in plan.requirements] == ["6月底前", "7月底前", "8月底前"]
    assert [a.unit for a in plan.assignments] == ["各中队", "县消防大队", "县应急局"]
