"""Tables of web pages flattened by real tools (soffice txt:Text, a scraper's get_text, a
browser's copy): the reading rules they showed (tests/htmlbench.py), each on wording of its own."""

from __future__ import annotations

from xltools.model import Role
from textplans import plan_of


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
    plan = plan_of("\n".join(lines) + "\n")
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
    plan = plan_of("\n".join(lines) + "\n")
    reqs = {r.text[:6]: (t, r) for _, t, r in plan.iter_requirements()}
    assert set(reqs) == {"年初发布年度", "决策草案公开", "政策文件与解", "按季度公开批"}
    assert reqs["决策草案公开"][0].name == "重大行政决策目录"
    assert _units(plan, "决策草案") == {"lead": {"法制股"}}
    assert _units(plan, "政策文件") == {"lead": {"政研室"}}
    assert _units(plan, "年初发布") == {"lead": {"法制股"}, "assist": {"办公室"}}
    goals = [g.name for g in plan.goals]
    assert goals == ["决策公开", "执行公开"]


def test_browser_copy_of_a_table_with_merged_cells() -> None:
    # Tab between cells, a row per line, a cell holding line breaks quoted, merged cells only in
    # their first row (so the rows under a rowspan are shorter); the header has no task word.
    rows = ["序号\t惠民实事\t实施单位\t投用时间",
            "1\t改造老旧小区供水管网12公里。\t\"水务集团\n各街道办事处\"\t10月底前",
            "完成二次供水泵房智能化改造8座。\t水务集团\t11月底前",
            "2\t新增城市公园绿地3处。\t园林绿化中心\t年底前",
            "3\t建设社区嵌入式托育点6个。\t\"卫健委\n妇联\n各街道办事处\"\t9月底前",
            "新建老年助餐点10处。\t民政局\t年底前"]
    plan = plan_of("城区2025年惠民项目安排表\n" + "\n".join(rows) + "\n")
    reqs = [(t.number, r.text[:6]) for _, t, r in plan.iter_requirements()]
    assert reqs == [(1, "改造老旧小区"), (1, "完成二次供水"), (2, "新增城市公园"), (3, "建设社区嵌入"),
                    (3, "新建老年助餐")]
    assert _units(plan, "改造老旧") == {"resp": {"水务集团", "各街道办事处"}}
    assert _units(plan, "建设社区") == {"resp": {"卫健委", "妇联", "各街道办事处"}}
    assert _units(plan, "新建老年") == {"resp": {"民政局"}}
    req = next(r for _, _, r in plan.iter_requirements() if r.text.startswith("完成二次"))
    assert "11月底前" in req.deadline.display


def test_browser_copy_rows_short_of_merged_cells_state_no_positions() -> None:
    # The header names its columns (承办科室 over 主办科室 / 协办科室, a second header row), but
    # the rows under a rowspan leave the merged cells out: a csv reading of such rows has no
    # claim over the stream reading of their cells.
    rows = ["序号\t督办事项\t办理要求\t承办科室\t办结时间\t说明",
            "主办科室\t协办科室",
            "1\t规范涉企检查\t全面推行“综合查一次”，年度涉企检查频次下降20%。\t执法监督科\t各执法大队\t9月底前\t",
            "建立涉企检查备案平台，实现检查事项网上报备。\t信息中心\t\"执法监督科\n法规科\"\t11月底前\t",
            "2\t优化信用修复\t信用修复申请办理时限压缩至3个工作日。\t信用管理科\t政务服务科\t长期坚持\t",
            "推行信用修复“一件事”联办。\t政务服务科\t\t",
            "3\t推进包容审慎监管\t动态调整“免罚清单”，覆盖领域不少于10个。\t法规科\t\"各业务科室\n各执法大队\"\t年底前\t"]
    plan = plan_of("\n".join(rows) + "\n")
    got = {r.text[:6]: t.name for _, t, r in plan.iter_requirements()}
    assert got == {"全面推行“综": "规范涉企检查", "建立涉企检查": "规范涉企检查", "信用修复申请": "优化信用修复",
                   "推行信用修复": "优化信用修复", "动态调整“免": "推进包容审慎监管"}
    assert _units(plan, "全面推行") == {"lead": {"执法监督科"}, "assist": {"各执法大队"}}
    assert _units(plan, "建立涉企") == {"lead": {"信息中心"}, "assist": {"执法监督科", "法规科"}}
    assert _units(plan, "动态调整") == {"lead": {"法规科"}, "assist": {"各业务科室", "各执法大队"}}


def test_rows_short_of_cells_are_ragged_full_rows_are_not() -> None:
    from xltools.importing.readers.delimited import ragged

    full = "序号\t事项\t承办科室\t时限\n1\t甲事项\t法规科\t9月\n2\t乙事项\t\t10月\n3\t丙事项\t信用科\t11月\n"
    short = "序号\t事项\t承办科室\t时限\n1\t甲事项\t法规科\t9月\n乙事项\t10月\n2\t丙事项\t信用科\t11月\n丁事项\t12月\n"
    assert not ragged(full, "\t")
    assert ragged(short, "\t")


def test_goal_column_right_of_the_task_states_each_rows_requirement() -> None:
    # 改革事项 | 预期目标: the 目标 column holds each row's sentence under a merged 事项 cell.
    lines = ["县医保局2025年改革事项清单", "序号", "改革事项", "预期目标", "实施股室", "时间节点",
             "1", "深化支付方式改革", "DRG付费覆盖全部二级以上定点医院。", "医药服务股", "6月底前",
             "按病种分值付费结算清算办法出台实施。", "基金监管股", "9月底前",
             "2", "推进医保服务便民", "医保服务站点覆盖全部行政村。", "经办中心", "年底前",
             "异地就医直接结算率达到90%以上。", "经办中心", "年底前"]
    plan = plan_of("\n".join(lines) + "\n")
    got = [(t.name, r.text[:6]) for _, t, r in plan.iter_requirements()]
    assert got == [("深化支付方式改革", "DRG付费覆"), ("深化支付方式改革", "按病种分值付"),
                   ("推进医保服务便民", "医保服务站点"), ("推进医保服务便民", "异地就医直接")]
    assert _units(plan, "按病种") == {"resp": {"基金监管股"}}


def test_browser_copy_goal_row_is_one_cell() -> None:
    # A colspan goal row copied by a browser is one cell without tabs, under a full header.
    rows = ["具体措施\t责任科室\t完成时限",
            "一、提升审批服务效能",
            "推行“容缺受理”，清单内事项资料次要缺项先行受理。\t审批服务科\t6月底前",
            "开展“帮办代办”，重点项目全程专人跟踪服务。\t项目服务中心\t长期坚持",
            "二、加强事中事后监管",
            "建立审管衔接台账，审批结果2个工作日内推送监管部门。\t审管联动科\t8月底前"]
    plan = plan_of("\n".join(rows) + "\n")
    got = {r.text[:6]: g.name for g, _, r in plan.iter_requirements()}
    assert got == {"推行“容缺受": "提升审批服务效能", "开展“帮办代": "提升审批服务效能",
                   "建立审管衔接": "加强事中事后监管"}


def test_a_time_before_an_event_is_a_deadline_cell() -> None:
    from xltools.importing.readers.columns import cell_type

    for text in ("汛期来临前", "每学年开学前", "元旦之前", "考核验收以前"):
        assert cell_type(text) == "deadline", text
    for text in ("目前", "月底前", "推进县域医共体建设"):  # a word, a wrapped date's tail, a title
        assert cell_type(text) != "deadline", text


def test_sub_header_repeating_its_parent_word_in_a_table_saved_as_text() -> None:
    # 承办部门 spanning 主办部门 / 承办部门 (the second sub-header repeats its parent's word):
    # LibreOffice writes the second header row with a blank line for each cell a rowspan covers.
    lines = ["某县安全生产隐患整治台账", "编号", "隐患描述", "整治要求", "承办部门", "完成期限", "包保领导",
             "", "", "", "主办部门", "承办部门", "", "",
             "一、道路交通", "1", "国道改线段临崖路段缺少防护栏。", "增设波形护栏并完善警示标志。", "县交通运输局",
             "县公路中心、沿线各乡镇", "2025年5月底前", "副县长 鲁建平",
             "2", "城郊结合部电动车违规充电多发。", "建设集中充电棚，开展入户排查。", "县消防救援大队",
             "县住建局、城关镇", "2025年8月底前", "县委常委 祁文静"]
    plan = plan_of("\n".join(lines) + "\n")
    got = {r.text[:6]: _units(plan, r.text[:6]) for _, _, r in plan.iter_requirements()}
    assert got == {"增设波形护栏": {"lead": {"县交通运输局"}, "resp": {"县公路中心", "沿线各乡镇"}},
                   "建设集中充电": {"lead": {"县消防救援大队"}, "resp": {"县住建局", "城关镇"}}}
    assert [g.name for g in plan.goals] == ["道路交通"]


def test_post_and_name_is_a_person_and_a_footnote_is_no_cell() -> None:
    from xltools.importing.readers.columns import cell_type

    assert cell_type("副县长 鲁建平") == "person"
    assert cell_type("县委常委祁文静") == "person"
    assert cell_type("骆青副主任") == "person"
    assert cell_type("镇长办公室") == "units" and cell_type("局长信箱") != "person"
    assert cell_type("注：各承办部门每月5日前报送进展。") == "chrome"
    assert cell_type("注意防范汛期风险") != "chrome"
    assert cell_type("附件：") == "chrome" and cell_type("实施细则.docx") == "chrome"
    assert cell_type("附件：1.重点任务清单") != "chrome"


def test_overseeing_units_column_names_no_assignee() -> None:
    # 督导单位 beside 责任单位: the overseer is kept as a remark, never assigned.
    lines = ["序号", "存在问题", "责任单位", "督导单位", "整改时限",
             "1", "部分小区消防通道被占用。", "县消防救援大队", "县安委办", "立行立改",
             "2", "农村饮水工程水质检测频次不足。", "县水利局", "县政府督查室", "2025年9月底前"]
    plan = plan_of("\n".join(lines) + "\n")
    assert _units(plan, "部分小区") == {"resp": {"县消防救援大队"}}
    req = next(r for _, _, r in plan.iter_requirements() if r.text.startswith("部分小区"))
    assert "县安委办" in req.remark and req.deadline.display == "立行立改"


def test_scraped_table_with_unknown_group_column_left_of_the_number() -> None:
    # get_text of a table whose first column (an unknown word, 考核维度) is merged over its rows:
    # the group's cell stands only before its first row; a paragraph break inside the lead cell
    # is gone. The page's signature (the office, the date) and its footer close the text.
    lines = ["首页 | 部门概况 | 通知公告", "关于印发年度考核整改事项的通知", "来源：人事科　发布时间：2025-02-14", "考核维度", "序号", "整改事项", "主办部门",
             "协同部门", "完成时间",
             "党建引领", "1", "完善支部议事规则，规范三会一课记录台账。", "机关党委", "各支部", "2025年5月",
             "2", "建立青年干部轮岗交流机制，每年轮岗不少于8人。", "人事科", "办公室、各支部", "每学期",
             "业务提升", "3", "修订窗口服务规范，推行首问负责和限时办结。", "政务服务科", "法规科", "2025年8月",
             "4", "开展业务骨干跟班学习，全年组织不少于4期。", "人事科", "2025年11月",
             "人事科", "2025年2月14日", "版权所有：某县行政审批服务局  地址：人民路8号"]
    plan = plan_of("\n".join(lines) + "\n")
    got = [(g.name, t.number, r.text[:6]) for g, t, r in plan.iter_requirements()]
    assert got == [("党建引领", 1, "完善支部议事"), ("党建引领", 2, "建立青年干部"), ("业务提升", 3, "修订窗口服务"),
                   ("业务提升", 4, "开展业务骨干")]
    assert _units(plan, "开展业务") == {"lead": {"人事科"}}
    req = next(r for _, _, r in plan.iter_requirements() if r.text.startswith("建立青年"))
    assert req.deadline.display == "每学期"


def test_sub_headers_whose_first_names_no_role_and_an_amount_column() -> None:
    # 承办主体 spanning 具体承办科室 | 协作单位 (saved as text: blank lines for the covered cells),
    # and an 投资额 column of numbers beside a 实施地点 column of places that read like units.
    lines = ["序号", "项目", "实施地点", "投资额（万元）", "承办主体", "办结时间", "", "", "", "", "具体承办科室", "协作单位", "",
             "1", "新建口袋公园2处。", "东湖社区、西湖社区", "260", "城建科", "区园林中心、东湖社区居委会", "2025年6月底前",
             "2", "改造农贸市场1处。", "南门市场", "410", "经发科", "区市场监管局", "2025年9月底前"]
    plan = plan_of("\n".join(lines) + "\n")
    assert _units(plan, "新建口袋") == {"resp": {"城建科"}, "assist": {"区园林中心", "东湖社区居委会"}}
    assert _units(plan, "改造农贸") == {"resp": {"经发科"}, "assist": {"区市场监管局"}}
    req = next(r for _, _, r in plan.iter_requirements() if r.text.startswith("新建口袋"))
    assert "260" in req.remark and "东湖社区、西湖社区" in req.remark


def test_units_header_widened_by_bodies_in_brackets() -> None:
    from xltools.importing.readers.columns import header_role

    assert header_role("协作科室（站）").kind == "units" and header_role("协作科室（站）").role == "配合"
    assert header_role("主责部门（中心）").role == "牵头"
    assert header_role("投资额（亿元）").kind == "amount"


def test_lead_cell_merged_over_rows_in_a_table_saved_as_text() -> None:
    # The lead cell a rowspan covers is a blank line like an empty cell; a lead column filled on
    # most rows, one unit each, carries its unit down (noted), a goal row spanning the table aside.
    lines = ["序号", "工作任务", "推进措施", "主责单位", "协作单位", "办结时限",
             "一、乡村治理", "1", "规范村级议事", "修订村规民约，建立红白理事会。", "县民政局", "各乡镇", "2025年5月",
             "", "", "推行积分制管理，覆盖全部行政村。", "", "县农业农村局", "2025年9月",
             "2", "整治农村人居环境", "开展村庄清洁行动四季战役。", "县农业农村局", "县住建局", "2025年12月",
             "3", "提升公共服务", "建设村级综合服务站30个。", "县发改委", "县财政局", "2025年10月"]
    plan = plan_of("\n".join(lines) + "\n")
    assert _units(plan, "推行积分") == {"lead": {"县民政局"}, "assist": {"县农业农村局"}}
    assert _units(plan, "开展村庄") == {"lead": {"县农业农村局"}, "assist": {"县住建局"}}


def test_scraped_overseer_column_beside_units_one_per_line_and_a_dash_for_none() -> None:
    # get_text of 责任部门 (units one per line, a <br> between) beside 督办部门 (one overseer a
    # row): the overseer is the last unit line, kept as a remark; a dash is an empty cell.
    lines = ["序号", "存在问题", "责任部门", "督办部门", "整改时限",
             "1", "老旧管网漏损率偏高，供水压力不足。", "县水务集团", "县住建局", "县城乡水务中心", "县政府督查室",
             "2025年8月底前",
             "2", "部分乡镇垃圾转运不及时。", "县城管局", "县政府督查室", "立行立改",
             "3", "校园周边交通秩序混乱。", "县交警大队", "—", "2025年3月底前"]
    plan = plan_of("\n".join(lines) + "\n")
    assert _units(plan, "老旧管网") == {"resp": {"县水务集团", "县住建局", "县城乡水务中心"}}
    assert _units(plan, "部分乡镇") == {"resp": {"县城管局"}}
    assert _units(plan, "校园周边") == {"resp": {"县交警大队"}}
    req = next(r for _, _, r in plan.iter_requirements() if r.text.startswith("老旧管网"))
    assert "县政府督查室" in req.remark


def test_deadline_merged_over_a_tasks_measures_in_a_table_saved_as_text() -> None:
    # A 完成期限 cell merged over one task's two measures: the covered cell is a blank line; the
    # deadline column filled on most rows carries it to the measure under merged number and task.
    lines = ["序号", "重点任务", "工作举措", "责任单位", "完成期限",
             "1", "稳定粮食生产", "落实粮食播种面积52万亩。", "县农业农村局", "2025年10月",
             "", "", "新建高标准农田1.2万亩。", "县农业农村局", "",
             "2", "壮大特色产业", "培育市级以上龙头企业3家。", "县工信局", "2025年12月",
             "3", "改善人居环境", "完成农村改厕2000户。", "县卫健局", "2025年11月",
             "4", "深化农村改革", "推进宅基地制度改革试点。", "县自然资源局", "2025年9月"]
    plan = plan_of("\n".join(lines) + "\n")
    req = next(r for _, _, r in plan.iter_requirements() if r.text.startswith("新建高标准"))
    assert "2025年10月" in req.deadline.display


def test_closing_signature_over_two_lines_and_a_last_units_cell_kept() -> None:
    # The page closes with the offices' full names and the date, each on its own line, after
    # the last row's deadline: no cells.
    head = ["序号", "实事项目", "建设内容", "责任单位", "完成时限"]
    rows = ["1", "社区食堂", "新建社区长者食堂2个。", "街道社会事务办", "2025年6月底前",
            "2", "口袋公园", "改造街角绿地3处。", "街道城建办", "2025年9月底前",
            "3", "充电车棚", "新建电动自行车充电车棚5处。", "街道平安办", "2025年10月底前"]
    sign = ["中共东湖街道工作委员会", "东湖街道办事处", "2025年2月10日"]
    plan = plan_of("\n".join(head + rows + sign) + "\n")
    assert [r.text[:4] for _, _, r in plan.iter_requirements()] == ["新建社区", "改造街角", "新建电动"]
    assert _units(plan, "新建电动") == {"resp": {"街道平安办"}}
    # Where the last column holds units, the names could go on the last row's cell: the last
    # row keeps its own unit (the text cannot tell a signature there).
    head = ["序号", "实事项目", "建设内容", "完成时限", "责任单位"]
    rows = ["1", "社区食堂", "新建社区长者食堂2个。", "2025年6月底前", "街道社会事务办",
            "2", "口袋公园", "改造街角绿地3处。", "2025年9月底前", "街道城建办",
            "3", "充电车棚", "新建电动自行车充电车棚5处。", "2025年10月底前", "街道平安服务中心"]
    plan = plan_of("\n".join(head + rows + ["东湖街道办事处", "2025年2月10日"]) + "\n")
    assert "街道平安服务中心" in _units(plan, "新建电动")["resp"]


def test_a_date_after_a_units_last_row_is_no_signature() -> None:
    head = ["序号", "实事项目", "建设内容", "完成时限", "责任单位"]
    rows = ["1", "社区食堂", "新建社区长者食堂2个。", "2025年6月底前", "街道社会事务办",
            "2", "口袋公园", "改造街角绿地3处。", "2025年9月底前", "街道城建办"]
    plan = plan_of("\n".join(head + rows + ["2025年2月10日"]) + "\n")
    assert _units(plan, "改造街角") == {"resp": {"街道城建办"}}
