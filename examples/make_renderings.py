"""Make the renderings of the example table in examples/:

* ``taonan-2019.docx`` and ``taonan-2019.xlsx`` by ``xltools export`` of the
  imported example (the original layout);
* ``taonan-2019-handmade.docx``: a Word table written cell by cell the way
  offices lay it out — goals as full-width rows inside the table, 序号 /
  任务 / 责任单位 cells merged vertically (vMerge), a caption above;
* ``taonan-2019-handmade.xlsx``: a sheet with a title row, a two-row header
  (任务 spanning 序号 | 工作任务) and merged ranges;
* ``taonan-2019.html``: a saved web page with site chrome around a table
  that uses rowspan for 目标 / 序号 / 任务 / 责任单位.

Run: ``.venv/bin/python examples/make_renderings.py [OUT_DIR]``.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from xltools.documents.export import export_plan
from xltools.importing.importer import read_original
from xltools.model import Plan
from xltools.documents.wording import units_cell

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "taonan-2019.txt"
CN_NUMBERS = "一二三四五六七八九十"


def _rows(plan: Plan) -> list[dict]:
    """One dict per requirement, with the spans an office would merge."""
    out = []
    for gi, goal in enumerate(plan.goals):
        for task in goal.tasks:
            for i, req in enumerate(task.requirements):
                out.append({"goal": goal.name, "goal_index": gi, "number": task.number,
                            "task": task.name, "text": req.text, "units": units_cell(plan, req),
                            "first_of_task": i == 0, "task_len": len(task.requirements)})
    return out


def _unit_runs(rows: list[dict]) -> list[int]:
    """For each row, how many rows (within its task) share its units cell; 0 for covered rows."""
    spans = [0] * len(rows)
    i = 0
    while i < len(rows):
        j = i + 1
        while j < len(rows) and not rows[j]["first_of_task"] and rows[j]["units"] == rows[i]["units"]:
            j += 1
        spans[i] = j - i
        i = j
    return spans


def handmade_docx(plan: Plan, out: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    doc.add_paragraph("附件")
    doc.add_paragraph(plan.info.title)
    rows = _rows(plan)
    spans = _unit_runs(rows)
    n_goal_rows = len(plan.goals)
    table = doc.add_table(rows=1 + len(rows) + n_goal_rows, cols=4)
    table.style = "Table Grid"
    for c, text in enumerate(("序号", "任务", "具体要求", "责任单位")):
        table.cell(0, c).text = text
    r = 1
    last_goal = None
    task_top = units_top = None
    for i, row in enumerate(rows):
        if row["goal_index"] != last_goal:
            last_goal = row["goal_index"]
            cell = table.cell(r, 0).merge(table.cell(r, 3))
            cell.text = f"{CN_NUMBERS[row['goal_index']]}、{row['goal']}"
            r += 1
        if row["first_of_task"]:
            table.cell(r, 0).text = str(row["number"])
            table.cell(r, 1).text = row["task"]
            task_top = r
        table.cell(r, 2).text = row["text"]
        if spans[i]:
            table.cell(r, 3).text = row["units"]
            units_top = r
        # Close the merges when the task / units run ends on this row.
        last_of_task = i + 1 == len(rows) or rows[i + 1]["first_of_task"]
        if last_of_task and task_top is not None and r > task_top:
            table.cell(task_top, 0).merge(table.cell(r, 0))
            table.cell(task_top, 1).merge(table.cell(r, 1))
        ends_units = i + 1 == len(rows) or spans[i + 1] > 0
        if ends_units and units_top is not None and r > units_top:
            table.cell(units_top, 3).merge(table.cell(r, 3))
        r += 1
    doc.save(out)


def handmade_xlsx(plan: Plan, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    ws = wb.active
    ws.title = "分工表"
    ws.append([plan.info.title])
    ws.merge_cells("A1:E1")
    ws.append(["目标", "任务", None, "有关要求", "责任单位"])
    ws.append([None, "序号", "工作任务", None, None])
    ws.merge_cells("B2:C2")
    for col in "ADE":
        ws.merge_cells(f"{col}2:{col}3")
    rows = _rows(plan)
    start = 4
    goal_top = task_top = None
    for i, row in enumerate(rows):
        r = start + i
        first_of_goal = i == 0 or rows[i - 1]["goal_index"] != row["goal_index"]
        ws.cell(row=r, column=1, value=row["goal"] if first_of_goal else None)
        if row["first_of_task"]:
            ws.cell(row=r, column=2, value=row["number"])
            ws.cell(row=r, column=3, value=row["task"])
            task_top = r
        ws.cell(row=r, column=4, value=row["text"])
        ws.cell(row=r, column=5, value=row["units"])
        if first_of_goal:
            goal_top = r
        last_of_goal = i + 1 == len(rows) or rows[i + 1]["goal_index"] != row["goal_index"]
        last_of_task = i + 1 == len(rows) or rows[i + 1]["first_of_task"]
        if last_of_goal and goal_top is not None and r > goal_top:
            ws.merge_cells(start_row=goal_top, start_column=1, end_row=r, end_column=1)
        if last_of_task and task_top is not None and r > task_top:
            ws.merge_cells(start_row=task_top, start_column=2, end_row=r, end_column=2)
            ws.merge_cells(start_row=task_top, start_column=3, end_row=r, end_column=3)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(out)


def page_html(plan: Plan, out: Path) -> None:
    rows = _rows(plan)
    spans = _unit_runs(rows)
    goal_len: dict[int, int] = {}
    for row in rows:
        goal_len[row["goal_index"]] = goal_len.get(row["goal_index"], 0) + 1
    e = html.escape
    body = []
    for i, row in enumerate(rows):
        cells = []
        if i == 0 or rows[i - 1]["goal_index"] != row["goal_index"]:
            cells.append(f'<td rowspan="{goal_len[row["goal_index"]]}">{e(row["goal"])}</td>')
        if row["first_of_task"]:
            n = row["task_len"]
            cells.append(f'<td rowspan="{n}">{row["number"]}</td><td rowspan="{n}">{e(row["task"])}</td>')
        cells.append(f"<td>{e(row['text'])}</td>")
        if spans[i]:
            cells.append(f'<td rowspan="{spans[i]}">{e(row["units"])}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(plan.info.title)}_政府信息公开</title>
<style>td {{ border: 1px solid #999; }}</style><script>var site = "gov";</script></head>
<body>
<div class="top"><a href="#">登录</a> | <a href="#">注册</a></div>
<nav><a href="#">首页</a> &gt; <a href="#">政府信息公开</a></nav>
<table class="layout"><tr><td>
<p>当前位置：首页 &gt; 政府信息公开</p>
<h2 style="text-align:center">{e(plan.info.title)}</h2>
<p>发布时间：2019-04-01　来源：市政务服务局</p>
<table class="data" border="1" cellspacing="0">
<tr><th>目标</th><th>序号</th><th>任务</th><th>有关要求</th><th>责任单位</th></tr>
{chr(10).join(body)}
</table>
<p>【打印本页】 【关闭窗口】</p>
</td></tr></table>
<footer>网站地图 | 联系我们</footer>
</body></html>
"""
    out.write_text(page, encoding="utf-8")


def make_all(out_dir: Path, force: bool = True) -> list[Path]:
    plan = read_original(SOURCE)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "taonan-2019.docx", out_dir / "taonan-2019.xlsx"]
    for p in paths:
        export_plan(plan, p, force=force)
    made = {"taonan-2019-handmade.docx": handmade_docx, "taonan-2019-handmade.xlsx": handmade_xlsx,
            "taonan-2019.html": page_html}
    for name, fn in made.items():
        fn(plan, out_dir / name)
        paths.append(out_dir / name)
    for p in paths:
        p.chmod(0o644)  # files written through a temporary file start private
    return paths


if __name__ == "__main__":
    for path in make_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
