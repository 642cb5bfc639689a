"""CLI: thin skin over the library; read produced files back; errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys

import openpyxl

from tests.conftest import TAONAN
from xltools.cli import main
from xltools.workbook.reader import read_plan


def test_import_then_check(tmp_path, capsys):
    out = tmp_path / "wb.xlsx"
    assert main(["import", str(TAONAN), "-o", str(out)]) == 0
    assert "63 条要求" in capsys.readouterr().out
    plan = read_plan(out)
    assert len(plan.requirements) == 63 and len(plan.tasks) == 19
    assert main(["check", str(out)]) == 0


def test_never_overwrites_without_force(tmp_path, capsys):
    out = tmp_path / "wb.xlsx"
    out.write_bytes(b"precious")
    assert main(["import", str(TAONAN), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "--force" in err
    assert out.read_bytes() == b"precious"
    assert main(["import", str(TAONAN), "-o", str(out), "--force"]) == 0
    assert openpyxl.load_workbook(out)["任务分工"].max_row > 63
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_year_override_and_units_reuse(tmp_path):
    first = tmp_path / "2019.xlsx"
    assert main(["import", str(TAONAN), "-o", str(first)]) == 0
    wb = openpyxl.load_workbook(first)
    ws = wb["单位"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "市政务服务局":
            row[3].value = "王科长"
            row[4].value = "0436-1234567"
        if row[0].value == "市司法局":
            row[0].value = "市司法局（市法制办）"
            row[2].value = "司法局、市司法局"
    wb.save(first)
    second = tmp_path / "2020.xlsx"
    assert main(["import", str(TAONAN), "-o", str(second), "--units", str(first), "--year", "2020"]) == 0
    plan = read_plan(second)
    assert plan.info.year == 2020
    assert plan.requirement("12-2").deadline.date.year == 2020
    gov = plan.unit("市政务服务局")
    assert (gov.contact, gov.phone) == ("王科长", "0436-1234567")
    assert any(a.unit == "市司法局（市法制办）" for a in plan.assignments_for("1-4"))
    assert plan.unit("市司法局") is None


def test_user_mistakes_are_errors_not_tracebacks(tmp_path):
    cases = [
        ["import", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o.xlsx")],
        ["check", str(tmp_path / "missing.xlsx")],
        ["import", str(TAONAN), "-o", str(tmp_path)],
    ]
    for argv in cases:
        proc = subprocess.run([sys.executable, "-m", "xltools", *argv], capture_output=True, text=True)
        assert proc.returncode == 1, argv
        assert proc.stderr.startswith("Error: "), proc.stderr
        assert "Traceback" not in proc.stderr


def test_bad_year_and_help():
    proc = subprocess.run([sys.executable, "-m", "xltools", "import", "x", "-o", "y", "--year", "19"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "年度" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "xltools", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for cmd in ("import", "check", "template", "demo"):
        assert cmd in proc.stdout


def test_demo(tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path / "demo")]) == 0
    assert (tmp_path / "demo" / "任务分工.xlsx").exists()
    plan = read_plan(tmp_path / "demo" / "任务分工.xlsx")
    assert plan.info.issuer


def test_written_files_get_normal_permissions(tmp_path):
    import os
    import stat

    out = tmp_path / "t.xlsx"
    assert main(["template", "-o", str(out)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_layout_hints_and_a_message_that_says_what_was_seen(tmp_path, capsys):
    src = tmp_path / "t.txt"
    src.write_text("重点工作安排\n\n1\n\n优化营商环境\n\n推行一网通办。\n\n市政务服务局\n\n"
                   "2\n\n强化监管\n\n开展双随机抽查。\n\n市市场监管局\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert main(["import", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "--columns" in err and "Traceback" not in err
    assert main(["import", str(src), "-o", str(out), "--columns", "序号,任务,具体要求,责任单位"]) == 0
    plan = read_plan(out)
    assert [(t.name, [a.unit for r in t.requirements for a in plan.assignments_for(r.id)])
            for t in plan.tasks] == [("优化营商环境", ["市政务服务局"]), ("强化监管", ["市市场监管局"])]
    assert main(["import", str(src), "-o", str(out), "--force", "--columns", "序号,某某"]) == 1
    assert "某某" in capsys.readouterr().err


def test_header_line_names_the_header(tmp_path, capsys):
    src = tmp_path / "t.txt"
    src.write_text("标题\n工作 内容 单位\n序号|工作任务|具体要求|责任单位\n1|优化服务|推行一网通办。|市政务服务局\n",
                   encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert main(["import", str(src), "-o", str(out), "--header-line", "3"]) == 0
    assert [a.unit for a in read_plan(out).assignments] == ["市政务服务局"]


# ------------------------------------------------- issue 12: a CLI in Chinese
def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xltools", *argv], capture_output=True, text=True)


def test_help_is_chinese_and_in_workflow_order():
    out = _run("--help").stdout
    assert "用法：" in out and "显示本帮助并退出" in out
    assert "usage:" not in out and "show this help" not in out
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("    ")]
    workflow = ["import", "check", "letters", "split", "rollup", "export"]
    assert listed[:6] == workflow, listed
    for cmd in workflow:
        sub = _run(cmd, "--help").stdout
        assert "用法：" in sub and "选项" in sub and "show this help" not in sub, cmd


def test_argparse_errors_are_chinese():
    proc = _run("import")
    assert proc.returncode == 2
    assert "Error: 缺少必需的参数：src、-o/--output" in proc.stderr
    assert "the following arguments" not in proc.stderr
    proc = _run("nosuch")
    assert proc.returncode == 2 and "Error: 参数" in proc.stderr and "无效" in proc.stderr
    proc = _run("letters", "wb.xlsx", "-o", "out", "--date", "2019/3/25")
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr and "Error: " in proc.stderr


def test_output_extension_must_match(tmp_path):
    for argv in (["import", str(TAONAN), "-o", str(tmp_path / "x.docx")],
                 ["template", "-o", str(tmp_path / "t.csv")],
                 ["export", str(TAONAN), "-o", str(tmp_path / "t.pdf")],
                 ["rollup", "wb.xlsx", str(tmp_path), "-o", str(tmp_path / "r.xls")]):
        proc = _run(*argv)
        assert proc.returncode == 1, argv
        assert proc.stderr.startswith("Error: ") and "扩展名" in proc.stderr, proc.stderr
    assert not any(tmp_path.iterdir())
