"""Units wording parser and registry: examples and properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xltools.model import Role
from xltools.importing.units import (looks_like_units_cell, parse_units, resolve_names, same_body,
                           split_top_level)


def pairs(text, default_role=None):
    return [(u.name, u.role.value) for u in parse_units(text, default_role).units]


def test_roles_from_wording():
    assert pairs("市财政局牵头，市审计局配合") == [("市财政局", "牵头"), ("市审计局", "配合")]
    assert pairs("市公安局负责") == [("市公安局", "责任")]
    assert pairs("市民政局、市教育局") == [("市民政局", "责任"), ("市教育局", "责任")]
    assert pairs("市委宣传部、市网信办等部门协助做好相关工作") == [("市委宣传部", "配合"), ("市网信办", "配合")]
    assert pairs("市司法局参与") == [("市司法局", "配合")]
    assert pairs("市政府办公室、司法局分别牵头抓好报送解读材料的要件把关和合法性审查工作。") == [
        ("市政府办公室", "牵头"), ("司法局", "牵头")]


def test_generic_clauses_become_one_pseudo_unit():
    assert pairs("各相关部门按职能分别落实") == [("各相关部门", "责任")]
    assert pairs("各地、各部门") == [("各相关部门", "责任")]
    assert pairs("各有关单位配合") == [("各相关部门", "配合")]  # the written role is kept
    # Qualified groups are kept as written.
    assert pairs("市直各有关单位、各县（市、区）人民政府") == [
        ("市直各有关单位", "责任"), ("各县（市、区）人民政府", "责任")]


def test_and_joins_units_only_between_names():
    assert pairs("市委宣传部和市网信办负责") == [("市委宣传部", "责任"), ("市网信办", "责任")]
    assert pairs("市住房和城乡建设局牵头") == [("市住房和城乡建设局", "牵头")]
    assert pairs("市工业和信息化局及市商务局") == [("市工业和信息化局", "责任"), ("市商务局", "责任")]


def test_duplicates_and_repeated_clauses_dropped_with_a_note():
    p = parse_units("市政务服务局牵头抓好相关工作；市政务服务局牵头抓好相关工作；市财政局、市财政局")
    assert [(u.name, u.role) for u in p.units] == [("市政务服务局", Role.LEAD), ("市财政局", Role.RESPONSIBLE)]
    assert len(p.notes) == 1  # the repeated clause; a repeated name is dropped silently (nothing lost)


def test_default_role_for_labelled_columns():
    assert pairs("市财政局、市审计局", Role.ASSIST) == [("市财政局", "配合"), ("市审计局", "配合")]


def test_traditional_role_words():
    assert pairs("市政府辦公室牽頭，市級各部門按職責分工負責")[0] == ("市政府辦公室", "牵头")


def test_units_cell_versus_requirement_text():
    assert looks_like_units_cell("市人社局。")
    assert looks_like_units_cell("政府办、开发区、各相关部门按职能分别落实。")
    assert not looks_like_units_cell("加大主动公开力度，做到应公开尽公开。")
    assert not looks_like_units_cell("严格绩效考评标准，对政务公开重点工作任务落实好和创新成效突出的单位")
    assert not looks_like_units_cell("平稳做好机构改革后政府网站新建、整合、改版、迁移等工作。")


def test_same_body_rules():
    assert same_body("司法局", "市司法局")
    assert same_body("市政务服局", "市政务服务局")
    assert same_body("市退役军人事务管理局", "市退役军人事务局")
    assert same_body("政府办", "市政府办公室")
    assert not same_body("市财政局", "市民政局")
    assert not same_body("市社保局", "市人社局")
    assert not same_body("市委", "市委宣传部")
    assert not same_body("各部门", "各相关部门")


def test_registry_merges_with_aliases_and_prefers_full_names():
    mapping, units, merges = resolve_names(["政府办", "政府办", "市政府办公室", "市教育局"])
    assert mapping["政府办"] == "市政府办公室"
    assert [(u.name, u.aliases) for u in units] == [("市政府办公室", ("政府办",)), ("市教育局", ())]
    assert len(merges) == 1


# ------------------------------------------------------------- properties
SUFFIX = st.sampled_from(["局", "办", "委", "中心", "部"])
BODY = st.text(alphabet="财政审计教育公安民生态环境交通水利卫健文旅应急统计", min_size=2, max_size=6)
NAME = st.builds(lambda core, suffix: "市" + core + suffix, BODY, SUFFIX)
ROLE_WORD = st.sampled_from([("牵头", Role.LEAD), ("配合", Role.ASSIST), ("负责", Role.RESPONSIBLE),
                             ("", Role.RESPONSIBLE)])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(NAME, min_size=1, max_size=5, unique=True), ROLE_WORD),
                min_size=1, max_size=3),
       st.sampled_from(["，", "；", ";", ","]))
def test_parse_recovers_generated_wordings(clauses, sep):
    text = sep.join("、".join(names) + word for names, (word, _) in clauses) + "。"
    expected: dict[str, Role] = {}
    for names, (_, role) in clauses:
        for n in names:
            if n not in expected or role.order < expected[n].order:
                expected[n] = role
    got = {u.name: u.role for u in parse_units(text).units}
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="、，（）()市局办AB", max_size=30))
def test_split_top_level_never_breaks_brackets(text):
    for part in split_top_level(text, "、，"):
        assert part.count("（") + part.count("(") >= 0  # never raises
    joined = "".join(split_top_level(text, ""))
    assert joined.replace(" ", "") == text.strip().replace(" ", "") or not text.strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(NAME, min_size=1, max_size=8))
def test_resolve_names_is_a_total_mapping_onto_the_registry(names):
    mapping, units, _ = resolve_names(names)
    registry = {u.name for u in units}
    assert set(mapping) == set(names)
    assert set(mapping.values()) == registry
    for u in units:
        for alias in u.aliases:
            assert mapping[alias] == u.name


def test_collective_names_that_contain_the_list_separator_stay_one_unit():
    assert pairs("市委组织部、市人社局，各区、县级市") == [
        ("市委组织部", "责任"), ("市人社局", "责任"), ("各区、县级市", "责任")]
    assert pairs("市直有关部门、单位") == [("市直有关部门、单位", "责任")]
    assert pairs("各县（市、区）政府、市发改委") == [("各县（市、区）政府", "责任"), ("市发改委", "责任")]
    assert pairs("市民政局、县级市") == [("市民政局", "责任")]  # a bare level word joins nothing


def test_rule_notes_in_brackets_are_not_units_and_are_noted():
    p = parse_units("市发改委、市卫生健康委（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）")
    assert [u.name for u in p.units] == ["市发改委", "市卫生健康委"]
    assert any("列第一位" in m for _, m in p.notes)
    # A bracket that is part of a name stays.
    assert [u.name for u in parse_units("市住建局（市人防办）").units] == ["市住建局（市人防办）"]


def test_first_listed_leads_when_the_document_says_so():
    assert pairs("市发改委、市经信局、市科技局", None) == [
        ("市发改委", "责任"), ("市经信局", "责任"), ("市科技局", "责任")]
    lead_first = [(u.name, u.role.value) for u in parse_units("市发改委、市经信局", first_lead=True).units]
    assert lead_first == [("市发改委", "牵头"), ("市经信局", "责任")]
    # A lone unit, or a list with its own role words, keeps what it says.
    assert [u.role for u in parse_units("市财政局", first_lead=True).units] == [Role.RESPONSIBLE]
    assert [(u.name, u.role.value) for u in parse_units("市人社局、市发改委分别牵头", first_lead=True).units] == [
        ("市人社局", "牵头"), ("市发改委", "牵头")]


def test_unfamiliar_endings_kept_with_a_note_and_unparsed_words_noted():
    p = parse_units("市人力资源和社会保障局、市工商联、团市委")
    assert [u.name for u in p.units] == ["市人力资源和社会保障局", "市工商联", "团市委"]
    p = parse_units("市财政局、白仙山专项攻坚指挥")
    assert [u.name for u in p.units] == ["市财政局", "白仙山专项攻坚指挥"]
    assert any("白仙山专项攻坚指挥" in m for _, m in p.notes)
    p = parse_units("以下任务均需各地落实，不再一一列出")
    assert not p.units and p.notes  # nothing vanishes silently
    assert pairs("市") == []  # a name cut off at the end of an excerpt is no unit


def test_generic_units_keep_their_role():
    assert pairs("市委组织部牵头，各有关单位配合") == [("市委组织部", "牵头"), ("各相关部门", "配合")]


# ---------------------------------------------------------------- units by their form (issue 17)
def _names(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.role.value) for u in parse_units(text).units]


def test_a_qualified_group_after_deng_is_a_unit() -> None:
    assert _names("区教育局、区财政局等区直相关单位") == [("区教育局", "责任"), ("区财政局", "责任"),
                                                      ("区直相关单位", "责任")]
    # A bare 等有关部门 only closes the list.
    assert _names("区教育局、区财政局等有关部门") == [("区教育局", "责任"), ("区财政局", "责任")]


def test_level_words_sharing_one_body_stay_one_group() -> None:
    assert _names("市发改委，各县、市、区人民政府") == [("市发改委", "责任"), ("各县、市、区人民政府", "责任")]
    assert _names("经开区党工委和管委会") == [("经开区党工委和管委会", "责任")]
    assert _names("县委办和县政府办") == [("县委办", "责任"), ("县政府办", "责任")]


def test_a_role_word_inside_a_name_does_not_cut_it() -> None:
    assert _names("办公室、数据统筹中心") == [("办公室", "责任"), ("数据统筹中心", "责任")]
    assert _names("县发改局牵头，县统计局配合") == [("县发改局", "牵头"), ("县统计局", "配合")]


def test_every_body_of_a_kind_is_a_unit() -> None:
    assert _names("各派出所、各业务科室") == [("各派出所", "责任"), ("各业务科室", "责任")]


def test_a_group_word_over_abbreviated_bodies_is_a_unit() -> None:
    # 各 + a body word + one more abbreviated body: every 街道 and 所, every 社区 and 站.
    from xltools.importing.units import looks_like_unit

    assert looks_like_unit("各街道所") and looks_like_unit("各社区站")
    assert looks_like_units_cell("市水务局、各街道所")
    assert not looks_like_unit("各街道要") and not looks_like_unit("各社区的")  # a verb or particle after it
    assert not looks_like_unit("街道所长")  # no group word


def test_a_group_name_counts_where_the_clause_says_units() -> None:
    # 各 + a noun is every body of a kind when a role word follows or a body stands beside it.
    from xltools.importing.readers.columns import cell_type

    assert looks_like_units_cell("各检验站点负责")
    assert looks_like_units_cell("市药监局牵头，各检验站点配合")
    assert not looks_like_units_cell("各项检验工作")
    assert cell_type("各检验站点") == "units"  # a cell of its own
    assert cell_type("各项检验工作") != "units" and cell_type("各类问题") != "units"


def test_a_list_mostly_of_bodies_holds_names_with_unfamiliar_endings() -> None:
    # 江城航道, 县邮政: no body suffix, but listed among bodies (and noted on 待核对 when parsed).
    assert looks_like_units_cell("县交通局、江城航道、县邮政、县公路段管理站、县财政局配合")  # closed by a role word
    assert looks_like_units_cell("县商务局牵头，县交通局、江城航道、县邮政、县供销社、县财政局配合")
    assert not looks_like_units_cell("县交通局、江城航道")  # two names: one body is no majority
    assert not looks_like_units_cell("推进道路硬化、路灯安装、县交通局")
    assert not looks_like_units_cell("改造东苑小区、西苑小区、南湖小")  # no role word: a sentence cut short


def test_a_units_cell_of_lines_keeps_unfamiliar_names_apart() -> None:
    from xltools.importing.readers.grid import _units_lines

    assert _units_lines("县交通局\n江城海关\n县邮政\n县供销社\n县财政局") == "县交通局、江城海关、县邮政、县供销社、县财政局"
    # a name wrapped over lines is still joined back
    assert _units_lines("县交通局\n县财政局\n县住房和城乡建\n设局") == "县交通局、县财政局、县住房和城乡建设局"
    assert _units_lines("县交通局\n县财政局\n高新区党工\n委") == "县交通局、县财政局、高新区党工委"
    assert _units_lines("县交通局\n县团委\n县妇联") == "县交通局、县团委、县妇联"


def test_sections_divisions_and_numbered_bodies_are_units_by_form() -> None:
    # A body word after a name, possibly numbered: sections of a bureau (…股), court
    # divisions (…庭, 民一庭), schools and works, and bodies named by their number.
    from xltools.importing.units import looks_like_unit

    for name in ("征收管理股", "稽查二股", "刑三庭", "城郊人民法庭", "审判监督庭", "县实验中学", "第三小学",
                 "市十五中", "县二小", "第5督导组", "第2分局", "机加工车间", "县自来水厂"):
        assert looks_like_unit(name), name
    assert _names("征收管理股牵头，稽查二股、刑三庭配合") == [
        ("征收管理股", "牵头"), ("稽查二股", "配合"), ("刑三庭", "配合")]
    # words that end like a body but count or name things
    for text in ("困难家庭", "按期开庭", "新建3所", "改造15处", "农户入股", "第3条", "第二季度", "南湖小"):
        assert not looks_like_unit(text), text
    assert not looks_like_units_cell("零就业家庭、低保家庭")


def test_a_service_number_in_a_name_is_no_count() -> None:
    # A run of three or more digits after the place word, followed by words before the body
    # word, is a service number (…12319城建热线…); a number followed by its measure word counts.
    from xltools.importing.units import looks_like_unit

    for name in ("县12319城建服务热线中心", "区12369环保举报中心", "96110反诈预警中心"):
        assert looks_like_unit(name), name
    assert _names("区12319城建热线办牵头，区城管局配合") == [("区12319城建热线办", "牵头"), ("区城管局", "配合")]
    for text in ("新建120所", "建成300个服务站", "改造2000户家庭", "区12处"):
        assert not looks_like_unit(text), text


def test_names_side_by_side_with_spaces_are_a_list_when_each_opens_a_name() -> None:
    from xltools.importing.units import join_spaced_units

    assert join_spaced_units("乡农办 乡财政所") == "乡农办、乡财政所"
    assert join_spaced_units("区信访局  区司法局 各街道") == "区信访局、区司法局、各街道"
    assert join_spaced_units("档案科 宣传股") == "档案科、宣传股"  # whole names after a body word
    assert join_spaced_units("市交通运输和城乡 规划局") == "市交通运输和城乡 规划局"  # a name wrapped at a space
    assert join_spaced_units("红星街道 北湖社区") == "红星街道 北湖社区"  # a community of the sub-district
    assert join_spaced_units("推进 乡财政所") == "推进 乡财政所"  # not all names


def test_a_department_short_form_after_a_place_word_is_a_unit_in_a_units_context() -> None:
    # 县人社, 市卫健: a place word and a known department stem without its body word.
    assert _names("县人社牵头，县卫健、县医保配合") == [("县人社", "牵头"), ("县卫健", "配合"), ("县医保", "配合")]
    assert looks_like_units_cell("市应急牵头，市消防救援支队配合")
    # not in running text without a role clause, nor a stem that names no department
    assert _names("县审计安排专项资金") == []
    assert not looks_like_units_cell("县财政投入")
    assert _names("县城建牵头") == []


def test_a_bracketed_role_closes_the_unmarked_run_before_it():
    parsed = parse_units("区交通局（主办）、区公路中心、区运管所（协办）、各镇")
    roles = {u.name: u.role for u in parsed.units}
    assert roles == {"区交通局": Role.LEAD, "区公路中心": Role.ASSIST, "区运管所": Role.ASSIST,
                     "各镇": Role.RESPONSIBLE}
    assert any("区公路中心" in message for _, message in parsed.notes)
    # One mark alone closes no run: the names around it keep the clause's role.
    roles = {u.name: u.role for u in parse_units("区公路中心、区交通局（牵头）、区运管所").units}
    assert roles == {"区公路中心": Role.RESPONSIBLE, "区交通局": Role.LEAD, "区运管所": Role.RESPONSIBLE}


def test_a_bracketed_role_after_a_closed_clause_takes_the_run_that_opens_the_next():
    parsed = parse_units("县农机中心(主办)，县气象站、县供销社、各乡镇(协办)")
    roles = {u.name: u.role for u in parsed.units}
    assert roles == {"县农机中心": Role.LEAD, "县气象站": Role.ASSIST, "县供销社": Role.ASSIST,
                     "各乡镇": Role.ASSIST}
    assert any("县气象站" in message for _, message in parsed.notes)
    # the clause before closed on no mark: the opening names keep the clause's role
    roles = {u.name: u.role for u in parse_units("县农机中心负责，县气象站、县供销社(协办)").units}
    assert roles["县气象站"] == Role.RESPONSIBLE and roles["县供销社"] == Role.ASSIST


def test_a_group_qualified_as_the_overseeing_one_is_a_unit_too():
    assert [u.name for u in parse_units("县林业局、县应急局等行业主管部门").units] == \
        ["县林业局", "县应急局", "行业主管部门"]
    # a bare 等主管部门 only closes the list
    assert [u.name for u in parse_units("县林业局、县应急局等主管部门").units] == ["县林业局", "县应急局"]


def test_every_or_every_concerned_village_is_a_body():
    for name in ("各村", "相关村", "有关社区", "所在村（社区）"):
        assert looks_like_units_cell(name), name
    assert {u.name: u.role for u in parse_units("镇水利站负责，相关村配合").units} == \
        {"镇水利站": Role.RESPONSIBLE, "相关村": Role.ASSIST}
    assert not looks_like_units_cell("相关村民")
