"""A bench of HTML tables flattened by real tools: every annotated table document
(the same documents as tests/pdfbench.py, with the same plan and cells) is
written as a web page the way government sites publish task tables — an HTML
table with rowspan for a goal, task, number, leader, units or deadline cell
spanning rows, a colspan title or goal row, a two-row header where the
document has one (``责任单位`` over ``牵头单位`` / ``配合单位``, ``进展情况`` over its
quarters), units one per line (``<br>``) in every other document, site chrome
around it — and flattened to text three ways:

* ``soffice``: ``soffice --headless --convert-to txt:Text`` of the .html (one
  paragraph per line: a cell per line, an empty line for an empty cell or one
  covered by a rowspan, nothing for one covered by a colspan);
* ``scraper``: a scraper's ``get_text('\\n')`` (the standard library's
  html.parser: every text node on its own line, whitespace-only nodes dropped,
  script and style left out, as BeautifulSoup does);
* ``browser``: a browser's copy of the title and the table (a tab between
  cells, a newline per row, a cell holding a line break quoted ``"…"``, a
  merged cell present only in its first row).

The texts are committed as fixtures (tests/fixtures/htmltext/<doc>.<tool>.txt,
sources in index.json) so tests/test_htmlbench.py is fast and deterministic.
Re-run with

    .venv/bin/python tests/htmlbench.py [--keep DIR]

(needs LibreOffice; ``--keep`` leaves the .html files in DIR for a look).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from layouts import GCell, Grid, html_rows  # noqa: E402
from pdfbench import LEAD_IN, _title, annotated_spec, bench_name, build_grid, plan_columns, table_documents  # noqa: E402

OUT = HERE / "fixtures" / "htmltext"
TOOLS = ("soffice", "scraper", "browser")

_UNIT_KINDS = ("units", "lead", "resp", "assist")


# ------------------------------------------------------------------ the header as the document has it
_SUB = re.compile(r"^(.+?)\s*[（(]([^（）()]+/[^（）()]+)[）)]$")


def header_levels(labels: list[str]) -> tuple[list[str], list[tuple[str, int]] | None]:
    """(leaf labels, top row) of the document's header. A ``<`` label extends the label on its
    left over one more column (a units parent splits by role: 牵头… / 配合…); ``X(a/b)`` is X over
    a and b. The top row is None for a one-row header, else (label, columns spanned) per group
    (a group of one is a label spanning both rows)."""
    groups: list[tuple[str, list[str]]] = []
    for label in labels:
        if label == "<" and groups:
            groups[-1][1].append("")
            continue
        m = _SUB.match(label)
        if m:
            groups.append((m.group(1).strip(), [s.strip() for s in m.group(2).split("/")]))
        else:
            groups.append((label, [label]))
    leaves: list[str] = []
    top: list[tuple[str, int]] = []
    for parent, subs in groups:
        if len(subs) > 1 and "" in subs:  # parent spanning columns by `<`: split by role
            head = next((h for h in ("单位", "單位", "部门", "部門", "科室") if parent.endswith(h)), "单位")
            subs = [("牵头" if i == 0 else "配合") + head for i in range(len(subs))]
        leaves += subs
        top.append((parent, len(subs)))
    return leaves, (top if any(n > 1 for _, n in top) else None)


def split_list(text: str) -> list[str]:
    """A units list split at 、 outside brackets (各县（市、区） stays whole)."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "（(〔【":
            depth += 1
        elif ch in "）)〕】":
            depth -= 1
        if ch == "、" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [s for s in (*out, cur) if s]


def merge_repeats(g: Grid) -> None:
    """Merge a units or deadline cell into the one above when a task's next requirement repeats it
    (government pages merge 责任单位 and 完成时限 over a task's rows)."""
    task_cols = [c for c, k in enumerate(g.kinds) if k in ("number", "task")]
    if not task_cols:
        return
    prev: list[GCell] | None = None
    for r, row in enumerate(g.rows):
        if isinstance(row, str):
            prev = None
            continue
        if prev is not None and all(row[c].above for c in task_cols):
            for c, k in enumerate(g.kinds):
                if (k in _UNIT_KINDS or k == "deadline") and row[c].text and row[c].text == prev[c].text:
                    row[c] = GCell(row[c].text, True)
        prev = row


# ------------------------------------------------------------------ the web page
_CHROME_TOP = ("<div class=\"top\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; "
               "<a href=\"/zwgk/tzgg/\">通知公告</a></div>")
_CHROME_META = ("<div class=\"info\"><span>发布时间：2024-04-18 10:12</span> <span>来源：本网</span> "
                "<span>浏览次数：<script>document.write(1024)</script></span> "
                "<span>【字号：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a>】</span></div>")
_CHROME_BOTTOM = ("<div class=\"tools\"><a href=\"javascript:window.print()\">打印本页</a> "
                  "<a href=\"javascript:window.close()\">关闭窗口</a></div>\n"
                  "<div class=\"footer\"><p>主办单位：人民政府办公室</p><p>网站标识码：1234000012</p></div>")


def render_page(title: str, g: Grid, top: list[tuple[str, int]] | None, *, title_row: bool, chrome: bool,
                unit_lines: bool) -> str:
    """The web page: the table (rowspan for merged cells, colspan for the title, goal rows and a
    parent header) with the page around it. ``title_row``: the title is the table's first row
    (else a heading above it); ``chrome``: breadcrumb, publication line, print links and footer;
    ``unit_lines``: a units list one name per line."""
    ncol = len(g.kinds)
    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\">", f"<title>{html.escape(title)}</title>",
           "<style>table{border-collapse:collapse} td,th{border:1px solid #000}</style></head><body>"]
    if chrome:
        out.append(_CHROME_TOP)
    if not title_row:
        out.append(f"<h1>{html.escape(title)}</h1>")
    if chrome:
        out.append(_CHROME_META)
    out.append(f"<p>{html.escape(LEAD_IN)}</p>")
    out.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\">")
    if title_row:
        out.append(f"<tr><td colspan=\"{ncol}\" align=\"center\"><b>{html.escape(title)}</b></td></tr>")
    if top is None:
        out.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in g.header) + "</tr>")
    else:
        first, second, c = [], [], 0
        for label, n in top:
            if n == 1:
                first.append(f"<th rowspan=\"2\">{html.escape(label)}</th>")
            else:
                first.append(f"<th colspan=\"{n}\">{html.escape(label)}</th>")
                second += [f"<th>{html.escape(h)}</th>" for h in g.header[c:c + n]]
            c += n
        out.append("<tr>" + "".join(first) + "</tr>")
        out.append("<tr>" + "".join(second) + "</tr>")
    def cell_html(c: int, cell: GCell) -> str:
        if unit_lines and g.kinds[c] in ("lead", "resp", "assist"):
            return "<br>".join(html.escape(u) for u in split_list(cell.text))
        return html.escape(cell.text)

    out += html_rows(g, cell_html)
    out.append("</table>")
    if chrome:
        out.append(_CHROME_BOTTOM)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ the three flattenings
class _Nodes(HTMLParser):
    """Text nodes in document order (script and style left out), as a scraper sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.nodes.append(data)


def scraper_text(page: str) -> str:
    """``get_text('\\n')`` of the page: one text node per line, whitespace-only nodes dropped."""
    p = _Nodes()
    p.feed(page)
    p.close()
    return "\n".join(n for n in p.nodes if n.strip()) + "\n"


class _Copy(HTMLParser):
    """A browser's copy of the title and the table: rows of cells (covered cells are not in the
    page, so a merged cell is present only in its first row), a <br> a line break in its cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")
        elif tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_h1:
            self.title += data


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if "\n" in cell else cell


def browser_text(page: str) -> str:
    """The copy as pasted into a text file: the title, then a tab between cells, a newline per row."""
    p = _Copy()
    p.feed(page)
    p.close()
    lines = [p.title.strip()] if p.title.strip() else []
    lines += ["\t".join(_quoted(c) for c in row) for row in p.rows]
    return "\n".join(lines) + "\n"


def soffice_texts(pages: list[Path], work: Path) -> dict[Path, str]:
    """``soffice --convert-to txt:Text`` of every page (one LibreOffice run)."""
    out = work / "txt"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless",
                    "--convert-to", "txt:Text", "--outdir", str(out), *map(str, pages)],
                   check=True, capture_output=True, timeout=900)
    return {p: (out / f"{p.stem}.txt").read_bytes().decode("utf-8") for p in pages}


def fixture_path(name: str, tool: str) -> Path:
    return OUT / f"{name}.{tool}.txt"


def main(argv: list[str]) -> int:
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    OUT.mkdir(parents=True, exist_ok=True)
    index = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        pages: dict[str, Path] = {}
        for k, (path, labels) in enumerate(table_documents()):
            leaves, top = header_levels(labels)
            spec = annotated_spec(path)
            kinds, header, goals = plan_columns(spec, leaves)
            g = build_grid(spec, kinds, header, goals)
            merge_repeats(g)
            name = bench_name(path)
            page = render_page(_title(path), g, top, title_row=k % 2 == 0, chrome=k % 2 == 1,
                               unit_lines=k % 4 in (1, 2))
            pages[name] = work / f"{name}.html"
            pages[name].write_text(page, encoding="utf-8")
            fixture_path(name, "scraper").write_text(scraper_text(page), encoding="utf-8")
            fixture_path(name, "browser").write_text(browser_text(page), encoding="utf-8")
            index[name] = {"source": str(path.relative_to(HERE)), "columns": kinds,
                           "header": [label for label, _ in top] if top else None}
            print(name, " ".join(kinds), file=sys.stderr)
        texts = soffice_texts(list(pages.values()), work)
        for name, page_path in pages.items():
            fixture_path(name, "soffice").write_text(texts[page_path], encoding="utf-8")
    (OUT / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
