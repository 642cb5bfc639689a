"""Issue 18, item 3: templates are bounded and cleaned. A template that asks
for unbounded work or output stops with a Chinese message naming the template
and the tag, within seconds and bounded memory, and nothing is written; active
content in a template (remote attachedTemplate, DDE/INCLUDE fields, remote
pictures, linked OLE, altChunk, macros) never reaches a recipient."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from hostile import (ROOT, active_marks, active_template, add_paragraph, digest, parts,
                     run_cli)

from xltools import labels as L
from xltools.documents import sandbox
from xltools.cli import main
from xltools.documents.docx_clean import clean_docx

TXT = ROOT / "examples" / "taonan-2019.txt"
LETTER = ROOT / "templates" / "letter.docx"

ATTACKS = {
    "power": "{{ 7**(10**9) }}",
    "repetition": '{{ "x"*10**9 }}',
    "growth": "{% set x = [1] %}{% for i in range(64) %}{% set _ = x.extend(x) %}{% endfor %}",
    "nested": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "width": '{{ "{:>999999999}".format(1) }}',
    "filter": '{{ "x"|center(999999999) }}',
    "recursion": "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "overflow": "{{ 2.0 ** 100000 }}",
    "output": "{% for i in range(100000) %}{{ unit * 100 }}{% endfor %}",
}


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wb")
    assert main(["import", str(TXT), "-o", str(folder / "wb.xlsx")]) == 0
    return folder / "wb.xlsx"


@pytest.mark.parametrize("kind", sorted(ATTACKS))
def test_template_attack_bounded(wb: Path, tmp_path: Path, kind: str) -> None:
    tag = ATTACKS[kind]
    template = tmp_path / f"{kind}.docx"
    template.write_bytes(add_paragraph(LETTER.read_bytes(), tag))
    out = tmp_path / "letters"
    info, _, err = run_cli(["letters", str(wb), "-o", str(out), "--template", str(template)],
                           tmp_path, child=True, timeout=90)
    assert info["status"] == 1 and err.startswith("Error: ") and "Traceback" not in err, err
    assert str(template) in err and "模板" in err, err
    if kind != "output":  # the output budget is counted by the document, not by a tag
        assert tag[:12] in err, err
    assert info["seconds"] < 30 and info["peak_mb"] < 700, info
    assert not out.exists()


def test_budget_counts_the_batch() -> None:
    env = sandbox.bounded_sandbox()
    env.start_batch()
    big = env.from_string("{% for i in range(2000) %}{{ 'x' * 4000 }}{% endfor %}")  # 8 MB
    with pytest.raises(sandbox.BudgetExceeded, match="batch"):
        for _ in range(40):
            sandbox.render_counted(env, big, {})
    env.start_batch()
    assert len(sandbox.render_counted(env, big, {})) == 8_000_000


def test_ordinary_template_work_is_untouched() -> None:
    env = sandbox.bounded_sandbox()
    src = ("{% for r in rows %}{{ loop.index }}{{ r.id }}{% endfor %}{{ 2**10 }}{{ 'ab'*3 }}"
           "{{ '%d' % 5 }}{{ [1] + [2] }}{{ '{:>3}'.format(1) }}{{ 'x'|center(5) }}")
    out = sandbox.render_counted(env, env.from_string(src), {"rows": [{"id": "1-1"}, {"id": "2"}]})
    assert out == "11-122" + "1024ababab5[1, 2]  1  x  "


def test_active_content_removed_from_template() -> None:
    hostile = active_template(LETTER.read_bytes())
    assert len(active_marks(hostile)) >= 8
    cleaned, kinds = clean_docx(hostile)
    assert set(kinds) == {"attachedTemplate", "external", "field", "altChunk", "vba"}, kinds
    assert active_marks(cleaned) == []
    text = parts(cleaned)["word/document.xml"]
    assert b"dde-result" in text and b"pic" in text  # the fields' shown results stay as text
    assert b"PAGE" in parts(cleaned)["word/footer1.xml"]  # ordinary fields are kept
    assert clean_docx(LETTER.read_bytes()) == (LETTER.read_bytes(), [])


def test_active_content_never_reaches_a_recipient(wb: Path, tmp_path: Path) -> None:
    template = tmp_path / "hostile.docx"
    template.write_bytes(active_template(LETTER.read_bytes()))
    before = digest(template)
    out = tmp_path / "letters"
    info, stdout, err = run_cli(["letters", str(wb), "-o", str(out), "--template", str(template),
                                 "--combined"], tmp_path)
    assert info["status"] == 0, err
    assert L.MSG_TEMPLATE_ACTIVE_REMOVED.split("{")[1].split("}")[1][:6] in stdout + err
    letters = sorted(out.glob("*.docx"))
    assert len(letters) > 20
    for letter in letters:
        assert active_marks(letter.read_bytes()) == [], letter.name
    assert digest(template) == before  # the template itself is never changed


def test_active_content_not_in_report_or_remind(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from example_rollup import example_rollup

    rolled, _ = example_rollup(tmp_path)
    for name, args in (("report.docx", ["report", str(rolled), "-o", str(tmp_path / "r.docx")]),
                       ("remind.docx", ["remind", str(rolled), "-o", str(tmp_path / "remind"),
                                        "--deadline", "2019-04-30"])):
        template = tmp_path / ("hostile-" + name)
        template.write_bytes(active_template((ROOT / "templates" / name).read_bytes()))
        info, stdout, err = run_cli([*args, "--template", str(template)], tmp_path)
        assert info["status"] == 0, err
        assert "已从生成的文件中删除" in stdout
    outputs = [tmp_path / "r.docx", *sorted((tmp_path / "remind").glob("*.docx"))]
    assert len(outputs) > 5
    for doc in outputs:
        assert active_marks(doc.read_bytes()) == [], doc.name
    shutil.rmtree(tmp_path / "remind")


@pytest.mark.parametrize("name,kind", [("report.docx", "power"), ("remind.docx", "nested"),
                                       ("remind.docx", "growth")])
def test_report_and_remind_templates_bounded(tmp_path: Path, name: str, kind: str) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from example_rollup import example_rollup

    rolled, _ = example_rollup(tmp_path)
    template = tmp_path / f"{kind}-{name}"
    template.write_bytes(add_paragraph((ROOT / "templates" / name).read_bytes(), ATTACKS[kind]))
    out = tmp_path / "out"
    args = (["report", str(rolled), "-o", str(out / "r.docx")] if name == "report.docx"
            else ["remind", str(rolled), "-o", str(out), "--deadline", "2019-04-30"])
    info, _, err = run_cli([*args, "--template", str(template)], tmp_path, child=True, timeout=90)
    assert info["status"] == 1 and "Error: " in err and "Traceback" not in err, err
    assert str(template) in err and ATTACKS[kind][:12] in err, err
    assert info["seconds"] < 30 and info["peak_mb"] < 700, info
    assert not out.exists()
