"""The 通报's one chart as an image: each unit's 完成率 (sorted, highest first)
with the 序时进度 as a line, drawn with matplotlib (no display needed).

Chinese unit names need a CJK font: the first of ``labels.CHART_FONTS`` that
is installed is used (SimHei / Microsoft YaHei on Windows, PingFang on macOS,
Noto CJK / WenQuanYi on Linux).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from xltools import labels as L
from xltools.errors import DependencyError

BAR_COLOURS = {L.MARK_RED: "#E06666", L.MARK_YELLOW: "#F1C232", L.MARK_GREEN: "#6AA84F"}
SCHEDULE_COLOUR = "#C00000"
WIDTH_IN, HEIGHT_IN, DPI = 6.1, 2.4, 200  # low enough for the 通报 to keep its figures on page 1


@lru_cache(maxsize=1)
def _font_family() -> list[str]:
    from matplotlib import font_manager

    manager = font_manager.fontManager
    found = _known_chart_fonts(manager)
    if not found:
        # matplotlib keeps its font list in a cache built on first use and never
        # rebuilt: a CJK font installed after that (pip install, then apt-get
        # install fonts-noto-cjk) is unknown to it and every name would be drawn
        # as empty boxes. Register the system's font files it has not seen.
        known = {f.fname for f in manager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    manager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # a damaged or unreadable font file
                    continue
        found = _known_chart_fonts(manager)
    return found + ["sans-serif"]


def _known_chart_fonts(manager: object) -> list[str]:
    installed = {f.name for f in manager.ttflist}  # type: ignore[attr-defined]
    return [name for name in L.CHART_FONTS if name in installed]


def rate_chart_png(units: Sequence[tuple[str, float, str]], schedule: float) -> bytes:
    """PNG bytes: bars of (unit, 完成率 0–1, 标识) in the order given, a line at ``schedule``."""
    try:
        import matplotlib

        matplotlib.use("Agg", force=True)
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise DependencyError(L.MSG_CHART_NO_MATPLOTLIB) from exc
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    ax = fig.add_subplot(1, 1, 1)
    family = _font_family()
    names = [u for u, _, _ in units]
    rates = [r for _, r, _ in units]
    colours = [BAR_COLOURS.get(m, "#5B9BD5") for _, _, m in units]
    xs = range(len(units))
    # A unit at 0 % still shows as a sliver in its colour (red: nothing done or reported).
    ax.bar(xs, [max(r, 0.006) for r in rates], color=colours, width=0.7)
    ax.axhline(schedule, color=SCHEDULE_COLOUR, linewidth=1.6)
    ax.text(len(units) - 0.5 if units else 0.5, schedule + 0.02,
            L.CHART_SCHEDULE_LABEL.format(schedule=f"{schedule:.1%}"), color=SCHEDULE_COLOUR,
            ha="right", va="bottom", fontsize=7, family=family)
    ax.set_ylim(0, 1)
    ax.set_xlim(-0.6, max(len(units), 1) - 0.4)
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.set_yticklabels(["0%", "25%", "50%", "75%", "100%"], fontsize=7)
    ax.set_ylabel(L.CHART_RATE_AXIS, fontsize=8, family=family)
    ax.set_xticks(list(xs))
    size = 7 if len(units) <= 20 else 6 if len(units) <= 40 else 4
    ax.set_xticklabels(names, rotation=90, fontsize=size, family=family)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", linewidth=0.3, alpha=0.6)
    fig.tight_layout(pad=0.4)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


__all__ = ["rate_chart_png"]
