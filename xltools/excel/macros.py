"""The VBA side as data: where macros/XlTools.bas and macros/customUI.xml live,
what they declare, and the Python mirror of the VBA ``PyStr`` quoting.

The builder uses these to refuse an add-in whose buttons are not wired
(every ``onAction`` must name a ribbon Sub of the module).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as ET

from xltools import labels as L
from xltools.errors import InputError

MODULE_NAME = "XlTools"
BAS_FILE = "XlTools.bas"
CUSTOMUI_FILE = "customUI.xml"
CUSTOMUI_NS = "http://schemas.microsoft.com/office/2006/01/customui"

# Characters PyStr passes through unchanged (besides ASCII letters and digits).
SAFE_PUNCTUATION = " _.,:/()+=@~-"

_SUB_RE = re.compile(r"^\s*(?:Public\s+|Private\s+)?Sub\s+(\w+)\s*\(([^)]*)\)", re.I | re.M)
_VERSION_RE = re.compile(r'^\s*Public\s+Const\s+XLTOOLS_VERSION\s+As\s+String\s*=\s*"([^"]*)"',
                         re.I | re.M)


def default_macros_dir() -> Path:
    """``macros/`` of the source checkout (next to the ``xltools`` package)."""
    env = os.environ.get("XLTOOLS_MACROS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "macros"


def read_sources(macros_dir: str | os.PathLike[str] | None = None) -> tuple[str, str]:
    """(VBA module source with CRLF line ends, customUI XML) from ``macros_dir``."""
    folder = Path(macros_dir) if macros_dir is not None else default_macros_dir()
    bas, xml = folder / BAS_FILE, folder / CUSTOMUI_FILE
    for p in (bas, xml):
        if not p.is_file():
            raise InputError(L.MSG_FILE_NOT_FOUND.format(path=p), path=str(p))
    source = bas.read_text(encoding="ascii")
    return to_crlf(source), xml.read_text(encoding="utf-8")


def to_crlf(text: str) -> str:
    """VBA stores module text with CRLF line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def subs(source: str) -> dict[str, str]:
    """Sub name → its parameter list (as written) for every Sub in ``source``."""
    return {m.group(1): m.group(2).strip() for m in _SUB_RE.finditer(source)}


def macro_version(source: str) -> str | None:
    """The ``XLTOOLS_VERSION`` constant the module carries."""
    m = _VERSION_RE.search(source)
    return m.group(1) if m else None


@dataclass(frozen=True)
class RibbonButton:
    id: str
    label: str
    on_action: str

    @property
    def sub(self) -> str:
        """The Sub name ``on_action`` refers to (``Module.Sub`` or ``Sub``)."""
        return self.on_action.rsplit(".", 1)[-1]

    @property
    def module(self) -> str | None:
        return self.on_action.rsplit(".", 1)[0] if "." in self.on_action else None


def ribbon(customui: str) -> tuple[str, list[RibbonButton]]:
    """(tab label, buttons in order) of a customUI document."""
    root = ET.fromstring(customui.encode("utf-8"))
    ns = {"c": CUSTOMUI_NS}
    tab = root.find(".//c:tab", ns)
    if tab is None:
        raise InputError(L.XL_BAD_MACROS.format(detail="customUI.xml has no <tab>"))
    buttons = [RibbonButton(b.get("id", ""), b.get("label", ""), b.get("onAction", ""))
               for b in tab.iter(f"{{{CUSTOMUI_NS}}}button")]
    return tab.get("label", ""), buttons


def wiring_problems(source: str, customui: str, module: str = MODULE_NAME) -> list[str]:
    """What is wrong between the ribbon and the module (empty when every button is wired)."""
    problems = []
    declared = subs(source)
    _, buttons = ribbon(customui)
    if not buttons:
        problems.append("customUI.xml has no buttons")
    for b in buttons:
        if b.module not in (None, module):
            problems.append(f"button {b.id}: onAction {b.on_action!r} names module "
                            f"{b.module!r}, not {module!r}")
        params = declared.get(b.sub)
        if params is None:
            problems.append(f"button {b.id}: no Sub {b.sub} in {BAS_FILE}")
        elif not re.fullmatch(r"(ByRef\s+|ByVal\s+)?\w+\s+As\s+IRibbonControl", params, re.I):
            problems.append(f"button {b.id}: Sub {b.sub}({params}) is not a ribbon callback")
    if not re.search(rf'^Attribute VB_Name = "{module}"', source, re.M):
        problems.append(f'{BAS_FILE} must start with Attribute VB_Name = "{module}"')
    if any(ord(ch) > 127 for ch in source):
        problems.append(f"{BAS_FILE} must be ASCII (VBA stores modules in a code page)")
    return problems


def py_literal(text: str) -> str:
    """Python mirror of the VBA ``PyStr``: a single-quoted Python literal of
    ``text`` made only of letters, digits, ``SAFE_PUNCTUATION`` and escapes."""
    out = ["'"]
    units = text.encode("utf-16-le", "surrogatepass")
    codes = [int.from_bytes(units[i:i + 2], "little") for i in range(0, len(units), 2)]
    i, n = 0, len(codes)
    while i < n:
        c = codes[i]
        ch = chr(c)
        if ch.isascii() and (ch.isalnum() or ch in SAFE_PUNCTUATION):
            out.append(ch)
        elif c < 256:
            out.append(f"\\x{c:02x}")
        elif 0xD800 <= c <= 0xDBFF and i + 1 < n and 0xDC00 <= codes[i + 1] <= 0xDFFF:
            out.append(f"\\U{0x10000 + (c - 0xD800) * 0x400 + (codes[i + 1] - 0xDC00):08x}")
            i += 1
        else:
            out.append(f"\\u{c:04x}")
        i += 1
    out.append("'")
    return "".join(out)


def vba_text(text: str) -> str:
    """A VBA string expression for ``text`` that keeps the module ASCII: printable
    ASCII runs in quotes, every other character as ``ChrW(n)``, joined with ``&``."""
    parts: list[str] = []
    run = ""
    for ch in text:
        if 32 <= ord(ch) < 127 and ch != '"':
            run += ch
            continue
        if run:
            parts.append(f'"{run}"')
            run = ""
        parts.append(f"ChrW({ord(ch)})")
    if run or not parts:
        parts.append(f'"{run}"')
    return " & ".join(parts)
