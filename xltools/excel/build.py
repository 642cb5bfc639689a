"""Build the Excel add-in (``.xlam``) and the control workbook (``.xlsm``) without Excel.

Both start from a template shipped inside the installed (pinned) xlwings
package — never from a VBA project made from nothing:

* add-in: ``quickstart_addin_ribbon.xlam``. Its ribbon module is renamed to
  ``XlTools`` and gets the source of ``macros/XlTools.bas`` (pyOpenVBA writes
  the source and drops the module's compiled p-code and the project's
  performance cache, so Excel recompiles); xlwings' ``PROJECT_NAME`` becomes
  ``xltools`` (config file ``~/.xltools/xltools.conf``); the VBA project is
  renamed; ``customUI/customUI.xml`` is swapped for ``macros/customUI.xml``.
* control workbook: the VBA project of ``quickstart_standalone.xlsm`` edited
  the same way, put by XlsxWriter into a new ``.xlsm`` whose Form buttons
  call the same action Subs.

The builder fails loudly when the template's modules are not what it expects
or when a ribbon button names a Sub the module lacks.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import struct
import tempfile
import zipfile
from pathlib import Path

from xltools import __version__
from xltools import labels as L
from xltools.errors import DependencyError, InputError
from xltools.excel.macros import (MODULE_NAME, macro_version, read_sources, subs,
                                  wiring_problems)
from xltools.io.fileio import atomic_path

ADDIN_TEMPLATE = "quickstart_addin_ribbon.xlam"
WORKBOOK_TEMPLATE = "quickstart_standalone.xlsm"
# Modules each template must hold (name → kind), and the one we replace.
ADDIN_MODULES = {"ThisWorkbook", "Dictionary", "RibbonMyAddin", "Sheet2", "xlwings"}
ADDIN_RIBBON_MODULE = "RibbonMyAddin"
WORKBOOK_MODULES = {"ThisWorkbook", "Sheet1", "Module1", "Sheet2", "xlwings", "Dictionary"}
WORKBOOK_CODE_MODULE = "Module1"
XLWINGS_MODULE = "xlwings"

CONFIG_NAME = "xltools"  # xlwings PROJECT_NAME: ~/.xltools/xltools.conf, sheet xltools.conf
ADDIN_PROJECT = "XltoolsAddin"  # VBA project names (must differ from module names)
WORKBOOK_PROJECT = "XltoolsWorkbook"
CUSTOMUI_PART = "customUI/customUI.xml"
VBA_PART = "xl/vbaProject.bin"
CONF_KEYS = ("Interpreter_Win", "Interpreter_Mac", "PYTHONPATH", "Conda Path", "Conda Env",
             "Show Console")

_PROJECT_NAME_RE = re.compile(r'^Public Const PROJECT_NAME As String = "([^"]*)"\r?$', re.M)


def xlwings_dir() -> Path:
    """The installed xlwings package folder (found without importing xlwings)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise DependencyError(L.XL_BAD_TEMPLATE.format(path="xlwings", detail="xlwings is not installed"))
    return Path(spec.origin).parent


def template_path(name: str) -> Path:
    path = xlwings_dir() / name
    if not path.is_file():
        raise DependencyError(L.XL_BAD_TEMPLATE.format(path=path, detail="file missing"))
    return path


def _bad_template(path: Path, detail: str) -> DependencyError:
    return DependencyError(L.XL_BAD_TEMPLATE.format(path=path, detail=detail), path=str(path))


def _checked_sources(macros_dir: str | os.PathLike[str] | None) -> tuple[str, str]:
    """(module source, customUI) after checking they are wired and versioned."""
    source, customui = read_sources(macros_dir)
    problems = wiring_problems(source, customui)
    version = macro_version(source)
    if version != __version__:
        problems.append(f"XLTOOLS_VERSION is {version!r} but the xltools package is "
                        f"{__version__!r}; update macros/XlTools.bas")
    if problems:
        raise InputError(L.XL_BAD_MACROS.format(detail="; ".join(problems)))
    return source, customui


def _set_project_name(wb, project, new: str) -> None:  # noqa: ANN001 - pyOpenVBA objects
    """Rename the VBA project: the PROJECTNAME record of the dir stream and the
    ``Name=`` line of the PROJECT stream (pyOpenVBA has no call for it)."""
    raw = project.dir_raw
    pos = 0
    while pos + 6 <= project.dir_modules_offset:
        rid, size = struct.unpack_from("<HI", raw, pos)
        if rid == 0x0004:  # PROJECTNAME
            old = raw[pos + 6:pos + 6 + size].decode("cp1252")
            data = new.encode("cp1252")
            project.dir_raw = raw[:pos] + struct.pack("<HI", rid, len(data)) + data + raw[pos + 6 + size:]
            project.dir_modules_offset += len(data) - size
            break
        pos += 6 + size
    else:
        raise RuntimeError("PROJECTNAME record not found")
    cfb = wb._get_cfb()  # the CFB save() writes; pinned pyOpenVBA
    text = cfb.get_stream("PROJECT").decode("cp1252")
    line = f'Name="{old}"'
    if text.count(line) != 1:
        raise RuntimeError(f"PROJECT stream has no single {line}")
    cfb.write_stream("PROJECT", text.replace(line, f'Name="{new}"').encode("cp1252"))
    project.name = new
    project.dir_structure_dirty = True


def _edit_project(template: Path, modules: set[str], code_module: str, project_name: str,
                  source: str, dest: Path) -> None:
    """Copy ``template``'s VBA into ``dest`` with our module, config name and project name."""
    from pyopenvba import ExcelFile, VBAModuleKind
    from pyopenvba.exceptions import PyOpenVBAError

    work = dest.with_name("template" + template.suffix)
    shutil.copyfile(template, work)
    try:
        with ExcelFile(work) as wb:
            project = wb.vba_project()
            found = set(project.module_names())
            if found != modules:
                raise _bad_template(template, f"modules {sorted(found)}, expected {sorted(modules)}")
            if project.get_module(code_module).kind != VBAModuleKind.standard:
                raise _bad_template(template, f"{code_module} is not a standard module")
            xlw = wb.get_module(XLWINGS_MODULE)
            if len(_PROJECT_NAME_RE.findall(xlw)) != 1 or "Function RunPython(" not in xlw:
                raise _bad_template(template, "xlwings module without one PROJECT_NAME / RunPython")
            project.rename_module(code_module, MODULE_NAME)
            wb.set_module(MODULE_NAME, source)
            wb.set_module(XLWINGS_MODULE, _PROJECT_NAME_RE.sub(
                f'Public Const PROJECT_NAME As String = "{CONFIG_NAME}"', xlw, count=1))
            try:
                _set_project_name(wb, project, project_name)
            except RuntimeError as exc:
                raise _bad_template(template, str(exc)) from exc
            wb.save(dest)
    except PyOpenVBAError as exc:
        raise _bad_template(template, f"pyOpenVBA: {exc}") from exc
    finally:
        work.unlink(missing_ok=True)


def _rewrite_zip(src: Path, dest: Path, replace: dict[str, bytes]) -> None:
    """Copy the package ``src`` to ``dest`` with some parts replaced."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        missing = set(replace) - set(zin.namelist())
        if missing:
            raise _bad_template(src, f"parts missing: {sorted(missing)}")
        for info in zin.infolist():
            data = replace.get(info.filename)
            zout.writestr(info, zin.read(info) if data is None else data)


def build_addin(out: str | os.PathLike[str], *, macros_dir: str | os.PathLike[str] | None = None,
                force: bool = False) -> Path:
    """Write the ribbon add-in (``.xlam``) to ``out``."""
    source, customui = _checked_sources(macros_dir)
    template = template_path(ADDIN_TEMPLATE)
    with tempfile.TemporaryDirectory(prefix="xltools-build-") as tmp:
        edited = Path(tmp) / "edited.xlam"
        _edit_project(template, ADDIN_MODULES, ADDIN_RIBBON_MODULE, ADDIN_PROJECT, source, edited)
        with zipfile.ZipFile(edited) as z:
            workbook_xml = z.read("xl/workbook.xml").decode("utf-8")
        old_sheet = 'name="_myaddin.conf"'
        if workbook_xml.count(old_sheet) != 1:
            raise _bad_template(template, "no sheet _myaddin.conf")
        workbook_xml = workbook_xml.replace(old_sheet, f'name="_{CONFIG_NAME}.conf"')
        with atomic_path(out, force) as tmp_out:
            _rewrite_zip(edited, tmp_out, {CUSTOMUI_PART: customui.encode("utf-8"),
                                           "xl/workbook.xml": workbook_xml.encode("utf-8")})
    return Path(out)


# Form buttons of the control workbook: (action Sub, caption), in ribbon order.
CONTROL_BUTTONS = (
    ("ImportOriginal", L.XL_BTN_IMPORT),
    ("CheckWorkbook", L.XL_BTN_CHECK),
    ("MakeLetters", L.XL_BTN_LETTERS),
    ("SplitProgress", L.XL_BTN_SPLIT),
    ("RollupProgress", L.XL_BTN_ROLLUP),
    ("MakeReport", L.XL_BTN_REPORT),
    ("MakeReminders", L.XL_BTN_REMIND),
    ("ExportOriginal", L.XL_BTN_EXPORT),
    ("ShowHelp", L.XL_BTN_HELP),
)


def build_control_workbook(out: str | os.PathLike[str], *,
                           macros_dir: str | os.PathLike[str] | None = None,
                           force: bool = False) -> Path:
    """Write the standalone control workbook (``.xlsm``) with Form buttons."""
    import xlsxwriter

    if Path(out).suffix.lower() != ".xlsm":
        raise InputError(L.MSG_UNSUPPORTED_FORMAT.format(path=out, detail="need .xlsm"))
    source, _ = _checked_sources(macros_dir)
    declared = subs(source)
    for sub, _ in CONTROL_BUTTONS:
        if declared.get(sub, None) != "":
            raise InputError(L.XL_BAD_MACROS.format(detail=f"no parameterless Sub {sub}"))
    template = template_path(WORKBOOK_TEMPLATE)
    with tempfile.TemporaryDirectory(prefix="xltools-build-") as tmp:
        edited = Path(tmp) / "edited.xlsm"
        _edit_project(template, WORKBOOK_MODULES, WORKBOOK_CODE_MODULE, WORKBOOK_PROJECT,
                      source, edited)
        with zipfile.ZipFile(edited) as z:
            vba = z.read(VBA_PART)
        with atomic_path(out, force) as tmp_out:
            book = xlsxwriter.Workbook(str(tmp_out))
            book.set_vba_name("ThisWorkbook")
            ws = book.add_worksheet(L.XL_CONTROL_SHEET)
            ws.set_vba_name("Sheet1")
            title = book.add_format({"bold": True, "font_size": 14})
            ws.set_column("A:A", 3)
            ws.set_column("B:B", 90)
            ws.write("B1", L.XL_CONTROL_INTRO[0], title)
            for row, line in enumerate(L.XL_CONTROL_INTRO[1:], start=1):
                ws.write(row, 1, line)
            top = len(L.XL_CONTROL_INTRO) + 1
            for i, (sub, caption) in enumerate(CONTROL_BUTTONS):
                ws.insert_button(top + 2 * i, 1, {"macro": sub, "caption": caption,
                                                  "width": 160, "height": 30})
            conf = book.add_worksheet(f"_{CONFIG_NAME}.conf")
            conf.set_vba_name("Sheet2")
            for row, key in enumerate(CONF_KEYS):
                conf.write_string(row, 0, key)
            conf.hide()
            ws.activate()
            book.add_vba_project(io.BytesIO(vba), is_stream=True)
            book.close()
    return Path(out)
