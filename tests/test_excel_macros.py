"""The VBA source and the ribbon agree with each other and with the Python entry points."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xltools import __version__
from xltools import labels as L
from xltools.excel import entry
from xltools.excel.macros import SAFE_PUNCTUATION, py_literal, wiring_problems

ROOT = Path(__file__).resolve().parent.parent
BAS = (ROOT / "macros" / "XlTools.bas").read_text(encoding="ascii")
CUSTOMUI = (ROOT / "macros" / "customUI.xml").read_text(encoding="utf-8")
NS = "{http://schemas.microsoft.com/office/2006/01/customui}"


def sub_bodies(source: str) -> dict[str, tuple[str, str]]:
    """Sub name -> (parameters, body) parsed independently of xltools.excel.macros."""
    out = {}
    for m in re.finditer(r"^(?:Public |Private )?Sub (\w+)\(([^)]*)\)\n(.*?)^End Sub", source,
                         re.M | re.S):
        out[m.group(1)] = (m.group(2).strip(), m.group(3))
    return out


SUBS = sub_bodies(BAS)
BUTTONS = [(b.get("label"), b.get("onAction")) for b in ET.fromstring(CUSTOMUI.encode()).iter(f"{NS}button")]


def test_every_ribbon_button_names_a_ribbon_callback():
    assert len(BUTTONS) == 9
    for label, action in BUTTONS:
        module, _, sub = action.rpartition(".")
        assert module == "XlTools"
        assert sub in SUBS, f"{label}: no Sub {sub}"
        assert re.fullmatch(r"control As IRibbonControl", SUBS[sub][0]), sub
    assert wiring_problems(BAS.replace("\n", "\r\n"), CUSTOMUI) == []


def test_ribbon_labels_are_the_labels_in_labels_py():
    tab = ET.fromstring(CUSTOMUI.encode()).find(f".//{NS}tab")
    assert tab.get("label") == L.XL_TAB
    assert [label for label, _ in BUTTONS] == [
        L.XL_BTN_IMPORT, L.XL_BTN_CHECK, L.XL_BTN_LETTERS, L.XL_BTN_SPLIT, L.XL_BTN_ROLLUP,
        L.XL_BTN_REPORT, L.XL_BTN_REMIND, L.XL_BTN_EXPORT, L.XL_BTN_HELP]


def test_callbacks_call_parameterless_actions_that_run_python():
    for _, action in BUTTONS:
        body = SUBS[action.rpartition(".")[2]][1].strip()
        assert re.fullmatch(r"\w+", body), body
        params, action_body = SUBS[body]
        assert params == ""
        assert action_body.count("RunPython ") == 1


def test_wiring_problems_catches_a_missing_sub():
    broken = CUSTOMUI.replace("XlTools.OnCheck", "XlTools.OnCheckk")
    assert any("OnCheckk" in p for p in wiring_problems(BAS, broken))


SAMPLES = {"path": "C:\\Users\\张三\\Desktop\\任务 \"分工\" 100%&^!\\", "folder": "/tmp/it's/",
           "deadline": "2019-04-26", "XLTOOLS_VERSION": __version__}


def vba_expression_to_python(expr: str) -> str:
    """Evaluate a VBA string expression of literals, PyStr(var) and &."""
    parts = []
    for token in re.findall(r'"(?:[^"]|"")*"|PyStr\(\w+\)|&', expr):
        if token == "&":
            continue
        if token.startswith('"'):
            parts.append(token[1:-1].replace('""', '"'))
        else:
            parts.append(py_literal(SAMPLES[token[6:-1]]))
    return "".join(parts)


def test_every_run_python_calls_an_entry_function_that_accepts_its_arguments():
    calls = re.findall(r"^\s*RunPython (.*)$", BAS, re.M)
    assert len(calls) == 9
    seen = set()
    for expr in calls:
        command = vba_expression_to_python(expr)
        assert '"' not in command  # cmd.exe wraps the command in double quotes
        tree = ast.parse(command)
        imp, call = tree.body
        assert isinstance(imp, ast.Import)
        assert (imp.names[0].name, imp.names[0].asname) == ("xltools.excel.entry", "e")
        func = call.value
        assert isinstance(func.func, ast.Attribute) and func.func.value.id == "e"
        fn = getattr(entry, func.func.attr)
        args = [ast.literal_eval(a) for a in func.args]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in func.keywords}
        inspect.signature(fn).bind(*args, **kwargs)
        assert kwargs["addin"] == __version__
        assert all(a in SAMPLES.values() for a in args)
        seen.add(func.func.attr)
    assert seen == {"import_original", "check", "letters", "split", "rollup", "report", "remind",
                    "export_original", "show_help"}


def test_remind_prompt_is_the_label_spelt_in_ascii():
    """The InputBox of 生成催办通知 asks in Chinese though the module is ASCII."""
    from xltools.excel.macros import vba_text

    for function, text in (("RemindPrompt", L.XL_REMIND_PROMPT), ("RemindTitle", L.XL_BTN_REMIND)):
        m = re.search(rf"Function {function}\(\) As String\s+{function} = (.*)$", BAS, re.M)
        assert m and m.group(1).strip() == vba_text(text)
        # And the expression means the text: evaluate ChrW(n) and "…" & ….
        parts = re.findall(r'ChrW\((\d+)\)|"((?:[^"]|"")*)"', m.group(1))
        assert "".join(chr(int(n)) if n else s.replace('""', '"') for n, s in parts) == text
    assert vba_text('a"b') == '"a" & ChrW(34) & "b"' and vba_text("") == '""'


def test_macro_version_is_the_package_version_and_source_is_ascii():
    assert f'Public Const XLTOOLS_VERSION As String = "{__version__}"' in BAS
    assert BAS.isascii()


NASTY = [
    "C:\\Users\\张三\\文档\\", "\\\\server\\share\\a b\\", "it's \"quoted\"", "100% & ^ ! $HOME `x` | y",
    "emoji 😀 ok", "\ud83d lone", "tab\tnew\nline", "", "\\", "'", "Ω≈ç√", "D:\\x\\\\",
]


@pytest.mark.parametrize("text", NASTY)
def test_py_literal_round_trips_nasty_paths(text):
    lit = py_literal(text)
    assert ast.literal_eval(lit) == text
    inner = lit[1:-1]
    assert re.fullmatch(r"(?:[A-Za-z0-9" + re.escape(SAFE_PUNCTUATION)
                        + r"]|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8})*", inner), lit


@given(st.text())
def test_py_literal_round_trips_any_text(text):
    assert ast.literal_eval(py_literal(text)) == text


def uno_python() -> str | None:
    """A Python that can import LibreOffice's uno module (the system one, usually)."""
    import shutil
    import subprocess

    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"],
                                        capture_output=True).returncode == 0:
            return candidate
    return None


def test_the_vba_pystr_itself_matches_the_mirror_in_libreoffice_basic(tmp_path):
    """Run PyStr from macros/XlTools.bas in LibreOffice Basic (VBA mode): the real
    VBA code gives exactly py_literal's output, and Python reads it back."""
    import json
    import os
    import subprocess

    from conftest import require_soffice

    soffice = require_soffice()
    python = uno_python()
    if python is None:
        if os.environ.get("XLTOOLS_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice's Python bridge (uno) is required here")
        pytest.skip("no Python with LibreOffice's uno module")
    texts = [t for t in NASTY if "\ud83d lone" != t] + [SAMPLES["path"], "ab", "é ü ñ", "a\\"]
    done = subprocess.run([python, str(Path(__file__).parent / "lo_run_pystr.py"), soffice,
                           str(ROOT / "macros" / "XlTools.bas"), str(tmp_path / "profile")],
                          input=json.dumps(texts), capture_output=True, text=True, timeout=240,
                          check=True)
    literals = json.loads(done.stdout)
    assert literals == [py_literal(t) for t in texts]
    assert [ast.literal_eval(lit) for lit in literals] == texts
