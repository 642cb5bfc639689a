"""Hard-wrapped prose (a PDF's text) back into its paragraphs, and the
clean-ups a PDF's or a web page's text needs (readers/unwrap.py, text.py,
the label grammar for labels glued to a list). The wording is made up here:
no corpus document has it."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.columns import find_labels
from xltools.importing.readers.prose import opens_item, split_labelled
from xltools.importing.readers.unwrap import join_wrapped, running_heads, wrap_width
from xltools.text import clean_text

# A 22-character page: every line of a paragraph but its last runs to the edge.
WRAPPED = """\
某区林业局2025年森林防火工作分工
一、压实防火责任
1.开展林区野外用火专项巡查，重点时段每日巡
护不少于两次。（牵头单位：区林业局；配合单
位：各镇人民政府、区应急管理局）
2.完成林区防火隔离带修复120公里，清理可燃
物不少于3000吨。责任单位：区林业局、区公路
中心。完成时限：2025年3月底前
— 1 —
3.组织森林消防半专业队伍集中训练，全年不少
于4次。
牵头单位：区应急管理局
配合单位：各林场、区气象
局
各单位务必高度重视，严格按照分工抓好落实，每
月底前报送进展。
"""


def _plan(text: str):
    events, meta = read_source(text.encode("utf-8"), "wrapped.txt")
    return build_plan(events, meta)


def _rows(plan) -> list[tuple[str, set[str], str]]:
    return [(r.text, {a.unit for a in plan.assignments_for(r.id)}, r.deadline.display)
            for _, _, r in plan.iter_requirements()]


def test_the_page_width_is_found_from_the_lines_and_plain_text_is_left_alone():
    assert wrap_width(WRAPPED.split("\n")) is not None
    plain = "\n".join(line for line in [
        "1.开展林区野外用火专项巡查，重点时段每日巡护不少于两次。（牵头单位：区林业局）",
        "2.完成林区防火隔离带修复120公里。（责任单位：区林业局、区公路中心）",
        "3.组织森林消防半专业队伍集中训练，全年不少于4次。",
        "牵头单位：区应急管理局",
        "4.更新防火宣传牌。（责任单位：各林场）"])
    assert wrap_width(plain.split("\n")) is None
    assert [line for _, line in join_wrapped(plain.split("\n"), opens_item)] == plain.split("\n")


def test_wrapped_lines_join_across_labels_brackets_and_page_numbers():
    joined = [line.strip() for _, line in join_wrapped(WRAPPED.split("\n"), opens_item) if line.strip()]
    assert "1.开展林区野外用火专项巡查，重点时段每日巡护不少于两次。（牵头单位：区林业局；配合单位：各镇人民政府、区应急管理局）" \
        in joined
    # 区公路 / 中心 is one name; the field label after it starts its own line.
    assert "2.完成林区防火隔离带修复120公里，清理可燃物不少于3000吨。责任单位：区林业局、区公路中心。完成时限：2025年3月底前" \
        in joined
    assert "— 1 —" in joined  # page furniture stays a line of its own (the reader skips it)
    # A labelled field ends the item: the closing paragraph below is not joined to it.
    assert any(line.startswith("各单位务必高度重视") for line in joined)


def test_a_wrapped_plan_reads_like_the_unwrapped_one():
    rows = _rows(_plan(WRAPPED))
    assert [t[:8] for t, _, _ in rows] == ["开展林区野外用火", "完成林区防火隔离", "组织森林消防半专"]
    assert rows[0][1] == {"区林业局", "各镇人民政府", "区应急管理局"}
    assert rows[1][1] == {"区林业局", "区公路中心"} and rows[1][2] == "2025年3月底前"
    assert rows[2][1] == {"区应急管理局", "各林场", "区气象局"}  # 区气象 / 局: a name cut by the page
    assert all("— 1 —" not in t and "各单位务必" not in t for t, _, _ in rows)


def test_an_inline_list_cut_before_its_next_number_goes_on():
    lines = WRAPPED.split("\n")[:9] + [
        "4.推进林下经济发展，新建林下种植基地两处，①",
        "建成示范基地一个；②培育林下经济示范户十户；",
        "③开展技术培训两期。（责任单位：区林业局、各镇",
        "人民政府）"]
    joined = [line for _, line in join_wrapped(lines, opens_item)]
    assert joined[-1] == "4.推进林下经济发展，新建林下种植基地两处，①建成示范基地一个；②培育林下经济示范户十户；" \
        "③开展技术培训两期。（责任单位：区林业局、各镇人民政府）"
    # A sub-item that is no sequel of a list in the line above starts its own line.
    lines = WRAPPED.split("\n")[:9] + ["4.推进林下经济发展，新建林下种植基地两处等工", "作。", "①建成示范基地一个。"]
    assert [line for _, line in join_wrapped(lines, opens_item)][-1] == "①建成示范基地一个。"


def test_a_space_a_pdf_puts_beside_chinese_is_dropped_a_typed_one_stays():
    assert clean_text("于 2025 年 3 月底前完成") == "于2025年3月底前完成"
    assert clean_text("农商银行 YY 支行") == "农商银行YY支行"
    assert clean_text("开通 96777 林火报警热线") == "开通96777林火报警热线"
    assert clean_text("联系人：王五 13812345678") == "联系人：王五 13812345678"


def test_a_label_glued_to_the_list_before_it():
    text = "分管领导：副局长、办公室主任责任股室：营林股、防火办监测站办结时限：5月底前"
    assert [w for _, _, w in find_labels(text)] == ["分管领导", "责任股室", "办结时限"]
    assert split_labelled(text)[1] == ("责任股室", "营林股、防火办监测站")


def test_a_title_cut_inside_its_quotation_marks_is_one_title():
    text = "某县林业局关于印发《某县2025年森林\n防火工作分工方案》的通知\n" + WRAPPED.split("\n", 1)[1]
    plan = _plan(text)
    assert plan.info.title == "某县林业局关于印发《某县2025年森林防火工作分工方案》的通知"
    assert [t[:8] for t, _, _ in _rows(plan)] == ["开展林区野外用火", "完成林区防火隔离", "组织森林消防半专"]


def test_a_running_head_on_every_page_is_no_part_of_an_item():
    lines = [ln for ln in WRAPPED.split("\n") if ln != "— 1 —"]
    at = lines.index("护不少于两次。（牵头单位：区林业局；配合单")  # the page breaks inside item 1
    text = "\n".join(["某区林业局"] + lines[:at] + ["第 1 页", "\f某区林业局"] + lines[at:])
    assert running_heads(text.split("\n"), opens_item) == {1, at + 3}
    rows = _rows(_plan(text))
    assert [t[:8] for t, _, _ in rows] == ["开展林区野外用火", "完成林区防火隔离", "组织森林消防半专"]
    assert rows[0][0] == "开展林区野外用火专项巡查，重点时段每日巡护不少于两次。"
    assert rows[0][1] == {"区林业局", "各镇人民政府", "区应急管理局"}
    # A line that is first on one page only is text, not a running head.
    assert running_heads(["某区林业局", "1.开展巡查。", "第 1 页", "各镇人民政府"], opens_item) == set()


def test_a_bracket_broken_after_a_name_with_its_own_bracket_goes_on() -> None:
    # No page width here: only the open bracket says the line goes on; the next line
    # opens and closes a bracket of its own before it closes the one above.
    raw = ["1.新建口袋公园2个。", "【责任部门：园林所（①）、", "各社区（②）；完成时间：9月底前】", "2.整治背街小巷。"]
    lines = [line for _, line in join_wrapped(raw, opens_item, set())]
    assert lines == ["1.新建口袋公园2个。", "【责任部门：园林所（①）、各社区（②）；完成时间：9月底前】", "2.整治背街小巷。"]
    # A line whose brackets close only what it opens does not go on the line above.
    raw = ["（责任单位：园林所、", "市政所（南区））", "（配合单位：各社区）"]
    assert [line for _, line in join_wrapped(raw, opens_item, set())] == \
        ["（责任单位：园林所、市政所（南区））", "（配合单位：各社区）"]


def test_a_lone_character_set_apart_from_a_full_line_leaves_it_going_on() -> None:
    # A 20-character page; the tool put the last character of a full line on a line of its own.
    raw = ["某区医保局2024年工作要点", "1.联合区卫健局、区公安分局开展打击欺诈", "骗保专项行动，做到定点医药机构检查全覆盖",
           "。对发现的问题依法依规严肃处理，追回基", "金", "监管股负责落实，区稽核中心配合实施。",
           "2.推进智能监控系统应用，规则库扩充至50条", "以上。（责任股室：信息股）"]
    assert [w for w in raw if len(w) >= 20]  # lines run to the page's width
    lines = [line for _, line in join_wrapped(raw, opens_item, set())]
    assert any("追回基金监管股负责落实，区稽核中心配合实施。" in line for line in lines)
