"""Real pixels for the OCR tests: pages of a PDF rendered to images
(pypdfium2, as a scanner would give them at 150–300 dpi), then spoiled the
way scans and phone photos are: a red seal over the text, a small skew,
noise, blur, JPEG compression, a perspective (a page photographed at an
angle on a desk), a page lying on its side. Image-only PDFs are built from
such images (no text layer)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np


def render(pdf: Path, dpi: int, pages: list[int] | None = None) -> list[np.ndarray]:
    """Pages (0-based) of ``pdf`` as BGR images at ``dpi``."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        wanted = range(len(doc)) if pages is None else pages
        out = []
        for k in wanted:
            rgb = np.asarray(doc[k].render(scale=dpi / 72).to_pil().convert("RGB"))
            out.append(np.ascontiguousarray(rgb[:, :, ::-1]))
        return out
    finally:
        doc.close()


def seal(img: np.ndarray, centre: tuple[float, float], dpi: int) -> np.ndarray:
    """A round red seal (ring, star, text-like strokes) of 42 mm stamped
    translucently over the page at ``centre`` (fractions of width, height)."""
    import cv2

    out = img.copy()
    h, w = img.shape[:2]
    cx, cy = int(centre[0] * w), int(centre[1] * h)
    r = int(21 / 25.4 * dpi)
    layer = out.copy()
    red = (40, 40, 220)
    cv2.circle(layer, (cx, cy), r, red, max(2, r // 18))
    star = np.array([[cx + r * 0.3 * np.cos(a), cy - r * 0.3 * np.sin(a)]
                     for a in np.linspace(np.pi / 2, np.pi / 2 + 4 * np.pi, 6)[:-1]], np.int32)
    cv2.fillPoly(layer, [star], red)
    for k in range(10):  # the arc of characters around the ring
        a = np.pi * (0.15 + 0.07 * k)
        x, y = int(cx - r * 0.75 * np.cos(a)), int(cy - r * 0.75 * np.sin(a))
        cv2.rectangle(layer, (x - r // 14, y - r // 14), (x + r // 14, y + r // 14), red, max(1, r // 40))
    # ink on paper multiplies: white turns red, black print stays black
    mask = np.any(layer != out, axis=2)
    tint = np.array(red, np.float32) / 255
    out[mask] = (out[mask].astype(np.float32) * tint).astype(np.uint8)
    return out


def skew(img: np.ndarray, degrees: float) -> np.ndarray:
    import cv2

    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))


def noise(img: np.ndarray, sigma: float = 12.0, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.clip(img.astype(np.float32) + rng.normal(0, sigma, img.shape), 0, 255).astype(np.uint8)


def blur(img: np.ndarray, k: int = 3) -> np.ndarray:
    import cv2

    return cv2.GaussianBlur(img, (k, k), 0)


def jpeg(img: np.ndarray, quality: int = 60) -> np.ndarray:
    import cv2

    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def photo(img: np.ndarray, seed: int = 2) -> np.ndarray:
    """The page photographed at an angle on a grey desk under uneven light."""
    import cv2

    h, w = img.shape[:2]
    margin = int(0.08 * max(h, w))
    W, H = w + 2 * margin, h + 2 * margin
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[margin + 0.03 * w, margin + 0.02 * h], [margin + w - 0.01 * w, margin],
                      [margin + w, margin + h - 0.01 * h], [margin - 0.01 * w, margin + h]])
    m = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(img, m, (W, H), flags=cv2.INTER_LINEAR, borderValue=(90, 95, 100))
    light = np.linspace(0.85, 1.0, W, dtype=np.float32)[None, :, None]
    out = np.clip(out.astype(np.float32) * light, 0, 255).astype(np.uint8)
    return jpeg(blur(noise(out, 6.0, seed), 3), 75)


def turn(img: np.ndarray, quarter_turns: int) -> np.ndarray:
    return np.ascontiguousarray(np.rot90(img, -quarter_turns))


def png(img: np.ndarray) -> bytes:
    import cv2

    ok, buf = cv2.imencode(".png", img)
    assert ok
    return buf.tobytes()


def image_pdf(images: list[np.ndarray], dpi: int) -> bytes:
    """A PDF whose pages are these images only (a scan: no text layer)."""
    from PIL import Image

    pil = [Image.fromarray(np.ascontiguousarray(im[:, :, ::-1])) for im in images]
    buf = io.BytesIO()
    pil[0].save(buf, format="PDF", save_all=True, append_images=pil[1:], resolution=float(dpi))
    return buf.getvalue()
