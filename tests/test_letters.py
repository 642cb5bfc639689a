"""Letters (issue 4): content per unit, GB/T 9704 layout read back from the
file, the committed template, user templates that are broken, combined, PDF."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from lxml import etree

from xltools import labels as L
from xltools.cli import main
from xltools.errors import DependencyError, InputError, OutputError, TemplateError
from xltools.io.filenames import progress_filename
from xltools.documents.letter_template import (LINE_PITCH_TWIPS, build_template, default_template_path,
                                     template_bytes, write_template)
from xltools.documents.engine import LetterTemplate
from xltools.documents.letters import PlanIndex, cn_number, format_doc_number, letter_context, letters
from xltools.model import (Assignment, Deadline, Goal, Plan, PlanInfo, Requirement, Role, Task,
                           Unit)
from xltools.workbook.writer import write_workbook
from xltools.workbook.reader import read_plan

from conftest import TAONAN, pdf_text, require_soffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DAY = dt.date(2019, 3, 5)


# ----------------------------------------------------------------- fixtures
def small_plan() -> Plan:
    """Three units with every role, one unit only on the registry, 各相关部门."""
    reqs1 = (
        Requirement("1-1", "认真落实上级工作部署，全面公开、精准解读相关政策措施。",
                    Deadline("持续推进")),
        Requirement("1-2", "政策文件印发后，解读材料由起草部门同步上传至网站平台公开。",
                    Deadline("", dt.date(2019, 6, 30))),
        Requirement("1-3", "建立健全企业家参与涉企政策制定机制。", Deadline("2019年12月底前")),
    )
    reqs2 = (
        Requirement("2-1", "加强政府网站内容建设和信息发布审核，把好政治关、政策关。"),
        Requirement("2-2", "按照属地管理、分级负责的原则落实舆情回应主体责任。"),
    )
    goals = (Goal("加强解读回应", (Task(1, "做好政策解读", reqs1),)),
             Goal("优化公开服务", (Task(2, "推进网站规范发展", reqs2),)))
    assignments = (
        Assignment("1-1", "市政府办公室", Role.LEAD),
        Assignment("1-1", "市司法局", Role.ASSIST),
        Assignment("1-2", "市司法局", Role.RESPONSIBLE),
        Assignment("1-3", "发改局/统计局", Role.LEAD),
        Assignment("2-1", "市政府办公室", Role.LEAD),
        Assignment("2-1", L.GENERIC_UNIT, Role.RESPONSIBLE),
        Assignment("2-2", L.GENERIC_UNIT, Role.RESPONSIBLE),
    )
    units = (Unit("市政府办公室", aliases=("政府办",)), Unit("市司法局"), Unit("发改局/统计局"),
             Unit("市档案局"), Unit(L.GENERIC_UNIT))
    info = PlanInfo(title="2019年某市政务公开重点工作任务分工", year=2019,
                    issuer="某市督查办", doc_number="某政办发[2019]5号",
                    feedback_deadline=dt.date(2019, 3, 25), contact="张三",
                    phone="0436-6222222")
    return Plan(info=info, goals=goals, assignments=assignments, units=units)


@pytest.fixture
def small_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "wb.xlsx"
    write_workbook(small_plan(), path)
    return path


def doc_texts(path: Path | bytes) -> tuple[list[str], list[list[list[str]]]]:
    d = docx.Document(io.BytesIO(path) if isinstance(path, bytes) else path)
    paragraphs = [p.text for p in d.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    return paragraphs, tables


def signed(paragraphs: list[str]) -> list[str]:
    """The 落款 lines (the last two) without the blank that places them."""
    return [p.lstrip("\u3000\u2002") for p in paragraphs[-2:]]


def all_text(path: Path) -> str:
    paragraphs, tables = doc_texts(path)
    return "\n".join(paragraphs + ["\t".join(r) for t in tables for r in t])


def table_ids(path: Path) -> list[str]:
    _, tables = doc_texts(path)
    return [row[0] for t in tables for row in t[1:]]


# ------------------------------------------------------------ small plan
def test_one_letter_per_real_unit(small_workbook: Path, tmp_path: Path) -> None:
    result = letters(small_workbook, tmp_path / "out", date=DAY)
    assert [x.unit for x in result.letters] == ["市政府办公室", "市司法局", "发改局/统计局"]
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    table = "2019年某市政务公开重点工作任务分工.docx"  # the whole table goes with every letter
    assert names == sorted(["市政府办公室.docx", "市司法局.docx", "发改局_统计局.docx", table])
    assert result.paths == (*(x.path for x in result.letters), tmp_path / "out" / table)
    assert "3" in result.summary()


def test_letter_content(small_workbook: Path, tmp_path: Path) -> None:
    letters(small_workbook, tmp_path, date=DAY, general="table")
    paragraphs, tables = doc_texts(tmp_path / "市司法局.docx")
    text = "\n".join(paragraphs)
    assert "某政办发〔2019〕5号" in paragraphs  # 六角括号
    # The title on two lines broken between words, the upper line the longer.
    i = paragraphs.index("关于落实《2019年某市政务公开")
    assert paragraphs[i + 1] == "重点工作任务分工》的通知"
    assert "市司法局：" in paragraphs
    assert "2项具体要求" in text
    # Grouped by role: 责任 before 配合, numbered （一）（二）.
    headings = [p for p in paragraphs if p.startswith("（")]
    assert headings == ["（一）负责落实的要求（1项）", "（二）配合落实的要求（1项）"]
    assert len(tables) == 3
    header, *rows = tables[0]
    assert header == list(L.TPL_TABLE_HEADERS)
    assert rows == [["1-2", "做好政策解读", small_plan().requirement("1-2").text, "", "2019年6月30日"]]
    assert tables[1][1][0] == "1-1"
    assert tables[1][1][3] == "牵头：市政府办公室"  # whom to coordinate with
    assert tables[1][1][4] == "持续推进"
    # 各相关部门 section: both general requirements (the unit is not on them itself).
    assert "二、各相关部门按职能落实的要求（2项）" in paragraphs
    assert [r[0] for r in tables[2][1:]] == ["2-1", "2-2"]
    assert tables[2][1][3] == "牵头：市政府办公室"
    # Feedback, contact, 落款, date.
    assert "三、反馈要求" in paragraphs
    feedback = next(p for p in paragraphs if p.startswith("请于"))
    assert "2019年3月25日" in feedback
    assert progress_filename("市司法局") in feedback
    assert "某市督查办" in feedback
    # The number is kept on one line (a word joiner after its hyphen).
    assert "联系人：张三，联系电话：0436-\u20606222222。" in paragraphs
    assert signed(paragraphs) == ["某市督查办", "2019年3月5日"]
    assert not any("{{" in p or "{%" in p for p in paragraphs)


def test_lead_sees_others_and_general_without_duplicates(small_workbook: Path,
                                                         tmp_path: Path) -> None:
    letters(small_workbook, tmp_path, date=DAY, general="table")
    path = tmp_path / "市政府办公室.docx"
    paragraphs, tables = doc_texts(path)
    assert "（一）牵头落实的要求（2项）" in paragraphs
    assert [r[0] for r in tables[0][1:]] == ["1-1", "2-1"]
    assert tables[0][1][3] == "配合：市司法局"
    assert tables[0][2][3] == "各相关部门按职能落实"  # a group word, never "N个单位"
    # 2-1 is its own, so the general section lists only 2-2.
    assert table_ids(path) == ["1-1", "2-1", "2-2"]
    assert "1-3" not in table_ids(tmp_path / "市司法局.docx")


def test_sections_renumber_without_general(tmp_path: Path) -> None:
    plan = small_plan()
    plan = Plan(info=plan.info, goals=plan.goals, units=plan.units,
                assignments=tuple(a for a in plan.assignments if a.unit != L.GENERIC_UNIT))
    write_workbook(plan, tmp_path / "wb.xlsx")
    letters(tmp_path / "wb.xlsx", tmp_path / "out", date=DAY)
    paragraphs, tables = doc_texts(tmp_path / "out" / "市司法局.docx")
    assert "二、反馈要求" in paragraphs
    assert not any("各相关部门按职能" in p for p in paragraphs)
    assert len(tables) == 2


def test_missing_settings_still_read_well(tmp_path: Path) -> None:
    plan = small_plan().with_info(issuer="", doc_number="", feedback_deadline=None, contact="",
                                  phone="", title="")
    write_workbook(plan, tmp_path / "wb.xlsx")
    letters(tmp_path / "wb.xlsx", tmp_path / "out", date=DAY)
    paragraphs, _ = doc_texts(tmp_path / "out" / "市司法局.docx")
    assert paragraphs[0] == L.LETTER_TITLE_NO_PLAN
    assert any(p.startswith("请按要求将进度反馈表") and "我单位" in p for p in paragraphs)
    assert not any(p.startswith("联系人") for p in paragraphs)
    assert signed(paragraphs)[-1] == "2019年3月5日"
    # No 《》 without a title: a sentence that reads well instead.
    assert not any("《》" in p for p in paragraphs)
    assert any(p.startswith("为确保各项工作任务落到实处") for p in paragraphs)


def test_unit_selection(small_workbook: Path, tmp_path: Path) -> None:
    result = letters(small_workbook, tmp_path, units=["政府办"], date=DAY)  # an alias
    assert [x.unit for x in result.letters] == ["市政府办公室"]
    with pytest.raises(InputError, match="市不存在局"):
        letters(small_workbook, tmp_path / "x", units=["市不存在局"])
    with pytest.raises(InputError, match=L.GENERIC_UNIT):
        letters(small_workbook, tmp_path / "x", units=[L.GENERIC_UNIT])
    with pytest.raises(InputError, match="市档案局"):  # on 单位 but without rows
        letters(small_workbook, tmp_path / "x", units=["市档案局"])
    assert not (tmp_path / "x").exists()


def test_no_overwrite_without_force(small_workbook: Path, tmp_path: Path) -> None:
    letters(small_workbook, tmp_path, date=DAY)
    before = (tmp_path / "市司法局.docx").read_bytes()
    with pytest.raises(OutputError, match="--force"):
        letters(small_workbook, tmp_path, date=dt.date(2020, 1, 1))
    assert (tmp_path / "市司法局.docx").read_bytes() == before
    letters(small_workbook, tmp_path, date=dt.date(2020, 1, 1), force=True)
    assert signed(doc_texts(tmp_path / "市司法局.docx")[0])[-1] == "2020年1月1日"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_out_dir_must_be_folder(small_workbook: Path, tmp_path: Path) -> None:
    file = tmp_path / "file.txt"
    file.write_text("x")
    with pytest.raises(OutputError):
        letters(small_workbook, file)


def test_workbook_as_file_object(small_workbook: Path, tmp_path: Path) -> None:
    with open(small_workbook, "rb") as fh:
        result = letters(fh, tmp_path, date=DAY)
    assert len(result.letters) == 3


def test_combined(small_workbook: Path, tmp_path: Path) -> None:
    result = letters(small_workbook, tmp_path, combined=True, date=DAY)
    assert result.combined is not None and result.combined.exists()
    paragraphs, tables = doc_texts(result.combined)
    salutations = [p for p in paragraphs if p.endswith("：") and not p.startswith("联系")]
    assert salutations == ["市政府办公室：", "市司法局：", "发改局/统计局："]
    assert len(tables) == sum(len(doc_texts(x.path)[1]) for x in result.letters)
    root = etree.fromstring(zipfile.ZipFile(result.combined).read("word/document.xml"))
    sections = root.findall(f".//{W}sectPr")
    assert len(sections) == 3
    for sect in sections:  # each letter: new page, page numbers from 1
        assert sect.find(f"{W}type").get(f"{W}val") == "nextPage"
        assert sect.find(f"{W}pgNumType").get(f"{W}start") == "1"
        assert sect.find(f"{W}pgSz").get(f"{W}w") == str(round(210 * 1440 / 25.4))


def test_cn_number_and_doc_number() -> None:
    assert [cn_number(n) for n in (1, 2, 10, 11, 20, 23)] == ["一", "二", "十", "十一", "二十", "二十三"]
    assert format_doc_number("洮政办发[2019]5号") == "洮政办发〔2019〕5号"
    assert format_doc_number("洮政办发（2019）5号") == "洮政办发〔2019〕5号"
    assert format_doc_number("洮政办发〔2019〕5号") == "洮政办发〔2019〕5号"


# ---------------------------------------------------- layout per GB/T 9704
def _style(doc, name: str):
    return doc.styles[name].element


def _east_asia(style_el) -> str | None:
    fonts = style_el.find(f"{W}rPr/{W}rFonts")
    assert fonts is not None
    assert not any(k.endswith("Theme") or k.endswith("theme") for k in
                   (etree.QName(a).localname for a in fonts.attrib))
    return fonts.get(f"{W}eastAsia")


def test_layout_read_back(small_workbook: Path, tmp_path: Path) -> None:
    letters(small_workbook, tmp_path, date=DAY)
    path = tmp_path / "市司法局.docx"
    d = docx.Document(path)
    section = d.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    assert abs(section.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(section.left_margin - Mm(28)) < Mm(0.1)
    assert abs(section.right_margin - Mm(26)) < Mm(0.1)
    # East Asian fonts actually set (w:eastAsia), no theme fonts overriding them.
    assert _east_asia(_style(d, "Normal")) == "仿宋_GB2312"
    assert _east_asia(_style(d, "Title")) == "方正小标宋简体"
    assert _east_asia(_style(d, "Heading 1")) == "黑体"
    assert _east_asia(_style(d, "Heading 2")).startswith("楷体")
    assert d.styles["Normal"].font.size.pt == 16
    assert d.styles["Title"].font.size.pt == 22
    assert d.styles["Heading 1"].font.size.pt == 16
    assert d.styles["Heading 1"].font.bold is None
    defaults = d.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(f"{W}eastAsia") == "仿宋_GB2312"
    # Fixed line pitch ≈ 29 pt and 22 lines on the 225 mm text height.
    spacing = _style(d, "Normal").find(f"{W}pPr/{W}spacing")
    assert spacing.get(f"{W}lineRule") == "exact"
    assert int(spacing.get(f"{W}line")) == LINE_PITCH_TWIPS
    assert 28.5 <= LINE_PITCH_TWIPS / 20 <= 29.5
    assert int(225 / 25.4 * 72 // (LINE_PITCH_TWIPS / 20)) == 22
    grid = section._sectPr.find(f"{W}docGrid")
    assert grid.get(f"{W}linePitch") == str(LINE_PITCH_TWIPS)
    # Fallback fonts declared for machines without the GB2312 fonts.
    fonts = etree.fromstring(zipfile.ZipFile(path).read("word/fontTable.xml"))
    alt = {f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val")
           for f in fonts if f.find(f"{W}altName") is not None}
    assert alt["仿宋_GB2312"] == "仿宋"
    # Table header rows repeat on every page.
    for table in d.tables:
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    # Page numbers — N — in 四号 at the foot, odd right, even left.
    assert d.settings.odd_and_even_pages_header_footer
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer._element.xml
        assert "PAGE" in xml
        assert footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")
        assert footer.paragraphs[0].paragraph_format.alignment is not None
        assert align in footer.paragraphs[0]._p.pPr.xml
    assert d.styles["Footer"].font.size.pt == 14


# ------------------------------------------------------------- template
def _xml_parts(data: bytes) -> dict[str, bytes]:
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name == "docProps/core.xml":  # timestamps
                continue
            raw = zf.read(name)
            if name.endswith((".xml", ".rels")):
                raw = etree.tostring(etree.fromstring(raw), method="c14n")
            out[name] = raw
    return out


def test_committed_template_matches_generator() -> None:
    committed = default_template_path()
    assert committed.is_file(), "run: python -m xltools.documents.letter_template --force"
    assert _xml_parts(committed.read_bytes()) == _xml_parts(template_bytes()), \
        "templates/letter.docx is stale: run python -m xltools.documents.letter_template --force"


def test_write_template_refuses_overwrite(tmp_path: Path) -> None:
    out = write_template(tmp_path / "t.docx")
    with pytest.raises(OutputError):
        write_template(out)
    LetterTemplate(out)  # the written template compiles


def _user_template(tmp_path: Path, *paragraphs: str | list[str], name: str = "t.docx") -> Path:
    """A user template: each item a paragraph (a list = several runs)."""
    d = docx.Document()
    for item in paragraphs:
        p = d.add_paragraph()
        for i, run in enumerate([item] if isinstance(item, str) else item):
            r = p.add_run(run)
            r.bold = bool(i % 2)
    path = tmp_path / name
    d.save(path)
    return path


def _fails(small_workbook: Path, tmp_path: Path, template: Path, *needles: str) -> str:
    out = tmp_path / "out"
    with pytest.raises(TemplateError) as info:
        letters(small_workbook, out, template=template)
    message = str(info.value)
    for needle in needles:
        assert needle in message, message
    assert not out.exists() or not any(out.iterdir())  # nothing written
    return message


def test_template_missing_variable(small_workbook: Path, tmp_path: Path) -> None:
    t = _user_template(tmp_path, "{{ unit }}：", "请于{{ feedback_date }}前反馈。")
    _fails(small_workbook, tmp_path, t, "feedback_date", "{{ feedback_date }}", "请于")


def test_template_unknown_attribute_in_loop(small_workbook: Path, tmp_path: Path) -> None:
    t = _user_template(tmp_path, "{{ unit }}：", "{%p for r in rows %}", "{{ r.id }} {{ r.txet }}",
                       "{%p endfor %}")
    _fails(small_workbook, tmp_path, t, "txet", "{{ r.txet }}")


def test_template_syntax_error_names_tag(small_workbook: Path, tmp_path: Path) -> None:
    # An if without endif, not in the last paragraph.
    t = _user_template(tmp_path, "{{ unit }}：", "{% if issuer %}落款：{{ issuer }}", "此致",
                       "{{ date }}")
    _fails(small_workbook, tmp_path, t, "{% if issuer %}", "落款")
    # An endfor without its for.
    t = _user_template(tmp_path, "{{ unit }}：", "{{ total }}项", "完毕{%p endfor %}", name="u.docx")
    _fails(small_workbook, tmp_path, t, "endfor", "完毕")
    # A bad expression.
    t = _user_template(tmp_path, "{{ unit }}：", "共{{ total + }}项", name="v.docx")
    _fails(small_workbook, tmp_path, t, "{{ total + }}", "共")


def test_template_tag_split_across_paragraphs(small_workbook: Path, tmp_path: Path) -> None:
    t = _user_template(tmp_path, "尊敬的{{ un", "it }}：")
    _fails(small_workbook, tmp_path, t, "尊敬的", "段")


def test_template_full_width_braces(small_workbook: Path, tmp_path: Path) -> None:
    t = _user_template(tmp_path, "｛｛ unit ｝｝：")
    _fails(small_workbook, tmp_path, t, "全角", "unit")


def test_template_single_braces(small_workbook: Path, tmp_path: Path) -> None:
    t = _user_template(tmp_path, "{unit}：")
    _fails(small_workbook, tmp_path, t, "{unit}")


def test_template_curly_quotes_in_tag(small_workbook: Path, tmp_path: Path) -> None:
    # Word's AutoFormat turns "…" into “…”: a tag with unbalanced curly quotes is reported.
    t = _user_template(tmp_path, "{% if unit == “市司法局 %}司法{% endif %}")
    message = _fails(small_workbook, tmp_path, t, "if unit")
    assert "弯引号" in message


def test_template_curly_quotes_balanced_work(small_workbook: Path, tmp_path: Path) -> None:
    t = _user_template(tmp_path, "{{ unit }}：{% if unit == “市司法局” %}你局{% endif %}")
    letters(small_workbook, tmp_path / "out", template=t, date=DAY)
    assert doc_texts(tmp_path / "out" / "市司法局.docx")[0] == ["市司法局：你局"]


def test_template_tag_split_across_runs_works(small_workbook: Path, tmp_path: Path) -> None:
    # Word splits a tag into runs when part of it is formatted differently.
    t = _user_template(tmp_path, ["致", "{{ un", "it }}", "：共", "{", "{ total }", "}项"])
    letters(small_workbook, tmp_path / "out", template=t, date=DAY)
    assert doc_texts(tmp_path / "out" / "市司法局.docx")[0] == ["致市司法局：共2项"]


def test_template_not_docx(small_workbook: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    _fails(small_workbook, tmp_path, bad, "bad.docx")
    with pytest.raises(TemplateError, match="nope.docx"):
        letters(small_workbook, tmp_path / "out", template=tmp_path / "nope.docx")


def test_staff_reword_the_template(small_workbook: Path, tmp_path: Path) -> None:
    """Change the opening wording as a person would in Word, then regenerate."""
    d = build_template()
    opening = next(p for p in d.paragraphs if "为贯彻落实" in p.text)
    for run in opening.runs[1:]:
        run.text = ""
    opening.runs[0].text = "根据市政府统一部署，请你单位抓好以下{{ total }}项工作。"
    user = tmp_path / "mine.docx"
    d.save(user)
    letters(small_workbook, tmp_path / "out", template=user, date=DAY)
    paragraphs, _ = doc_texts(tmp_path / "out" / "市司法局.docx")
    assert "根据市政府统一部署，请你单位抓好以下2项工作。" in paragraphs
    assert not any(p.startswith("为贯彻落实") for p in paragraphs)


def test_template_compiled_once_renders_many(small_workbook: Path, tmp_path: Path) -> None:
    """One compiled template serves several runs (the Excel buttons reuse it)."""
    tpl = LetterTemplate()
    result_a = letters(small_workbook, tmp_path / "a", template=tpl, date=DAY)
    result_b = letters(small_workbook, tmp_path / "b", template=tpl, date=DAY)
    assert len(result_a.letters) == 3
    for a, b in zip(result_a.letters, result_b.letters):
        assert doc_texts(a.path) == doc_texts(b.path)


def test_template_as_file_object(small_workbook: Path, tmp_path: Path) -> None:
    with open(default_template_path(), "rb") as fh:
        result = letters(small_workbook, tmp_path, template=fh, date=DAY)
    assert len(result.letters) == 3


def test_xml_special_characters_escaped(tmp_path: Path) -> None:
    plan = small_plan()
    goals = (Goal("目标", (Task(1, "任务<A&B>", (Requirement("1-1", 'a < b & "c"；'),)),)),)
    plan = Plan(info=plan.info, goals=goals, units=(Unit("R&D<中心>"),),
                assignments=(Assignment("1-1", "R&D<中心>", Role.LEAD),))
    write_workbook(plan, tmp_path / "wb.xlsx")
    result = letters(tmp_path / "wb.xlsx", tmp_path / "out", date=DAY)
    assert result.letters[0].path.name == "R&D_中心_.docx"
    _, tables = doc_texts(result.letters[0].path)
    assert tables[0][1][1] == "任务<A&B>"
    assert tables[0][1][2] == 'a < b & "c"；'


def test_control_characters_dropped() -> None:
    """Characters XML cannot hold (Excel can) do not break the letter."""
    plan = small_plan()
    goals = (Goal("目标", (Task(1, "任务", (Requirement("1-1", "甲\x0b乙\x01丙"),)),)),)
    plan = Plan(info=plan.info, goals=goals, units=(Unit("单位"),),
                assignments=(Assignment("1-1", "单位", Role.LEAD),))
    ctx = letter_context(PlanIndex(plan), "单位", date=DAY, progress_file="x.xlsx")
    data = LetterTemplate().render(ctx, "单位")
    assert doc_texts(data)[1][0][1][2] == "甲乙丙"


# ------------------------------------------------------------------- PDF
def test_pdf_without_libreoffice(small_workbook: Path, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("XLTOOLS_SOFFICE", raising=False)
    with pytest.raises(DependencyError, match="LibreOffice"):
        letters(small_workbook, tmp_path / "out", pdf=True)
    assert not (tmp_path / "out").exists()


def test_pdf_with_libreoffice(small_workbook: Path, tmp_path: Path) -> None:
    require_soffice()
    result = letters(small_workbook, tmp_path / "out", units=["市司法局"], pdf=True, date=DAY)
    assert [p.name for p in result.pdfs] == ["市司法局.pdf"]
    text = re.sub(r"\s+", "", pdf_text(result.pdfs[0]))
    assert "市司法局：" in text
    assert "1-2" in text and "政策文件印发后" in text  # a requirement (its first cell line)
    assert "—1—" in text
    # Nothing left behind: no LibreOffice profile or temp files in the folder.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "2019年某市政务公开重点工作任务分工.docx", "市司法局.docx", "市司法局.pdf"]
    # Look at page 1 as an image: ink inside the GB/T 9704 text block, page number below it.
    ink = _page_ink_mm(result.pdfs[0], tmp_path)
    body = [(x, y) for x, y in ink if y < 297 - 35 + 1]
    assert min(x for x, _ in body) >= 28 - 1 and max(x for x, _ in body) <= 210 - 26 + 1
    assert min(y for _, y in body) >= 37 - 1
    foot = [(x, y) for x, y in ink if y >= 297 - 35 + 1]
    assert foot, "no page number below the text block"
    assert all(297 - 35 + 3 <= y <= 297 - 20 for _, y in foot)  # ~7 mm below the text
    assert min(x for x, _ in foot) > 105  # odd page: on the right


def _page_ink_mm(pdf: Path, tmp: Path, dpi: int = 36) -> list[tuple[float, float]]:
    """(x, y) in mm of the dark pixels of page 1 (pdftoppm greyscale PGM)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", "1", "-l", "1", str(pdf),
                    str(tmp / "page")], check=True, capture_output=True)
    data = next(tmp.glob("page*.pgm")).read_bytes()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert m
    width, height = int(m[1]), int(m[2])
    pixels = data[m.end():]
    scale = 25.4 / dpi
    return [(x * scale, y * scale) for y in range(height) for x in range(width)
            if pixels[y * width + x] < 200]


# ----------------------------------------------------------------- CLI
def test_cli(small_workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["letters", str(small_workbook), "-o", str(out), "--unit", "市司法局",
                 "--combined", "--date", "2019-03-05"]) == 0
    assert str(out) in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["市司法局.docx", L.LETTERS_COMBINED_FILE + ".docx",
         "2019年某市政务公开重点工作任务分工.docx"])
    assert main(["letters", str(small_workbook), "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith("Error: ")


# -------------------------------------------------------------- example
@pytest.fixture(scope="module")
def taonan_letters(tmp_path_factory: pytest.TempPathFactory):
    from xltools.importing.importer import import_original



    base = tmp_path_factory.mktemp("taonan")
    import_original(TAONAN, base / "wb.xlsx")
    result = letters(base / "wb.xlsx", base / "letters", date=DAY, combined=True)
    return read_plan(base / "wb.xlsx"), result


def test_example_33_letters(taonan_letters) -> None:
    plan, result = taonan_letters
    assert len(result.letters) == 33
    assert L.GENERIC_UNIT not in {x.unit for x in result.letters}
    assert {x.unit for x in result.letters} == set(plan.assigned_units()) - {L.GENERIC_UNIT}


def test_example_each_letter_has_exactly_its_requirements(taonan_letters) -> None:
    plan, result = taonan_letters
    general = {a.requirement_id for a in plan.assignments if a.unit == L.GENERIC_UNIT}
    for letter in result.letters:
        own = {a.requirement_id for a in plan.assignments if a.unit == letter.unit}
        assert own, letter.unit
        paragraphs, _ = doc_texts(letter.path)
        assert f"{letter.unit}：" in paragraphs
        ids = table_ids(letter.path)
        assert len(ids) == len(set(ids))
        listed = set(re.findall(r"\d+-\d+", "".join(
            p for p in paragraphs if re.match(r"\d+．", p))))
        if own <= general and letter.unit == "开发区":
            # Named only in "政府办、开发区、各相关部门按职能分别落实": the compact form,
            # every 按职能 requirement listed by task, no table of 56 rows.
            assert ids == [] and listed == general, letter.unit
            assert letter.requirements == 0
            continue
        # Every one of its requirements in full, nothing that is only others'.
        assert set(ids) == own, letter.unit
        # The general ones it does not hold itself: listed by number under their task.
        assert listed == general - own, letter.unit
        text = all_text(letter.path)
        for req_id in own:
            assert plan.requirement(req_id).text in text, (letter.unit, req_id)
        assert letter.requirements == len(own)


def test_example_combined_has_every_letter(taonan_letters) -> None:
    _, result = taonan_letters
    paragraphs, _ = doc_texts(result.combined)
    for letter in result.letters:
        assert f"{letter.unit}：" in paragraphs


def test_template_producing_invalid_xml(small_workbook: Path, tmp_path: Path) -> None:
    """A {%p for %} inside a table cell closed after the table breaks the document."""
    d = docx.Document()
    d.add_paragraph("{{ unit }}：")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "{%p for r in rows %}"
    table.cell(0, 1).text = "{{ r.id }}"
    d.add_paragraph("{%p endfor %}")
    path = tmp_path / "t.docx"
    d.save(path)
    _fails(small_workbook, tmp_path, path, "{%p for r in rows %}", "{%p endfor %}", "表格")


def test_progress_file_named_as_split_writes_it(small_workbook: Path, tmp_path: Path) -> None:
    """The letter asks for exactly the file `xltools split` gives the unit."""
    from xltools.progress import split

    split(small_workbook, tmp_path / "split")
    written = {p.name for p in (tmp_path / "split").iterdir() if p.suffix == ".xlsx"}
    result = letters(small_workbook, tmp_path / "letters", date=DAY)
    for letter in result.letters:
        feedback = next(p for p in doc_texts(letter.path)[0] if p.startswith("请于"))
        name = re.search(r"（(.+?\.xlsx)）", feedback).group(1)
        assert name in written, (letter.unit, name, written)


def test_combined_with_unit_in_footer(small_workbook: Path, tmp_path: Path) -> None:
    """A footer that names the unit gets its own copy per letter in the combined file."""
    d = build_template()
    d.sections[0].footer.paragraphs[0].add_run("（{{ unit }}）")
    user = tmp_path / "mine.docx"
    d.save(user)
    result = letters(small_workbook, tmp_path / "out", template=user, combined=True, date=DAY)
    single = docx.Document(result.letters[1].path)
    assert "（市司法局）" in single.sections[0].footer.paragraphs[0].text
    combined = docx.Document(result.combined)
    footers = [s.footer.paragraphs[0].text for s in combined.sections]
    assert [f[f.index("（"):] for f in footers] == ["（市政府办公室）", "（市司法局）",
                                                   "（发改局/统计局）"]


# ------------------------------------------- issue 12: letters an office would send
def test_template_cannot_run_code(small_workbook: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    tag = "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}" % marker
    template = _user_template(tmp_path, "{{ unit }}", tag)
    with pytest.raises(TemplateError) as info:
        letters(small_workbook, tmp_path / "out", template=template, date=DAY)
    assert "拦截" in str(info.value) and "__init__" in str(info.value)
    assert not marker.exists()
    assert not (tmp_path / "out").exists()
    tag = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"
    with pytest.raises(TemplateError, match="模板不能执行代码"):
        letters(small_workbook, tmp_path / "out", date=DAY,
                template=_user_template(tmp_path, tag, name="id.docx"))


def _issuer_workbook(tmp_path: Path, **info: object) -> Path:
    plan = small_plan().with_info(issuer="白城市人民政府办公室", **info)
    path = tmp_path / f"issuer-{len(list(tmp_path.glob('issuer-*')))}.xlsx"
    write_workbook(plan, path)
    return path


def test_no_letter_to_the_issuing_office(tmp_path: Path) -> None:
    wb = _issuer_workbook(tmp_path)
    result = letters(wb, tmp_path / "out", date=DAY)
    assert [x.unit for x in result.letters] == ["市司法局", "发改局/统计局"]
    assert any("市政府办公室" in w and "发文单位" in w for w in result.warnings)
    assert "市政府办公室" in result.summary()
    # Asked for by name or alias, it still gets one.
    asked = letters(wb, tmp_path / "asked", date=DAY, units=["政府办"])
    assert [x.unit for x in asked.letters] == ["市政府办公室"]
    # The 待核对 sheet says so.
    notes = read_plan(wb).notes
    assert any(n.kind == L.REVIEW_ISSUER and "市政府办公室" in n.message for n in notes)


def test_issue_date_from_settings(tmp_path: Path) -> None:
    wb = _issuer_workbook(tmp_path, issue_date=dt.date(2019, 3, 20))
    result = letters(wb, tmp_path / "out")
    paragraphs, _ = doc_texts(result.letters[0].path)
    assert signed(paragraphs)[-1] == "2019年3月20日"
    assert not any("成文日期" in w for w in result.warnings)
    # Later than the feedback deadline (2019-03-25): warned.
    late = letters(wb, tmp_path / "late", date=dt.date(2019, 4, 1))
    assert any("晚于反馈截止日期" in w for w in late.warnings)
    # Not set: today, warned.
    wb = _issuer_workbook(tmp_path)
    result = letters(wb, tmp_path / "today")
    assert any("没有成文日期" in w for w in result.warnings)
    wb = _issuer_workbook(tmp_path, issue_date="待定")
    with pytest.raises(InputError, match="成文日期"):
        letters(wb, tmp_path / "bad")


def test_compact_others_and_general_list(tmp_path: Path) -> None:
    plan = small_plan()
    many = tuple(Assignment("1-2", f"市第{i}局", Role.LEAD) for i in range(1, 8)) + tuple(
        Assignment("1-2", f"市配合{i}局", Role.ASSIST) for i in range(1, 5))
    plan = Plan(info=plan.info, goals=plan.goals, units=plan.units,
                assignments=plan.assignments + many)
    write_workbook(plan, tmp_path / "wb.xlsx")
    letters(tmp_path / "wb.xlsx", tmp_path / "out", date=DAY)
    paragraphs, tables = doc_texts(tmp_path / "out" / "市司法局.docx")
    row = next(r for t in tables for r in t if r[0] == "1-2")
    assert row[3] == "牵头：市第1局等7个单位；配合：市配合1局等4个单位"
    # 各相关部门: a numbered list of task titles with the requirement numbers, no table.
    assert "1．推进网站规范发展（2-1、2-2）" in paragraphs
    assert table_ids(tmp_path / "out" / "市司法局.docx") == ["1-2", "1-1"]
    # 附件说明 names the progress sheet and the whole table by their titles.
    assert "附件：1．市司法局进度反馈表" in paragraphs
    assert "\u3000\u3000\u30002．2019年某市政务公开重点工作任务分工" in paragraphs
    assert "全文见附件2" in "".join(paragraphs)
    only = letters(tmp_path / "wb.xlsx", tmp_path / "no-table", date=DAY, table=False)
    assert only.annex is None
    assert "附件：市司法局进度反馈表" in doc_texts(tmp_path / "no-table" / "市司法局.docx")[0]


def test_general_as_annex(small_workbook: Path, tmp_path: Path) -> None:
    result = letters(small_workbook, tmp_path / "out", date=DAY, general="annex")
    assert result.annex is not None and result.annex.is_file()
    paragraphs, _ = doc_texts(tmp_path / "out" / "市司法局.docx")
    assert result.annex.name == "2019年某市政务公开重点工作任务分工.docx"
    assert "附件：1．市司法局进度反馈表" in paragraphs
    assert "\u3000\u3000\u30002．2019年某市政务公开重点工作任务分工" in paragraphs
    assert any("全文见附件2" in p and "2项要求" in p for p in paragraphs)
    with pytest.raises(InputError, match="list"):
        letters(small_workbook, tmp_path / "bad", general="full")


def test_title_lines() -> None:
    from xltools.documents.letters import title_lines

    assert title_lines("关于落实任务分工的通知") == ["关于落实任务分工的通知"]
    lines = title_lines("关于落实《2020年全省营商环境优化提升专项行动实施方案》的通知")
    assert "".join(lines) == "关于落实《2020年全省营商环境优化提升专项行动实施方案》的通知"
    assert len(lines) == 2 and len(lines[0]) >= len(lines[1])
    assert not lines[0].endswith("《") and not lines[1].startswith("》")
    for a, b in zip(lines, lines[1:]):  # never inside a word or a number
        assert not (a[-1:].isdigit() and b[:1].isdigit())
    assert lines[0].endswith(L.TITLE_BREAK_WORDS)  # between two words


# ----------------------------------------------------- looking at the printout
def _pdf_pages(pdf: Path) -> list[str]:
    return pdf_text(pdf).split("\f")[:-1]


def _rows_on_one_page(letter: Path, pdf: Path) -> None:
    """No table row of ``letter`` is split across pages of its PDF: the 具体要求 cell,
    read alone (its column's position, letter_template), begins and ends on one page."""
    pdfplumber = pytest.importorskip("pdfplumber")
    mm = 72 / 25.4
    d = docx.Document(letter)
    for table in d.tables:
        wide = 60 if table.rows[0].cells[-1].text == "完成时限" else 82
        with pdfplumber.open(str(pdf)) as doc:
            column = [re.sub(r"\s+", "", page.crop((66 * mm + 1, 0, (66 + wide) * mm, page.height))
                             .extract_text() or "") for page in doc.pages]
        for row in table.rows[1:]:
            req = re.sub(r"\s+", "", row.cells[2].text)
            head, tail = req[:6], req[-6:]
            assert any(head in c and tail in c for c in column), (letter.name, row.cells[0].text)


def test_example_letters_as_printed(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Done-when of issue 12: the example with 发文单位 and 成文日期 filled, rendered."""
    soffice = require_soffice()
    from xltools.demo import SETTINGS, apply_settings
    import json

    from xltools.importing.importer import read_original

    base = tmp_path_factory.mktemp("printed")
    plan = apply_settings(read_original(TAONAN),
                          json.loads(SETTINGS.read_text(encoding="utf-8")))
    assert plan.info.issue_date == dt.date(2019, 3, 25)
    write_workbook(plan, base / "wb.xlsx")
    result = letters(base / "wb.xlsx", base / "letters", combined=True, pdf=True)
    assert len(result.letters) == 32
    assert "市政府办公室" not in [x.unit for x in result.letters]
    pdfs = {p.stem: p for p in result.pdfs}
    for letter in result.letters:
        pages = _pdf_pages(pdfs[letter.path.stem])
        assert len(pages) <= 3 + letter.requirements / 2, (letter.unit, len(pages))
        last = [ln.strip() for ln in pages[-1].splitlines() if ln.strip()]
        body = [ln for ln in last if not re.fullmatch(r"—\s*\d+\s*—", ln)
                and ln not in ("洮南市人民政府办公室",) and "2019 年 3 月 25 日" not in ln
                and "2019年3月25日" not in ln]
        assert body, f"{letter.unit}: the last page holds only the 落款"
        assert any("2019" in ln and "3" in ln and "25" in ln for ln in last[-3:]), letter.unit
        _rows_on_one_page(letter.path, pdfs[letter.path.stem])
    combined = _pdf_pages(pdfs[result.combined.stem])
    starts = [i for i, page in enumerate(combined, start=1)
              if any(f"{x.unit}：" in page.replace(" ", "") for x in result.letters)]
    assert len(starts) == 32
    assert all(s % 2 == 1 for s in starts), starts
    blank = [i for i, page in enumerate(combined, start=1) if not page.strip()]
    assert all(i % 2 == 0 for i in blank)  # padding, on the back of a letter's last page
    assert soffice


def test_combined_pads_odd_letters_with_an_unnumbered_blank_page(small_workbook: Path) -> None:
    """Without LibreOffice: the combined document's sections for given page counts."""
    tpl = LetterTemplate()
    plan = read_plan(small_workbook)
    index = PlanIndex(plan)
    parts = [tpl.render_parts(letter_context(index, u, date=DAY, progress_file="p.xlsx"), u)
             for u in index.units()]
    data = tpl.combine(parts, pages=[3, 2, 1])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        rels = zf.read("word/_rels/document.xml.rels").decode()
        blank_footer = etree.fromstring(zf.read("word/footerXlBlank.xml"))
    sects = list(body.iter(W + "sectPr"))
    # letter 1 (3 pages) + its blank page, letter 2 (2 pages), letter 3: four sections.
    assert len(sects) == 4
    assert [s.find(W + "pgNumType") is not None for s in sects] == [True, False, True, True]
    blank = sects[1]
    refs = {r.get(W + "type"): r.get("{%s}id" % "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
            for r in blank.findall(W + "footerReference")}
    assert set(refs.values()) == {"rIdXlBlank"} and "footerXlBlank.xml" in rels
    assert not "".join(blank_footer.itertext()).strip()  # no page number on the blank page
    # Without page counts: odd-page section breaks.
    data = tpl.combine(parts)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
    types = [s.find(W + "type").get(W + "val") for s in body.iter(W + "sectPr")]
    assert types == ["oddPage"] * 3
