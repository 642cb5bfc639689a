"""`xltools remind`: a 催办通知 for exactly the units that owe, listing what they owe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from conftest import soffice_convert
from example_rollup import example_rollup
from progress_fixtures import fill, small_plan
from test_report import pdf_pages
from xltools import labels as L
from xltools.cli import main
from xltools.errors import InputError, OutputError
from xltools.progress.remind import remind
from xltools.progress.rollup import rollup
from xltools.progress.split import split
from xltools.workbook.writer import write_workbook


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    return example_rollup(tmp_path_factory.mktemp("example"))


def _table_ids(path: Path) -> list[str]:
    d = docx.Document(str(path))
    return [row.cells[0].text for t in d.tables[:1] for row in t.rows[1:]]


def _text(path: Path) -> str:
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs]
                     + [c.text for t in d.tables for row in t.rows for c in row.cells])


def test_notices_for_exactly_the_units_that_owe(rolled, tmp_path):
    out, result = rolled
    made = remind(out, tmp_path / "催办", deadline="2019-04-26")
    # 21 silent + 2 blank + the half return + 市司法局 (its 按职能 rows left empty); not
    # the 7 other full returns, not the 发文单位.
    owing = {"市政务服务局", "市司法局"}
    assert set(made.files) == set(result.overdue_units) | owing
    assert len(made.files) == 25 and "市政府办公室" not in made.files
    assert not set(made.files) & (set(result.returned) - owing)
    # Each notice lists exactly what the unit owes.
    owed = {}
    for s in result.slots:
        if s.feedback not in (L.FEEDBACK_RETURNED, L.FEEDBACK_LATE):
            owed.setdefault(s.unit, []).append(s.req_id)
    for unit, path in made.files.items():
        assert path.name == f"催办通知-{unit}.docx"
        text = _text(path)
        if len(owed[unit]) <= L.REMIND_TABLE_LIMIT:
            assert _table_ids(path) == owed[unit], unit
        else:  # many rows owed: no table, the numbers (or their range) in the text
            assert _table_ids(path) == [], unit
            assert f"{len(owed[unit])}项" in text
            assert all(i in text for i in owed[unit]) or (
                f"{owed[unit][0]}至{owed[unit][-1]}" in text and "均未报送" in text), unit
        assert L.TPL_REMIND_FIRM in text
        assert text.startswith(L.REMIND_TITLE) or L.REMIND_TITLE in text
        assert f"{unit}：" in text and "2019年4月26日前" in text and "2019年4月10日前" in text
    assert L.REMIND_SITUATION_BLANK in _text(made.files["市民政局"])
    assert L.REMIND_SITUATION_SILENT in _text(made.files["开发区"])
    half = _text(made.files["市政务服务局"])
    assert L.REMIND_SITUATION_PARTIAL.format(count=len(owed["市政务服务局"])) in half
    pdf = soffice_convert(made.files["市政务服务局"], "pdf", tmp_path / "pdf")
    assert pdf_pages(pdf) <= 3
    # 开发区 (named only in the 按职能 phrase) owes its 19 按职能 rows, one per task:
    # one page, "你单位承担的19项工作均未报送…".
    assert "你单位承担的19项工作均未报送" in _text(made.files["开发区"])
    pdf = soffice_convert(made.files["开发区"], "pdf", tmp_path / "pdf")
    assert pdf_pages(pdf) == 1


def test_overdue_red_rows_are_owed_even_after_a_full_report(tmp_path):
    master = tmp_path / "master.xlsx"
    write_workbook(small_plan(), master)
    sent = split(master, tmp_path / "sent", round_label="R1").files
    folder = tmp_path / "returned"
    fill(sent["甲局"], folder / "a.xlsx", default_status=L.STATUS_DONE, filled=dt.date(2019, 7, 1))
    fill(sent["乙局"], folder / "b.xlsx", filled=dt.date(2019, 7, 1))  # 1-1 due 06-30, 推进中
    fill(sent["丙办"], folder / "c.xlsx", filled=dt.date(2019, 7, 1))
    out = tmp_path / "out.xlsx"
    rollup(master, folder, out, as_of="2019-07-10")
    made = remind(out, tmp_path / "n", deadline=dt.date(2019, 7, 20))
    assert set(made.files) == {"乙局"}  # 甲局 done, 丙办 on time: none for them
    assert _table_ids(made.files["乙局"]) == ["1-1"]
    assert L.OWE_OVERDUE in _text(made.files["乙局"])


def test_remind_needs_a_deadline_and_keeps_files(rolled, tmp_path, capsys):
    out, _ = rolled
    with pytest.raises(InputError):
        remind(out, tmp_path / "x", deadline="")
    target = tmp_path / "n"
    assert main(["remind", str(out), "-o", str(target), "--deadline", "2019-04-26"]) == 0
    assert "25" in capsys.readouterr().out
    with pytest.raises(OutputError):
        remind(out, target, deadline="2019-04-26")
    assert main(["remind", str(out), "-o", str(target), "--deadline", "2019-04-26",
                 "--force"]) == 0
    with pytest.raises(SystemExit):  # argparse: --deadline is required
        main(["remind", str(out), "-o", str(target)])
    assert "--deadline" in capsys.readouterr().err
