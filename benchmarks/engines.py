"""Benchmark: the one docx template engine (the compiled ``LetterTemplate``) against
docxtpl, on the three kinds of document of the bundled example: the 交办通知 (one
per unit), the 通报 (one, with the chart) and the 催办 (one per unit that owes).

docxtpl: ``DocxTemplate(template)`` → ``render(context)`` → ``save`` per document
(what its documentation shows), in the same bounded sandbox. Compiled (``documents.engine.LetterTemplate``): the template
read, cleaned, checked and compiled once, then one Jinja render and a zip append per
document (``progress.documents.render`` for the 通报 and 催办, as the commands do).
Prints the best of three runs; exit 1 if the compiled engine is slower on a batch
(letters, 催办). A single 通报 pays for the compilation it cannot share: both take a
tenth of a second or so, within the noise of a loaded machine.
Usage: ``.venv/bin/python benchmarks/engines.py``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate, InlineImage  # noqa: E402
from docx.shared import Mm  # noqa: E402

from xltools.demo import EXAMPLES, SETTINGS, apply_settings  # noqa: E402
from xltools.documents import letters as LT  # noqa: E402
from xltools.documents.engine import LetterTemplate  # noqa: E402
from xltools.documents.sandbox import bounded_sandbox  # noqa: E402
from xltools.importing.importer import read_original  # noqa: E402
from xltools.progress import documents as PD  # noqa: E402
from xltools.progress import remind as RM  # noqa: E402
from xltools.progress import report as R  # noqa: E402
from xltools.progress.chart import rate_chart_png  # noqa: E402
from xltools.progress.readback import read_rollup  # noqa: E402
from xltools.progress.rollup import rollup  # noqa: E402
from xltools.workbook.reader import read_plan  # noqa: E402
from xltools.workbook.writer import write_workbook  # noqa: E402


def best(run, n: int = 3) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times)


def docxtpl_batch(template: bytes, contexts: list[dict], images: dict[str, bytes] | None = None) -> None:
    env = bounded_sandbox()
    env.start_batch()
    for ctx in contexts:
        doc = DocxTemplate(io.BytesIO(template))
        values = dict(ctx)
        for key, png in (images or {}).items():
            values[key] = InlineImage(doc, io.BytesIO(png), width=Mm(PD.CHART_WIDTH_MM))
        doc.render(values, jinja_env=env, autoescape=True)
        doc.save(io.BytesIO())


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = apply_settings(read_original(EXAMPLES / "taonan-2019.txt"),
                              json.loads(SETTINGS.read_text(encoding="utf-8")))
        workbook = folder / "wb.xlsx"
        write_workbook(plan, workbook)
        plan = read_plan(workbook)
        rolled = folder / "rollup.xlsx"
        rollup(workbook, EXAMPLES / "returned", rolled, as_of="2019-04-20")
        result, requirements, info = read_rollup(rolled)

        index = LT.PlanIndex(plan)
        units = list(index.units())
        letter_ctx = [LT.letter_context(index, u, date=dt.date(2019, 4, 1), progress_file="p.xlsx",
                                        general_style="list", annex_file="", sealed=True,
                                        masthead="", doc_number="") for u in units]
        letter_tpl = (ROOT / "templates" / "letter.docx").read_bytes()

        def letters_compiled() -> None:
            tpl = LetterTemplate(io.BytesIO(letter_tpl))
            tpl.env.start_batch()
            for unit, ctx in zip(units, letter_ctx):
                tpl.render(ctx, unit)

        report_tpl = (ROOT / "templates" / "report.docx").read_bytes()
        report_ctx = R.report_context(result, requirements, info)
        chart = rate_chart_png(R.chart_units(result), result.schedule)
        remind_tpl = (ROOT / "templates" / "remind.docx").read_bytes()
        owing = RM.owing_units(result, info)
        remind_ctx = {u: RM.remind_context(result, info, u, rows, dt.date(2019, 4, 30))
                      for u, rows in owing.items()}

        def remind_compiled() -> None:
            env = PD.sandbox()
            env.start_batch()
            for unit, ctx in remind_ctx.items():
                PD.render(remind_tpl, "remind.docx", ctx, env=env, unit=unit)

        rows = [
            (f"交办通知 ×{len(units)}", best(lambda: docxtpl_batch(letter_tpl, letter_ctx)),
             best(letters_compiled)),
            ("通报 ×1", best(lambda: docxtpl_batch(report_tpl, [report_ctx], {"chart": chart})),
             best(lambda: PD.render(report_tpl, "report.docx", report_ctx, {"chart": chart}))),
            (f"催办 ×{len(remind_ctx)}", best(lambda: docxtpl_batch(remind_tpl, list(remind_ctx.values()))),
             best(remind_compiled)),
        ]
    slower = False
    for name, base, ours in rows:
        print(f"{name:12} docxtpl {base:6.2f} s   compiled {ours:6.2f} s   ratio {base / ours:5.1f}×")
        slower |= ours > base and "×1" not in name
    return 1 if slower else 0


if __name__ == "__main__":
    sys.exit(main())
