"""The WPS add-in (issue 21): ribbon and JS as WPS needs them, the loopback
service (token, loopback only, CORS, same results as the CLI), the JS under
Node against a mocked WPS talking to the real service, install/uninstall."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import defusedxml.ElementTree as ET
import openpyxl
import pytest

from conftest import ROOT, TAONAN
from test_excel_entry import docx_text, same_files, serials, sheets
from xltools import __version__
from xltools import labels as L
from xltools.cli import main
from xltools.excel.macros import CUSTOMUI_NS, ribbon
from xltools.wps import build, install
from xltools.wps.bridge import ACTIONS
from xltools.wps.service import (TOKEN_HEADER, LoopbackOnly, Service, check_loopback,
                                 read_state, stop_running)

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed (CI has Node 20)")
HARNESS = Path(__file__).parent / "wps" / "harness.js"
CUSTOMUI = (ROOT / "macros" / "customUI.xml").read_text(encoding="utf-8")


# ------------------------------------------------------------------ helpers
@pytest.fixture
def home(tmp_path, monkeypatch):
    """A private XLTOOLS_HOME; any service started there is stopped afterwards."""
    folder = tmp_path / "home"
    monkeypatch.setenv("XLTOOLS_HOME", str(folder))
    yield folder
    stop_running(folder / "wps-service.json")


@pytest.fixture
def addin(tmp_path, home):
    return build.build_addin(tmp_path / "addin", state_file=home / "wps-service.json")


@pytest.fixture
def wb(tmp_path):
    out = tmp_path / "work" / "wb.xlsx"
    out.parent.mkdir()
    assert main(["import", str(TAONAN), "-o", str(out)]) == 0
    return out


def request(service: Service, method: str, path: str, body: object = None, *,
            token: str | None = "ok", headers: dict | None = None) -> tuple[int, dict, dict]:
    conn = http.client.HTTPConnection(service.host, service.port, timeout=120)
    h = dict(headers or {})
    if token is not None:
        h[TOKEN_HEADER] = service.token if token == "ok" else token
    data = json.dumps(body).encode() if body is not None else None
    if data is not None:
        h["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=h)
    resp = conn.getresponse()
    raw = resp.read()
    conn.close()
    return resp.status, (json.loads(raw) if raw else {}), dict(resp.getheaders())


def run(service: Service, action: str, workbook: Path | None = None, answers=(), **args) -> dict:
    """POST /run, answering questions with ``answers`` (then "yes")."""
    answers = list(answers)
    status, event, _ = request(service, "POST", "/run", {
        "action": action, "workbook": str(workbook) if workbook else "",
        "name": workbook.name if workbook else "", "args": args, "addin": __version__})
    assert status == 200, event
    while event["state"] == "question":
        status, event, _ = request(service, "POST", "/answer", {
            "job": event["job"], "answer": answers.pop(0) if answers else True})
        assert status == 200, event
    return event


def cells(rows: list[list]) -> list[tuple]:
    """JSON sheet rows back to comparable values (dates as Excel serials)."""
    return [tuple(v["serial"] if isinstance(v, dict) else v for v in r) for r in rows]


def trimmed(rows) -> list[tuple]:
    out = [tuple(r) for r in rows]
    out = [r for r in out if any(v not in (None, "") for v in r)]
    width = max((max((i + 1 for i, v in enumerate(r) if v not in (None, "")), default=0)
                 for r in out), default=0)
    return [tuple(None if v == "" else v for v in r[:width]) + (None,) * (width - len(r[:width]))
            for r in out]


def only_folder(parent: Path, kind: str) -> Path:
    found = [p for p in parent.iterdir() if p.is_dir() and f"_{kind}_" in p.name]
    assert len(found) == 1, found
    return found[0]


def returned_copies(sent: Path, returned: Path) -> Path:
    """Three units answer (status filled in), the rest are silent."""
    returned.mkdir()
    for f in sorted(sent.iterdir())[:3]:
        book = openpyxl.load_workbook(f)
        ws = book[L.PROGRESS_SHEET]
        for r in range(6, ws.max_row + 1):
            ws.cell(row=r, column=7, value=L.STATUS_IN_PROGRESS)
        book.save(returned / f.name)
    return returned


# ------------------------------------------------------------ ribbon + JS
def test_ribbon_xml_is_the_excel_ribbon_for_wps(addin):
    text = (addin / "ribbon.xml").read_text(encoding="utf-8")
    assert text.startswith("<customUI") and "<?xml" not in text
    assert "getVisible" not in text and "imageMso" not in text
    root = ET.fromstring(text.encode("utf-8"))
    assert root.get("onLoad") == "OnAddinLoad"
    tab_label, excel_buttons = ribbon(CUSTOMUI)
    wps_label, wps_buttons = ribbon(text)
    assert wps_label == tab_label == L.XL_TAB
    assert [(b.id, b.label) for b in wps_buttons] == [(b.id, b.label) for b in excel_buttons]
    assert [b.label for b in wps_buttons] == [
        L.XL_BTN_IMPORT, L.XL_BTN_CHECK, L.XL_BTN_LETTERS, L.XL_BTN_SPLIT, L.XL_BTN_ROLLUP,
        L.XL_BTN_REPORT, L.XL_BTN_REMIND, L.XL_BTN_EXPORT, L.XL_BTN_HELP]
    for b in root.iter(f"{{{CUSTOMUI_NS}}}button"):
        assert b.get("onAction") == "OnAction" and b.get("getImage") == "GetImage"
        assert b.get("visible") == "true"
    # Every button names an action of the service, with the argument the service needs.
    for bid, button in build.BUTTONS.items():
        spec = ACTIONS[button.action]
        assert button.arg == (spec.args[0] if spec.args else None)
        assert (button.input is None) == (not spec.args)
        assert (button.workbook == "required") == spec.workbook


def test_ribbon_refuses_a_button_without_wps_action():
    broken = CUSTOMUI.replace('id="xltoolsHelp"', 'id="xltoolsNew"')
    with pytest.raises(Exception, match="xltoolsNew"):
        build.ribbon_xml(broken)


def _code(js: str) -> str:
    """JS without comments and string literals (what the ES5 check looks at)."""
    out, i, n = [], 0, len(js)
    while i < n:
        c = js[i]
        if js.startswith("//", i):
            i = js.find("\n", i) if js.find("\n", i) >= 0 else n
        elif js.startswith("/*", i):
            i = js.index("*/", i) + 2
        elif c in "\"'":
            j = i + 1
            while js[j] != c:
                j += 2 if js[j] == "\\" else 1
            out.append('""')
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def test_js_is_es5_and_ascii(addin):
    forbidden = [r"\blet\b", r"\bconst\b", r"=>", r"`", r"\basync\b", r"\bawait\b", r"\bclass\b",
                 r"\bPromise\b", r"\bfetch\b", r"randomUUID", r"\.\.\.", r"\bimport\b",
                 r"\bexport\b", r"\?\?", r"\?\.", r"\bCreateTaskPane\b"]
    for name in ("main.js", "js/ribbon.js", "js/config.js"):
        raw = (addin / name).read_text(encoding="utf-8")
        assert raw.isascii(), name
        code = _code(raw)
        for pattern in forbidden:
            assert not re.search(pattern, code), (name, pattern)
    html = (addin / "index.html").read_text(encoding="utf-8")
    assert 'src="main.js"' in html and "file:" not in html
    # The literal stripper itself works (so the check above can fail).
    assert re.search(r"=>", _code("var f = (a) => a; // x => y"))
    assert not re.search(r"\blet\b", _code('var s = "let x"; /* let */'))


def test_config_carries_labels_and_state_file(addin, home):
    text = (addin / "js" / "config.js").read_text(encoding="ascii")
    data = json.loads(text[text.index("{"):text.rindex("}") + 1])
    assert data["version"] == __version__ and data["stateFile"] == str(home / "wps-service.json")
    assert data["python"] == sys.executable and data["serveArgs"] == "-m xltools wps serve"
    assert data["text"] == L.WPS_JS_TEXT
    assert {b: v["label"] for b, v in data["buttons"].items()} == {
        b.id: b.label for b in ribbon(CUSTOMUI)[1]}
    for button in data["buttons"].values():
        assert (addin / button["image"]).is_file()
        ET.fromstring((addin / button["image"]).read_bytes())  # well-formed SVG


def test_build_never_overwrites_without_force(addin, capsys):
    (addin / "mine.txt").write_text("x")
    with pytest.raises(Exception, match=re.escape(str(addin))):
        build.build_addin(addin)
    assert main(["wps", "build", "-o", str(addin)]) == 1
    assert str(addin) in capsys.readouterr().err
    assert main(["wps", "build", "-o", str(addin), "--force"]) == 0
    assert (addin / "ribbon.xml").is_file() and (addin / "mine.txt").is_file()


def test_an_older_addin_warns_in_wps_words(wb, home):
    service = Service(idle_timeout=60).start()
    try:
        status, event, _ = request(service, "POST", "/run", {
            "action": "show_help", "addin": "0.0.1"})
    finally:
        service.stop()
    assert event["messages"][0] == {"text": L.WPS_VERSION_MISMATCH.format(
        addin="0.0.1", python=__version__), "error": False}
    assert "xltools wps install" in event["messages"][0]["text"]
    assert event["messages"][1]["text"] == L.XL_HELP.format(version=__version__)


# ----------------------------------------------------------------- service
@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "::1", "127.0.0.2",
                                  "localhost", "example.org", ""])
def test_service_refuses_non_loopback(host, home):
    with pytest.raises(LoopbackOnly, match="127.0.0.1"):
        Service(host)
    assert not (home / "wps-service.json").exists()


def test_serve_command_refuses_non_loopback(home, capsys):
    assert main(["wps", "serve", "--host", "0.0.0.0"]) == 1
    assert "127.0.0.1" in capsys.readouterr().err
    assert check_loopback("127.0.0.1") == "127.0.0.1"


def test_token_host_and_cors(home):
    service = Service(idle_timeout=60).start()
    try:
        state_file = home / "wps-service.json"
        state = read_state(state_file)
        assert state and state["port"] == service.port and state["token"] == service.token
        assert service.host == "127.0.0.1" and state["pid"] == os.getpid()
        if os.name != "nt":
            assert state_file.stat().st_mode & 0o777 == 0o600
        assert request(service, "GET", "/ping")[:2] == (200, {
            "app": "xltools", "version": __version__, "pid": os.getpid()})
        for token in (None, "", "wrong", service.token[:-1]):
            status, body, _ = request(service, "GET", "/ping", token=token)
            assert status == 403 and body["error"] == L.WPS_BAD_TOKEN
            status, body, _ = request(service, "POST", "/run", {"action": "show_help"},
                                      token=token)
            assert status == 403
        status, body, _ = request(service, "GET", "/ping", headers={"Host": "evil.example:80"})
        assert status == 403 and body["error"] == L.WPS_BAD_HOST
        # The preflight carries no token; it says which headers may come.
        status, _, headers = request(service, "OPTIONS", "/run", token=None, headers={
            "Origin": "null", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-xltools-token",
            "Access-Control-Request-Private-Network": "true"})
        assert status == 204
        assert headers["Access-Control-Allow-Origin"] == "*"
        assert TOKEN_HEADER in headers["Access-Control-Allow-Headers"]
        assert "POST" in headers["Access-Control-Allow-Methods"]
        assert headers["Access-Control-Allow-Private-Network"] == "true"
        assert request(service, "GET", "/ping")[2]["Access-Control-Allow-Origin"] == "*"
        assert request(service, "POST", "/nowhere", {})[0] == 404
        assert request(service, "POST", "/answer", {"job": "none"})[0] == 404
        event = run(service, "no_such_action")
        assert event["messages"] == [{"text": L.WPS_UNKNOWN_ACTION.format(action="no_such_action"),
                                      "error": True}]
        conn = http.client.HTTPConnection(service.host, service.port)
        conn.request("POST", "/run", body=b"x" * 10, headers={
            TOKEN_HEADER: service.token, "Content-Length": str(2 << 20)})
        assert conn.getresponse().status == 413
        conn.close()
    finally:
        service.stop()
    assert not (home / "wps-service.json").exists()


def test_service_exits_when_idle_and_keeps_its_state_file_private(home):
    import time

    service = Service(idle_timeout=0.3).start()
    state_file = home / "wps-service.json"
    assert read_state(state_file)["token"] == service.token
    deadline = time.monotonic() + 10
    while state_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not state_file.exists()
    service._thread.join(timeout=5)
    assert not service._thread.is_alive()
    # A newer service's file is not removed by an older one stopping.
    old = Service(idle_timeout=0).start()
    new = Service(idle_timeout=0).start()
    old.stop()
    assert read_state(state_file)["token"] == new.token
    new.stop()
    assert not state_file.exists()


def test_service_runs_each_entry_like_the_cli(wb, tmp_path, home):
    service = Service(idle_timeout=120).start()
    try:
        # 校验
        event = run(service, "check", wb)
        assert main(["check", str(wb)]) == 0
        # 生成通知书 / 拆分进度表: the dated folder beside the workbook, shown to the user.
        event = run(service, "letters", wb)
        folder = only_folder(wb.parent, L.XL_KIND_LETTERS)
        assert event["result"] == str(folder) and not event["open"]
        assert event["reveal"] == str(folder) + os.sep
        assert main(["letters", str(wb), "-o", str(tmp_path / "cli-letters")]) == 0
        same_files(folder, tmp_path / "cli-letters")
        event = run(service, "split", wb)
        sent = only_folder(wb.parent, L.XL_KIND_SPLIT)
        assert main(["split", str(wb), "-o", str(tmp_path / "cli-split")]) == 0
        same_files(sent, tmp_path / "cli-split")
        # 汇总进度: the sheets come back to be written into the open workbook.
        returned = returned_copies(sent, tmp_path / "returned")
        event = run(service, "rollup", wb, folder=str(returned))
        assert not event["messages"][-1]["error"], event["messages"]
        cli_rollup = tmp_path / "cli-rollup.xlsx"
        assert main(["rollup", str(wb), str(returned), "-o", str(cli_rollup)]) == 0
        theirs = sheets(cli_rollup)
        ours = {s["name"]: cells(s["rows"]) for s in event["sheets"]}
        assert set(ours) <= set(theirs) and ours
        for name, rows in ours.items():
            assert trimmed(rows) == trimmed(serials(theirs[name])), name
        # WPS writes them and saves; 生成通报 / 生成催办通知 then read them from the file.
        book = openpyxl.load_workbook(wb)
        for s in event["sheets"]:
            ws = book.create_sheet(s["name"])
            for r in s["rows"]:
                ws.append([dt.date.fromisoformat(v["date"][:10]) if isinstance(v, dict) else v
                           for v in r])
        book.save(wb)
        event = run(service, "report", wb)
        report = Path(event["result"])
        assert event["reveal"] == str(report) and report.suffix == ".docx"
        assert main(["report", str(cli_rollup), "-o", str(tmp_path / "cli" / L.REPORT_FILE)]) == 0
        assert docx_text(report) == docx_text(tmp_path / "cli" / L.REPORT_FILE)
        event = run(service, "remind", wb, deadline="2019-04-26")
        assert main(["remind", str(cli_rollup), "-o", str(tmp_path / "cli-remind"),
                     "--deadline", "2019-04-26"]) == 0
        same_files(Path(event["result"]), tmp_path / "cli-remind")
        # 导出原表格式: .xlsx is opened in WPS, .docx shown.
        target = tmp_path / "原表.xlsx"
        event = run(service, "export_original", wb, path=str(target))
        assert event["open"] == [str(target)] and event["reveal"] is None
        assert main(["export", str(wb), "-o", str(tmp_path / "cli.xlsx")]) == 0
        assert sheets(target) == sheets(tmp_path / "cli.xlsx")
        stamp = target.stat().st_mtime_ns
        event = run(service, "export_original", wb, answers=[False], path=str(target))
        assert event["messages"][-1]["text"] == L.XL_CANCELLED and event["result"] is None
        assert target.stat().st_mtime_ns == stamp
        # 导入原表 into a workbook with data: asked; "no" → only the new file, opened.
        src = tmp_path / "orig" / "taonan.txt"
        src.parent.mkdir()
        shutil.copy(TAONAN, src)
        event = run(service, "import_original", wb, answers=[False], path=str(src))
        made = src.with_name(L.XL_IMPORTED_FILE.format(stem="taonan"))
        assert event["open"] == [str(made)] and not event["sheets"]
        assert main(["import", str(src), "-o", str(tmp_path / "cli-import.xlsx")]) == 0
        assert sheets(made) == sheets(tmp_path / "cli-import.xlsx")
        # … into an unsaved, empty workbook: the sheets come back to be written into it.
        event = run(service, "import_original", None, path=str(src))
        assert [s["name"] for s in event["sheets"]] == list(sheets(made))
        assert not event["open"]
        # 帮助 needs no workbook.
        event = run(service, "show_help")
        assert event["messages"] == [{"text": L.XL_HELP.format(version=__version__),
                                      "error": False}]
        # Mistakes the user can fix come back as messages.
        assert run(service, "letters")["messages"][0]["text"] == L.WPS_SAVE_FIRST
        et = wb.with_suffix(".et")
        et.write_bytes(b"x")
        assert run(service, "letters", et)["messages"][0]["text"] == L.WPS_NOT_XLSX.format(path=et)
        assert run(service, "rollup", wb)["messages"][0]["error"]
    finally:
        service.stop()


def test_wps_service_messages_equal_the_cli_check(wb, home, capsys):
    service = Service(idle_timeout=60).start()
    try:
        event = run(service, "check", wb)
    finally:
        service.stop()
    assert main(["check", str(wb)]) == 0
    assert event["messages"] == [{"text": capsys.readouterr().out.strip(), "error": False}]


# --------------------------------------------------------- JS under Node
def click(tmp_path: Path, addin: Path, button: str, workbook: Path | dict | None, **kw) -> dict:
    if isinstance(workbook, Path):
        spec = {"fullName": str(workbook), "path": str(workbook.parent), "name": workbook.name,
                "sheets": openpyxl.load_workbook(workbook, read_only=True).sheetnames}
    else:
        spec = workbook
    scenario = {"addin": str(addin), "button": button, "workbook": spec, **kw}
    path = tmp_path / f"scenario-{button}.json"
    path.write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([NODE, str(HARNESS), str(path)], capture_output=True, check=True,
                         timeout=300, env=os.environ.copy())
    record = json.loads(out.stdout.decode("utf-8"))
    assert not record.get("timedOut"), record
    assert record["returned"] is True
    return record


def runs(record: dict) -> list[dict]:
    return [r["body"] for r in record["requests"] if r["url"].endswith("/run")]


def alert(text: str) -> str:
    return f"{L.XL_TITLE}\n\n{text}"


@needs_node
def test_ribbon_callbacks_exist_in_the_js(addin, tmp_path):
    root = ET.fromstring((addin / "ribbon.xml").read_bytes())
    names = sorted({v for el in root.iter() for k, v in el.attrib.items()
                    if k in ("onLoad", "onAction", "getImage", "getEnabled", "getLabel",
                             "getVisible", "getScreentip", "getSupertip")})
    ids = [b.get("id") for b in root.iter(f"{{{CUSTOMUI_NS}}}button")]
    scenario = tmp_path / "inspect.json"
    scenario.write_text(json.dumps({"addin": str(addin), "mode": "inspect", "names": names,
                                    "ids": ids}))
    out = subprocess.run([NODE, str(HARNESS), str(scenario)], capture_output=True, check=True)
    record = json.loads(out.stdout)
    assert names == ["GetImage", "OnAction", "OnAddinLoad"]
    assert record["types"] == {n: "function" for n in names}
    assert record["load"] is True
    for bid in ids:
        assert record["images"][bid] == f"images/{build.BUTTONS[bid].icon}.svg"
        assert (addin / record["images"][bid]).is_file()


@needs_node
def test_every_button_reaches_the_service_through_the_js(addin, wb, tmp_path, home):
    """Each click: save, start the service on demand (ShellExecute), ping with
    the token, POST /run with the button's action and arguments, then show."""
    # 校验 — the first click finds no service and starts it.
    rec = click(tmp_path, addin, "xltoolsCheck", wb)
    assert rec["shell"] == [[sys.executable, "-m xltools wps serve"]]
    assert rec["saves"] == 1
    state = read_state(home / "wps-service.json")
    assert state is not None
    base = f"http://127.0.0.1:{state['port']}"
    assert [(r["method"], r["url"]) for r in rec["requests"]] == [
        ("GET", base + "/ping"), ("POST", base + "/run")]
    assert all(r["headers"][TOKEN_HEADER] == state["token"] for r in rec["requests"])
    assert runs(rec) == [{"action": "check", "workbook": str(wb), "name": wb.name, "args": {},
                          "addin": __version__}]
    assert len(rec["alerts"]) == 1 and rec["alerts"][0].startswith(alert("校验通过"))

    # 生成通知书 — the service already runs: no second start.
    rec = click(tmp_path, addin, "xltoolsLetters", wb)
    folder = only_folder(wb.parent, L.XL_KIND_LETTERS)
    assert rec["shell"] == [[str(folder) + os.sep, ""]]  # the folder is shown
    assert runs(rec)[0]["action"] == "letters"
    assert rec["alerts"] == [alert(L.XL_LETTERS_DONE.format(
        count=len(list(folder.iterdir())), folder=folder))]

    rec = click(tmp_path, addin, "xltoolsSplit", wb)
    sent = only_folder(wb.parent, L.XL_KIND_SPLIT)
    assert runs(rec)[0]["action"] == "split" and rec["shell"] == [[str(sent) + os.sep, ""]]

    # 汇总进度 — folder picker, sheets written into the open workbook, dates formatted.
    returned = returned_copies(sent, tmp_path / "returned")
    rec = click(tmp_path, addin, "xltoolsRollup", wb, picks={"4": str(returned)})
    assert [d["type"] for d in rec["dialogs"]] == [4]
    assert runs(rec)[0]["args"] == {"folder": str(returned)}
    cli_rollup = tmp_path / "cli-rollup.xlsx"
    assert main(["rollup", str(wb), str(returned), "-o", str(cli_rollup)]) == 0
    theirs = sheets(cli_rollup)
    assert rec["sheets"] and set(rec["sheets"]) <= set(theirs)
    for name, rows in rec["sheets"].items():
        assert trimmed(rows) == trimmed(serials(theirs[name])), name
    assert rec["formats"] and set(rec["formats"].values()) <= {"yyyy-mm-dd", "yyyy-mm-dd hh:mm"}
    # Simulate WPS saving them (the next click saves the workbook).
    book = openpyxl.load_workbook(wb)
    for name, rows in rec["sheets"].items():
        ws = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c, value=v)
                fmt = rec["formats"].get(f"{name}!{r},{c}")
                if fmt:
                    cell.number_format = fmt
    book.save(wb)

    # Again: the service asks, the JS confirms with the user ("no"), /answer resumes.
    rec = click(tmp_path, addin, "xltoolsRollup", wb, picks={"4": str(returned)},
                confirms=[False])
    assert len(rec["confirms"]) == 1 and L.XL_ROLLUP_ASK_REPLACE.split("：")[0] in rec["confirms"][0]
    answers = [r for r in rec["requests"] if r["url"].endswith("/answer")]
    assert len(answers) == 1 and answers[0]["body"]["answer"] is False
    assert rec["alerts"] == [alert(L.XL_CANCELLED)] and rec["sheets"] == {}  # nothing written

    # 生成通报 — the Word file is shown.
    rec = click(tmp_path, addin, "xltoolsReport", wb)
    assert runs(rec)[0]["action"] == "report"
    report = Path(rec["shell"][0][0])
    assert report.name == L.REPORT_FILE and report.is_file()

    # 生成催办通知 — the deadline is asked first (default: a week from today).
    rec = click(tmp_path, addin, "xltoolsRemind", wb, prompt="2019-04-26")
    assert rec["prompts"][0][0] == L.XL_REMIND_PROMPT
    assert rec["prompts"][0][1] == (dt.date.today() + dt.timedelta(days=7)).isoformat()
    assert runs(rec)[0]["args"] == {"deadline": "2019-04-26"}
    assert main(["remind", str(cli_rollup), "-o", str(tmp_path / "cli-remind"),
                 "--deadline", "2019-04-26"]) == 0
    same_files(Path(rec["shell"][0][0]), tmp_path / "cli-remind")

    # 导出原表格式 — save-as picker; the .xlsx is opened with Workbooks.Open.
    target = tmp_path / "原表.xlsx"
    rec = click(tmp_path, addin, "xltoolsExport", wb, picks={"2": str(target)})
    assert runs(rec)[0]["args"] == {"path": str(target)}
    assert rec["opens"] == [str(target)] and target.is_file()

    # 导入原表 — file picker; the workbook has data: asked, "no" → the new workbook opens.
    src = tmp_path / "orig" / "taonan.txt"
    src.parent.mkdir()
    shutil.copy(TAONAN, src)
    rec = click(tmp_path, addin, "xltoolsImport", wb, picks={"3": str(src)}, confirms=[False])
    made = src.with_name(L.XL_IMPORTED_FILE.format(stem="taonan"))
    assert runs(rec)[0]["args"] == {"path": str(src)} and rec["opens"] == [str(made)]
    # … into a new unsaved workbook: no save, the sheets are written into it.
    blank = {"fullName": "工作簿1", "path": "", "name": "工作簿1", "sheets": ["Sheet1"]}
    rec = click(tmp_path, addin, "xltoolsImport", blank, picks={"3": str(src)})
    assert rec["saves"] == 0 and runs(rec)[0]["workbook"] == "" and not rec["opens"]
    assert set(sheets(made)) <= set(rec["sheets"])
    assert trimmed(rec["sheets"][L.SHEET_ASSIGNMENTS]) == trimmed(
        serials(sheets(made)[L.SHEET_ASSIGNMENTS]))

    # … with no workbook open at all: a new one is made for the sheets.
    rec = click(tmp_path, addin, "xltoolsImport", None, picks={"3": str(src)})
    assert rec["added"] == 1 and L.SHEET_ASSIGNMENTS in rec["addedSheets"]

    # 帮助 — no save, no workbook needed.
    rec = click(tmp_path, addin, "xltoolsHelp", wb)
    assert rec["saves"] == 0 and runs(rec)[0]["action"] == "show_help"
    assert rec["alerts"] == [alert(L.XL_HELP.format(version=__version__))]


@needs_node
def test_js_stops_before_the_service_when_it_must(addin, wb, tmp_path, home):
    # No workbook open.
    rec = click(tmp_path, addin, "xltoolsLetters", None)
    assert rec["alerts"] == [alert(L.WPS_JS_TEXT["no_workbook"])] and not rec["requests"]
    # Never saved.
    unsaved = {"fullName": "工作簿1", "path": "", "name": "工作簿1", "sheets": ["Sheet1"]}
    rec = click(tmp_path, addin, "xltoolsSplit", unsaved)
    assert rec["alerts"] == [alert(L.WPS_JS_TEXT["save_first"].format(button=L.XL_BTN_SPLIT))]
    # An unsaved workbook that already holds task data is not overwritten by an import.
    rec = click(tmp_path, addin, "xltoolsImport", {**unsaved, "sheets": [L.SHEET_ASSIGNMENTS]},
                picks={"3": str(TAONAN)})
    assert rec["alerts"] == [alert(L.WPS_JS_TEXT["save_first"].format(button=L.XL_BTN_IMPORT))]
    # A WPS-format workbook.
    et = {"fullName": str(wb.with_suffix(".et")), "path": str(wb.parent), "name": "wb.et",
          "sheets": [L.SHEET_ASSIGNMENTS]}
    rec = click(tmp_path, addin, "xltoolsCheck", et)
    assert rec["alerts"] == [alert(L.WPS_JS_TEXT["not_xlsx"].format(ext="et"))]
    # Cancelled pickers and prompts: nothing happens, nothing is saved.
    for button in ("xltoolsImport", "xltoolsRollup", "xltoolsExport"):
        rec = click(tmp_path, addin, button, wb)
        assert rec["dialogs"] and not rec["alerts"] and rec["saves"] == 0
    rec = click(tmp_path, addin, "xltoolsRemind", wb, prompt=None)
    assert rec["saves"] == 0 and not rec["alerts"]
    # WPS' InputBox is used when there is one (False = cancel); if it fails, prompt().
    rec = click(tmp_path, addin, "xltoolsRemind", wb, inputBox=False, prompt="2019-05-01")
    assert rec["inputBoxes"] == [[L.XL_REMIND_PROMPT, L.XL_BTN_REMIND,
                                  (dt.date.today() + dt.timedelta(days=7)).isoformat()]]
    assert not rec["prompts"] and rec["saves"] == 0
    rec = click(tmp_path, addin, "xltoolsRemind", wb, inputBox="throw", prompt=None)
    assert len(rec["inputBoxes"]) == 1 and len(rec["prompts"]) == 1 and rec["saves"] == 0
    assert not (home / "wps-service.json").exists()  # none of these started the service
    # The service does not come up: after the wait, the command to run by hand.
    rec = click(tmp_path, addin, "xltoolsCheck", wb, startWait=300, python="/nonexistent/python")
    assert rec["shell"] == [["/nonexistent/python", "-m xltools wps serve"]]
    assert rec["alerts"] == [alert(L.WPS_JS_TEXT["start_failed"].format(
        command='"/nonexistent/python" -m xltools wps serve'))]


@needs_node
def test_sheets_are_written_cell_by_cell_where_arrays_are_refused(addin, tmp_path, home):
    src = tmp_path / "orig" / "taonan.txt"
    src.parent.mkdir()
    shutil.copy(TAONAN, src)
    blank = {"fullName": "工作簿1", "path": "", "name": "工作簿1", "sheets": ["Sheet1"]}
    rec = click(tmp_path, addin, "xltoolsImport", blank, picks={"3": str(src)},
                noArrayAssign=True)
    made = src.with_name(L.XL_IMPORTED_FILE.format(stem="taonan"))
    expected = sheets(made)
    assert set(expected) <= set(rec["sheets"])
    for name, rows in expected.items():
        assert trimmed(rec["sheets"][name]) == trimmed(serials(rows)), name


@needs_node
def test_a_process_posing_as_the_service_cannot_make_wps_run_programs(addin, wb, tmp_path, home):
    """Say the state file is stale and another local process answers on its port
    (it would also have to guess the pid): the add-in still only opens workbooks
    and shows folders (trailing separator) or Word files."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    evil = tmp_path / "evil.sh"

    class Fake(BaseHTTPRequestHandler):
        def log_message(self, *args):  # noqa: ANN002
            pass

        def _send(self, data: dict) -> None:
            raw = json.dumps(data).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self) -> None:  # noqa: N802
            self._send({"app": "xltools", "pid": 4242})

        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            self._send({"state": "done", "messages": [], "sheets": [], "result": None,
                        "open": [str(evil), str(tmp_path / "x.exe"), str(tmp_path / "ok.xlsx")],
                        "reveal": str(evil)})

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Fake)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        home.mkdir(parents=True, exist_ok=True)
        (home / "wps-service.json").write_text(json.dumps(
            {"port": httpd.server_address[1], "token": "t", "pid": 4242}))
        rec = click(tmp_path, addin, "xltoolsLetters", wb)
        assert runs(rec)  # it did talk to the impostor …
        assert rec["shell"] == [] and rec["opens"] == [str(tmp_path / "ok.xlsx")]  # … harmlessly
    finally:
        httpd.shutdown()
        httpd.server_close()


# ---------------------------------------------------------- install etc.
OTHER_PUBLISH = (
    '<?xml version="1.0" encoding="UTF-8"?>\r\n'
    "<jsplugins>\r\n"
    '\t<jsplugin url="http://127.0.0.1:3889/" type="wps" enable="enable_dev" install="null" '
    'version="1.2.0" name="wps-zotero"/>\r\n'
    "  <!-- 本单位 OA 助手 -->\r\n"
    '  <jsplugin name="oa" type="et" url="https://oa.example.gov.cn/wps/" version="3.1" '
    'enable="enable" install="null"/>\r\n'
    "</jsplugins>\r\n").encode("utf-8")


@pytest.mark.parametrize("original", [
    OTHER_PUBLISH,
    b"\xef\xbb\xbf" + OTHER_PUBLISH.replace(b"\r\n", b"\n"),
    b'<jsplugins><jsplugin name="a" type="et" url="http://a/" version="1"/></jsplugins>',
    b"<jsplugins/>",
])
def test_install_uninstall_round_trip_keeps_other_addins(original, tmp_path, home):
    js = tmp_path / "jsaddons"
    js.mkdir()
    (js / "publish.xml").write_bytes(original)
    (js / "wps-zotero_1.2.0").mkdir()
    lines = install.install(jsaddons=js)
    target = js / f"xltools_{__version__}"
    assert str(target) in lines[0]
    assert (target / "ribbon.xml").is_file() and (target / "js" / "ribbon.js").is_file()
    config = (target / "js" / "config.js").read_text(encoding="ascii")
    assert json.dumps(str(home / "wps-service.json")) in config
    text = (js / "publish.xml").read_bytes().decode("utf-8-sig")
    root = ET.fromstring(text.encode())
    entries = {e.get("name"): e.attrib for e in root.iter("jsplugin")}
    assert entries["xltools"] == {"name": "xltools", "type": "et", "url": install.ADDIN_URL,
                                  "version": __version__, "enable": "enable_dev",
                                  "install": "null"}
    before = {k: v for k, v in entries.items() if k != "xltools"}
    assert before == {e.get("name"): e.attrib
                      for e in ET.fromstring(original.decode("utf-8-sig").encode())
                      .iter("jsplugin")}
    # Installing again renews the one entry.
    install.install(jsaddons=js)
    assert install.registered_versions(js) == [__version__]
    assert main(["wps", "doctor", "--jsaddons", str(js)]) == 0
    install.uninstall(jsaddons=js)
    if original == b"<jsplugins/>":  # no other add-in: an empty list again (now written open)
        assert (js / "publish.xml").read_bytes() == b"<jsplugins>\n</jsplugins>"
    else:
        assert (js / "publish.xml").read_bytes() == original
    assert not target.exists() and (js / "wps-zotero_1.2.0").is_dir()
    assert install.uninstall(jsaddons=js) == [L.WPS_NOTHING_TO_REMOVE.format(path=target)]


def test_install_refuses_malformed_publish_xml(tmp_path, home):
    js = tmp_path / "jsaddons"
    js.mkdir()
    for bad in (b'<jsplugins><jsplugin name="a"</jsplugins>', b"<websites></websites>",
                b"\xff\xfe<jsplugins/>"):
        (js / "publish.xml").write_bytes(bad)
        with pytest.raises(Exception) as info:
            install.install(jsaddons=js)
        assert "publish.xml" in str(info.value)
        assert (js / "publish.xml").read_bytes() == bad
        assert not (js / f"xltools_{__version__}").exists()
        assert main(["wps", "install", "--jsaddons", str(js)]) == 1


def test_install_creates_publish_xml_and_copies_a_built_folder(addin, tmp_path, home):
    js = tmp_path / "new" / "jsaddons"
    assert main(["wps", "install", str(addin), "--jsaddons", str(js)]) == 0
    assert install.registered_versions(js) == [__version__]
    ET.fromstring((js / "publish.xml").read_bytes())
    assert main(["wps", "install", str(tmp_path), "--jsaddons", str(js)]) == 1  # not an add-in
    assert main(["wps", "uninstall", "--jsaddons", str(js)]) == 0
    assert install.registered_versions(js) == []


def test_doctor_reports_what_is_missing(tmp_path, home, capsys):
    js = tmp_path / "jsaddons"
    assert main(["wps", "doctor", "--jsaddons", str(js)]) == 1
    out = capsys.readouterr().out
    assert "[!!] jsaddons folder" in out and "not installed" in out
    assert "宏安全性" in out and "service not running" in out


def test_default_jsaddons_folders(tmp_path, monkeypatch):
    monkeypatch.delenv("APPDATA", raising=False)
    assert install.jsaddons_dir("Linux", tmp_path) == (
        tmp_path / ".local" / "share" / "Kingsoft" / "wps" / "jsaddons")
    assert install.jsaddons_dir("Windows", tmp_path) == (
        tmp_path / "AppData" / "Roaming" / "kingsoft" / "wps" / "jsaddons")
    with pytest.raises(Exception, match="Darwin"):
        install.jsaddons_dir("Darwin", tmp_path)
