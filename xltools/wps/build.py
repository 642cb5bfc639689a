"""Write the WPS add-in (WPS 加载项) folder: ribbon.xml, index.html, main.js,
js/ribbon.js, js/config.js and the button icons.

* ``ribbon.xml`` is made from ``macros/customUI.xml`` — the Excel ribbon — so
  both show the same tab, groups, buttons, labels and tips. It starts with
  ``<customUI`` (WPS' validator rejects an XML declaration), every button has
  ``onAction="OnAction"`` and ``getImage="GetImage"`` and plain ``visible``/
  ``enabled`` attributes (no ``getVisible="true"``, which names no callback).
* ``index.html``, ``main.js`` and ``js/ribbon.js`` are static files of this
  package (``addin/``): ES5, synchronous ribbon callbacks, no task pane.
* ``js/config.js`` carries what differs per machine and everything in Chinese:
  the Python that starts the service, the service's state file, the button
  table (``BUTTONS``: which action, what to ask for) and the texts of
  ``labels.WPS_JS_TEXT``. It is ASCII (``\\u`` escapes), so WPS may read it in
  any code page. ``xltools wps install`` rewrites it for the installing user.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

import defusedxml.ElementTree as ET

from xltools import __version__
from xltools import labels as L
from xltools.errors import InputError
from xltools.excel.macros import CUSTOMUI_FILE, CUSTOMUI_NS, default_macros_dir
from xltools.wps.bridge import ACTIONS

ADDIN_NAME = "xltools"
STATIC_DIR = Path(__file__).resolve().parent / "addin"
STATIC_FILES = ("index.html", "main.js", "js/ribbon.js")
CONFIG_FILE = "js/config.js"
SERVE_ARGS = "-m xltools wps serve"
START_WAIT_MS = 20000


@dataclass(frozen=True)
class WpsButton:
    action: str  # key of bridge.ACTIONS
    input: str | None = None  # what the JS asks first: file | folder | saveas | deadline
    workbook: str = "required"  # required | optional | none (see js/ribbon.js)
    icon: str = "xltools"

    @property
    def arg(self) -> str | None:
        args = ACTIONS[self.action].args
        return args[0] if args else None


# Button id in macros/customUI.xml → what the WPS button does.
BUTTONS: dict[str, WpsButton] = {
    "xltoolsImport": WpsButton("import_original", "file", "optional", "import"),
    "xltoolsCheck": WpsButton("check", icon="check"),
    "xltoolsLetters": WpsButton("letters", icon="letters"),
    "xltoolsSplit": WpsButton("split", icon="split"),
    "xltoolsRollup": WpsButton("rollup", "folder", icon="rollup"),
    "xltoolsReport": WpsButton("report", icon="report"),
    "xltoolsRemind": WpsButton("remind", "deadline", icon="remind"),
    "xltoolsExport": WpsButton("export_original", "saveas", icon="export"),
    "xltoolsHelp": WpsButton("show_help", workbook="none", icon="help"),
}

# 32×32 icons: a coloured tile with a white pictogram (no text: fonts differ).
_ICON_SHAPES = {
    "import": ("#2f6db5", "M16 5v14M10 13l6 6 6-6M7 23v4h18v-4"),
    "check": ("#2e8b57", "M8 16l6 6 10-12"),
    "letters": ("#b5652f", "M6 9h20v14H6zM6 9l10 8 10-8"),
    "split": ("#6a4fb5", "M7 6h10v14H7zM15 12h10v14H15z"),
    "rollup": ("#1f8a8a", "M23 7H9l8 9-8 9h14"),
    "report": ("#b53a3a", "M8 25V15M14 25V9M20 25V13M26 25V6M6 26h22"),
    "remind": ("#c08a12",
               "M16 6a7 7 0 0 0-7 7v6l-3 3h20l-3-3v-6a7 7 0 0 0-7-7zM13 25a3 3 0 0 0 6 0"),
    "export": ("#3a7d2f", "M16 27V13M10 19l6-6 6 6M7 9V5h18v4"),
    "help": ("#55606e", "M12 12a4 4 0 1 1 6 3.5c-1.5 1-2 2-2 3.5M16 23v2"),
    "xltools": ("#55606e", "M9 9h14v14H9z"),
}


def icon_svg(name: str) -> str:
    color, path = _ICON_SHAPES[name]
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">'
            f'<rect x="1" y="1" width="30" height="30" rx="5" fill="{color}"/>'
            f'<path d="{path}" fill="none" stroke="#fff" stroke-width="2.4" '
            'stroke-linecap="round" stroke-linejoin="round"/></svg>\n')


def ribbon_xml(customui: str) -> str:
    """The WPS ribbon for the Excel ``customUI`` document (same tab, groups, buttons)."""
    ns = {"c": CUSTOMUI_NS}
    root = ET.fromstring(customui.encode("utf-8"))
    tab = root.find(".//c:tab", ns)
    if tab is None:
        raise InputError(L.WPS_BAD_RIBBON.format(detail="customUI.xml has no <tab>"))
    lines = [f'<customUI xmlns="{CUSTOMUI_NS}" onLoad="OnAddinLoad">',
             '  <ribbon startFromScratch="false">', "    <tabs>",
             f'      <tab id={quoteattr(tab.get("id", ""))} '
             f'label={quoteattr(tab.get("label", ""))}>']
    seen = []
    for group in tab.findall("c:group", ns):
        lines.append(f'        <group id={quoteattr(group.get("id", ""))} '
                     f'label={quoteattr(group.get("label", ""))}>')
        for b in group.findall("c:button", ns):
            bid = b.get("id", "")
            if bid not in BUTTONS:
                raise InputError(L.WPS_BAD_RIBBON.format(
                    detail=f"button {bid} of customUI.xml has no WPS action"))
            seen.append(bid)
            attrs = [f"id={quoteattr(bid)}", f"label={quoteattr(b.get('label', ''))}",
                     f"size={quoteattr(b.get('size', 'large'))}"]
            for key in ("screentip", "supertip"):
                if b.get(key):
                    attrs.append(f"{key}={quoteattr(b.get(key, ''))}")
            attrs += ['onAction="OnAction"', 'getImage="GetImage"', 'enabled="true"',
                      'visible="true"']
            lines.append("          <button " + " ".join(attrs) + "/>")
        lines.append("        </group>")
    lines += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>"]
    missing = sorted(set(BUTTONS) - set(seen))
    if missing:
        raise InputError(L.WPS_BAD_RIBBON.format(
            detail=f"WPS buttons {', '.join(missing)} are not in customUI.xml"))
    return "\n".join(lines) + "\n"


def interpreter() -> str:
    """The Python that starts the service: this one (pythonw.exe on Windows: no console)."""
    exe = Path(sys.executable)
    if os.name == "nt" and exe.with_name("pythonw.exe").is_file():
        return str(exe.with_name("pythonw.exe"))
    return str(exe)


def config_js(labels: dict[str, str], *, python: str | None = None,
              state_file: str | os.PathLike[str] | None = None) -> str:
    """``js/config.js``: ``var XLTOOLS = {…}`` (ASCII JSON) for this machine."""
    from xltools.wps.service import state_path

    python = python or interpreter()
    data = {
        "version": __version__,
        "python": python,
        "serveArgs": SERVE_ARGS,
        "manualCommand": f'"{python}" {SERVE_ARGS}',
        "stateFile": str(state_file if state_file is not None else state_path()),
        "startWait": START_WAIT_MS,
        "buttons": {bid: {"action": b.action, "input": b.input, "arg": b.arg,
                          "workbook": b.workbook, "label": labels.get(bid, bid),
                          "image": f"images/{b.icon}.svg"}
                    for bid, b in BUTTONS.items()},
        "text": dict(L.WPS_JS_TEXT),
    }
    return ("/* Written by `xltools wps build` / `xltools wps install`; do not edit. */\n"
            "var XLTOOLS = " + json.dumps(data, ensure_ascii=True, indent=1) + ";\n")


def button_labels(customui: str) -> dict[str, str]:
    root = ET.fromstring(customui.encode("utf-8"))
    return {b.get("id", ""): b.get("label", "")
            for b in root.iter(f"{{{CUSTOMUI_NS}}}button")}


def read_customui(macros_dir: str | os.PathLike[str] | None = None) -> str:
    path = Path(macros_dir or default_macros_dir()) / CUSTOMUI_FILE
    if not path.is_file():
        raise InputError(L.MSG_FILE_NOT_FOUND.format(path=path), path=str(path))
    return path.read_text(encoding="utf-8")


def write_addin(folder: Path, *, python: str | None = None,
                state_file: str | os.PathLike[str] | None = None,
                macros_dir: str | os.PathLike[str] | None = None) -> None:
    """Write every file of the add-in into ``folder`` (which must exist)."""
    customui = read_customui(macros_dir)
    (folder / "js").mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir(exist_ok=True)
    (folder / "ribbon.xml").write_text(ribbon_xml(customui), encoding="utf-8", newline="\n")
    for name in STATIC_FILES:
        shutil.copyfile(STATIC_DIR / name, folder / name)
    (folder / CONFIG_FILE).write_text(
        config_js(button_labels(customui), python=python, state_file=state_file),
        encoding="ascii", newline="\n")
    for name in _ICON_SHAPES:
        (folder / "images" / f"{name}.svg").write_text(icon_svg(name), encoding="ascii",
                                                       newline="\n")


def build_addin(output: str | os.PathLike[str], *, force: bool = False,
                python: str | None = None, state_file: str | os.PathLike[str] | None = None,
                macros_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write the add-in folder ``output`` (all or nothing; an existing one only with ``force``)."""
    from xltools.io.fileio import atomic_folder

    target = Path(output)
    if target.exists() and not force:
        from xltools.errors import OutputError

        raise OutputError(L.MSG_FILE_EXISTS.format(path=target), path=str(target))
    with atomic_folder(target, force=force) as batch:
        write_addin(batch.staging, python=python, state_file=state_file, macros_dir=macros_dir)
    return target
