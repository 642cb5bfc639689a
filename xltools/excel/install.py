"""Install, remove and check the add-in for the current user (Windows/macOS).

* The add-in is copied into Excel's user start-up folder (XLSTART), so Excel
  loads it on every start.
* The interpreter is written to the add-in's user config in xlwings' format
  (lines ``"KEY","VALUE"`` as VBA's ``Write #`` makes them), at the path the
  add-in's xlwings module reads for ``PROJECT_NAME = "xltools"``:
  ``%USERPROFILE%\\.xltools\\xltools.conf`` on Windows,
  ``~/Library/Containers/com.microsoft.Excel/Data/xltools.conf`` on macOS.
* On any other system these raise a clear error: Excel is needed.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import shutil
import sys
from pathlib import Path

from xltools import __version__
from xltools import labels as L
from xltools.errors import DependencyError, InputError, OutputError
from xltools.excel.build import CONFIG_NAME
from xltools.excel.macros import MODULE_NAME, macro_version

ADDIN_NAME = "xltools.xlam"
PINNED_XLWINGS = "0.37.8"


def _system(system: str | None) -> str:
    name = system or platform.system()
    if name not in ("Windows", "Darwin"):
        raise DependencyError(L.XL_LINUX.format(system=name))
    return name


def _home(home: str | os.PathLike[str] | None) -> Path:
    return Path(home) if home is not None else Path.home()


def startup_dir(system: str | None = None, home: str | os.PathLike[str] | None = None) -> Path:
    """Excel's user start-up folder."""
    name, base = _system(system), _home(home)
    if name == "Windows":
        appdata = Path(os.environ["APPDATA"]) if home is None and "APPDATA" in os.environ \
            else base / "AppData" / "Roaming"
        return appdata / "Microsoft" / "Excel" / "XLSTART"
    return (base / "Library" / "Group Containers" / "UBF8T346G9.Office" / "User Content.localized"
            / "Startup.localized" / "Excel")


def config_path(system: str | None = None, home: str | os.PathLike[str] | None = None) -> Path:
    """The add-in's user config file (xlwings' GetConfigFilePath for PROJECT_NAME xltools)."""
    name, base = _system(system), _home(home)
    if name == "Windows":
        return base / f".{CONFIG_NAME}" / f"{CONFIG_NAME}.conf"
    return base / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / f"{CONFIG_NAME}.conf"


def read_config(path: Path) -> dict[str, str]:
    """Parse a config written by VBA ``Write #`` (``"KEY","VALUE"`` per line)."""
    out: dict[str, str] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines():
        if line.startswith('"') and '","' in line and line.endswith('"'):
            key, value = line[1:-1].split('","', 1)
            out[key] = value
    return out


def write_config(path: Path, values: dict[str, str]) -> None:
    """Merge ``values`` into the config at ``path`` (other keys are kept)."""
    merged = read_config(path)
    merged.update(values)
    for k, v in merged.items():
        if '"' in k or '"' in v:
            raise InputError(f'config value must not contain a double quote: {k}={v}')
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f'"{k}","{v}"\r\n' for k, v in merged.items())
    path.write_bytes(text.encode(sys.getfilesystemencoding() if os.name == "nt" else "utf-8"))


def interpreter(system: str) -> str:
    """The Python to run: this one (pythonw.exe on Windows, so no console window flashes)."""
    exe = Path(sys.executable)
    if system == "Windows":
        windowed = exe.with_name("pythonw.exe")
        if windowed.is_file():
            return str(windowed)
    return str(exe)


def install(addin: str | os.PathLike[str] = ADDIN_NAME, *, copy_addin: bool = True,
            system: str | None = None, home: str | os.PathLike[str] | None = None) -> list[str]:
    """Copy the add-in into XLSTART and write the interpreter config; return report lines."""
    name = _system(system)
    lines = []
    if copy_addin:
        src = Path(addin)
        if not src.is_file():
            raise InputError(L.XL_NO_ADDIN.format(path=src), path=str(src))
        target = startup_dir(name, home) / ADDIN_NAME
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
        except PermissionError as exc:
            raise OutputError(L.XL_EXCEL_RUNNING.format(path=target, reason=exc)) from exc
    else:
        target = None
    cfg = config_path(name, home)
    key = "INTERPRETER_WIN" if name == "Windows" else "INTERPRETER_MAC"
    write_config(cfg, {key: interpreter(name)})
    lines.append(L.XL_INSTALLED.format(path=target or "-", config=cfg))
    return lines


def uninstall(*, system: str | None = None, home: str | os.PathLike[str] | None = None) -> list[str]:
    """Remove the add-in from XLSTART (the config is kept)."""
    target = startup_dir(system, home) / ADDIN_NAME
    if not target.exists():
        return [L.XL_NOTHING_TO_REMOVE.format(path=target)]
    try:
        target.unlink()
    except PermissionError as exc:
        raise OutputError(L.XL_EXCEL_RUNNING.format(path=target, reason=exc)) from exc
    return [L.XL_UNINSTALLED.format(path=target)]


def addin_version(path: str | os.PathLike[str]) -> str | None:
    """The XLTOOLS_VERSION an add-in (or control workbook) carries."""
    from pyopenvba import ExcelFile

    with ExcelFile(path) as wb:
        return macro_version(wb.get_module(MODULE_NAME))


def doctor(*, system: str | None = None, home: str | os.PathLike[str] | None = None) -> list[str]:
    """What is installed and whether versions agree (English, for support)."""
    lines = [f"xltools {__version__}, Python {sys.version.split()[0]} at {sys.executable}"]
    try:
        xlw = importlib.metadata.version("xlwings")
    except importlib.metadata.PackageNotFoundError:
        xlw = None
    ok = xlw == PINNED_XLWINGS
    lines.append(f"[{'ok' if ok else '!!'}] xlwings {xlw} (pinned {PINNED_XLWINGS})")
    name = _system(system)
    target = startup_dir(name, home) / ADDIN_NAME
    if target.is_file():
        version = addin_version(target)
        lines.append(f"[{'ok' if version == __version__ else '!!'}] add-in {target} "
                     f"version {version}")
    else:
        lines.append(f"[!!] add-in not installed at {target}: run xltools excel install")
    cfg = read_config(config_path(name, home))
    key = "INTERPRETER_WIN" if name == "Windows" else "INTERPRETER_MAC"
    interp = cfg.get(key)
    good = bool(interp) and Path(interp).is_file()
    lines.append(f"[{'ok' if good else '!!'}] {key} = {interp} in {config_path(name, home)}")
    return lines
