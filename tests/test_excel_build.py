"""The built add-in and control workbook, read back with olevba, pyOpenVBA and LibreOffice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from oletools.olevba import VBA_Parser
from pyopenvba import ExcelFile

from conftest import soffice_convert
from xltools import labels as L
from xltools.errors import DependencyError, InputError, OutputError
from xltools.excel import build
from xltools.excel.build import build_addin, build_control_workbook

ROOT = Path(__file__).resolve().parent.parent
BAS = (ROOT / "macros" / "XlTools.bas").read_text(encoding="ascii")
CUSTOMUI = (ROOT / "macros" / "customUI.xml").read_bytes()


def code_lines(text: str) -> list[str]:
    """Module text without Attribute lines, line ends normalised."""
    return [line for line in text.replace("\r\n", "\n").split("\n")
            if not line.startswith("Attribute VB_")]


@pytest.fixture(scope="module")
def addin(tmp_path_factory) -> Path:
    return build_addin(tmp_path_factory.mktemp("addin") / "xltools.xlam")


@pytest.fixture(scope="module")
def control(tmp_path_factory) -> Path:
    return build_control_workbook(tmp_path_factory.mktemp("control") / "control.xlsm")


@pytest.mark.parametrize("kind", ["addin", "control"])
def test_olevba_reads_back_exactly_our_source(kind, request):
    path = request.getfixturevalue(kind)
    parser = VBA_Parser(str(path))
    try:
        modules = {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()
    assert code_lines(modules["XlTools.bas"]) == code_lines(BAS)
    assert "RibbonMyAddin.bas" not in modules and "Module1.bas" not in modules


@pytest.mark.parametrize("kind,project", [("addin", "XltoolsAddin"), ("control", "XltoolsWorkbook")])
def test_edited_module_has_no_stale_pcode(kind, project, request):
    path = request.getfixturevalue(kind)
    with ExcelFile(path) as wb:
        proj = wb.vba_project()
        assert proj.name == project
        module = proj.get_module("XlTools")
        assert module.text_offset == 0  # the stream is source only: no compiled p-code
        assert module.source.replace("\r\n", "\n") == BAS
        assert wb.validate() == []
        assert 'Public Const PROJECT_NAME As String = "xltools"' in wb.get_module("xlwings")
        cfb = wb._get_cfb()
        cache = cfb.get_stream_in_storage("VBA", "_VBA_PROJECT")
        assert cache[:2] == b"\xcc\x61" and set(cache[5:]) <= {0}
        streams = cfb.list_streams_in_storage("VBA")
        assert "XlTools" in streams and not [n for n in streams if n.startswith("__SRP_")]


def test_untouched_modules_are_the_templates(addin):
    with ExcelFile(build.template_path(build.ADDIN_TEMPLATE)) as tpl, ExcelFile(addin) as wb:
        assert wb.get_module("Dictionary") == tpl.get_module("Dictionary")
        ours, theirs = wb.get_module("xlwings").splitlines(), tpl.get_module("xlwings").splitlines()
        assert len(ours) == len(theirs)
        assert [(a, b) for a, b in zip(ours, theirs) if a != b] == [
            ('Public Const PROJECT_NAME As String = "xltools"',
             'Public Const PROJECT_NAME As String = "myaddin"')]


def test_addin_package_parts(addin):
    with zipfile.ZipFile(addin) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("_rels/.rels").decode()
        assert z.read("customUI/customUI.xml") == CUSTOMUI
        workbook = z.read("xl/workbook.xml").decode()
        wb_rels = z.read("xl/_rels/workbook.xml.rels").decode()
    assert re.search(r'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.addin.macroEnabled.main\+xml"', types)
    assert 'PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"' in types
    assert re.search(r'Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" Target="customUI/customUI.xml"', rels)
    assert 'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"' in wb_rels
    assert 'name="_xltools.conf"' in workbook and "myaddin" not in workbook


def test_control_workbook_buttons_in_package(control):
    with zipfile.ZipFile(control) as z:
        names = z.namelist()
        vml = "".join(z.read(n).decode() for n in names if n.endswith(".vml"))
        types = z.read("[Content_Types].xml").decode()
    assert "xl/vbaProject.bin" in names
    assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types
    macros = re.findall(r"<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", vml)
    assert macros == [sub for sub, _ in build.CONTROL_BUTTONS]


def test_libreoffice_loads_the_buttons_bound_to_our_macros(control, tmp_path):
    ods = soffice_convert(control, "ods", tmp_path)
    with zipfile.ZipFile(ods) as z:
        content = z.read("content.xml").decode()
        basic = z.read("Basic/XltoolsWorkbook/XlTools.xml").decode()
    buttons = re.findall(r'<form:button [^>]*form:label="([^"]+)".*?xlink:href="([^"]+)"', content)
    expected = [(caption, f"vnd.sun.star.script:XltoolsWorkbook.XlTools.{sub}?language=Basic&amp;location=document")
                for sub, caption in build.CONTROL_BUTTONS]
    assert buttons == expected
    for sub, _ in build.CONTROL_BUTTONS:
        assert f"Public Sub {sub}()" in basic
    assert L.XL_CONTROL_SHEET in content


def test_build_refuses_to_overwrite(addin):
    with pytest.raises(OutputError):
        build_addin(addin)


def test_unexpected_template_modules_fail_loudly(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "ADDIN_MODULES", {"ThisWorkbook", "Ribbon", "xlwings"})
    with pytest.raises(DependencyError, match="RibbonMyAddin"):
        build_addin(tmp_path / "x.xlam")
    assert not (tmp_path / "x.xlam").exists()


def test_unwired_button_fails(tmp_path):
    (tmp_path / "XlTools.bas").write_text(BAS.replace("Sub OnHelp(", "Sub OnHelpMe("), encoding="ascii")
    (tmp_path / "customUI.xml").write_bytes(CUSTOMUI)
    with pytest.raises(InputError, match="OnHelp"):
        build_addin(tmp_path / "x.xlam", macros_dir=tmp_path)


def test_version_mismatch_fails(tmp_path):
    (tmp_path / "XlTools.bas").write_text(
        re.sub(r'XLTOOLS_VERSION As String = "[^"]*"', 'XLTOOLS_VERSION As String = "9.9"', BAS),
        encoding="ascii")
    (tmp_path / "customUI.xml").write_bytes(CUSTOMUI)
    with pytest.raises(InputError, match="9.9"):
        build_control_workbook(tmp_path / "x.xlsm", macros_dir=tmp_path)
