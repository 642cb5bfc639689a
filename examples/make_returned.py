"""Generate the bundled example returns in examples/returned/.

What units really send back, from the demo's plan (taonan-2019 + the demo
settings): the progress files written by `xltools split`, filled in by a few
units with the usual accidents:

* on time, as sent (市住建局); on time with a request for more time (市发改局);
* renamed by the e-mail client, "(2)", its 按职能 rows left empty (市司法局);
* saved as .xls (市财政局, converted with LibreOffice);
* late (市教育局, 填报日期 after the deadline);
* free-text statuses, a formula-looking answer and a row the unit added (市公安局);
* returned twice, the second a correction (市审计局);
* task text edited and a column added (市人社局);
* returned blank, nothing filled in (市民政局, 市卫健局: not a report);
* half filled in (市政务服务局);
* an Office lock file ``~$…`` and a mail attachment that is no spreadsheet.

The issuing office (发文单位 洮南市人民政府办公室 = 市政府办公室) gets no sheet.
The other units stay silent: rolled up on 2019-04-20 (ten days after the
deadline) that is 8 full returns, 2 blank, 1 half and 21 units 逾期未报.

Run ``.venv/bin/python examples/make_returned.py`` after changing the
importer, the demo settings or the progress file layout. Needs LibreOffice
for the .xls. The output is deterministic apart from the file times set below.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xltools import labels as L  # noqa: E402
from xltools.demo import EXAMPLE, SETTINGS, apply_settings  # noqa: E402
from xltools.importing.importer import read_original  # noqa: E402
from xltools.progress import FILE_COLUMNS, HEADER_ROW, split  # noqa: E402
from xltools.workbook.writer import write_workbook  # noqa: E402

OUT = ROOT / "examples" / "returned"
ROUND = "2019年第一季度"

PROGRESS_TEXTS = (
    "已制定工作方案，明确责任科室和时间节点，正在按计划推进。",
    "已在政府网站开设专栏，本季度发布相关信息{n}条。",
    "已组织召开专题会议{n}次，对重点事项逐项部署。",
    "已完成政策解读材料{n}份，与政策文件同步发布。",
    "已建立工作台账，按月更新进展并向社会公开。",
    "已对接相关部门，完成信息梳理，待审核后发布。",
)
ISSUES_TEXTS = (None, None, "人员力量不足，专业解读能力有待提高。", "部分信息需上级部门审核，发布时间滞后。")
NEXT_TEXTS = ("继续按计划推进，确保按期完成。", "进一步完善工作机制，加大公开力度。",
              "加强与相关部门沟通协调，下季度完成。")


def _pick(seq: tuple, *keys: str) -> object:
    h = int(hashlib.sha256("|".join(keys).encode()).hexdigest(), 16)
    return seq[h % len(seq)]


def _answers(unit: str, req_id: str, deadline: object) -> tuple[object, ...]:
    status = _pick((L.STATUS_IN_PROGRESS,) * 3 + (L.STATUS_DONE,) * 2 + (L.STATUS_ONGOING,
                    L.STATUS_NOT_STARTED), unit, req_id, "s")
    n = int(hashlib.sha256((unit + req_id).encode()).hexdigest(), 16) % 9 + 2
    progress = str(_pick(PROGRESS_TEXTS, unit, req_id, "p")).format(n=n)
    done = dt.date(2019, 3, 1) + dt.timedelta(days=n * 3) if status == L.STATUS_DONE else None
    issues = _pick(ISSUES_TEXTS, unit, req_id, "i")
    nxt = None if status == L.STATUS_DONE else _pick(NEXT_TEXTS, unit, req_id, "n")
    return status, progress, done, issues, nxt


def _fill(src: Path, dest: Path, unit: str, filled: dt.date, *, tweak=None) -> Path:
    wb = openpyxl.load_workbook(src)
    ws = wb[L.PROGRESS_SHEET]
    col = {name: i + 1 for i, name in enumerate(FILE_COLUMNS)}
    ws["C3"] = filled  # 填报日期 (split.FILLED_DATE_CELL); 填报人 G3, 联系电话 K3
    ws["G3"] = "张伟（办公室）"
    digits = hashlib.sha256(unit.encode()).hexdigest()[:4].translate(str.maketrans("abcdef", "123456"))
    ws["K3"] = "0436-622" + digits
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        req_id = ws.cell(row=r, column=1).value
        if not req_id:
            continue
        values = _answers(unit, str(req_id), ws.cell(row=r, column=col["完成时限"]).value)
        for name, value in zip(L.PROGRESS_FILL_COLUMNS, values, strict=True):
            cell = ws.cell(row=r, column=col[name], value=value)
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    if tweak:
        tweak(ws, col)
    dest.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dest)
    stamp = dt.datetime.combine(filled, dt.time(16, 30)).timestamp()
    os.utime(dest, (stamp, stamp))
    return dest


def _free_text(ws, col) -> None:
    """Statuses typed by hand, an answer starting with '=' and '-', a row added below."""
    rows = [r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(row=r, column=1).value]
    typed = ("完成", "正在推进中", "未完成", "已办结")
    for r, text in zip(rows, typed, strict=False):
        ws.cell(row=r, column=col["状态"], value=text)
    if len(rows) > 4:
        ws.cell(row=rows[4], column=col["进展情况"]).value = "=已开展培训2场"
        ws.cell(row=rows[4], column=col["进展情况"]).data_type = "s"
    if len(rows) > 5:
        ws.cell(row=rows[5], column=col["进展情况"]).value = "-发布信息12条；-回应关切3次"
    last = ws.max_row + 1
    ws.cell(row=last, column=col["具体要求"], value="（本单位补充）开展“政务公开日”活动")
    ws.cell(row=last, column=col["状态"], value="已完成")
    ws.cell(row=last, column=col["进展情况"], value="5月15日在市政务服务中心开展活动。")


def _edited(ws, col) -> None:
    """Task text edited in one row; a 备注 column added."""
    r = HEADER_ROW + 1
    ws.cell(row=r, column=col["完成时限"], value="2019年6月底前")
    extra = len(FILE_COLUMNS) + 1
    ws.cell(row=HEADER_ROW, column=extra, value="备注")
    ws.cell(row=r, column=extra, value="时限经分管领导同意调整")


def _extension(ws, col) -> None:
    """The unit asks for more time on its first requirement."""
    r = HEADER_ROW + 1
    ws.cell(row=r, column=col[L.PCOL_EXTEND_TO], value=dt.date(2019, 9, 30)).number_format = "yyyy-mm-dd"
    ws.cell(row=r, column=col[L.PCOL_EXTEND_REASON], value="需等待省级平台升级后统一对接。")


def _blank(ws, col) -> None:
    """Sent back as received: the answers are wiped again (only 填报日期 is kept)."""
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        for name in L.PROGRESS_FILL_COLUMNS:
            ws.cell(row=r, column=col[name]).value = None
    for ref in ("G3", "K3"):
        ws[ref] = None


def _half(ws, col) -> None:
    """Only the first half of the rows filled in."""
    rows = [r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(row=r, column=1).value]
    for r in rows[len(rows) // 2:]:
        for name in L.PROGRESS_FILL_COLUMNS:
            ws.cell(row=r, column=col[name]).value = None


def _functional_empty(ws, col) -> None:
    """The unit answers its own requirements but leaves the 按职能 rows empty."""
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=r, column=col["角色"]).value == L.ROLE_FUNCTIONAL:
            for name in L.PROGRESS_FILL_COLUMNS:
                ws.cell(row=r, column=col[name]).value = None


def _first_draft(ws, col) -> None:
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=r, column=1).value:
            ws.cell(row=r, column=col["状态"], value=L.STATUS_NOT_STARTED)
            ws.cell(row=r, column=col["进展情况"], value="正在研究")


def _to_xls(src: Path, dest: Path, stamp: dt.date) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed to write the .xls sample")
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as profile:
        copy = Path(tmp) / (dest.stem + ".xlsx")
        shutil.copy(src, copy)
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "xls", "--outdir", tmp, str(copy)], check=True,
                       capture_output=True, timeout=180)
        shutil.move(Path(tmp) / (dest.stem + ".xls"), dest)
    ts = dt.datetime.combine(stamp, dt.time(9, 0)).timestamp()
    os.utime(dest, (ts, ts))


def main() -> None:
    import json

    plan = apply_settings(read_original(EXAMPLE), json.loads(SETTINGS.read_text(encoding="utf-8")))
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        wb = Path(tmp) / "wb.xlsx"
        write_workbook(plan, wb)
        sent = split(wb, Path(tmp) / "sent", round_label=ROUND,
                     now=dt.datetime(2019, 3, 25, 9, 0)).files
        d = dt.date
        _fill(sent["市住建局"], OUT / sent["市住建局"].name, "市住建局", d(2019, 4, 8))
        _fill(sent["市发改局"], OUT / sent["市发改局"].name, "市发改局", d(2019, 4, 9),
              tweak=_extension)
        _fill(sent["市民政局"], OUT / sent["市民政局"].name, "市民政局", d(2019, 4, 10), tweak=_blank)
        _fill(sent["市卫健局"], OUT / "市卫健局进度表.xlsx", "市卫健局", d(2019, 4, 12), tweak=_blank)
        _fill(sent["市政务服务局"], OUT / sent["市政务服务局"].name, "市政务服务局", d(2019, 4, 10),
              tweak=_half)
        _fill(sent["市司法局"], OUT / "进度反馈表-市司法局(2).xlsx", "市司法局", d(2019, 4, 9),
              tweak=_functional_empty)
        fin = _fill(sent["市财政局"], Path(tmp) / "财政局.xlsx", "市财政局", d(2019, 4, 10))
        _to_xls(fin, OUT / "财政局2019一季度进度.xls", d(2019, 4, 10))
        _fill(sent["市教育局"], OUT / sent["市教育局"].name, "市教育局", d(2019, 4, 16))
        _fill(sent["市公安局"], OUT / "公安局反馈.xlsx", "市公安局", d(2019, 4, 9), tweak=_free_text)
        _fill(sent["市审计局"], OUT / sent["市审计局"].name, "市审计局", d(2019, 4, 3),
              tweak=_first_draft)
        _fill(sent["市审计局"], OUT / "进度反馈表-市审计局（修改版）.xlsx", "市审计局", d(2019, 4, 9))
        _fill(sent["市人社局"], OUT / sent["市人社局"].name, "市人社局", d(2019, 4, 10), tweak=_edited)
    # An Office owner ("lock") file: 162 bytes, the user name twice (ANSI, then UTF-16).
    user = "zhangwei"
    lock = bytes([len(user)]) + user.encode("ascii").ljust(53, b" ") + bytes([len(user), 0])
    lock += user.encode("utf-16-le")
    (OUT / "~$进度反馈表-市住建局.xlsx").write_bytes(lock.ljust(162, b"\x00"))
    (OUT / "ATT00001.htm").write_text("<html><body>此邮件由手机客户端发送</body></html>",
                                      encoding="utf-8")
    for p in sorted(OUT.iterdir()):
        print(p.name)


if __name__ == "__main__":
    main()
