"""Flattened tables whose cells lost their boxes: label lines over value lines,
a two-row header glued line by line, pipe-closed cells, ditto words and
merged cells that a text dump leaves empty. Wording here is none of the corpora's."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.readers.columns import cell_type, split_glued_header
from xltools.model import Role
from textplans import plan_of, units_by_role


def test_label_lines_over_value_lines_are_records() -> None:
    records = [("老年助餐服务扩面", "新增社区长者食堂12家，覆盖所有街道。", "区民政局", "各街道办事处、区市场监管局", "10月底前"),
               ("背街小巷路灯改造", "更换节能路灯800盏，消除照明盲区。", "区城管局", "", "9月底前"),
               ("校园周边交通治理", "在15所中小学门口设置护学岗和临时停车区。", "区公安分局", "区直相关单位", "年底前")]
    lines = ["某区2025年民生微实事清单", "分享 | 打印 | 关闭", ""]
    for name, content, lead, assist, due in records:
        lines += ["项目名称", name, "工作内容", content, "主办单位", lead, "协作部门", assist, "办结时限", due, ""]
    lines += ["扫一扫在手机上查看"]
    plan = plan_of("\n".join(lines) + "\n")
    assert [r.text for r in plan.requirements] == [c for _, c, _, _, _ in records]
    assert [t.name for t in plan.tasks] == [n for n, _, _, _, _ in records]
    assert units_by_role(plan, "1-1") == {Role.LEAD: {"区民政局"}, Role.ASSIST: {"各街道办事处", "区市场监管局"}}
    # An empty value: the next label is no unit, the deadline no requirement.
    assert units_by_role(plan, "2-1") == {Role.LEAD: {"区城管局"}}
    assert [r.deadline.text for r in plan.requirements] == ["10月底前", "9月底前", "年底前"]
    # A value that reads like a label (…相关单位) right below its label is the value.
    assert Role.LEAD in units_by_role(plan, "3-1") and len(units_by_role(plan, "3-1").get(Role.ASSIST, ())) == 1
    units = {a.unit for a in plan.assignments}
    assert not units & {"协作部门", "办结时限", "主办单位", "工作内容"}
    assert not any("扫一扫" in r.text or "办结时限" in r.text for r in plan.requirements)


def test_two_header_rows_glued_line_by_line() -> None:
    assert split_glued_header("主办单位协办单位") == ("主办单位", "协办单位")
    assert split_glued_header("主办单位协办") is None or len(split_glued_header("主办单位协办")) == 2
    rows = [("1", "建成智慧停车平台，接入公共泊位5000个。", "县交通运输局", "县公安局、县城管局", "11月底前"),
            ("2", "新建城乡公交候车亭60座。", "县交通运输局", "各乡镇人民政府", "10月底前"),
            ("3", "完成农村公路安全生命防护工程120公里。", "县公路中心", "县交通运输局、县财政局", "年底前")]
    text = "\n".join(["某县2025年交通惠民工程分工", "序号重点工作责任部门时间节点", "主办单位协办单位",
                      *(c for r in rows for c in r)]) + "\n"
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == [r[1] for r in rows]
    assert units_by_role(plan, "1-1") == {Role.LEAD: {"县交通运输局"}, Role.ASSIST: {"县公安局", "县城管局"}}
    assert units_by_role(plan, "3-1") == {Role.LEAD: {"县公路中心"}, Role.ASSIST: {"县交通运输局", "县财政局"}}


def test_pipe_closed_cells_keep_two_units_columns_apart_and_ditto_words() -> None:
    rows = [("1", "修订部门权责清单并向社会公布。", "县委编办", "县直各部门", "3月底前"),
            ("2", "开展权责清单执行情况评估。", "同上述", "县直各部门", "9月底前"),
            ("3", "推进乡镇权责清单标准化。", "县委编办、县司法局", "同上", "年底前")]
    text = "\n".join(["某县2025年权责清单工作分工", *(f"{w} |" for w in ("序号", "工作事项", "主办单位", "承办单位",
                                                                    "时间节点")),
                      *(f"{c} |" for r in rows for c in r)]) + "\n"
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == [r[1] for r in rows]
    assert units_by_role(plan, "1-1") == {Role.LEAD: {"县委编办"}, Role.RESPONSIBLE: {"县直各部门"}}
    assert units_by_role(plan, "2-1") == {Role.LEAD: {"县委编办"}, Role.RESPONSIBLE: {"县直各部门"}}
    assert units_by_role(plan, "3-1") == {Role.LEAD: {"县委编办", "县司法局"}, Role.RESPONSIBLE: {"县直各部门"}}
    assert not any("同上" in a.unit for a in plan.assignments)


def test_an_empty_lead_cell_of_a_dump_is_a_lost_merge_noted() -> None:
    lines = ["某镇2025年人居环境整治任务表", "序号\t整治内容\t主办单位\t协办单位\t完成时间",
             "1\t清理河道垃圾30公里。\t镇农业农村办\t各村委会\t6月底前",
             "2\t完成农村改厕200户。\t\t镇卫生院\t9月底前",
             "3\t建设垃圾分类示范村3个。\t镇城建办\t\t10月底前",
             "4\t整治乱堆乱放点位50处。\t镇综合执法队\t各村委会\t年底前"]
    plan = plan_of("\n".join(lines) + "\n")
    assert units_by_role(plan, "2-1") == {Role.LEAD: {"镇农业农村办"}, Role.ASSIST: {"镇卫生院"}}
    assert any(n.requirement_id == "2-1" and "镇农业农村办" in n.message and "合并" in n.message for n in plan.notes)
    # A cooperate cell left empty stays empty.
    assert units_by_role(plan, "3-1") == {Role.LEAD: {"镇城建办"}}


def test_page_buttons_and_footers_are_no_rows() -> None:
    assert cell_type("【打印本页】【关闭窗口】") == "chrome"
    assert cell_type("【牵头单位】【配合单位】") != "chrome"
    lines = ["某区2025年绿化提升任务 | 来源：区园林中心 | 浏览：12", "序号 | 工作任务 | 责任单位 | 完成时限 |",
             "1 | 新建街头绿地8处。 | 区园林中心 | 9月底前 |", "2 | 补植行道树1200株。 | 区园林中心、各街道 | 5月底前 |",
             "第 1 页 / 共 2 页", "3 | 建设口袋公园4个。 | 区住建局 | 年底前 |"]
    plan = plan_of("\n".join(lines) + "\n")
    assert [r.text for r in plan.requirements] == ["新建街头绿地8处。", "补植行道树1200株。", "建设口袋公园4个。"]


def test_ditto_words_are_listed() -> None:
    assert "同上" in L.DITTO_WORDS and cell_type("同上。") == "ditto"


def test_row_numbers_given_as_codes_are_number_cells() -> None:
    space = ("某市2025年为民办实事项目清单\n\n"
             "项目编号   实事项目                                    责任单位                  完成时限\n"
             "SS-1       新建口袋公园8个，方便群众就近休闲           市园林局                  2025年10月底前\n"
             "SS-2       改造老旧小区供水管网30公里                  市水务集团，市住建局      2025年11月底前\n"
             "SS-3       新增公共充电桩500个，覆盖各街道             市发改委                  2025年12月底前\n")
    plan = plan_of(space)
    assert [r.text[:6] for r in plan.requirements] == ["新建口袋公园", "改造老旧小区", "新增公共充电"]
    assert set().union(*units_by_role(plan, "2-1").values()) == {"市水务集团", "市住建局"}
    piped = ("编号 | 工作事项 | 牵头部门 | 办结时间 |\n"
             "QX2025-01 | 完成乡镇卫生院提标改造6所 | 县卫健局 | 2025年9月底前 |\n"
             "QX2025-02 | 建成县域医共体信息平台并上线运行 | 县卫健局 | 2025年12月底前 |\n")
    plan = plan_of(piped)
    assert [r.text[:6] for r in plan.requirements] == ["完成乡镇卫生", "建成县域医共"]
    assert cell_type("QX2025-02") == "number" and cell_type("B-7") == "number"
    assert cell_type("2025-09") != "number"


def test_a_second_header_row_keeps_its_empty_cells_by_position() -> None:
    text = ("某县2025年农业农村重点任务\n"
            "编号 | 任务类别 | 工作内容 | 责任部门 | | 完成时间 |\n"
            "| | | 牵头部门 | 配合部门 | |\n"
            "1 | 粮食生产 | 完成高标准农田建设2万亩 | 县农业农村局 | 县财政局、县水利局 | 2025年11月底前 |\n"
            "2 | 粮食生产 | 推广水稻机插秧技术，覆盖率达到80% | 县农机中心 | 各乡镇 | 2025年6月底前 |\n"
            "3 | 乡村建设 | 新改建农村公路40公里 | 县交通运输局 | | 2025年12月底前 |\n")
    plan = plan_of(text)
    assert [r.text[:6] for r in plan.requirements] == ["完成高标准农", "推广水稻机插", "新改建农村公"]
    assert units_by_role(plan, "1-1") == {Role.LEAD: {"县农业农村局"}, Role.ASSIST: {"县财政局", "县水利局"}}
    assert units_by_role(plan, "2-1") == {Role.LEAD: {"县农机中心"}, Role.ASSIST: {"各乡镇"}}
    assert units_by_role(plan, "3-1") == {Role.LEAD: {"县交通运输局"}}
