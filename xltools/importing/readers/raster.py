"""Image clean-up and ruling lines of scanned pages and photos (OpenCV):
the picture a scan or a phone gives is turned into an upright, straight
page without its red seal, and the table's ruling lines are found in it, as
horizontal and vertical segments for the grid code (``readers/drawn.py``,
``readers/pdf.py``), which cuts them into cells with merged cells as for a
digital PDF.

* red seals and stamps: pixels where red clearly dominates become white
  (black text under a seal stays dark, so it is read);
* a phone photo: the page's four corners (the largest bright quadrilateral)
  are mapped back to a rectangle;
* skew: the small angle (up to 5°) at which the rows of ink line up best;
* ruling lines: long thin runs of ink kept by a morphological opening with
  a long horizontal or vertical kernel (text strokes are much shorter),
  small gaps closed, one segment per connected run.
"""

from __future__ import annotations

import numpy as np


def _cv2():  # type: ignore[no-untyped-def]
    import cv2

    return cv2


def decode_images(data: bytes) -> list[np.ndarray]:
    """The pages of an image file (PNG, JPEG, TIFF with several pages) as BGR arrays."""
    cv2 = _cv2()
    buf = np.frombuffer(data, dtype=np.uint8)
    ok, pages = cv2.imdecodemulti(buf, cv2.IMREAD_COLOR)
    if ok and pages:
        return [p for p in pages if p is not None and p.size]
    img = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    return [img] if img is not None and img.size else []


def suppress_red(img: np.ndarray) -> np.ndarray:
    """The page with red ink (seals, stamps, red headings) turned white."""
    b, g, r = (img[:, :, k].astype(np.int16) for k in range(3))
    red = (r - np.maximum(g, b) > 50) & (r > 110)
    out = img.copy()
    out[red] = 255
    return out


def gray(img: np.ndarray) -> np.ndarray:
    cv2 = _cv2()
    return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) if img.ndim == 3 else img


def ink(gray_img: np.ndarray) -> np.ndarray:
    """Dark marks as 255 on 0, thresholded locally (uneven light of a photo)."""
    cv2 = _cv2()
    return cv2.adaptiveThreshold(gray_img, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 35, 15)


def unwarp_page(img: np.ndarray) -> tuple[np.ndarray, bool]:
    """A photo of a page on a darker background: the page's quadrilateral
    mapped back to a rectangle. Returns the image unchanged when no clear
    page outline (covering at least a third of the picture) is seen."""
    cv2 = _cv2()
    g = gray(img)
    h, w = g.shape
    small = cv2.resize(g, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    _, bright = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return img, False
    page = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(page)
    if area < small.shape[0] * small.shape[1] / 3:
        return img, False
    quad = cv2.approxPolyDP(page, 0.02 * cv2.arcLength(page, True), True)
    if len(quad) != 4:
        return img, False
    pts = quad.reshape(4, 2).astype(np.float32) * 4
    # the page fills the picture (a scan): nothing to unwarp
    x, y, bw, bh = cv2.boundingRect(pts.astype(np.int32))
    if bw * bh > 0.97 * w * h:
        return img, False
    s, d = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    tl, br, tr, bl = pts[np.argmin(s)], pts[np.argmax(s)], pts[np.argmin(d)], pts[np.argmax(d)]
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    if width < 200 or height < 200:
        return img, False
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(np.array([tl, tr, br, bl], dtype=np.float32), target)
    return cv2.warpPerspective(img, m, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255)), True


def skew_angle(marks: np.ndarray, limit: float = 5.0) -> float:
    """Degrees to rotate (counter-clockwise) so that rows of ink are level:
    the angle whose horizontal projection is the most peaked."""
    cv2 = _cv2()
    h, w = marks.shape
    f = min(1.0, 900.0 / max(h, w))
    small = cv2.resize(marks, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    sh, sw = small.shape
    centre = (sw / 2, sh / 2)

    def score(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rot = cv2.warpAffine(small, m, (sw, sh), flags=cv2.INTER_NEAREST, borderValue=0)
        profile = rot.sum(axis=1, dtype=np.float64)
        return float(np.sum(np.diff(profile) ** 2))

    best = max(np.arange(-limit, limit + 0.01, 0.5), key=score)
    fine = max(np.arange(best - 0.5, best + 0.51, 0.1), key=score)
    return float(round(fine, 2))


def rotate(img: np.ndarray, angle: float) -> np.ndarray:
    """``img`` turned by ``angle`` degrees counter-clockwise about its centre, white outside."""
    cv2 = _cv2()
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = (255, 255, 255) if img.ndim == 3 else 255
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=border)


def turn(img: np.ndarray, quarter_turns: int) -> np.ndarray:
    """``img`` turned by 90° steps clockwise."""
    return np.ascontiguousarray(np.rot90(img, -quarter_turns % 4))


def ruling_lines(marks: np.ndarray, unit: float) -> tuple[list[tuple[float, float, float]],
                                                      list[tuple[float, float, float]]]:
    """Horizontal (x0, x1, y) and vertical (x, top, bottom) ruling lines of a
    page in pixels; ``unit``: the height of a line of text (a character's
    strokes are shorter). A run of ink at least that long and thin is a
    line; gaps of a few pixels (noise, JPEG) are closed. A short one (the
    side of a one-line cell, a rule under a narrow column) counts only when
    both its ends meet a long line across it: a dash or a stroke does not."""
    cv2 = _cv2()
    h, w = marks.shape
    length = max(12, int(0.95 * unit))
    thick = max(6, int(unit / 3))
    found: dict[bool, list[tuple[float, float, float]]] = {True: [], False: []}
    for horizontal in (True, False):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        lines = cv2.morphologyEx(marks, cv2.MORPH_OPEN, kernel)
        gap = max(5, length // 3)
        lines = cv2.morphologyEx(lines, cv2.MORPH_CLOSE, cv2.getStructuringElement(
            cv2.MORPH_RECT, (gap, 1) if horizontal else (1, gap)))
        n, _labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        for k in range(1, n):
            x, y, bw, bh, _area = stats[k]
            if horizontal and bw >= length and bh <= thick:
                found[True].append((float(x), float(x + bw), y + bh / 2))
            elif not horizontal and bh >= length and bw <= thick:
                found[False].append((x + bw / 2, float(y), float(y + bh)))
    found[True] = _bridge(found[True], unit, horizontal=True)
    found[False] = _bridge(found[False], unit, horizontal=False)
    long_h = [s for s in found[True] if s[1] - s[0] >= 4 * unit]
    long_v = [s for s in found[False] if s[2] - s[1] >= 4 * unit]
    near = max(4.0, unit / 3)

    def meets_v(x: float, y: float) -> bool:
        return any(abs(v[0] - x) <= near and v[1] - near <= y <= v[2] + near for v in long_v)

    def meets_h(x: float, y: float) -> bool:
        return any(abs(hz[2] - y) <= near and hz[0] - near <= x <= hz[1] + near for hz in long_h)

    out_h = [s for s in found[True] if s[1] - s[0] >= 4 * unit
             or (meets_v(s[0], s[2]) and meets_v(s[1], s[2]))]
    out_v = [s for s in found[False] if s[2] - s[1] >= 4 * unit
             or (meets_h(s[0], s[1]) and meets_h(s[0], s[2]))]
    return out_h, out_v



def _bridge(segments: list[tuple[float, float, float]], unit: float, *,
            horizontal: bool) -> list[tuple[float, float, float]]:
    """Pieces of one line broken by a gap up to half a character wide (a seal's
    ring, a crease, a faded spot) joined again. Horizontal pieces are
    (x0, x1, y), vertical ones (x, top, bottom)."""
    norm = [(s[2], s[0], s[1]) for s in segments] if horizontal else list(segments)
    norm.sort(key=lambda s: (s[0], s[1]))
    out: list[list[float]] = []
    for across, start, end in norm:
        same = [o for o in out if abs(o[0] - across) <= 3 and start - o[2] <= unit / 2 and end >= o[1]]
        if same:
            o = same[-1]
            o[1], o[2] = min(o[1], start), max(o[2], end)
        else:
            out.append([across, start, end])
    if horizontal:
        return [(a0, a1, y) for y, a0, a1 in out]
    return [(x, t, b) for x, t, b in out]
