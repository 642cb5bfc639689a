// Runs the WPS add-in's JavaScript (js/config.js + js/ribbon.js of a built
// add-in) under Node against a mocked `wps` / `Application` (WPS 表格's
// object model as the add-in uses it), with a REAL synchronous
// XMLHttpRequest: each send() does the HTTP request in a child process, so
// the add-in talks to the real xltools service over 127.0.0.1, and
// wps.OAAssist.ShellExecute(python, args) really starts that service.
//
// Usage: node harness.js SCENARIO.json  → prints a JSON record on stdout.
// Scenario keys: addin (folder), mode ("click" | "inspect"), button,
// workbook ({fullName, path, name, sheets: [names]} or null), picks
// ({"2"|"3"|"4": path}; a missing type cancels), prompt (string or null),
// confirms ([bool]), startWait (ms, overrides config), timeout (ms).
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const childProcess = require("child_process");

const scenario = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const record = {
  requests: [], alerts: [], confirms: [], prompts: [], opens: [], added: 0,
  shell: [], saves: 0, sheets: {}, formats: {}, dialogs: [], status: [],
};

// ------------------------------------------------------------ sync XHR
const CHILD = `
const http = require("http");
let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const req = JSON.parse(input);
  const u = new URL(req.url);
  const body = req.body === null ? null : Buffer.from(req.body, "utf8");
  const headers = Object.assign({}, req.headers);
  if (body) headers["Content-Length"] = body.length;
  const r = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: req.method,
                           headers }, (res) => {
    const chunks = [];
    res.on("data", (c) => chunks.push(c));
    res.on("end", () => process.stdout.write(JSON.stringify({
      status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") })));
  });
  r.on("error", () => process.stdout.write(JSON.stringify({ status: 0, text: "" })));
  if (body) r.write(body);
  r.end();
});`;

class XMLHttpRequest {
  constructor() { this.headers = {}; this.status = 0; this.responseText = ""; }
  open(method, url, async) {
    if (async !== false) throw new Error("the add-in must use synchronous XHR");
    this.method = method; this.url = url;
  }
  setRequestHeader(k, v) { this.headers[k] = v; }
  send(body) {
    const out = childProcess.execFileSync(process.execPath, ["-e", CHILD], {
      input: JSON.stringify({ method: this.method, url: this.url, headers: this.headers,
                              body: body === undefined ? null : body }),
      maxBuffer: 256 * 1024 * 1024,
    });
    const res = JSON.parse(out.toString("utf8"));
    this.status = res.status; this.responseText = res.text;
    let json = null;
    try { json = JSON.parse(res.text); } catch (e) { json = null; }
    record.requests.push({ method: this.method, url: this.url, headers: this.headers,
                           body: body ? JSON.parse(body) : null, status: res.status, json });
    if (res.status === 0) throw new Error("connection refused");
  }
}

// ----------------------------------------------------------- ET objects
function makeSheet(name) {
  const sheet = { _name: name, data: {} };
  Object.defineProperty(sheet, "Name", {
    get() { return sheet._name; },
    set(v) { sheet._name = v; },
  });
  const cell = (r, c) => ({
    set Value2(v) { sheet.data[r + "," + c] = v; },
    get Value2() { return sheet.data[r + "," + c]; },
    set NumberFormat(f) { record.formats[sheet._name + "!" + r + "," + c] = f; },
  });
  sheet.Cells = {
    ClearContents() { sheet.data = {}; },
    Item(r, c) { return cell(r, c); },
  };
  sheet.Range = (addr) => {
    if (addr !== "A1") throw new Error("unexpected range " + addr);
    return {
      Resize(rows, cols) {
        return {
          set Value2(matrix) {
            if (scenario.noArrayAssign) throw new Error("array assignment is not supported");
            if (matrix.length !== rows) throw new Error("row count");
            matrix.forEach((row, i) => {
              if (row.length !== cols) throw new Error("column count");
              row.forEach((v, j) => { sheet.data[(i + 1) + "," + (j + 1)] = v; });
            });
          },
        };
      },
    };
  };
  return sheet;
}

function makeWorkbook(spec) {
  const sheets = (spec.sheets || ["Sheet1"]).map(makeSheet);
  const wb = {
    Name: spec.name, FullName: spec.fullName, Path: spec.path,
    Save() { record.saves += 1; },
    _sheets: sheets,
  };
  wb.Worksheets = {
    get Count() { return sheets.length; },
    Item(i) {
      if (typeof i !== "number" || i < 1 || i > sheets.length) throw new Error("no sheet " + i);
      return sheets[i - 1];
    },
    Add(before, after) {
      const s = makeSheet("Sheet" + (sheets.length + 1));
      const at = after ? sheets.indexOf(after) + 1 : sheets.length;
      sheets.splice(at, 0, s);
      return s;
    },
  };
  return wb;
}

const active = scenario.workbook ? makeWorkbook(scenario.workbook) : null;
const confirms = (scenario.confirms || []).slice();

const Application = {
  ActiveWorkbook: active,
  set StatusBar(v) { record.status.push(v); },
  Workbooks: {
    Open(p) { record.opens.push(p); },
    Add() { record.added += 1; const wb = makeWorkbook({ name: "new", fullName: "new", path: "" }); Application._added = wb; return wb; },
  },
  FileDialog(type) {
    const picked = (scenario.picks || {})[String(type)];
    const dialog = {
      AllowMultiSelect: true, Title: "",
      Show() { record.dialogs.push({ type, title: dialog.Title }); return picked ? -1 : 0; },
      SelectedItems: { get Count() { return picked ? 1 : 0; }, Item(i) { return picked; } },
    };
    return dialog;
  },
};

if (scenario.inputBox !== undefined) {
  record.inputBoxes = [];
  Application.InputBox = (text, title, def) => {
    record.inputBoxes.push([text, title, def]);
    if (scenario.inputBox === "throw") throw new Error("no InputBox in this build");
    return scenario.inputBox;
  };
}

const wps = {
  FileSystem: {
    Exists(p) { return fs.existsSync(p); },
    ReadFile(p) { return fs.readFileSync(p, "utf8"); },
  },
  OAAssist: {
    ShellExecute(file, params) {
      record.shell.push([file, params]);
      const cfg = sandbox.XLTOOLS;
      if (file === cfg.python && params === cfg.serveArgs) {
        const child = childProcess.spawn(file, params.split(" "), {
          detached: true, stdio: "ignore", env: process.env,
        });
        child.on("error", () => {});
        child.unref();
      }
      return null;
    },
  },
};

const sandbox = {
  console, setTimeout, clearTimeout, JSON, Math, Date, XMLHttpRequest, Application, wps,
  alert(text) { record.alerts.push(text); },
  confirm(text) { record.confirms.push(text); return confirms.length ? confirms.shift() : true; },
  prompt(text, def) { record.prompts.push([text, def]); return scenario.prompt === undefined ? def : scenario.prompt; },
};
sandbox.window = sandbox;
vm.createContext(sandbox);
for (const name of ["js/config.js", "js/ribbon.js"]) {
  const file = path.join(scenario.addin, name);
  vm.runInContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
}
if (scenario.startWait !== undefined) sandbox.XLTOOLS.startWait = scenario.startWait;
if (scenario.python !== undefined) {
  sandbox.XLTOOLS.python = scenario.python;
  sandbox.XLTOOLS.manualCommand = '"' + scenario.python + '" ' + sandbox.XLTOOLS.serveArgs;
}

function sheetsOf(wb) {
  const out = {};
  for (const s of wb._sheets) {
    const keys = Object.keys(s.data);
    if (!keys.length) continue;
    let rows = 0; let cols = 0;
    keys.forEach((k) => { const [r, c] = k.split(",").map(Number); rows = Math.max(rows, r); cols = Math.max(cols, c); });
    const m = [];
    for (let r = 1; r <= rows; r++) {
      const row = [];
      for (let c = 1; c <= cols; c++) { const v = s.data[r + "," + c]; row.push(v === undefined || v === "" ? null : v); }
      m.push(row);
    }
    out[s._name] = m;
  }
  return out;
}

function finish() {
  if (active) record.sheets = sheetsOf(active);
  if (Application._added) record.addedSheets = sheetsOf(Application._added);
  process.stdout.write(JSON.stringify(record));
}

if (scenario.mode === "inspect") {
  record.types = {};
  for (const name of scenario.names) record.types[name] = typeof sandbox[name];
  record.images = {};
  for (const id of scenario.ids || []) record.images[id] = sandbox.GetImage({ Id: id });
  record.load = sandbox.OnAddinLoad({ ribbon: true });
  process.stdout.write(JSON.stringify(record));
} else {
  sandbox.OnAddinLoad({ ribbon: true });
  record.returned = sandbox.OnAction({ Id: scenario.button });
  const started = Date.now();
  const wait = () => {
    if (!sandbox.XltoolsBusy()) { finish(); return; }
    if (Date.now() - started > (scenario.timeout || 120000)) {
      record.timedOut = true; finish(); return;
    }
    setTimeout(wait, 50);
  };
  wait();
}
