"""A table as pdftotext -layout leaves it, rebuilt from the runs' offsets
(readers/layoutgrid.py): header labels wrapped and centred over their columns,
a cell pushed right after one space by a wide neighbour, the header repeated
one character off on the next page, a number centred in its row."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.layoutgrid import find_layout_header, read_layout_grid
from xltools.model import Role

PAGES = """\
            某市林草局2025年森林防火重点任务表

序      防火任务                 具体措施              牵头科        协办科室     完成
号                                              室                  时限
一、火源管控
1    野外火源专         在林区入口设立检查卡点，              市森林消防支队指挥中心 资源科、     2025年
     项治理           落实进山登记制度。                            宣传科       4月底前
2    防火宣传进         组织宣传车巡回播放防火知              宣传科        各国有林场     长期坚持
     村入户           识，张贴公告不少于二百份。
                   设立村级护林员巡护打卡点，             资源科        各乡镇       2025年
                   每日巡护不少于两次。                                     6月底前

                                 - 1 -

序       防火任务                 具体措施              牵头科        协办科室     完成
号                                               室                  时限
3     瞭望塔智能化        完成十二座瞭望塔视频监控升             防火办        信息中心      2025年
      改造            级改造。                                           9月底前
"""

CENTRED = """\

序       工作                  具体要求               责任
号       事项                                     部门
      河湖清障          开展河湖“清四乱”专项行动，            县水利局、
1                   年底前完成全部问题销号，              各乡镇
                    建立问题台账。
      水源保护          完成饮用水水源地规范化建              县生态环境
2                   设，设置界标和警示牌。               分局
"""


def _plan(text: str):
    events, meta = read_source(text.encode("utf-8"), "t.txt")
    return build_plan(events, meta), meta


def _rows(plan):
    return [(g.name, str(t.number), t.name, r.text, {(a.unit, a.role) for a in plan.assignments_for(r.id)},
             r.deadline.text, r.remark) for g in plan.goals for t in g.tasks for r in t.requirements]


def test_wrapped_labels_pushed_cells_and_a_repeated_header_one_character_off() -> None:
    lines = PAGES.split("\n")
    header = find_layout_header(lines, False)
    assert header is not None and header[1] - header[0] == 2  # 序/号, 牵头科/室, 完成/时限: one header
    plan, meta = _plan(PAGES)
    rows = _rows(plan)
    assert [r[3] for r in rows] == [
        "在林区入口设立检查卡点，落实进山登记制度。",
        "组织宣传车巡回播放防火知识，张贴公告不少于二百份。",
        "设立村级护林员巡护打卡点，每日巡护不少于两次。",
        "完成十二座瞭望塔视频监控升级改造。"]
    assert {r[0] for r in rows} == {"火源管控"}  # 一、火源管控: a row spanning the table
    # 市森林消防支队指挥中心 overflows its column; 资源科 after ONE space is the next column's.
    assert rows[0][4] == {("市森林消防支队指挥中心", Role.LEAD), ("资源科", Role.ASSIST), ("宣传科", Role.ASSIST)}
    assert rows[0][5] == "2025年4月底前"
    # A row without a number under a merged task cell: the task's second requirement.
    assert rows[2][1] == rows[1][1] == "2" and rows[2][2] == "防火宣传进村入户"
    assert rows[2][4] == {("资源科", Role.LEAD), ("各乡镇", Role.ASSIST)}
    # The next page's header is one character off: its own edges place its runs.
    assert rows[3][2] == "瞭望塔智能化改造" and rows[3][4] == {("防火办", Role.LEAD), ("信息中心", Role.ASSIST)}
    assert rows[3][5] == "2025年9月底前"
    assert not any("- 1 -" in r[3] for r in rows)


def test_a_number_centred_in_its_row_belongs_to_the_row_that_opened_above_it() -> None:
    plan, _ = _plan(CENTRED)
    rows = _rows(plan)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("1", "河湖清障", "开展河湖“清四乱”专项行动，年底前完成全部问题销号，建立问题台账。"),
        ("2", "水源保护", "完成饮用水水源地规范化建设，设置界标和警示牌。")]
    assert {u for u, _ in rows[0][4]} == {"县水利局", "各乡镇"}
    assert {u for u, _ in rows[1][4]} == {"县生态环境分局"}  # a name wrapped at the column's width


def test_steps_aside_on_text_without_a_header_spread_by_spaces() -> None:
    assert read_layout_grid("一、总体要求\n（一）加强领导。各乡镇负责。\n（二）强化督查。县督查室负责。\n", "t.txt") is None
    assert read_layout_grid("序号 任务 责任单位\n1 开展巡查 县林业局\n", "t.txt") is None


def _line(*placed: tuple[int, str]) -> str:
    """A line with each text at its offset (one space after a wider one before)."""
    line = ""
    for pos, text in placed:
        line += " " * max(1 if line else 0, pos - len(line)) + text
    return line


def _runs(*placed: tuple[int, str]):
    from xltools.importing.readers.layoutgrid import _tokens

    return _tokens(_line(*placed), False)


def test_runs_go_to_columns_by_position_and_order() -> None:
    from xltools.importing.readers.layoutgrid import _assign, off_edge

    edges = [-1, 5, 20, 34, 44]  # 序号 | 任务 | 要求 | 牵头单位 | 完成时限

    def cells(runs):
        cols = _assign(runs, edges, 0)
        return [" ".join(t[2] for t, c in zip(runs, cols) if c == k) for k in range(len(edges))]

    # A count after one space goes on in the text it counts, however far it reaches.
    assert cells(_runs((0, "3"), (5, "林区防火"), (20, "完成瞭望塔改造，配置无"), (32, "12"), (35, "台"),
                       (39, "市林草局"), (44, "2025"), (49, "年"))) == \
        ["3", "林区防火", "完成瞭望塔改造，配置无 12 台", "市林草局", "2025 年"]
    # A number before a date word after one space opens the date column.
    assert cells(_runs((5, "监测"), (20, "新建监测点位，覆盖率"), (31, "95%"), (35, "县消防救援大队"), (44, "12"),
                       (47, "月底前")))[3:] == ["县消防救援大队", "12 月底前"]
    # A name pushed right after one space by a wide cell is its own column's.
    assert cells(_runs((20, "落实护林员网格化巡护制度"), (34, "县交通运输"), (40, "孙立军")))[3:] == \
        ["县交通运输", "孙立军"]
    # A name squeezed four characters left of its column after one space: placed there, noted.
    runs = _runs((0, "4"), (5, "护林员管理"), (20, "落实护林员网格化"), (30, "县林草局"), (44, "2025"))
    assert cells(runs)[3] == "县林草局"
    assert [runs[j][2] for j in off_edge(runs, _assign(runs, edges, 0), edges)] == ["县林草局"]
    # A wide cell pushes the next one left of its edge after one space: after a full-width
    # mark (，。) or after a count whose next word is a place word, that is the next column.
    assert cells(_runs((20, "整治河道沿线违建，"), (31, "镇综合执法队"), (44, "2025")))[2:4] == \
        ["整治河道沿线违建，", "镇综合执法队"]
    assert cells(_runs((20, "清理河道淤泥。"), (30, "县水务"), (44, "2025")))[2:4] == ["清理河道淤泥。", "县水务"]
    assert cells(_runs((20, "新建护岸"), (27, "2300"), (32, "县水务"), (44, "2025")))[2:4] == ["新建护岸 2300", "县水务"]
    assert cells(_runs((20, "新建护岸"), (27, "2300"), (32, "米，"), (44, "2025")))[2:4] == ["新建护岸 2300 米，", ""]


def test_a_guessed_column_puts_the_requirement_on_review() -> None:
    text = "\n".join([
        _line((0, "序号"), (7, "任务"), (24, "具体要求"), (40, "牵头单位"), (50, "完成时限")),
        _line((0, "1"), (5, "护林员管理"), (20, "落实护林员网格化巡护"), (36, "县林草局"), (50, "2025年9月")),
        _line((0, "2"), (5, "林区防火"), (20, "完成瞭望塔改造，配置无人"), (40, "县应急局"), (50, "2025年6月")),
        _line((20, "机巡查。")),
        _line((0, "3"), (5, "监测预警"), (20, "新建监测点位十五处。"), (40, "县气象局"), (50, "2025年5月"))]) + "\n"
    events, _ = read_layout_grid(text, "t.txt")
    notes = {e.line: [m for _, m in e.review] for e in events}
    assert any("县林草局" in m for m in notes[2]) and not notes[3] and not notes[5]


# A cell's last line short of its column only because the next word (a ratio, a rate:
# Latin digits never broken by the page) did not fit: the line goes on, no row of its own.
SHORT_BY_A_WORD = """\
    序号          反馈问题              整改举措                责任股室        整改期限
1            部分站点巡检频次不足     增设巡检岗位，巡检覆盖     安监股         2025 年 5 月 31 日
             全年合格率低于标准       率提升至全站点的
             85.5%。                  99.9%。
2            台账登记不规范，部分     统一台账格式，按月抽       综合股         2025 年 6 月 30 日
             记录缺失。               查并通报。
"""


def test_a_line_short_of_its_column_by_less_than_the_next_word_goes_on() -> None:
    from xltools.importing.readers.layoutgrid import _continues, _first_word

    assert _first_word("1:0.4。") == "1:0.4。" and _first_word("率。") == "率。" and _first_word("“十") == "“十"
    assert _continues("统，实现可追溯率", 16, 20, "100%。")
    assert not _continues("统，实现可追溯率", 16, 20, "率")  # a character would have fitted: the cell ended
    assert not _continues("检查并通报。", 12, 20, "100%。")  # a sentence's end ends the cell
    plan, _ = _plan(SHORT_BY_A_WORD)
    rows = _rows(plan)
    assert [r[1] for r in rows] == ["1", "2"]
    got = {r[3] for r in rows} | {r[6] for r in rows}
    assert "增设巡检岗位，巡检覆盖率提升至全站点的99.9%。" in got or "部分站点巡检频次不足全年合格率低于标准85.5%。" in got


# Two measures of one task under a merged cell, the same lead unit wrapped over two lines
# in each, the first measure's last line as wide as its column: the same name again opens
# the second measure's row (a cell names a unit once).
def _named_again_text() -> str:
    return "\n".join([
        _line((0, "序号"), (5, "重点任务"), (18, "工作举措"), (31, "牵头单位"), (41, "配合单位")),
        _line((0, "1"), (4, "森林防火巡查"), (14, "完成林区防火通道清理 36 公"), (31, "县林业发展"), (41, "县应急局")),
        _line((14, "里，确保按期完成验收工作。"), (31, "服务中心")),
        _line((14, "实施防火瞭望塔视频监控升级"), (31, "县林业发展")),
        _line((14, "改造，实现重点林区全覆盖。"), (31, "服务中心")),
        _line((0, "2"), (4, "野生动物保护"), (14, "开展候鸟栖息地专项巡护，"), (31, "县公安局"), (41, "各乡镇")),
        _line((14, "严厉打击非法猎捕行为。"))]) + "\n"


def test_the_same_unit_named_again_below_a_whole_name_opens_the_next_row() -> None:
    from xltools.importing.readers.layoutgrid import _name_ends

    assert _name_ends("县林业发展服务中心", "县林业发展") == "again"
    assert _name_ends("县林业发展服务中心", "县应急局") == "new"
    assert _name_ends("县林业发展", "服务中心") == ""  # the name is not whole yet
    plan, _ = _plan(_named_again_text())
    rows = _rows(plan)
    assert [r[3] for r in rows] == ["完成林区防火通道清理36公里，确保按期完成验收工作。",
                                    "实施防火瞭望塔视频监控升级改造，实现重点林区全覆盖。",
                                    "开展候鸟栖息地专项巡护，严厉打击非法猎捕行为。"]
    assert rows[0][4] == {("县林业发展服务中心", Role.LEAD), ("县应急局", Role.ASSIST)}
    assert {u for u, _ in rows[1][4]} == {"县林业发展服务中心"} and rows[1][2] == "森林防火巡查"


def _merged_title_text() -> str:
    # No number column; a task cell merged over three rows runs on beside the second row,
    # each row one sentence on one line, short units one to a cell, one a longer list.
    return "\n".join([
        _line((3, "重点工作"), (17, "工作要求"), (42, "责任股室")),
        _line((0, "规范档案归档管理"), (12, "按季度完成文书档案整理归档。"), (35, "档案股")),
        _line((0, "加强农村集体资产监"), (12, "每年开展一次集体资产清查。"), (35, "农经股")),
        _line((0, "督管理"), (12, "建立集体资产台账并动态更新。"), (35, "各乡镇")),
        _line((12, "公开集体资产处置结果。"), (35, "农经股牵头，各乡")),
        _line((35, "镇配合")),
        _line((0, "推进移风易俗"), (12, "修订完善村规民约，遏制高额彩礼。"), (35, "宣传股")),
    ]) + "\n"


def test_a_merged_title_running_on_beside_the_next_row_stays_one_title() -> None:
    plan, _ = _plan(_merged_title_text())
    rows = _rows(plan)
    assert [(r[2], r[3]) for r in rows] == [
        ("规范档案归档管理", "按季度完成文书档案整理归档。"),
        ("加强农村集体资产监督管理", "每年开展一次集体资产清查。"),
        ("加强农村集体资产监督管理", "建立集体资产台账并动态更新。"),
        ("加强农村集体资产监督管理", "公开集体资产处置结果。"),
        ("推进移风易俗", "修订完善村规民约，遏制高额彩礼。")]
    assert {u for u, _ in rows[2][4]} == {"各乡镇"}
    assert rows[3][4] == {("农经股", Role.LEAD), ("各乡镇", Role.ASSIST)}


def _two_pages_text() -> str:
    # Traditional labels over a Simplified body; a units cell pushed against the deadline
    # (one space before the year); a row cut by the page break whose units go on under the
    # next page's header, repeated two characters to the left.
    header = [_line((0, "序號"), (5, "工作任務"), (18, "具體措施"), (33, "牽頭科室"), (41, "配合科室"), (49, "完成時")),
              _line((51, "限"))]
    header2 = [_line((0, "序號"), (4, "工作任務"), (16, "具體措施"), (31, "牽頭科室"), (39, "配合科室"), (47, "完成時")),
               _line((49, "限"))]
    return "\n".join(header + [
        _line((0, "1"), (4, "规范病历书写"), (13, "开展运行病历专项检查，每"), (33, "医务部"), (41, "病案管理"), (49, "2024 年")),
        _line((13, "月通报检查结果。"), (33, ""), (41, "科"), (49, "6 月底前")),
        _line((0, "2"), (4, "提升随访质量"), (13, "建立出院患者随访台账，随"), (33, "护理部"), (41, "门诊办公"), (46, "2024 年")),
        _line((13, "访率达到百分之九十。"), (41, "室、信息"), (49, "9 月底前")),
        "", "                     - 1 -", ""] + header2 + [
        _line((39, "中心")),
        _line((0, "3"), (4, "改善门诊秩序"), (13, "推行分时段预约就诊。"), (31, "门诊部"), (39, "保卫科"), (47, "长期坚持"))]) + "\n"


def test_traditional_labels_a_date_against_a_unit_and_a_row_cut_by_the_page_break() -> None:
    plan, _ = _plan(_two_pages_text())
    rows = _rows(plan)
    assert [(r[1], r[2]) for r in rows] == [("1", "规范病历书写"), ("2", "提升随访质量"), ("3", "改善门诊秩序")]
    assert rows[0][4] == {("医务部", Role.LEAD), ("病案管理科", Role.ASSIST)} and rows[0][5] == "2024年6月底前"
    # 门诊办公 2024 年: the year is the deadline's; the page's next lines end the units.
    assert rows[1][4] == {("护理部", Role.LEAD), ("门诊办公室", Role.ASSIST), ("信息中心", Role.ASSIST)}
    assert rows[1][5] == "2024年9月底前"
    assert rows[2][4] == {("门诊部", Role.LEAD), ("保卫科", Role.ASSIST)}


def test_a_few_characters_alone_on_a_line_are_the_tail_of_the_cell_cut_above() -> None:
    text = "\n".join([
        _line((0, "序号"), (5, "重点任务"), (18, "具体措施"), (33, "责任单位")),
        _line((0, "1"), (4, "压减审批材料"), (13, "推行告知承诺制，压减申请材"), (33, "县审批局")),
        _line((13, "料 30%"), (33, "")),
        _line((13, "以上。")),
        _line((0, "2"), (4, "优化窗口服务"), (13, "推行延时服务、预约服务和错时"), (33, "县政务中心")),
        _line((9, "服务。")),  # a page's shifted columns put the tail under the task
        _line((0, "3"), (4, "规范中介服务"), (13, "清理规范审批中介服务事项。"), (33, "县发改局"))]) + "\n"
    plan, _ = _plan(text)
    rows = _rows(plan)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("1", "压减审批材料", "推行告知承诺制，压减申请材料30%以上。"),
        ("2", "优化窗口服务", "推行延时服务、预约服务和错时服务。"),
        ("3", "规范中介服务", "清理规范审批中介服务事项。")]


def _two_row_header_text() -> str:
    # 主体单位 over 主办 | 协办 on the header's second line; the 类别 cell merged over numbered rows.
    return "\n".join([
        _line((0, "序"), (4, "工作类别"), (14, "推进举措"), (34, "主体单位"), (52, "办结时限")),
        _line((0, "号"), (32, "主办科室"), (42, "协办科室")),
        _line((0, "1"), (4, "窗口提质"), (14, "推行首问负责制，设立导办"), (32, "政务服务科"), (42, "督查室"), (52, "2025 年")),
        _line((14, "专岗。"), (52, "4 月底前")),
        _line((0, "2"), (14, "开展窗口人员业务轮训。"), (32, "人事科"), (42, "各窗口"), (52, "长期坚持")),
        _line((0, "3"), (4, "数据赋能"), (14, "建成办件数据分析看板。"), (32, "信息科"), (42, "政务服务科"), (52, "2025 年")),
        _line((52, "9 月底前"))]) + "\n"


def test_a_second_header_line_of_role_labels_splits_the_units_label_over_them() -> None:
    from xltools.importing.readers.layoutgrid import find_layout_header, _label

    lines = _two_row_header_text().split("\n")
    found = find_layout_header(lines, False)
    assert found is not None and [_label(s) for s in found[2]] == ["序号", "工作类别", "推进举措", "主办科室", "协办科室",
                                                                   "办结时限"]
    plan, _ = _plan(_two_row_header_text())
    rows = _rows(plan)
    # The category (a goal column by its head noun) merged over rows 1–2: carried, numbers kept.
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("窗口提质", "1", "推行首问负责制，设立导办专岗。"),
        ("窗口提质", "2", "开展窗口人员业务轮训。"),
        ("数据赋能", "3", "建成办件数据分析看板。")]
    assert rows[1][4] == {("人事科", Role.LEAD), ("各窗口", Role.ASSIST)}
    assert rows[2][4] == {("信息科", Role.LEAD), ("政务服务科", Role.ASSIST)} and rows[2][5] == "2025年9月底前"


def test_a_task_cell_merged_over_numbered_rows_is_carried_onto_each_keeping_its_number() -> None:
    text = _two_row_header_text().replace("工作类别", "重点任务")
    plan, _ = _plan(text)
    rows = _rows(plan)
    assert [(r[1], r[2]) for r in rows] == [("1", "窗口提质"), ("2", "窗口提质"), ("3", "数据赋能")]
    assert any("重点任务" in n.message for n in plan.notes)  # the carried title is noted once


def _tails_text() -> str:
    return "\n".join([
        _line((0, "序号"), (5, "重点任务"), (16, "具体内容"), (38, "牵头单位"), (48, "配合单位")),
        _line((0, "1"), (5, "加快农村"), (14, "新改建农村公路 120 公里，完成"), (38, "县交通运"), (48, "各乡镇")),
        _line((5, "公路养护"), (14, "危桥改造八座。"), (38, "输局")),
        # the title's last line beside the next numbered row's first: its tail
        _line((0, "2"), (5, "提质"), (14, "建成农村公路养护站三处。"), (38, "县交通运"), (48, "县财政局")),
        _line((38, "输局")),
        _line((0, "3"), (5, "推进数字"), (14, "接入城市部件感知设备不少于 2000"), (38, "县数据局"), (48, "县大数据发展")),
        _line((5, "治理"), (14, "台。"), (48, "中心、县住房城乡")),
        _line((48, "建委")),
        _line((0, "4"), (5, "规范数据"), (14, "编制公共数据开放目录。"), (38, "县数据局"), (48, "县司法局")),
        _line((5, "开放"))]) + "\n"


def test_tails_under_cells_go_on_in_them() -> None:
    plan, _ = _plan(_tails_text())
    rows = _rows(plan)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("1", "加快农村公路养护提质", "新改建农村公路120公里，完成危桥改造八座。"),
        ("2", "加快农村公路养护提质", "建成农村公路养护站三处。"),
        ("3", "推进数字治理", "接入城市部件感知设备不少于2000台。"),
        ("4", "规范数据开放", "编制公共数据开放目录。")]
    assert {u for u, _ in rows[2][4]} == {"县数据局", "县大数据发展中心", "县住房城乡建委"}


def test_a_reading_whose_texts_open_mid_sentence_scores_lower() -> None:
    from xltools.importing.readers.rows import RawRow
    from xltools.importing.readers.scoring import score_reading

    whole = [RawRow("完善河湖巡查制度，建立巡查台账。", number="1", units="县水利局"),
             RawRow("开展入河排污口整治，实现动态清零。", number="2", units="县生态环境分局")]
    cut = [RawRow("完善河湖巡查制度，建立巡查", number="1", units="县水利局"),
           RawRow("账，开展入河排污口整治，实现", number="2", units="县生态环境分局")]
    assert score_reading(whole) > score_reading(cut)


def test_a_line_wraps_before_a_word_glued_to_its_mark_and_marks_set_full_width() -> None:
    from xltools.importing.readers.layoutgrid import _continues, _first_word, _page_width

    assert _first_word("所”2 个。") == "所”2" and _first_word("制，110 警情") == "制，110"
    assert _page_width("“枫") == 4  # a Chinese font sets the quote full width
    assert _continues("桥式公安派出", _page_width("桥式公安派出"), 16, "所”2 个。")
    assert not _continues("桥式公安", _page_width("桥式公安"), 16, "所”2 个。")


YEAR_LABEL = """\
序    改造内容             2025    实施科     联系电话        办结
号                     年度目     室                   时限
                      标
1    更换老旧供热管道         完成 12   热力科     0771-       2025 年
     十二公里，同步          公里              5550123     10 月底前
     加装计量设施。
2    新建换热站三座，         完成 3    设备科     13800001111 2025 年
     实现分户计量。          座                           11 月底前
"""


def test_a_year_opening_a_wrapped_label_is_part_of_the_header() -> None:
    header = find_layout_header(YEAR_LABEL.split("\n"), False)
    assert header is not None and header[:2] == (0, 3)  # 2025 / 年度目 / 标: one label
    plan, meta = _plan(YEAR_LABEL)
    assert "2025年度目标" in meta.headers
    rows = _rows(plan)
    assert [(r[0], r[3], r[4], r[5]) for r in rows] == [
        ("完成12公里", "更换老旧供热管道十二公里，同步加装计量设施。", {("热力科", Role.RESPONSIBLE)}, "2025年10月底前"),
        ("完成3座", "新建换热站三座，实现分户计量。", {("设备科", Role.RESPONSIBLE)}, "2025年11月底前")]
    # A year alone over no label below it is a body's number, not a label.
    assert find_layout_header(["序号    任务内容      2025      责任单位", "1       开展巡查      县林业局"], False) is None


MERGED_LEAD = """\
序    工作事项           具体措施                      牵头单位      配合单位          完成时限
号
1    供水管网改造         更换老旧铸铁管道十五公里，             区水务局      各街道办事处        2025 年
                    降低管网漏损率。                                          9 月底前
2                   新建加压泵站两座，保障高层                       区住建局          2025 年
                    住户用水。                                             11 月底前
3    排水防涝           清疏雨水管渠四十公里。               区城管局      区水务局          长期坚持
"""


def test_an_empty_lead_cell_beside_filled_helpers_takes_the_lead_merged_above() -> None:
    plan, _ = _plan(MERGED_LEAD)
    rows = _rows(plan)
    assert [r[4] for r in rows] == [
        {("区水务局", Role.LEAD), ("各街道办事处", Role.ASSIST)},
        {("区水务局", Role.LEAD), ("区住建局", Role.ASSIST)},
        {("区城管局", Role.LEAD), ("区水务局", Role.ASSIST)}]
    events, _ = read_source(MERGED_LEAD.encode("utf-8"), "t.txt")
    carried = [e.line for e in events for _, m in getattr(e, "review", ()) if "沿用上一行的牵头单位" in m]
    assert carried == [5]  # the carried lead is a guess, noted on its row alone
