"""Install, remove and check the WPS add-in for the current user (no admin rights).

* The add-in folder goes into WPS' per-user ``jsaddons`` folder as
  ``xltools_<version>`` (WPS finds a local add-in by ``name_version``):
  ``%APPDATA%\\kingsoft\\wps\\jsaddons`` on Windows,
  ``~/.local/share/Kingsoft/wps/jsaddons`` on Linux (统信UOS, 麒麟);
  ``jsaddons=`` overrides it (tests, unusual set-ups).
* One ``<jsplugin name="xltools" …/>`` line is added to ``publish.xml`` in that
  folder. The file is edited as text: other add-ins' entries, comments, line
  ends and encoding are left byte for byte, and install + uninstall gives the
  original bytes back. A ``publish.xml`` that is not well-formed XML with a
  ``<jsplugins>`` root is never written (``WPS_BAD_PUBLISH``).
* ``js/config.js`` of the installed copy is rewritten for this user: this
  Python, this user's service state file.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import sys
import tempfile
from pathlib import Path

import defusedxml.ElementTree as ET

from xltools import __version__
from xltools import labels as L
from xltools.errors import DependencyError, InputError, OutputError
from xltools.wps.build import ADDIN_NAME, CONFIG_FILE, STATIC_FILES, write_addin

PUBLISH = "publish.xml"
# The URL WPS-Zotero's installer uses for an add-in that lives in jsaddons as
# name_version: WPS loads the local folder; the URL only names the entry.
ADDIN_URL = "http://127.0.0.1:3889/"
REQUIRED_FILES = ("ribbon.xml", *STATIC_FILES)

_ENTRY_RE = re.compile(r"<jsplugin\b[^<>]*?/>", re.S)


def jsaddons_dir(system: str | None = None, home: str | os.PathLike[str] | None = None) -> Path:
    """WPS' per-user add-in folder on this system."""
    name = system or platform.system()
    base = Path(home) if home is not None else Path.home()
    if name == "Windows":
        appdata = Path(os.environ["APPDATA"]) if home is None and "APPDATA" in os.environ \
            else base / "AppData" / "Roaming"
        return appdata / "kingsoft" / "wps" / "jsaddons"
    if name == "Linux":
        return base / ".local" / "share" / "Kingsoft" / "wps" / "jsaddons"
    raise DependencyError(L.WPS_NO_JSADDONS.format(system=name))


def _target_dir(jsaddons: Path) -> Path:
    return jsaddons / f"{ADDIN_NAME}_{__version__}"


def entry_line() -> str:
    return (f'<jsplugin name="{ADDIN_NAME}" type="et" url="{ADDIN_URL}" '
            f'version="{__version__}" enable="enable_dev" install="null"/>')


# --------------------------------------------------------------- publish.xml
def _decode(path: Path, raw: bytes) -> tuple[str, bool]:
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8-sig"), bom
    except UnicodeDecodeError:
        raise OutputError(L.WPS_BAD_PUBLISH.format(path=path, detail="not UTF-8"),
                          path=str(path)) from None


def _check(path: Path, text: str) -> None:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except Exception as exc:  # noqa: BLE001 - ParseError or defusedxml's refusals
        raise OutputError(L.WPS_BAD_PUBLISH.format(path=path, detail=str(exc)),
                          path=str(path)) from None
    if root.tag != "jsplugins":
        raise OutputError(L.WPS_BAD_PUBLISH.format(path=path, detail=f"root <{root.tag}>"),
                          path=str(path))


def _ours(element: str) -> bool:
    try:
        return ET.fromstring(element).get("name") == ADDIN_NAME
    except Exception:  # noqa: BLE001 - not a single element: not ours
        return False


def remove_entries(text: str) -> str:
    """``text`` without xltools' ``<jsplugin>`` elements (with their own line when alone on it)."""
    out, pos = [], 0
    for m in _ENTRY_RE.finditer(text):
        if not _ours(m.group(0)):
            continue
        start, end = m.start(), m.end()
        line_start = text.rfind("\n", 0, start) + 1
        eol = "\r\n" if text.startswith("\r\n", end) else "\n" if text.startswith("\n", end) else ""
        if eol and not text[line_start:start].strip():
            start, end = line_start, end + len(eol)
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def add_entry(text: str) -> str:
    """``text`` with xltools' entry as the last child of ``<jsplugins>``."""
    eol = "\r\n" if "\r\n" in text else "\n"
    close = text.rfind("</jsplugins>")
    if close < 0:  # <jsplugins/>
        m = re.search(r"<jsplugins\b[^<>]*/>", text)
        assert m is not None  # _check saw a <jsplugins> root
        opening = m.group(0)[:-2].rstrip() + ">"
        return (text[:m.start()] + opening + eol + "  " + entry_line() + eol + "</jsplugins>"
                + text[m.end():])
    line_start = text.rfind("\n", 0, close) + 1
    if not text[line_start:close].strip():
        return text[:line_start] + "  " + entry_line() + eol + text[line_start:]
    return text[:close] + entry_line() + text[close:]


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".publish-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def register(jsaddons: Path) -> Path:
    """Add (or renew) xltools' entry in ``publish.xml``; return its path."""
    path = jsaddons / PUBLISH
    if path.exists():
        raw = path.read_bytes()
        text, bom = _decode(path, raw)
        _check(path, text)
    else:
        text, bom = '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n', False
    new = add_entry(remove_entries(text))
    _check(path, new)
    _write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8"))
    return path


def unregister(jsaddons: Path) -> bool:
    """Remove xltools' entries from ``publish.xml``; whether there were any."""
    path = jsaddons / PUBLISH
    if not path.exists():
        return False
    text, bom = _decode(path, path.read_bytes())
    _check(path, text)
    new = remove_entries(text)
    if new == text:
        return False
    _check(path, new)
    _write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8"))
    return True


def registered_versions(jsaddons: Path) -> list[str]:
    """Versions of xltools' entries in ``publish.xml`` (empty when none or unreadable)."""
    path = jsaddons / PUBLISH
    try:
        text = path.read_bytes().decode("utf-8-sig")
        _check(path, text)
    except (OSError, UnicodeDecodeError, OutputError):
        return []
    return [ET.fromstring(m.group(0)).get("version", "") for m in _ENTRY_RE.finditer(text)
            if _ours(m.group(0))]


# ------------------------------------------------------------ install etc.
def _installed_folders(jsaddons: Path) -> list[Path]:
    if not jsaddons.is_dir():
        return []
    return sorted(p for p in jsaddons.iterdir()
                  if p.is_dir() and p.name.startswith(f"{ADDIN_NAME}_")
                  and (p / CONFIG_FILE).is_file())


def install(source: str | os.PathLike[str] | None = None, *,
            jsaddons: str | os.PathLike[str] | None = None,
            python: str | None = None, state_file: str | os.PathLike[str] | None = None,
            system: str | None = None) -> list[str]:
    """Copy the add-in into jsaddons and register it; return report lines.

    ``source`` is a folder written by ``xltools wps build`` (copied, its
    config rewritten for this user); without it the add-in is built in place.
    """
    folder = Path(jsaddons) if jsaddons is not None else jsaddons_dir(system)
    if source is not None:
        src = Path(source)
        for name in REQUIRED_FILES:
            if not (src / name).is_file():
                raise InputError(L.WPS_NOT_ADDIN.format(path=src, name=name), path=str(src))
    if (folder / PUBLISH).exists():  # refuse before touching anything
        _check(folder / PUBLISH, _decode(folder / PUBLISH, (folder / PUBLISH).read_bytes())[0])
    target = _target_dir(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".~xltools-", dir=folder))
        try:
            if source is not None:
                shutil.copytree(Path(source), staging, dirs_exist_ok=True)
            write_addin(staging, python=python, state_file=state_file)
            for old in _installed_folders(folder):  # older versions, or this one again
                shutil.rmtree(old)
            os.replace(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        publish = register(folder)
    except OSError as exc:
        from xltools.io.fileio import environment_error

        raise environment_error(exc, target) from exc
    return [L.WPS_INSTALLED.format(path=target, publish=publish)]


def uninstall(*, jsaddons: str | os.PathLike[str] | None = None,
              state_file: str | os.PathLike[str] | None = None,
              system: str | None = None) -> list[str]:
    """Remove the add-in folder(s) and the publish.xml entry; stop the service."""
    from xltools.wps.service import stop_running

    folder = Path(jsaddons) if jsaddons is not None else jsaddons_dir(system)
    lines = []
    if stop_running(state_file):
        lines.append(L.WPS_SERVICE_STOPPED)
    found = _installed_folders(folder)
    for old in found:
        shutil.rmtree(old)
        lines.append(L.WPS_UNINSTALLED.format(path=old))
    if unregister(folder):
        lines.append(L.WPS_UNREGISTERED.format(publish=folder / PUBLISH))
    if not found and len(lines) == 0:
        lines.append(L.WPS_NOTHING_TO_REMOVE.format(path=_target_dir(folder)))
    return lines


def _config_python(config: Path) -> str | None:
    m = re.search(r'"python":\s*("(?:[^"\\]|\\.)*")', config.read_text(encoding="ascii",
                                                                       errors="replace"))
    if not m:
        return None
    import json

    return json.loads(m.group(1))


def _wps_found(system: str) -> str | None:
    """Where a WPS installation was seen (a hint only: WPS may live elsewhere)."""
    candidates = []
    if system == "Linux":
        for exe in ("et", "wps", "wpsoffice"):
            hit = shutil.which(exe)
            if hit:
                return hit
        candidates = [Path("/opt/kingsoft/wps-office"), Path("/usr/lib/office6")]
    elif system == "Windows":
        for var in ("LOCALAPPDATA", "ProgramFiles", "ProgramFiles(x86)"):
            base = os.environ.get(var)
            if base:
                candidates += [Path(base) / "Kingsoft" / "WPS Office"]
    for c in candidates:
        if c.exists():
            return str(c)
    return None


def doctor(*, jsaddons: str | os.PathLike[str] | None = None,
           state_file: str | os.PathLike[str] | None = None,
           system: str | None = None) -> list[str]:
    """What is installed, what answers, and what to check in WPS (English, for support).

    ``[ok]`` fine, ``[!!]`` a problem (the CLI exits 1), ``[..]`` for information
    or something only a person can check in WPS.
    """
    from xltools.wps.service import ping, read_state, state_path

    name = system or platform.system()
    lines = [f"xltools {__version__}, Python {sys.version.split()[0]} at {sys.executable}"]
    folder = Path(jsaddons) if jsaddons is not None else jsaddons_dir(name)
    wps = _wps_found(name)
    lines.append(f"[..] WPS found at {wps}" if wps else
                 "[..] no WPS installation found in the usual places (it may live elsewhere)")
    lines.append(f"[{'ok' if folder.is_dir() else '!!'}] jsaddons folder {folder}"
                 + ("" if folder.is_dir() else ": run WPS once, then xltools wps install"))
    installed = _installed_folders(folder)
    current = _target_dir(folder)
    if current in installed:
        lines.append(f"[ok] add-in {current}")
        py = _config_python(current / CONFIG_FILE)
        good = bool(py) and Path(py).is_file()
        lines.append(f"[{'ok' if good else '!!'}] service Python {py} (js/config.js)"
                     + ("" if good else ": run xltools wps install again"))
    else:
        other = ", ".join(p.name for p in installed) or "none"
        lines.append(f"[!!] add-in {current.name} not installed (found: {other}): "
                     "run xltools wps install")
    publish = folder / PUBLISH
    try:
        if publish.exists():
            _check(publish, _decode(publish, publish.read_bytes())[0])
        versions = registered_versions(folder)
        ok = versions == [__version__]
        lines.append(f"[{'ok' if ok else '!!'}] {publish}: xltools entry "
                     f"{', '.join(versions) or 'missing'}"
                     + ("" if ok else ": run xltools wps install"))
    except OutputError as exc:
        lines.append(f"[!!] {exc}")
    state = Path(state_file) if state_file is not None else state_path()
    answer = ping(state)
    if answer:
        pid = (read_state(state) or {}).get("pid")
        lines.append(f"[ok] service running (pid {pid}, version {answer.get('version')}), "
                     f"state file {state}")
    else:
        lines.append(f"[..] service not running (state file {state}); the first button "
                     "click starts it, or run: xltools wps serve")
    lines += [L.WPS_DOCTOR_CHECK_TAB, L.WPS_DOCTOR_CHECK_VERSION]
    return lines
