"""Procedural demo photos for the Souk catalogue, drawn with Pillow and the standard library only
(plus the craft definitions in catalogue/crafts.py, which are plain Python).

The demo loader calls these functions so that every demo product, cooperative and the homepage
get believable pictures without shipping binary assets in the repository.

Contract
--------
``product_image(craft=, style=, colour=, seed=, view=, size=960)``
    An RGB ``size`` x ``size`` photo of one handmade piece.
    ``craft`` is one of :data:`CRAFT_CODES` (anything else raises ``ValueError``).
    ``style`` is a hint: a rug style, a zellige shape, or the object (``"Tagine"``, ``"Lantern"``...);
    an unknown value falls back to the craft's most typical piece.
    ``colour`` is one of the catalogue COLOURS, mapped to an earthy palette (unknown: a neutral tone).
    ``seed`` designs the piece: the same seed draws the same piece in all three views.
    ``view`` 0 is the whole piece in a studio, 1 a close-up detail, 2 the piece in a room.
``cooperative_image(crafts=, seed=, size=(1200, 800))``
    An RGB "workshop" banner whose contents follow the cooperative's crafts.
``hero_image(size=(1920, 900))``
    An RGB homepage hero: a riad courtyard, calm on the left for overlaid text.

All three are deterministic: the same arguments always give the same pixels (only private
``random.Random`` instances are used, never the global generator or Pillow's ``effect_noise``).

How pictures are made
---------------------
A piece is a vector drawing in its own local units. A :class:`_Frame` maps those units to pixels:
scaled and shifted for the studio and close-up views, a homography for a rug lying on a floor.
A :class:`_Painter` holds four layers at twice the output resolution: albedo (paint colour),
cover (silhouette), light (diffuse shading) and spec (gloss). :func:`_compose` halves them (the
supersampling resolve), lights the albedo, multiplies in a material texture, screens on the gloss
and lays the piece over a background with a soft shadow. Backdrops, grain and vignette plates are
cached per size, which keeps a 960 px product photo around 100-200 ms on a small machine.
"""

from __future__ import annotations

import functools
import itertools
import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from catalogue.crafts import CRAFTS, CRAFTS_BY_CODE
from catalogue.crafts import RUG_STYLES as _CATALOGUE_RUG_STYLES

__all__ = [
    "BASKETRY_ITEMS",
    "CERAMIC_OBJECTS",
    "CERAMIC_TRADITIONS",
    "CRAFT_CODES",
    "JEWELLERY_PIECES",
    "LEATHER_ITEMS",
    "LIGHTING_ITEMS",
    "RUG_STYLES",
    "TEXTILE_ITEMS",
    "WOODS",
    "WOODWORK_OBJECTS",
    "ZELLIGE_SHAPES",
    "cooperative_image",
    "hero_image",
    "product_image",
]

CRAFT_CODES = tuple(craft.code for craft in CRAFTS)


def _options(craft: str, attribute: str) -> tuple[str, ...]:
    """The option values the catalogue allows for a craft's attribute (catalogue/crafts.py)."""
    return next(a.options for a in CRAFTS_BY_CODE[craft].attributes if a.code == attribute)


RGB = tuple[int, int, int]
Point = tuple[float, float]

# Supersampling factor: pieces are drawn at 2x and halved with Image.reduce (a box filter, which is
# exactly the supersampling average). LANCZOS was measured at ~70 ms for 1920 -> 960, a third of
# the whole per-image budget, for no visible gain on anti-aliasing.
_SS = 2

# ---------------------------------------------------------------------------------------------
# Palette
# ---------------------------------------------------------------------------------------------

# Catalogue colours as vegetable-dyed wool, glaze and leather tones: handmade goods, not neon.
_COLOURS: dict[str, RGB] = {
    "Ivory": (233, 224, 204),
    "Black": (46, 42, 40),
    "Red": (160, 50, 44),
    "Orange": (202, 110, 54),
    "Saffron": (216, 162, 60),
    "Green": (74, 114, 76),
    "Blue": (46, 76, 130),
    "Turquoise": (50, 138, 140),
    "Pink": (206, 130, 132),
    "Brown": (114, 76, 52),
    "Grey": (134, 130, 124),
    "Multicolour": (168, 66, 54),
}
_NEUTRAL: RGB = (150, 120, 96)

MADDER: RGB = (164, 52, 44)
HENNA: RGB = (198, 106, 56)
SAFFRON: RGB = (218, 166, 66)
INDIGO: RGB = (46, 60, 106)
TEAL: RGB = (44, 118, 118)
OLIVE: RGB = (106, 118, 62)
ROSE: RGB = (206, 124, 130)
AUBERGINE: RGB = (98, 48, 74)
IVORY: RGB = (234, 225, 205)
CHARCOAL: RGB = (42, 38, 36)
SKY: RGB = (98, 138, 172)
_ACCENTS: tuple[RGB, ...] = (MADDER, HENNA, SAFFRON, INDIGO, TEAL, OLIVE, ROSE, AUBERGINE, SKY)

# Light comes from the top left, slightly towards the viewer (image y grows downwards).
_LIGHT = (-0.62, -0.5, 0.6)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _shade(c: RGB, k: float) -> RGB:
    return (min(255, max(0, int(c[0] * k))), min(255, max(0, int(c[1] * k))), min(255, max(0, int(c[2] * k))))


def _vary(c: RGB, rng: random.Random, amount: float) -> RGB:
    """The colour with a small random shift in brightness and hue, like one dye bath to the next."""
    k = 1 + rng.uniform(-amount, amount)
    return tuple(min(255, max(0, int(v * k + rng.uniform(-amount, amount) * 60))) for v in c)  # type: ignore[return-value]


def _luma(c: RGB) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def _rgba(c: RGB, alpha: int) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], alpha)


@dataclass(frozen=True)
class _Look:
    """The colour story of one piece: its catalogue colour and the accents it may use."""

    name: str
    main: RGB

    @property
    def multicolour(self) -> bool:
        return self.name == "Multicolour"

    @property
    def light(self) -> bool:
        return _luma(self.main) > 170

    @property
    def dark(self) -> bool:
        return _luma(self.main) < 70

    def accents(self, rng: random.Random, n: int) -> list[RGB]:
        """``n`` accent colours that are not too close to the main colour."""
        pool = [c for c in _ACCENTS if sum(abs(c[i] - self.main[i]) for i in range(3)) > 90]
        rng.shuffle(pool)
        return (pool * 2)[:n]


def _look(colour: str) -> _Look:
    return _Look(colour, _COLOURS.get(colour, _NEUTRAL))


def _match(style: str, options: Sequence[str], default: str) -> str:
    """The option a free-text style names (case-insensitive, either containing the other)."""
    s = (style or "").strip().lower()
    if s:
        for option in options:
            o = option.lower()
            if o == s:
                return option
        for option in options:
            o = option.lower()
            if o in s or s in o:
                return option
    return default


# ---------------------------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------------------------


class _Frame:
    """Maps a piece's local units (u to the right, v downwards) to canvas pixels."""

    def __init__(self, x0: float, y0: float, scale: float) -> None:
        self.x0, self.y0, self.s = x0, y0, scale

    def pt(self, u: float, v: float) -> Point:
        return (self.x0 + u * self.s, self.y0 + v * self.s)

    def pts(self, seq: Sequence[Point]) -> list[Point]:
        return [self.pt(u, v) for u, v in seq]

    def len(self, d: float) -> float:
        return d * self.s

    def box(self, u0: float, v0: float, u1: float, v1: float) -> tuple[float, float, float, float]:
        x0, y0 = self.pt(u0, v0)
        x1, y1 = self.pt(u1, v1)
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


class _Projected(_Frame):
    """A homography taking the local rectangle (0, 0)-(w, h) onto a quadrilateral.

    Straight lines stay straight under a projective map, so polygons drawn through it are exact;
    this is how a rug lies on a floor in perspective without resampling a bitmap (which measured
    ~370 ms at 2x with Image.transform).
    """

    def __init__(self, corners: Sequence[Point], w: float, h: float) -> None:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
        dx1, dx2, dx3 = x1 - x2, x3 - x2, x0 - x1 + x2 - x3
        dy1, dy2, dy3 = y1 - y2, y3 - y2, y0 - y1 + y2 - y3
        den = dx1 * dy2 - dx2 * dy1
        g = (dx3 * dy2 - dx2 * dy3) / den
        h_ = (dx1 * dy3 - dx3 * dy1) / den
        self.m = (x1 - x0 + g * x1, x3 - x0 + h_ * x3, x0, y1 - y0 + g * y1, y3 - y0 + h_ * y3, y0, g, h_)
        self.w, self.h = w, h
        cx, cy = self.pt(w / 2, h / 2)
        ex, ey = self.pt(w / 2 + 0.01 * w, h / 2)
        super().__init__(0, 0, math.hypot(ex - cx, ey - cy) / (0.01 * w))

    def pt(self, u: float, v: float) -> Point:
        a, b, c, d, e, f, g, h = self.m
        s, t = u / self.w, v / self.h
        z = g * s + h * t + 1
        return ((a * s + b * t + c) / z, (d * s + e * t + f) / z)


def _ellipse_pts(
    cx: float, cy: float, rx: float, ry: float, n: int = 48, a0: float = 0.0, a1: float = math.tau
):
    """Points of an ellipse (or an arc of it); angle 0 is to the right, pi/2 downwards."""
    if a1 - a0 >= math.tau - 1e-9:
        return [
            (cx + rx * math.cos(a0 + i * math.tau / n), cy + ry * math.sin(a0 + i * math.tau / n))
            for i in range(n)
        ]
    return [
        (cx + rx * math.cos(a0 + (a1 - a0) * i / n), cy + ry * math.sin(a0 + (a1 - a0) * i / n))
        for i in range(n + 1)
    ]


def _diamond(cx: float, cy: float, w: float, h: float) -> list[Point]:
    return [(cx, cy - h / 2), (cx + w / 2, cy), (cx, cy + h / 2), (cx - w / 2, cy)]


def _rect(u0: float, v0: float, u1: float, v1: float) -> list[Point]:
    return [(u0, v0), (u1, v0), (u1, v1), (u0, v1)]


def _star(cx: float, cy: float, r: float, points: int = 8, inner: float | None = None, rot: float = 0.0):
    """A star polygon; the default inner radius gives the two-squares zellige star."""
    inner_r = r * (math.cos(math.pi / 4) / math.cos(math.pi / 8) if inner is None else inner)
    pts = []
    for i in range(points * 2):
        a = rot - math.pi / 2 + i * math.pi / points
        rr = r if i % 2 == 0 else inner_r
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def _rotate(pts: Sequence[Point], cx: float, cy: float, angle: float) -> list[Point]:
    ca, sa = math.cos(angle), math.sin(angle)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def _wobble(pts: Sequence[Point], rng: random.Random, amp: float, step: float, closed: bool = False):
    """Subdivide a polyline and let it wander a little, as a hand-drawn or hand-knotted line does.

    The offset is a damped random walk rather than independent jitter, so lines drift instead of
    looking electrically noisy.
    """
    seq = list(pts) + ([pts[0]] if closed else [])
    out: list[Point] = []
    ox = oy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(seq):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
        for i in range(n):
            t = i / n
            ox = ox * 0.75 + rng.gauss(0, amp * 0.6)
            oy = oy * 0.75 + rng.gauss(0, amp * 0.6)
            out.append((x0 + (x1 - x0) * t + ox, y0 + (y1 - y0) * t + oy))
    if not closed:
        out.append((seq[-1][0] + ox, seq[-1][1] + oy))
    return out


def _subdivide(pts: Sequence[Point], n: int) -> list[Point]:
    """A closed polygon with every edge split into ``n`` pieces (to let its outline wander)."""
    out = []
    for i, (x0, y0) in enumerate(pts):
        x1, y1 = pts[(i + 1) % len(pts)]
        out += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n)]
    return out


def _clip_segment(p0: Point, p1: Point, rect: tuple[float, float, float, float]):
    """Liang-Barsky: the part of segment p0-p1 inside rect, or None."""
    (x0, y0), (x1, y1) = p0, p1
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - rect[0]), (dx, rect[2] - x0), (-dy, y0 - rect[1]), (dy, rect[3] - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return (x0 + dx * t0, y0 + dy * t0), (x0 + dx * t1, y0 + dy * t1)


def _clip_rect(pts: Sequence[Point], rect: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman: the polygon cut to an axis-aligned rectangle (may be empty)."""
    xs = [x for x, _ in pts]
    ys = [y for _, y in pts]
    if min(xs) >= rect[0] and max(xs) <= rect[2] and min(ys) >= rect[1] and max(ys) <= rect[3]:
        return list(pts)  # the usual case: wholly inside
    out = list(pts)
    for axis, bound, keep_less in (
        (0, rect[0], False),
        (0, rect[2], True),
        (1, rect[1], False),
        (1, rect[3], True),
    ):
        if not out:
            break
        src, out = out, []
        for i, cur in enumerate(src):
            prev = src[i - 1]
            cur_in = cur[axis] <= bound if keep_less else cur[axis] >= bound
            prev_in = prev[axis] <= bound if keep_less else prev[axis] >= bound
            if cur_in != prev_in:
                t = (bound - prev[axis]) / (cur[axis] - prev[axis])
                out.append((prev[0] + (cur[0] - prev[0]) * t, prev[1] + (cur[1] - prev[1]) * t))
            if cur_in:
                out.append(cur)
    return out


def _lathe(cx: float, profile: Sequence[tuple[float, float]], tilt: float = 0.0, n: int = 36):
    """Silhouette of a turned object from (v, radius) control points, smoothly interpolated.

    ``tilt`` is how much of each horizontal circle we see from slightly above (ry = tilt * r), so
    the base curves down towards the viewer and the top edge curves up. Returns
    (outline points, radius function) so painted bands can follow the body.
    """
    vs = [pt[0] for pt in profile]

    def radius(v: float) -> float:
        if v <= vs[0]:
            return profile[0][1]
        for i in range(len(profile) - 1):
            (va, ra), (vb, rb) = profile[i], profile[i + 1]
            if va <= v <= vb:
                # Catmull-Rom through the control radii: smooth, no flat spot at each point.
                t = (v - va) / (vb - va) if vb > va else 0.0
                r0 = profile[i - 1][1] if i > 0 else 2 * ra - rb
                r3 = profile[i + 2][1] if i + 2 < len(profile) else 2 * rb - ra
                t2, t3 = t * t, t * t * t
                return max(
                    0.0,
                    0.5
                    * (
                        2 * ra
                        + (rb - r0) * t
                        + (2 * r0 - 5 * ra + 4 * rb - r3) * t2
                        + (3 * ra - r0 - 3 * rb + r3) * t3
                    ),
                )
        return profile[-1][1]

    samples = [vs[0] + (vs[-1] - vs[0]) * i / n for i in range(n + 1)]
    right = [(cx + radius(v), v) for v in samples]
    left = [(cx - radius(v), v) for v in reversed(samples)]
    r0, r1 = radius(vs[0]), radius(vs[-1])
    top = _ellipse_pts(cx, vs[0], r0, r0 * tilt, 16, math.pi, math.tau)[1:-1] if tilt else []
    bottom = _ellipse_pts(cx, vs[-1], r1, r1 * tilt, 16, 0, math.pi)[1:-1] if tilt else []
    return top + right + bottom + left, radius


def _band(cx: float, radius: Callable[[float], float], v: float, tilt: float, n: int = 24) -> list[Point]:
    """The front half of the horizontal circle at height ``v`` of a turned body."""
    r = radius(v)
    return [
        (cx + r * math.sin(a), v + tilt * r * math.cos(a))
        for a in (-math.pi / 2 + math.pi * i / n for i in range(n + 1))
    ]


def _around(
    cx: float, radius: Callable[[float], float], v: float, tilt: float, count: int, phase: float = 0.0
):
    """Positions of ``count`` motifs spaced around a turned body at height ``v``: (x, y, squeeze),
    front half only; ``squeeze`` is the foreshortening (1 facing us, 0 at the silhouette)."""
    r = radius(v)
    out = []
    for k in range(count):
        a = phase + math.tau * k / count
        c = math.cos(a)
        if c > 0.12:
            out.append((cx + r * math.sin(a), v + tilt * r * c, c))
    return out


# ---------------------------------------------------------------------------------------------
# Shading, textures and compositing
# ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _shading_maps(kind: str) -> tuple[Image.Image, Image.Image]:
    """64x64 diffuse and specular maps for a unit shape lit from the top left.

    Small maps computed once and stretched over each shape's bounding box: far cheaper than
    per-pixel lighting in Python, and smooth enough once resized bilinearly.
    """
    n = 64
    lx, ly, lz = _LIGHT
    ln = math.sqrt(lx * lx + ly * ly + lz * lz)
    lx, ly, lz = lx / ln, ly / ln, lz / ln
    hx, hy, hz = lx, ly, lz + 1
    hn = math.sqrt(hx * hx + hy * hy + hz * hz)
    hx, hy, hz = hx / hn, hy / hn, hz / hn
    diffuse = bytearray(n * n)
    spec = bytearray(n * n)
    for j in range(n):
        y = (j + 0.5) / n * 2 - 1
        for i in range(n):
            x = (i + 0.5) / n * 2 - 1
            if kind == "cylinder":
                nx, ny = x * 0.98, 0.0
            elif kind == "dome":
                nx, ny = x * 0.6, y * 0.6
            elif kind == "cone":
                nx, ny = x * 0.9, -0.3
            elif kind == "metal":
                # Polished flat metal: broad reflections of the room rather than a single lobe.
                band = math.sin((x * 1.3 + y * 0.9) * 2.4) * 0.5 + 0.5
                diffuse[j * n + i] = int(255 * (0.5 + 0.5 * band))
                spec[j * n + i] = int(255 * max(0.0, band - 0.75) * 2.4)
                continue
            else:  # sphere
                nx, ny = x, y
            r2 = nx * nx + ny * ny
            if r2 > 0.995:
                k = math.sqrt(0.995 / r2)
                nx, ny, r2 = nx * k, ny * k, 0.995
            nz = math.sqrt(1 - r2)
            d = max(0.0, nx * lx + ny * ly + nz * lz)
            # Wrap-around diffuse: the shadow side still gets bounce light from the studio.
            diffuse[j * n + i] = int(255 * min(1.0, 0.3 + 0.78 * d))
            if kind in ("cylinder", "cone"):
                # A vertical body reflects the softbox as a vertical streak, whatever the height.
                hh = math.hypot(hx, hz)
                sd = max(0.0, (nx * hx + nz * hz) / hh)
            else:
                sd = max(0.0, nx * hx + ny * hy + nz * hz)
            spec[j * n + i] = int(255 * min(1.0, sd**70 * 0.85))
    return Image.frombytes("L", (n, n), bytes(diffuse)), Image.frombytes("L", (n, n), bytes(spec))


class _Painter:
    """A supersampled piece: albedo, cover (silhouette), light and spec layers of one size.

    ``solid`` shapes extend the silhouette (used for shadows and compositing); details drawn on top
    of a body pass ``solid=False`` and just paint. Colours with an alpha channel blend into the
    albedo, for dye variations and painted glazes.
    """

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.albedo = Image.new("RGB", size, (0, 0, 0))
        self.cover = Image.new("L", size, 0)
        self.light = Image.new("L", size, 255)
        self.spec: Image.Image | None = None
        self.glow: Image.Image | None = None
        self.a = ImageDraw.Draw(self.albedo, "RGBA")
        self._c = ImageDraw.Draw(self.cover)
        self._l = ImageDraw.Draw(self.light)

    # -- drawing ---------------------------------------------------------------------------

    def poly(self, pts: Sequence[Point], colour, *, solid: bool = True, light: int | None = None) -> None:
        if len(pts) < 3:
            return
        self.a.polygon(pts, fill=colour)
        if solid:
            self._c.polygon(pts, fill=255)
        if light is not None:
            self._l.polygon(pts, fill=light)

    def ellipse(self, box, colour, *, solid: bool = True, light: int | None = None) -> None:
        if box[2] - box[0] < 0.5 or box[3] - box[1] < 0.5:
            return
        self.a.ellipse(box, fill=colour)
        if solid:
            self._c.ellipse(box, fill=255)
        if light is not None:
            self._l.ellipse(box, fill=light)

    def line(self, pts: Sequence[Point], colour, width: float, *, solid: bool = False, light=None) -> None:
        w = max(1, round(width))
        joint = "curve" if w > 3 and len(pts) > 2 else None
        self.a.line(pts, fill=colour, width=w, joint=joint)
        if solid:
            self._c.line(pts, fill=255, width=w, joint=joint)
        if light is not None:
            self._l.line(pts, fill=light, width=w, joint=joint)

    def shade(
        self, pts: Sequence[Point], kind: str | Image.Image, *, spec: float = 0.0, lo: float = 0.0
    ) -> None:
        """Paint a shading map over the polygon's bounding box, clipped to the polygon.

        ``kind`` names a lit shape (see :func:`_shading_maps`) or is a small L image of light
        values; ``lo`` lifts the darkest value (soft, matte materials), ``spec`` scales the gloss.
        """
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        bx0, by0 = math.floor(min(xs)), math.floor(min(ys))
        bx1, by1 = math.ceil(max(xs)) + 1, math.ceil(max(ys)) + 1
        cx0, cy0 = max(0, int(bx0)), max(0, int(by0))
        cx1, cy1 = min(self.size[0], bx1), min(self.size[1], by1)
        if cx1 - cx0 < 1 or cy1 - cy0 < 1:
            return
        mask = Image.new("L", (cx1 - cx0, cy1 - cy0), 0)
        ImageDraw.Draw(mask).polygon([(x - cx0, y - cy0) for x, y in pts], fill=255)
        dmap, smap = _shading_maps(kind) if isinstance(kind, str) else (kind, kind)
        nx, ny = dmap.size
        src = (
            (cx0 - bx0) / (bx1 - bx0) * nx,
            (cy0 - by0) / (by1 - by0) * ny,
            (cx1 - bx0) / (bx1 - bx0) * nx,
            (cy1 - by0) / (by1 - by0) * ny,
        )
        d = dmap.resize(mask.size, Image.Resampling.BILINEAR, box=src)
        if lo:
            d = d.point(lambda v: int(v + (255 - v) * lo))
        self.light.paste(d, (cx0, cy0), mask)
        if spec > 0 and isinstance(kind, str):
            s = smap.resize(mask.size, Image.Resampling.BILINEAR, box=src).point(lambda v: int(v * spec))
            self.spec_layer().paste(s, (cx0, cy0), mask)

    def cut(self, pts: Sequence[Point]) -> None:
        """Punch a hole (the inside of a ring, a handle's eye) through everything drawn so far."""
        self.a.polygon(pts, fill=(0, 0, 0))
        self._c.polygon(pts, fill=0)

    def spec_layer(self) -> Image.Image:
        if self.spec is None:
            self.spec = Image.new("L", self.size, 0)
        return self.spec

    def highlight(self, box, value: int) -> None:
        """A soft gloss spot (blurred at composition time)."""
        ImageDraw.Draw(self.spec_layer()).ellipse(box, fill=max(0, min(255, value)))

    def highlight_poly(self, pts: Sequence[Point], value: int) -> None:
        ImageDraw.Draw(self.spec_layer()).polygon(pts, fill=max(0, min(255, value)))

    def glow_at(self, box, value: int = 255) -> None:
        """Light emitted by the piece (lantern holes): bloomed and added over everything."""
        if self.glow is None:
            self.glow = Image.new("L", self.size, 0)
        ImageDraw.Draw(self.glow).ellipse(box, fill=value)


@dataclass(frozen=True)
class _Texture:
    """Material grain multiplied into a piece, sized in the piece's local units.

    ``cell`` (local units) is the size of one fibre/knot/pore, ``stretch`` elongates it
    (x, y), ``amount`` is the darkest multiplier drop (0..255).
    """

    cell: float
    amount: int
    stretch: tuple[float, float] = (1.0, 1.0)
    second: tuple[float, int, tuple[float, float]] | None = None


def _noise(rng: random.Random, size: tuple[int, int], cell: tuple[float, float]) -> Image.Image:
    """Smooth value noise: random bytes on a coarse grid, bicubically enlarged. Deterministic."""
    w, h = size
    sw = max(2, int(w / max(cell[0], 0.5)))
    sh = max(2, int(h / max(cell[1], 0.5)))
    coarse = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh))
    return coarse.resize(size, Image.Resampling.BILINEAR)


def _texture_image(rng: random.Random, size: tuple[int, int], tex: _Texture, scale: float) -> Image.Image:
    """A grey multiplier image (255 = unchanged) for ``tex`` at ``scale`` px per local unit."""
    layers = [(tex.cell, tex.amount, tex.stretch)]
    if tex.second:
        layers.append(tex.second)
    out: Image.Image | None = None
    for cell, amount, (sx, sy) in layers:
        px = max(0.7, cell * scale)
        n = _noise(rng, size, (px * sx, px * sy))
        n = n.point(lambda v, a=amount: int(255 - a * (255 - v) / 255))
        out = n if out is None else ImageChops.multiply(out, n)
    assert out is not None
    return out


def _gradient_map(gray: Image.Image, stops: Sequence[tuple[int, RGB]]) -> Image.Image:
    """Colourise an L image through colour stops [(level, rgb)...], like a photo toning curve."""
    lut: list[list[int]] = [[], [], []]
    for v in range(256):
        for (pa, ca), (pb, cb) in itertools.pairwise(stops):
            if pa <= v <= pb:
                c = _mix(ca, cb, (v - pa) / (pb - pa) if pb > pa else 0)
                break
        else:
            c = stops[0][1] if v < stops[0][0] else stops[-1][1]
        for i in range(3):
            lut[i].append(c[i])
    return gray.convert("RGB").point(lut[0] + lut[1] + lut[2])


def _vertical(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    return _gradient_map(
        Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR), [(0, top), (255, bottom)]
    )


def _shadow(
    bg: Image.Image,
    cover: Image.Image,
    *,
    offset: tuple[float, float],
    blur: float,
    opacity: float,
    contact: float = 0.0,
    colour: RGB = (58, 46, 38),
) -> Image.Image:
    """Lay a soft shadow of ``cover`` on ``bg``: an offset, blurred silhouette plus an optional
    darker contact patch under the base of standing objects. Computed at quarter size: shadows are
    soft, and blurring at full size cost ~10x more."""
    w, h = bg.size
    q = 4
    small = cover.resize((max(1, w // q), max(1, h // q)), Image.Resampling.BILINEAR)
    sh = Image.new("L", small.size, 0)
    sh.paste(small, (int(offset[0] / q), int(offset[1] / q)))
    sh = sh.filter(ImageFilter.GaussianBlur(max(0.5, blur / q)))
    sh = sh.point(lambda v: int(v * opacity))
    if contact > 0:
        box = small.getbbox()
        if box:
            x0, _, x1, y1 = box
            cw = (x1 - x0) * 0.44
            ch = max(1.0, (x1 - x0) * 0.045)
            cx = (x0 + x1) / 2
            patch = Image.new("L", small.size, 0)
            ImageDraw.Draw(patch).ellipse(
                (cx - cw, y1 - ch * 1.2, cx + cw, y1 + ch * 0.8), fill=int(255 * contact)
            )
            patch = patch.filter(ImageFilter.GaussianBlur(max(0.5, ch * 0.8)))
            sh = ImageChops.lighter(sh, patch)
    sh = sh.resize((w, h), Image.Resampling.BILINEAR)
    out = bg.copy()
    out.paste(colour, (0, 0, w, h), sh)
    return out


def _compose(
    bg: Image.Image,
    p: _Painter,
    rng: random.Random,
    *,
    texture: _Texture | None = None,
    scale: float = 1.0,
    shadow: dict | None = None,
    glow: RGB | None = None,
    soft: float = 0.0,
) -> Image.Image:
    """Resolve the painter to ``bg``'s size and lay it over ``bg`` (premultiplied, so the
    anti-aliased rims don't pick up the black of the empty albedo)."""
    cover = p.cover.reduce(_SS)
    albedo = p.albedo.reduce(_SS)
    if soft > 0:
        # Blur colour and coverage alike: premultiplied, so the fuzzy rim stays clean.
        radius = max(0.6, soft * scale / _SS)
        albedo = albedo.filter(ImageFilter.GaussianBlur(radius))
        cover = cover.filter(ImageFilter.GaussianBlur(radius))
    if shadow:
        bg = _shadow(bg, cover, **shadow)
    # Everything multiplicative is folded into one grey "light" image before touching colour:
    # diffuse shading, material texture, and a mask zeroing paint that strayed outside the
    # silhouette (tiles cut by a panel's edge, a wobbly motif) while keeping the anti-aliased rim.
    light = ImageChops.multiply(p.light.reduce(_SS), cover.point(lambda v: 255 if v else 0))
    if texture is not None:
        light = ImageChops.multiply(light, _texture_image(rng, light.size, texture, scale / _SS))
    obj = ImageChops.multiply(albedo, light.convert("RGB"))
    if p.spec is not None:
        # Gloss is soft anyway: blur it at quarter size, confine it to the silhouette, screen it on.
        spec = p.spec.reduce(_SS * 2).filter(ImageFilter.GaussianBlur(0.9))
        spec = ImageChops.multiply(spec.resize(cover.size, Image.Resampling.BILINEAR), cover)
        obj = ImageChops.screen(obj, spec.convert("RGB"))
    out = ImageChops.add(obj, ImageChops.multiply(bg, ImageChops.invert(cover).convert("RGB")))
    if p.glow is not None and glow is not None:
        out = _bloom(out, p.glow.reduce(_SS), glow)
    return out


def _bloom(img: Image.Image, glow: Image.Image, colour: RGB) -> Image.Image:
    """Add emitted light: the sharp sources plus two blurred halos, tinted warm."""
    w, h = img.size
    small = glow.resize((max(1, w // 4), max(1, h // 4)), Image.Resampling.BILINEAR)
    wide = small.filter(ImageFilter.GaussianBlur(max(1.0, w / 60))).point(lambda v: min(255, v * 3))
    near = small.filter(ImageFilter.GaussianBlur(max(0.6, w / 400))).point(lambda v: min(255, v * 2))
    halo = ImageChops.add(wide, near).resize((w, h), Image.Resampling.BILINEAR)
    halo = ImageChops.lighter(halo, glow)
    tint = Image.merge("RGB", [halo.point(lambda v, k=k: int(v * k / 255)) for k in colour])
    return ImageChops.screen(img, tint)


@functools.lru_cache(maxsize=8)
def _grain_plate(size: tuple[int, int], variant: int, amount: int) -> Image.Image:
    rng = random.Random(variant * 7919 + size[0])
    n = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return n.point(lambda v: v * 2 * amount // 255).convert("RGB")


def _grain(img: Image.Image, rng: random.Random, amount: int = 6) -> Image.Image:
    """Photographic grain: fine luminance noise of +/- ``amount``. A few cached plates (chosen and
    flipped by ``rng``) are indistinguishable from fresh noise and save ~10 ms an image."""
    plate = _grain_plate(img.size, rng.randrange(3), amount)
    if rng.random() < 0.5:
        plate = plate.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return ImageChops.add(img, plate, 1.0, -amount)


@functools.lru_cache(maxsize=8)
def _vignette_plate(size: tuple[int, int], strength: float) -> Image.Image:
    g = Image.radial_gradient("L").resize(size, Image.Resampling.BILINEAR)
    g = g.point(lambda v: int(255 - strength * 255 * max(0.0, (v - 90) / 165) ** 1.6))
    return g.convert("RGB")


def _vignette(img: Image.Image, strength: float = 0.22) -> Image.Image:
    return ImageChops.multiply(img, _vignette_plate(img.size, strength))


@functools.lru_cache(maxsize=8)
def _mottle(size: tuple[int, int], amount: int) -> Image.Image:
    """Lime-plaster mottling (grey multiplier), two scales of soft noise; cached per size."""
    w, h = size
    rng = random.Random(w * 31 + h)
    coarse = _noise(rng, size, (w / 7, h / 7)).point(lambda v: 255 - (255 - v) * amount // 255)
    fine = _noise(rng, size, (w / 90, h / 90)).point(lambda v: 255 - (255 - v) * amount // 400)
    return ImageChops.multiply(coarse, fine).convert("RGB")


# ---------------------------------------------------------------------------------------------
# Backgrounds
# ---------------------------------------------------------------------------------------------

_PLASTERS: tuple[RGB, ...] = ((228, 220, 208), (226, 214, 198), (222, 216, 208), (230, 218, 204))


def _studio(size: tuple[int, int], rng: random.Random, *, dim: float = 1.0) -> Image.Image:
    """Seamless studio sweep: warm grey plaster, lighter behind the piece, faintly mottled."""
    img = _studio_plate(size, rng.randrange(len(_PLASTERS)), dim)
    # Never hand out the cached plate itself: callers may draw on what they get.
    return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if rng.random() < 0.5 else img.copy()


@functools.lru_cache(maxsize=16)
def _studio_plate(size: tuple[int, int], plaster: int, dim: float) -> Image.Image:
    w, h = size
    base = _PLASTERS[plaster]
    img = _vertical(size, _shade(base, 1.03 * dim), _shade(base, 0.9 * dim))
    img = ImageChops.multiply(img, _mottle(size, 16))
    # Key light pool slightly above centre.
    pool = Image.radial_gradient("L").resize((int(w * 1.5), int(h * 1.5)), Image.Resampling.BILINEAR)
    pool = pool.crop((int(w * 0.25), int(h * 0.35), int(w * 0.25) + w, int(h * 0.35) + h))
    pool = pool.point(lambda v: int(max(0, 150 - v) * 0.16))
    return ImageChops.add(img, pool.convert("RGB"))


# ---------------------------------------------------------------------------------------------
# Rugs
# ---------------------------------------------------------------------------------------------

RUG_STYLES = _CATALOGUE_RUG_STYLES
_FRINGE = 0.07
_RUG_LEN = 1.56
_RUG_EXTENT = (1.0, _RUG_LEN + 2 * _FRINGE)
_WARP: RGB = (228, 218, 196)
_BROWN_LINE: RGB = (60, 45, 36)

Rect = tuple[float, float, float, float]


def _rug_line(p: _Painter, f: _Frame, rng: random.Random, pts, colour, width: float, amp: float = 0.004):
    """A knotted line: it drifts a little, and its thickness is the pile's, not a pen's."""
    p.line(f.pts(_wobble(pts, rng, amp, 0.03)), colour, f.len(width), solid=False)


def _rug_shape(p: _Painter, f: _Frame, rng: random.Random, pts, colour, amp: float = 0.003):
    p.poly(f.pts(_wobble(pts, rng, amp, 0.03, closed=True)), colour, solid=False)


def _rug_beni_ourain(p, f, rng, look: _Look, field: Rect) -> RGB:
    # Undyed wool is a warm cream; other colours are tinted wool, still soft.
    ground = (242, 235, 218) if look.name in ("Ivory", "Multicolour") else _mix(look.main, IVORY, 0.1)
    ink = _BROWN_LINE if _luma(ground) > 120 else _mix(IVORY, ground, 0.15)
    u0, v0, u1, v1 = field
    p.poly(f.pts(_rect(u0 - 0.03, v0 - 0.04, u1 + 0.03, v1 + 0.04)), ground, solid=False)
    across = rng.choice((2, 3, 3, 4, 5))
    dw = (u1 - u0) / across
    dh = dw * rng.uniform(1.15, 1.8)
    slope = dh / dw
    width = rng.uniform(0.007, 0.012)
    double = rng.random() < 0.35
    top = v0 + rng.uniform(-0.3, 0.3) * dh
    n_lines = int((v1 - v0) / dh) + across + 3
    for sign in (1, -1):
        for j in range(-across - 2, n_lines):
            # Line family v = top + sign*slope*(u - u0) + j*dh, clipped to the field.
            c = top + j * dh + (slope * (u1 - u0) if sign < 0 else 0)
            a = (u0 - 0.2, c + sign * slope * (-0.2))
            b = (u1 + 0.2, c + sign * slope * (u1 - u0 + 0.2))
            seg = _clip_segment(a, b, field)
            if seg is None or math.dist(*seg) < 0.02:
                continue
            _rug_line(p, f, rng, seg, ink, width * rng.uniform(0.8, 1.2), amp=0.005)
            if double:
                off = width * 2.6
                seg2 = _clip_segment((a[0], a[1] + off), (b[0], b[1] + off), field)
                if seg2:
                    _rug_line(p, f, rng, seg2, ink, width * 0.8, amp=0.005)
    # Small motifs in some lozenges: an X, a smaller lozenge or a cluster of knots.
    motif = rng.choice(("x", "diamond", "dots", "none"))
    if motif != "none":
        for a in range(-1, across * 2 + 2):
            for b in range(-2, int((v1 - v0) / dh * 2) + 3):
                if (a + b) % 2 == 0 or rng.random() < 0.25:
                    continue
                cx, cy = u0 + a * dw / 2, top + b * dh / 2
                if not (u0 + 0.05 < cx < u1 - 0.05 and v0 + 0.05 < cy < v1 - 0.05):
                    continue
                if motif == "x":
                    s = dw * 0.12
                    _rug_line(
                        p, f, rng, [(cx - s, cy - s * slope), (cx + s, cy + s * slope)], ink, width * 0.8
                    )
                    _rug_line(
                        p, f, rng, [(cx + s, cy - s * slope), (cx - s, cy + s * slope)], ink, width * 0.8
                    )
                elif motif == "diamond":
                    d = _diamond(cx, cy, dw * 0.32, dh * 0.32)
                    _rug_line(p, f, rng, [*d, d[0]], ink, width * 0.8)
                else:
                    for _ in range(3):
                        r = width * 1.3
                        x, y = cx + rng.uniform(-0.03, 0.03), cy + rng.uniform(-0.04, 0.04)
                        p.ellipse(f.box(x - r, y - r, x + r, y + r), ink, solid=False)
    return ground


def _rug_azilal(p, f, rng, look: _Look, field: Rect) -> RGB:
    ground = _mix(IVORY, (240, 232, 214), 0.5)
    u0, v0, u1, v1 = field
    p.poly(f.pts(_rect(u0 - 0.03, v0 - 0.04, u1 + 0.03, v1 + 0.04)), ground, solid=False)
    colours = ([] if look.light or look.multicolour else [look.main, look.main]) + look.accents(rng, 4)
    for _ in range(rng.randint(11, 17)):
        kind = rng.choice(("zigzag", "diamond", "block", "lines", "chain", "cross"))
        c = rng.choice(colours)
        cx, cy = rng.uniform(u0 + 0.08, u1 - 0.08), rng.uniform(v0 + 0.08, v1 - 0.08)
        if kind == "zigzag":
            h = rng.uniform(0.15, 0.4)
            amp = rng.uniform(0.03, 0.07)
            steps = rng.randint(4, 8)
            pts = [(cx + (amp if i % 2 else -amp), cy - h / 2 + h * i / steps) for i in range(steps + 1)]
            _rug_line(p, f, rng, pts, c, rng.uniform(0.012, 0.02))
        elif kind == "diamond":
            w = rng.uniform(0.08, 0.16)
            _rug_shape(p, f, rng, _diamond(cx, cy, w, w * 1.4), c)
            _rug_shape(p, f, rng, _diamond(cx, cy, w * 0.45, w * 0.6), rng.choice([*colours, CHARCOAL]))
        elif kind == "block":
            w, h = rng.uniform(0.05, 0.14), rng.uniform(0.04, 0.12)
            _rug_shape(p, f, rng, _rect(cx - w, cy - h, cx + w, cy + h), c)
            if rng.random() < 0.6:
                for k in range(1, 4):
                    y = cy - h + 2 * h * k / 4
                    _rug_line(p, f, rng, [(cx - w, y), (cx + w, y)], ground, 0.006, amp=0.002)
        elif kind == "lines":
            for k in range(rng.randint(2, 4)):
                d = k * 0.025
                _rug_line(p, f, rng, [(cx - 0.1 + d, cy - 0.12), (cx + 0.1 + d, cy + 0.12)], CHARCOAL, 0.006)
        elif kind == "chain":
            for k in range(rng.randint(3, 6)):
                y = cy + k * 0.07
                if y < v1 - 0.04:
                    d = _diamond(cx, y, 0.05, 0.07)
                    _rug_line(p, f, rng, [*d, d[0]], c, 0.008)
        else:
            s = rng.uniform(0.03, 0.06)
            _rug_line(p, f, rng, [(cx - s, cy), (cx + s, cy)], c, 0.015)
            _rug_line(p, f, rng, [(cx, cy - s), (cx, cy + s)], c, 0.015)
    return ground


def _rug_boucherouite(p, f, rng, look: _Look, field: Rect) -> RGB:
    u0, v0, u1, v1 = field
    u0, u1 = u0 - 0.03, u1 + 0.03
    v0, v1 = v0 - 0.04, v1 + 0.04
    pieces = [(u0, v0, u1, v1)]
    target = rng.randint(11, 18)
    while len(pieces) < target:
        pieces.sort(key=lambda r: (r[2] - r[0]) * (r[3] - r[1]))
        a0, b0, a1, b1 = pieces.pop()
        t = rng.uniform(0.3, 0.7)
        if (a1 - a0) * 1.4 > (b1 - b0):
            m = a0 + (a1 - a0) * t
            pieces += [(a0, b0, m, b1), (m, b0, a1, b1)]
        else:
            m = b0 + (b1 - b0) * t
            pieces += [(a0, b0, a1, m), (a0, m, a1, b1)]
    vivid = [look.main, *look.accents(rng, 6), (226, 96, 120), (236, 178, 60), (70, 150, 160)]
    for a0, b0, a1, b1 in pieces:
        c = vivid[0] if rng.random() < 0.25 else rng.choice(vivid)
        _rug_shape(p, f, rng, _rect(a0, b0, a1, b1), c, amp=0.006)
        r = rng.random()
        other = rng.choice(vivid)
        if r < 0.35:
            n = rng.randint(3, 7)
            for k in range(n):
                y = b0 + (b1 - b0) * (k + 0.5) / n
                _rug_line(p, f, rng, [(a0 + 0.01, y), (a1 - 0.01, y)], other, (b1 - b0) / n * 0.45, amp=0.004)
        elif r < 0.6:
            cx, cy = (a0 + a1) / 2, (b0 + b1) / 2
            _rug_shape(p, f, rng, _diamond(cx, cy, (a1 - a0) * 0.7, (b1 - b0) * 0.7), other, amp=0.005)
    # Rag strips poke through as flecks of every colour.
    for _ in range(900):
        x, y = rng.uniform(u0, u1), rng.uniform(v0, v1)
        r = rng.uniform(0.002, 0.005)
        p.ellipse(
            f.box(x - r, y - r * 1.6, x + r, y + r * 1.6),
            _rgba(rng.choice([*vivid, IVORY]), 170),
            solid=False,
        )
    return look.main


def _kilim_palette(look: _Look, rng: random.Random) -> list[RGB]:
    main = look.main if not look.multicolour else MADDER
    return [main, _shade(main, 0.7), _mix(main, IVORY, 0.55), IVORY, CHARCOAL, *look.accents(rng, 2)]


def _rug_bands(p, f, rng, look: _Look, field: Rect, *, hanbel: bool) -> RGB:
    """Kilim/Hanbel: flat-woven weft bands, some with rows of triangles, lozenges or zigzags."""
    u0, v0, u1, v1 = field
    u0, u1 = 0.004, 0.996
    v0, v1 = v0 - 0.04, v1 + 0.04
    pal = _kilim_palette(look, rng)
    ground = pal[0]
    p.poly(f.pts(_rect(u0, v0, u1, v1)), ground, solid=False)
    # Mirror symmetry top/bottom, as weavers usually do: design the top half, reflect it.
    bands: list[tuple[float, float, str, RGB, RGB]] = []
    v = v0
    half = (v0 + v1) / 2
    while v < half:
        if hanbel:
            h = rng.choice((0.012, 0.02, 0.03, 0.03, 0.06, 0.09))
        else:
            h = rng.choice((0.02, 0.04, 0.07, 0.1, 0.13))
        kind = "plain" if h < 0.035 else rng.choice(("triangles", "diamonds", "zigzag", "plain", "checks"))
        c1, c2 = rng.sample(pal, 2)
        bands.append((v, min(h, half - v), kind, c1, c2))
        v += h
    mirrored = [(v0 + v1 - b - h, h, k, c1, c2) for b, h, k, c1, c2 in bands]
    for b, h, kind, c1, c2 in bands + mirrored:
        _rug_shape(p, f, rng, _rect(u0, b, u1, b + h), c1, amp=0.002)
        if h < 0.01:
            # The last band is clipped at the centre line and can be a sliver: motifs sized by
            # its height would number in the millions.
            continue
        if kind == "triangles":
            n = max(3, int((u1 - u0) / (h * 0.9)))
            for i in range(n):
                x = u0 + (u1 - u0) * i / n
                p.poly(
                    f.pts([(x, b + h), (x + (u1 - u0) / n / 2, b + h * 0.15), (x + (u1 - u0) / n, b + h)]),
                    c2,
                    solid=False,
                )
        elif kind == "diamonds":
            n = max(3, int((u1 - u0) / (h * 1.1)))
            for i in range(n):
                x = u0 + (u1 - u0) * (i + 0.5) / n
                p.poly(f.pts(_diamond(x, b + h / 2, (u1 - u0) / n * 0.8, h * 0.8)), c2, solid=False)
                p.poly(f.pts(_diamond(x, b + h / 2, (u1 - u0) / n * 0.3, h * 0.3)), c1, solid=False)
        elif kind == "zigzag":
            n = max(3, int((u1 - u0) / (h * 0.8)))
            pts = [(u0 + (u1 - u0) * i / n, b + (h * 0.25 if i % 2 else h * 0.75)) for i in range(n + 1)]
            p.line(f.pts(pts), c2, f.len(h * 0.22))
        elif kind == "checks":
            n = max(4, int((u1 - u0) / (h * 0.5)))
            for i in range(0, n, 2):
                x = u0 + (u1 - u0) * i / n
                p.poly(f.pts(_rect(x, b + h * 0.25, x + (u1 - u0) / n, b + h * 0.75)), c2, solid=False)
    if hanbel:
        # Handira-style sequins catch the light along a few bands.
        for b, h, _k, _c1, _c2 in rng.sample(bands + mirrored, min(3, len(bands))):
            for i in range(24):
                x, y, r = u0 + (u1 - u0) * (i + 0.5) / 24, b + h / 2, 0.008
                p.ellipse(f.box(x - r, y - r, x + r, y + r), (210, 208, 200), solid=False)
                p.highlight(f.box(x - r / 2, y - r / 2, x + r / 2, y + r / 2), 120)
    return ground


def _rug_boujad(p, f, rng, look: _Look, field: Rect) -> RGB:
    ground = look.main if look.name not in ("Ivory", "Multicolour", "Grey", "Black") else ROSE
    u0, v0, u1, v1 = field
    p.poly(f.pts(_rect(u0 - 0.03, v0 - 0.04, u1 + 0.03, v1 + 0.04)), ground, solid=False)
    colours = [AUBERGINE, HENNA, IVORY, SAFFRON, MADDER, CHARCOAL]
    colours = [c for c in colours if sum(abs(c[i] - ground[i]) for i in range(3)) > 80]
    n = rng.randint(3, 5)
    for k in range(n):
        cx = rng.uniform(u0 + 0.2, u1 - 0.2)
        cy = v0 + (v1 - v0) * (k + 0.5) / n + rng.uniform(-0.06, 0.06)
        w = rng.uniform(0.3, 0.6)
        h = w * rng.uniform(0.7, 1.1)
        d = _diamond(cx, cy, w, h)
        c = rng.choice(colours)
        _rug_line(p, f, rng, [*d, d[0]], c, rng.uniform(0.018, 0.03), amp=0.008)
        if rng.random() < 0.5:
            _rug_shape(p, f, rng, _diamond(cx, cy, w * 0.35, h * 0.35), rng.choice(colours), amp=0.006)
        if rng.random() < 0.5:
            _rug_line(p, f, rng, [(cx - w / 2, cy), (cx + w / 2, cy)], rng.choice(colours), 0.01, amp=0.006)
    for _ in range(rng.randint(6, 12)):
        cx, cy = rng.uniform(u0 + 0.05, u1 - 0.05), rng.uniform(v0 + 0.05, v1 - 0.05)
        s = rng.uniform(0.015, 0.035)
        c = rng.choice(colours)
        _rug_line(p, f, rng, [(cx - s, cy), (cx + s, cy)], c, 0.01)
        _rug_line(p, f, rng, [(cx, cy - s), (cx, cy + s)], c, 0.01)
    return ground


def _rug_taznakht(p, f, rng, look: _Look, field: Rect) -> RGB:
    base = look.main if not (look.light or look.multicolour or look.dark) else MADDER
    ground = _shade(base, 0.88)
    u0, v0, u1, v1 = field
    p.poly(f.pts(_rect(u0 - 0.03, v0 - 0.04, u1 + 0.03, v1 + 0.04)), ground, solid=False)
    cols = [CHARCOAL, IVORY, SAFFRON, INDIGO, HENNA, OLIVE]
    cols = [c for c in cols if sum(abs(c[i] - ground[i]) for i in range(3)) > 90]
    # Border: a dark band with a row of small triangles, framed by thin lines.
    bw = 0.07
    border_c, tri_c = rng.sample(cols, 2)
    for a0, b0, a1, b1 in (
        (u0, v0, u1, v0 + bw),
        (u0, v1 - bw, u1, v1),
        (u0, v0, u0 + bw, v1),
        (u1 - bw, v0, u1, v1),
    ):
        p.poly(f.pts(_rect(a0, b0, a1, b1)), border_c, solid=False)
    step = 0.05
    for i in range(int((u1 - u0 - 2 * bw) / step)):
        x = u0 + bw + step * i
        for b in (v0, v1 - bw):
            p.poly(
                f.pts([(x, b + bw * 0.8), (x + step / 2, b + bw * 0.2), (x + step, b + bw * 0.8)]),
                tri_c,
                solid=False,
            )
    for i in range(int((v1 - v0) / step)):
        y = v0 + step * i
        for a in (u0, u1 - bw):
            p.poly(
                f.pts([(a + bw * 0.2, y), (a + bw * 0.8, y + step / 2), (a + bw * 0.2, y + step)]),
                tri_c,
                solid=False,
            )
    inner = (u0 + bw + 0.015, v0 + bw + 0.015, u1 - bw - 0.015, v1 - bw - 0.015)
    line_c = rng.choice(cols)
    _rug_line(
        p,
        f,
        rng,
        [
            (inner[0], inner[1]),
            (inner[2], inner[1]),
            (inner[2], inner[3]),
            (inner[0], inner[3]),
            (inner[0], inner[1]),
        ],
        line_c,
        0.008,
        0.002,
    )
    # Central column of nested lozenge medallions.
    n = rng.randint(3, 5)
    mh = (inner[3] - inner[1]) / n
    mw = (inner[2] - inner[0]) * rng.uniform(0.55, 0.8)
    medals = []
    for k in range(n):
        cy = inner[1] + mh * (k + 0.5)
        cx = (inner[0] + inner[2]) / 2
        medals.append((cx, cy))
        seq = rng.sample(cols, min(3, len(cols)))
        for level, scale in enumerate((1.0, 0.66, 0.33)):
            p.poly(f.pts(_diamond(cx, cy, mw * scale, mh * 0.95 * scale)), seq[level % len(seq)], solid=False)
        for sx in (-1, 1):
            hx = cx + sx * mw / 2
            p.poly(
                f.pts([(hx, cy), (hx + sx * 0.04, cy - 0.03), (hx + sx * 0.04, cy + 0.03)]),
                seq[0],
                solid=False,
            )
    # Dense filler: tiny motifs wherever the medallions leave ground.
    filler = rng.choice(cols)
    g = 0.055
    y = inner[1] + g / 2
    while y < inner[3]:
        x = inner[0] + g / 2
        while x < inner[2]:
            near = any(abs(x - mx) / (mw / 2) + abs(y - my) / (mh * 0.95 / 2) < 1.15 for mx, my in medals)
            if not near:
                p.poly(f.pts(_diamond(x, y, g * 0.5, g * 0.6)), filler, solid=False)
                p.poly(f.pts(_diamond(x, y, g * 0.18, g * 0.22)), ground, solid=False)
            x += g
        y += g
    return ground


def _rug_zanafi(p, f, rng, look: _Look, field: Rect) -> RGB:
    u0, v0, u1, v1 = field
    u0, u1 = 0.004, 0.996
    v0, v1 = v0 - 0.04, v1 + 0.04
    black, white = (34, 31, 30), (236, 228, 210)
    accent = None if look.name in ("Black", "Ivory", "Grey", "Multicolour") else look.main
    v = v0
    dark = rng.random() < 0.5
    while v < v1:
        h = min(rng.choice((0.02, 0.035, 0.06, 0.1, 0.14)), v1 - v)
        c, o = (black, white) if dark else (white, black)
        _rug_shape(p, f, rng, _rect(u0, v, u1, v + h), c, amp=0.0015)
        if h >= 0.06:
            kind = rng.choice(("diamonds", "dots", "lattice", "ticks"))
            n = int((u1 - u0) / 0.045)
            for i in range(n):
                x = u0 + (u1 - u0) * (i + 0.5) / n
                if kind == "diamonds":
                    p.poly(f.pts(_diamond(x, v + h / 2, 0.026, h * 0.45)), o, solid=False)
                elif kind == "dots":
                    for yy in (v + h * 0.3, v + h * 0.7):
                        r = 0.005
                        p.ellipse(f.box(x - r, yy - r, x + r, yy + r), o, solid=False)
                elif kind == "ticks":
                    p.line(f.pts([(x - 0.01, v + h * 0.2), (x + 0.01, v + h * 0.8)]), o, f.len(0.005))
                else:
                    p.line(f.pts([(x - 0.022, v + h * 0.1), (x + 0.022, v + h * 0.9)]), o, f.len(0.004))
                    p.line(f.pts([(x + 0.022, v + h * 0.1), (x - 0.022, v + h * 0.9)]), o, f.len(0.004))
        elif accent is not None and rng.random() < 0.3:
            _rug_shape(p, f, rng, _rect(u0, v + h * 0.3, u1, v + h * 0.7), accent, amp=0.0015)
        v += h
        dark = not dark
    return black


def _rug_talsint(p, f, rng, look: _Look, field: Rect) -> RGB:
    ground = look.main if look.dark or look.name == "Blue" else rng.choice((INDIGO, (40, 34, 40), AUBERGINE))
    ground = _shade(ground, 0.8)
    u0, v0, u1, v1 = field
    p.poly(f.pts(_rect(u0 - 0.03, v0 - 0.04, u1 + 0.03, v1 + 0.04)), ground, solid=False)
    bold = [c for c in (HENNA, ROSE, SAFFRON, OLIVE, MADDER, TEAL, look.main) if _luma(c) > 70]
    # Big, confident blocks spread down the rug, one or two per band so they never all clump.
    n = rng.randint(6, 9)
    for k in range(n):
        c = rng.choice(bold)
        kind = rng.choice(("rect", "diamond", "zigzag", "chevrons", "cross"))
        cx = rng.uniform(u0 + 0.2, u1 - 0.2)
        cy = v0 + (v1 - v0) * (k + 0.5) / n + rng.uniform(-0.05, 0.05)
        if kind == "rect":
            w, h = rng.uniform(0.15, 0.32), rng.uniform(0.06, 0.12)
            _rug_shape(p, f, rng, _rect(cx - w, cy - h, cx + w, cy + h), c, amp=0.006)
            inner = _rect(cx - w * 0.55, cy - h * 0.45, cx + w * 0.55, cy + h * 0.45)
            _rug_shape(p, f, rng, inner, rng.choice(bold), amp=0.006)
        elif kind == "diamond":
            w = rng.uniform(0.3, 0.55)
            _rug_shape(p, f, rng, _diamond(cx, cy, w, w * 0.75), c, amp=0.006)
            _rug_shape(p, f, rng, _diamond(cx, cy, w * 0.4, w * 0.3), ground, amp=0.004)
        elif kind == "zigzag":
            pts = [(cx - 0.3 + i * 0.075, cy + (0.05 if i % 2 else -0.05)) for i in range(9)]
            _rug_line(p, f, rng, pts, c, 0.04, amp=0.006)
        elif kind == "chevrons":
            for j in range(3):
                y = cy - 0.06 + j * 0.055
                _rug_line(p, f, rng, [(cx - 0.2, y + 0.06), (cx, y), (cx + 0.2, y + 0.06)], c, 0.03)
        else:
            _rug_line(p, f, rng, [(cx - 0.18, cy), (cx + 0.18, cy)], c, 0.05)
            _rug_line(p, f, rng, [(cx, cy - 0.12), (cx, cy + 0.12)], c, 0.05)
    return ground


_RUG_PAINTERS: dict[str, Callable[..., RGB]] = {
    "Beni Ourain": _rug_beni_ourain,
    "Azilal": _rug_azilal,
    "Boucherouite": _rug_boucherouite,
    "Kilim": lambda p, f, rng, look, field: _rug_bands(p, f, rng, look, field, hanbel=False),
    "Hanbel": lambda p, f, rng, look, field: _rug_bands(p, f, rng, look, field, hanbel=True),
    "Boujad": _rug_boujad,
    "Taznakht": _rug_taznakht,
    "Zanafi": _rug_zanafi,
    "Talsint": _rug_talsint,
}

# Pile depth decides the texture: long shaggy wool, ordinary knotted pile, or flat weave.
_RUG_TEXTURES: dict[str, _Texture] = {
    "shag": _Texture(0.008, 46, (1.0, 1.7), (0.0025, 34, (1.0, 1.3))),
    "pile": _Texture(0.004, 50, (1.0, 1.0), (0.012, 18, (3.0, 1.0))),
    "flat": _Texture(0.0035, 45, (4.0, 0.7), (0.0025, 25, (0.6, 3.0))),
}
_RUG_PILE = {
    "Beni Ourain": "shag",
    "Boucherouite": "shag",
    "Azilal": "pile",
    "Boujad": "pile",
    "Taznakht": "pile",
    "Talsint": "pile",
    "Zanafi": "flat",
    "Kilim": "flat",
    "Hanbel": "flat",
}


def _rug_fringe(p: _Painter, f: _Frame, rng: random.Random, edge: float, direction: int) -> None:
    """Warp ends knotted in bunches, hanging loose with a little twist."""
    groups = 44
    for i in range(groups):
        u = 0.02 + 0.96 * (i + 0.5) / groups + rng.uniform(-0.004, 0.004)
        length = _FRINGE * rng.uniform(0.65, 0.98)
        sway = rng.uniform(-0.02, 0.02)
        knot = edge + direction * 0.012
        for k in range(4):
            du = (k - 1.5) * 0.0035
            c = _vary(_WARP, rng, 0.06)
            end = (
                u + du * 1.8 + sway + rng.uniform(-0.006, 0.006),
                edge + direction * length * rng.uniform(0.9, 1.05),
            )
            mid = (u + du + sway * 0.4, knot + direction * length * 0.35)
            p.line(f.pts([(u + du, edge), (u + du * 0.5, knot), mid, end]), c, f.len(0.0042), solid=True)
        r = 0.006
        p.ellipse(f.box(u - r, knot - r, u + r, knot + r), _shade(_WARP, 0.86), solid=True)


def _draw_rug(p: _Painter, f: _Frame, rng: random.Random, look: _Look, style: str) -> None:
    top, bottom = _FRINGE, _FRINGE + _RUG_LEN
    _rug_fringe(p, f, rng, top, -1)
    _rug_fringe(p, f, rng, bottom, 1)
    outline = _wobble(_rect(0, top, 1, bottom), rng, 0.0025, 0.05, closed=True)
    p.poly(f.pts(outline), _WARP)
    field = (0.035, top + 0.05, 0.965, bottom - 0.05)
    ground = _RUG_PAINTERS[style](p, f, rng, look, field)
    # Abrash: each new batch of hand-dyed wool is a shade off, in horizontal bands.
    for _ in range(rng.randint(2, 4)):
        v = rng.uniform(top, bottom - 0.1)
        h = rng.uniform(0.04, 0.16)
        tone = (255, 250, 240) if rng.random() < 0.5 else (30, 20, 15)
        p.poly(
            f.pts(_wobble(_rect(0.005, v, 0.995, v + h), rng, 0.004, 0.06, closed=True)),
            _rgba(tone, rng.randint(10, 22)),
            solid=False,
        )
    # Flat-woven end strips where the pile stops before the fringe.
    end_c = _mix(_WARP, ground, 0.25)
    for v in (top, bottom - 0.022):
        p.poly(f.pts(_rect(0.004, v, 0.996, v + 0.022)), end_c, solid=False)
        p.line(f.pts([(0.004, v + 0.011), (0.996, v + 0.011)]), _shade(ground, 0.8), f.len(0.004))
    # Wrapped selvedges, a touch darker than the field.
    for u in (0.005, 0.995):
        p.line(f.pts(_wobble([(u, top), (u, bottom)], rng, 0.0015, 0.08)), _shade(ground, 0.72), f.len(0.009))


# ---------------------------------------------------------------------------------------------
# Zellige
# ---------------------------------------------------------------------------------------------

ZELLIGE_SHAPES = _options("zellige", "shape")

# Tin-glaze colours run deeper and glassier than wool dyes.
_GLAZES: dict[str, RGB] = {
    "Ivory": (236, 232, 220),
    "Black": (32, 32, 34),
    "Red": (152, 42, 38),
    "Orange": (206, 112, 52),
    "Saffron": (222, 170, 52),
    "Green": (30, 104, 74),
    "Blue": (32, 64, 134),
    "Turquoise": (40, 142, 150),
    "Pink": (222, 156, 152),
    "Brown": (112, 62, 40),
    "Grey": (142, 142, 138),
}
_GLAZE_MIX: tuple[RGB, ...] = (
    (30, 104, 74),
    (32, 64, 134),
    (236, 232, 220),
    (222, 170, 52),
    (32, 32, 34),
    (40, 142, 150),
)
_GROUT: RGB = (206, 200, 188)


def _glaze_palette(look: _Look, rng: random.Random) -> list[RGB]:
    if look.multicolour:
        pal = list(_GLAZE_MIX)
        rng.shuffle(pal)
        return pal[:4]
    return [_GLAZES.get(look.name, _mix(look.main, (20, 20, 20), 0.1))]


def _glazed_tile(
    p: _Painter,
    f: _Frame,
    rng: random.Random,
    pts: Sequence[Point],
    colour: RGB,
    size: float,
    clip: tuple[float, float, float, float],
) -> None:
    """One handmade tile, cut to ``clip``: uneven corners, glaze pooling darker at the rim, a soft
    gloss spot, now and then a pit or a hairline crackle."""
    if len(pts) <= 8:
        # Few corners (squares, hexagons): each corner is a little off, as cut by hand.
        pts = [(x + rng.uniform(-0.03, 0.03) * size, y + rng.uniform(-0.03, 0.03) * size) for x, y in pts]
    else:
        # Curved or starry outlines: nudge the whole tile, or its edge would look torn.
        mx = sum(x for x, _ in pts) / len(pts)
        my = sum(y for _, y in pts) / len(pts)
        k, dx, dy = rng.uniform(0.97, 1.01), rng.uniform(-0.02, 0.02) * size, rng.uniform(-0.02, 0.02) * size
        pts = _rotate(
            [(mx + (x - mx) * k + dx, my + (y - my) * k + dy) for x, y in pts],
            mx,
            my,
            rng.uniform(-0.03, 0.03),
        )
    cx = sum(x for x, _ in pts) / len(pts)
    cy = sum(y for _, y in pts) / len(pts)
    c = _vary(colour, rng, 0.07)
    r = size * rng.uniform(0.14, 0.26)
    cloud_x, cloud_y = cx + rng.uniform(-0.18, 0.18) * size, cy + rng.uniform(-0.18, 0.18) * size
    cloud = _rgba(_shade(c, rng.choice((1.2, 0.8))), 30 if _luma(c) > 170 else 64)
    gloss = rng.random() < 0.8
    gx, gy = cx - size * rng.uniform(-0.05, 0.22), cy - size * rng.uniform(-0.05, 0.22)
    gr = size * rng.uniform(0.1, 0.28)
    gv = rng.randint(35, 110)
    tilt = rng.uniform(-0.9, -0.4)
    roll = rng.random()
    outer = _clip_rect(pts, clip)
    if len(outer) < 3:
        return
    inside = (
        clip[0] + size * 0.3 < cx < clip[2] - size * 0.3 and clip[1] + size * 0.3 < cy < clip[3] - size * 0.3
    )
    pale = _luma(c) > 170
    rim = 0.94 if pale else 0.84  # glaze pools at the rim; subtle on white tin glaze
    p.poly(f.pts(outer), _shade(c, rim), solid=False)
    inset = [(cx + (x - cx) * 0.9, cy + (y - cy) * 0.9) for x, y in pts]
    if len(inset) <= 8:
        jig = 0.015 * size
        inset = [(x + rng.uniform(-jig, jig), y + rng.uniform(-jig, jig)) for x, y in _subdivide(inset, 3)]
    inner = _clip_rect(inset, clip)
    if len(inner) >= 3:
        p.poly(f.pts(inner), c, solid=False)
    if not inside:
        return  # a cut tile at the panel's edge: no glaze details that could spill over the cut
    # Glaze settles unevenly: a lighter or darker cloud.
    p.ellipse(f.box(cloud_x - r, cloud_y - r * 0.8, cloud_x + r, cloud_y + r * 0.8), cloud, solid=False)
    if gloss:
        # The window reflected in an uneven glaze: a soft slanted oval, never the same twice.
        spot = _rotate(_ellipse_pts(gx, gy, gr, gr * 0.45, 14), gx, gy, tilt)
        p.highlight_poly(f.pts(spot), gv)
    if roll < 0.2:
        r = size * 0.025
        x, y = cx + rng.uniform(-0.3, 0.3) * size, cy + rng.uniform(-0.3, 0.3) * size
        p.ellipse(f.box(x - r, y - r, x + r, y + r), _shade(c, 0.55), solid=False)
    elif roll < 0.35:
        x, y = cx + rng.uniform(-0.25, 0.25) * size, cy + rng.uniform(-0.25, 0.25) * size
        crack = [(x, y)]
        for _ in range(3):
            x += rng.uniform(-0.12, 0.12) * size
            y += rng.uniform(-0.12, 0.12) * size
            crack.append((x, y))
        p.line(f.pts(crack), _rgba(_shade(c, 0.6), 70), max(1.0, f.len(size * 0.006)))


def _zellige_panel(
    p: _Painter,
    f: _Frame,
    rng: random.Random,
    look: _Look,
    shape: str,
    w: float,
    h: float,
    *,
    grout: RGB = _GROUT,
    checker: Sequence[RGB] = (),
) -> None:
    """Tiles laid over the local rectangle (0, 0)-(w, h), which is also the silhouette.

    ``checker`` (two glazes) lays them as a checkerboard instead of the look's palette.
    """
    p.poly(f.pts(_rect(0, 0, w, h)), grout)
    clip = (0.0, 0.0, w, h)
    pal = list(checker) or _glaze_palette(look, rng)

    def pick(i: int, j: int) -> RGB:
        if checker:
            return pal[(i + j) % len(pal)]
        if len(pal) == 1:
            return pal[0]
        return pal[(i * 7 + j * 3 + rng.randint(0, 1)) % len(pal)] if rng.random() < 0.8 else rng.choice(pal)

    if shape.startswith("Square"):
        t = 0.075 if "5" in shape and "10" not in shape else 0.14
        g = t * 0.09
        for j in range(int(h / t) + 1):
            for i in range(int(w / t) + 1):
                x, y = i * t, j * t
                _glazed_tile(
                    p, f, rng, _rect(x + g / 2, y + g / 2, x + t - g / 2, y + t - g / 2), pick(i, j), t, clip
                )
    elif shape == "Hexagon":
        r = 0.07
        dx, dy = math.sqrt(3) * r, 1.5 * r
        for j in range(int(h / dy) + 2):
            for i in range(-1, int(w / dx) + 2):
                x = i * dx + (dx / 2 if j % 2 else 0)
                y = j * dy
                hexagon = [
                    (x + r * 0.9 * math.cos(a), y + r * 0.9 * math.sin(a))
                    for a in (math.pi / 6 + k * math.pi / 3 for k in range(6))
                ]
                _glazed_tile(p, f, rng, hexagon, pick(i, j), r * 1.7, clip)
    elif shape == "Fish scale":
        r = 0.075
        unit = _fish_scale_unit(0.1)
        for j in range(int(h / (r * 0.9)) + 3):
            y = j * r * 0.9
            for i in range(-1, int(w / (2 * r)) + 2):
                x = i * 2 * r + (r if j % 2 else 0)
                _glazed_tile(p, f, rng, [(x + u * r, y + v * r) for u, v in unit], pick(i, j), r * 1.3, clip)
    else:  # Star: eight-point stars touching at their tips, cross-shaped tiles filling the gaps
        a = 0.2
        star_c = pal[0]
        cross_c = (
            rng.choice(pal[1:]) if len(pal) > 1 else (_TIN_WHITE if _luma(pal[0]) < 160 else (38, 70, 120))
        )
        # The gap between four stars of radius a/2 (exact, from the stars' vertices): a cross whose
        # arms reach the points where neighbouring stars touch.
        k1, k2 = 0.146, 0.354
        cross_unit = [
            (0.5, 0), (1 - k2, k1), (1 - k2, k2), (1 - k1, k2),
            (1, 0.5), (1 - k1, 1 - k2), (1 - k2, 1 - k2), (1 - k2, 1 - k1),
            (0.5, 1), (k2, 1 - k1), (k2, 1 - k2), (k1, 1 - k2),
            (0, 0.5), (k1, k2), (k2, k2), (k2, k1),
        ]  # fmt: skip
        bed_c = _shade(grout, 0.82)  # joints read darker than the bed, even next to white tiles
        for j in range(int(h / a) + 2):
            for i in range(int(w / a) + 2):
                x0, y0 = i * a, j * a
                cross = [(x0 + u * a, y0 + v * a) for u, v in cross_unit]
                _glazed_tile(p, f, rng, cross, cross_c, a * 0.6, clip)
        for j in range(int(h / a) + 2):
            for i in range(int(w / a) + 2):
                cx, cy = i * a, j * a
                bed = _clip_rect(_star(cx, cy, a * 0.53), clip)
                if len(bed) >= 3:
                    p.poly(f.pts(bed), bed_c, solid=False)
                tile = _star(cx, cy, a * 0.47)
                _glazed_tile(p, f, rng, tile, pick(i, j) if len(pal) > 1 else star_c, a * 0.8, clip)


@functools.lru_cache(maxsize=4)
def _fish_scale_unit(grout: float) -> tuple[Point, ...]:
    """The visible part of one fish-scale ("écaille") tile, for radius 1.

    Scales sit on a lattice (2, 0) x (1, 0.9); each is its circle minus the two circles of the row
    above, which overlap its top and leave the pointed tip. Shrinking its own circle and growing
    the neighbours' by half a joint leaves an even grout line all round.
    """
    r0, r1 = 1 - grout / 2, 1 + grout / 2
    up = 0.9

    def on_neighbour(a: float) -> float:  # > 0 when the point at angle a is outside the upper-right circle
        x, y = r0 * math.cos(a), r0 * math.sin(a)
        return math.hypot(x - 1, y + up) - r1

    lo, hi = -math.pi / 2, 0.0  # the right-hand crossing lies in the upper-right quarter
    for _ in range(40):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if on_neighbour(mid) > 0 else (mid, hi)
    a_r = hi
    arc = [
        (r0 * math.cos(a), r0 * math.sin(a)) for a in (a_r + (math.pi - 2 * a_r) * k / 24 for k in range(25))
    ]
    # Up the concave edge of the upper-left neighbour to the tip, and down the upper-right one.
    tip_y = -up + math.sqrt(max(0.0, r1 * r1 - 1))
    left_x, left_y = arc[-1]
    a0 = math.atan2(left_y + up, left_x + 1)
    a1 = math.atan2(tip_y + up, 0 + 1)
    left = [
        (-1 + r1 * math.cos(a), -up + r1 * math.sin(a)) for a in (a0 + (a1 - a0) * k / 8 for k in range(1, 9))
    ]
    right = [(-x, y) for x, y in reversed(left[:-1])]
    return tuple(arc + left + right)


def _draw_zellige(p: _Painter, f: _Frame, rng: random.Random, look: _Look, shape: str) -> None:
    # A sample board: the tile field plus the mortar bed's edge, which shows its thickness.
    p.poly(f.pts(_rect(0.012, 0.012, 1.012, 1.012)), (150, 144, 134))
    _zellige_panel(p, f, rng, look, shape, 1.0, 1.0)


# ---------------------------------------------------------------------------------------------
# Pieces: what each craft/style draws and how it is photographed
# ---------------------------------------------------------------------------------------------

Drawer = Callable[[_Painter, _Frame, random.Random, _Look, str], None]


@dataclass(frozen=True)
class _Piece:
    """How one kind of object is drawn and photographed.

    ``extent`` is its local size (the drawer keeps inside (0, 0)-extent), ``focus`` the close-up
    centre as fractions of the extent, ``place`` where it goes in a room: "flat" (lies on the
    floor), "floor", "table", "surface" (seen from above), "wall", "ceiling" or "tiles".
    ``soft`` (local units) blurs the paint, for long-pile wool whose motifs have fuzzy edges.
    """

    draw: Drawer
    variant: str
    extent: tuple[float, float]
    texture: _Texture | None
    focus: tuple[float, float] = (0.5, 0.5)
    place: str = "table"
    zoom: float = 2.6
    stands: bool = True
    glow: RGB | None = None
    soft: float = 0.0


_GLAZE_TEX = _Texture(0.04, 14, (1.0, 1.0), (0.004, 10, (1.0, 1.0)))


def _resolve(craft: str, style: str) -> _Piece:
    if craft == "rug":
        variant = _match(style, RUG_STYLES, "Beni Ourain")
        pile = _RUG_PILE[variant]
        return _Piece(
            _draw_rug,
            variant,
            _RUG_EXTENT,
            _RUG_TEXTURES[pile],
            (0.32, 0.87),
            "flat",
            2.4,
            stands=False,
            soft=0.0025 if pile == "shag" else 0.0,
        )
    if craft == "zellige":
        shape = _match(re.sub(r"(\d)\s*[xX*]\s*(\d)", r"\1×\2", style), ZELLIGE_SHAPES, "")
        if not shape:
            s = style.lower()
            shape = (
                "Square 5×5"
                if "5" in s
                else "Fish scale"
                if "scale" in s or "caille" in s
                else "Square 10×10"
            )
        return _Piece(
            _draw_zellige, shape, (1.012, 1.012), _GLAZE_TEX, (0.42, 0.42), "tiles", 2.8, stands=False
        )
    return _OTHER_CRAFTS[craft](style)


def _place_in_studio(piece: _Piece, canvas: int, view: int, rng: random.Random) -> _Frame:
    """Frame for the studio (view 0) or close-up (view 1) shot of ``piece`` on a square canvas."""
    ew, eh = piece.extent
    margin = 0.075 if piece.place in ("flat", "tiles") else 0.13
    scale = min((1 - 2 * margin) * canvas / ew, (1 - 2 * margin) * canvas / eh)
    if view == 1:
        scale *= piece.zoom
        fx = piece.focus[0] + rng.uniform(-0.04, 0.04)
        fy = piece.focus[1] + rng.uniform(-0.03, 0.03)
        return _Frame(canvas / 2 - fx * ew * scale, canvas / 2 - fy * eh * scale, scale)
    # Standing pieces sit a little low, leaving room above and a shadow below.
    drop = 0.02 * canvas if piece.stands else 0.0
    return _Frame((canvas - ew * scale) / 2, (canvas - eh * scale) / 2 + drop, scale)


def product_image(
    *, craft: str, style: str, colour: str, seed: int, view: int, size: int = 960
) -> Image.Image:
    """An RGB ``size`` x ``size`` demo photo of one handmade piece (see the module docstring).

    Raises ``ValueError`` for an unknown craft, a view other than 0, 1 or 2, or a size under 16.
    """
    if craft not in CRAFT_CODES:
        raise ValueError(f"unknown craft {craft!r}; expected one of {', '.join(CRAFT_CODES)}")
    if view not in (0, 1, 2):
        raise ValueError(f"view must be 0, 1 or 2, not {view!r}")
    if size < 16:
        raise ValueError("size must be at least 16 pixels")
    piece = _resolve(craft, style or "")
    look = _look(colour)
    # The design rng depends on the seed only, so every view shows the same piece; the scene rng
    # (backdrop, framing, grain) also varies with the view.
    design = random.Random(seed)
    scene = random.Random(seed * 7 + view * 1_000_003 + 11)
    canvas = size * _SS
    if view == 2:
        img = _in_context(piece, look, design, scene, size)
    else:
        p = _Painter((canvas, canvas))
        f = _place_in_studio(piece, canvas, view, scene)
        piece.draw(p, f, design, look, piece.variant)
        dim = 0.8 if piece.glow else 1.0
        bg = _studio((size, size), scene, dim=dim)
        shadow = {
            "offset": (size * 0.012, size * (0.025 if piece.stands else 0.012)),
            "blur": size * (0.035 if piece.stands else 0.02),
            "opacity": 0.38 if piece.stands else 0.5,
            "contact": 0.55 if piece.stands else 0.0,
        }
        img = _compose(
            bg, p, scene, texture=piece.texture, scale=f.s, shadow=shadow, glow=piece.glow, soft=piece.soft
        )
    img = _vignette(img, 0.2 if view != 1 else 0.28)
    return _grain(img, scene, 5)


# ---------------------------------------------------------------------------------------------
# Rooms (view 2)
# ---------------------------------------------------------------------------------------------

_WALLS: tuple[RGB, ...] = (
    (226, 214, 196),
    (214, 188, 160),
    (222, 204, 178),
    (206, 176, 150),
    (230, 222, 208),
)
_WOODS: dict[str, RGB] = {
    "oak": (166, 124, 84),
    "walnut": (108, 74, 50),
    "cedar": (176, 120, 76),
    "thuya": (150, 86, 46),
    "lemonwood": (214, 186, 122),
}


class _Camera:
    """A pinhole camera over a floor: floor point (x, z) -> pixel; y is the floor height 0."""

    def __init__(self, size: int, horizon: float, height: float = 1.0, focal: float = 0.9) -> None:
        self.size, self.hy, self.height, self.f = size, horizon * size, height, focal * size

    def floor(self, x: float, z: float) -> Point:
        return (self.size / 2 + self.f * x / z, self.hy + self.f * self.height / z)

    def up(self, x: float, z: float, y: float) -> Point:
        """A point ``y`` above the floor."""
        return (self.size / 2 + self.f * x / z, self.hy + self.f * (self.height - y) / z)


def _wall_texture(
    img: Image.Image, rng: random.Random, mask: Image.Image | None = None, amount: int = 16
) -> Image.Image:
    plate = _mottle(img.size, amount)
    if rng.random() < 0.5:
        plate = plate.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    out = ImageChops.multiply(img, plate)
    return out if mask is None else Image.composite(out, img, mask)


def _window_light(
    img: Image.Image, rng: random.Random, quads: Sequence[Sequence[Point]], strength: int = 60
) -> Image.Image:
    """Warm sunlight falling through a window: soft-edged bright patches, added."""
    w, h = img.size
    q = 4
    m = Image.new("L", (w // q, h // q), 0)
    d = ImageDraw.Draw(m)
    for quad in quads:
        d.polygon([(x / q, y / q) for x, y in quad], fill=strength)
    m = m.filter(ImageFilter.GaussianBlur(w / 120)).resize((w, h), Image.Resampling.BILINEAR)
    warm = Image.merge("RGB", [m, m.point(lambda v: int(v * 0.85)), m.point(lambda v: int(v * 0.62))])
    return ImageChops.add(img, warm)


def _room(size: int, rng: random.Random, *, wall_to: float, floor: str, cam: _Camera) -> Image.Image:
    """Plastered back wall over a floor seen through ``cam`` (drawn at 2x, returned at 1x)."""
    s = size * _SS
    wall = rng.choice(_WALLS)
    img = Image.new("RGB", (s, s), wall)
    d = ImageDraw.Draw(img)
    horizon = wall_to * s
    zw = cam.f * cam.height / (horizon - cam.hy)
    # Tadelakt skirting: a darker polished band where wall meets floor.
    skirt = s * 0.022
    d.rectangle((0, horizon - skirt, s, horizon), fill=_shade(wall, 0.78))
    floor_mask = Image.new("L", (s, s), 0)
    ImageDraw.Draw(floor_mask).rectangle((0, horizon, s, s), fill=255)
    if floor == "wood":
        wood = rng.choice((_WOODS["oak"], _WOODS["walnut"], (150, 110, 76)))
        plank = 0.22
        for i in range(-16, 17):
            x0, x1 = i * plank, (i + 1) * plank
            c = _vary(wood, rng, 0.08)
            d.polygon([cam.floor(x0, zw), cam.floor(x1, zw), cam.floor(x1, 0.3), cam.floor(x0, 0.3)], fill=c)
            z = zw - rng.uniform(0.2, 1.6)
            while z > 0.4:
                d.line([cam.floor(x0, z), cam.floor(x1, z)], fill=_shade(c, 0.75), width=2)
                z -= rng.uniform(1.2, 2.4)
            d.line([cam.floor(x0, zw), cam.floor(x0, 0.3)], fill=_shade(wood, 0.6), width=3)
        d.rectangle((0, horizon - 1, s, horizon + 2), fill=_shade(wood, 0.55))
    else:  # bejmat: small glazed terracotta bricks in a running bond
        clay = rng.choice(((176, 96, 64), (190, 120, 84), (150, 84, 58)))
        bw, bh = 0.3, 0.1
        d.rectangle((0, horizon, s, s), fill=_shade(clay, 0.7))
        j = 0
        z = zw
        while z > 0.35:
            for i in range(-12, 13):
                x0 = i * bw + (bw / 2 if j % 2 else 0)
                c = _vary(clay, rng, 0.1)
                g = 0.008
                d.polygon(
                    [
                        cam.floor(x0 + g, z - g),
                        cam.floor(x0 + bw - g, z - g),
                        cam.floor(x0 + bw - g, z - bh + g),
                        cam.floor(x0 + g, z - bh + g),
                    ],
                    fill=c,
                )
            z -= bh
            j += 1
    out = img.reduce(_SS)
    fm = floor_mask.reduce(_SS)
    out = _wall_texture(out, rng, ImageChops.invert(fm))
    grain = _noise(rng, out.size, (1.5, 22.0) if floor == "wood" else (2.0, 2.0)).point(
        lambda v: 255 - (255 - v) // 5
    )
    out = Image.composite(ImageChops.multiply(out, grain.convert("RGB")), out, fm)
    return ImageChops.multiply(out, _side_light(out.size, 4))


@functools.lru_cache(maxsize=8)
def _side_light(size: tuple[int, int], falloff: int) -> Image.Image:
    """Light falling off from a window on the left: 255 at the left edge, 255 - 255/falloff at the right."""
    side = Image.linear_gradient("L").rotate(90).resize(size, Image.Resampling.BILINEAR)
    side = side.point(lambda v: 255 - v // falloff)
    return side.transpose(Image.Transpose.FLIP_LEFT_RIGHT).convert("RGB")


def _in_context(
    piece: _Piece, look: _Look, design: random.Random, scene: random.Random, size: int
) -> Image.Image:
    """View 2: the piece where it would live: on a floor, a table, a wall, hung from the ceiling."""
    if piece.place == "flat":
        return _context_flat(piece, look, design, scene, size)
    if piece.place == "tiles":
        return _context_tiles(piece, look, design, scene, size)
    if piece.place == "surface":
        return _context_surface(piece, look, design, scene, size)
    if piece.place in ("wall", "ceiling"):
        return _context_hung(piece, look, design, scene, size)
    return _context_standing(piece, look, design, scene, size)


def _context_flat(
    piece: _Piece, look: _Look, design: random.Random, scene: random.Random, size: int
) -> Image.Image:
    """A rug (or mat) lying on a floor in perspective, the back wall behind."""
    s = size * _SS
    cam = _Camera(s, horizon=0.1, height=1.0, focal=0.95)
    bg = _room(size, scene, wall_to=0.34, floor=scene.choice(("wood", "wood", "bejmat")), cam=cam)
    ew, eh = piece.extent
    width = 1.05 if eh > 1.3 * ew else 0.8
    length = width * eh / ew
    angle = scene.uniform(-0.12, 0.12)
    cx, cz = scene.uniform(-0.08, 0.08), 1.25 + length / 2
    corners = []
    for lx, lz in (
        (-width / 2, length / 2),
        (width / 2, length / 2),
        (width / 2, -length / 2),
        (-width / 2, -length / 2),
    ):
        x = cx + lx * math.cos(angle) - lz * math.sin(angle)
        z = cz + lx * math.sin(angle) + lz * math.cos(angle)
        corners.append(cam.floor(x, z))
    f = _Projected(corners, ew, eh)
    p = _Painter((s, s))
    piece.draw(p, f, design, look, piece.variant)
    shadow = {"offset": (size * 0.004, size * 0.008), "blur": size * 0.012, "opacity": 0.55}
    img = _compose(bg, p, scene, texture=piece.texture, scale=f.s, shadow=shadow, soft=piece.soft)
    light = [
        (0.05 * size, 0.55 * size),
        (0.45 * size, 0.5 * size),
        (0.62 * size, 1.0 * size),
        (0.0, 1.0 * size),
    ]
    return _window_light(img, scene, [light], 28)


def _standing_frame(piece: _Piece, s: int, cx: float, bottom: float, max_w: float, max_h: float) -> _Frame:
    ew, eh = piece.extent
    scale = min(max_w / ew, max_h / eh)
    return _Frame(cx - ew * scale / 2, bottom - eh * scale * 0.93, scale)


def _measured(p: _Painter) -> tuple[float, float, float, float]:
    """Bounding box of what was actually drawn (2x pixels), measured on a cheap 1/8 copy."""
    q = 8
    box = p.cover.reduce(q).getbbox() or (0, 0, p.size[0] // q, p.size[1] // q)
    return (box[0] * q, box[1] * q, box[2] * q, box[3] * q)


def _context_standing(
    piece: _Piece, look: _Look, design: random.Random, scene: random.Random, size: int
) -> Image.Image:
    """On a wooden table against a plastered wall, or on the floor for big pieces (pouf, basket)."""
    s = size * _SS
    on_floor = piece.place == "floor"
    p = _Painter((s, s))
    cx = s * scene.uniform(0.44, 0.56)
    if on_floor:
        f = _standing_frame(piece, s, cx, s * 0.88, s * 0.62, s * 0.56)
    else:
        f = _standing_frame(piece, s, cx, s * 0.78, s * 0.56, s * 0.5)
    piece.draw(p, f, design, look, piece.variant)
    x0, _, x1, y1 = _measured(p)
    if on_floor:
        cam = _Camera(s, horizon=0.36, height=1.0, focal=0.95)
        bg = _room(
            size, scene, wall_to=min(0.72, y1 / s - 0.2), floor=scene.choice(("wood", "bejmat")), cam=cam
        )
    else:
        bg = _table_scene(size, scene, y1, (x0 + x1) / 2)
    shadow = {"offset": (size * 0.03, size * 0.008), "blur": size * 0.03, "opacity": 0.35, "contact": 0.6}
    img = _compose(
        bg, p, scene, texture=piece.texture, scale=f.s, shadow=shadow, glow=piece.glow, soft=piece.soft
    )
    return _window_light(
        img,
        scene,
        [[(0, 0.1 * size), (0.22 * size, 0.05 * size), (0.34 * size, 0.6 * size), (0, 0.7 * size)]],
        22,
    )


def _table_scene(size: int, rng: random.Random, surface_y: float, cx: float) -> Image.Image:
    """Plaster wall, sometimes with an arched niche, and a wooden table top; ``surface_y`` (2x px)
    is where the piece touches the table."""
    s = size * _SS
    wall = rng.choice(_WALLS)
    img = Image.new("RGB", (s, s), wall)
    d = ImageDraw.Draw(img)
    surface_y = min(max(surface_y, s * 0.5), s * 0.85)  # the measured base is coarse at tiny sizes
    back, front = surface_y - s * 0.07, surface_y + s * 0.09
    if rng.random() < 0.55:
        # An arched niche carved in the wall behind the piece, shadowed at the top.
        w = s * 0.3
        arch = [
            (cx - w, back),
            *_ellipse_pts(cx, s * 0.2 + w, w, w * 1.1, 24, math.pi, math.tau),
            (cx + w, back),
        ]
        d.polygon(arch, fill=_shade(wall, 0.9))
        for k in range(6):
            t = k / 6
            inner = [
                (cx - w * (1 - t * 0.02), back),
                *_ellipse_pts(
                    cx, s * 0.2 + w + t * s * 0.05, w * (1 - t * 0.02), w * 1.1, 24, math.pi, math.tau
                ),
                (cx + w * (1 - t * 0.02), back),
            ]
            d.polygon(inner, fill=_shade(wall, 0.84 + t * 0.06))
    wood = rng.choice((_WOODS["cedar"], _WOODS["walnut"], _WOODS["oak"]))
    top = [(-s * 0.1, back), (s * 1.1, back), (s * 1.3, front), (-s * 0.3, front)]
    d.polygon(top, fill=wood)
    for k in range(-12, 13):
        xb = s / 2 + k * s * 0.09
        xf = s / 2 + k * s * 0.09 * 1.35
        d.line([(xb, back), (xf, front)], fill=_shade(wood, 0.86), width=2)
    d.rectangle((0, front, s, front + s * 0.045), fill=_shade(wood, 0.62))
    d.rectangle((0, front + s * 0.045, s, s), fill=_shade(wall, 0.55))
    out = img.reduce(_SS)
    mask = Image.new("L", out.size, 0)
    ImageDraw.Draw(mask).polygon([(x / _SS, y / _SS) for x, y in top], fill=255)
    out = _wall_texture(out, rng, ImageChops.invert(mask))
    grain = _noise(rng, out.size, (40.0, 1.2)).point(lambda v: 255 - (255 - v) // 4).convert("RGB")
    out = Image.composite(ImageChops.multiply(out, grain), out, mask)
    return ImageChops.multiply(out, _side_light(out.size, 5))


def _context_hung(
    piece: _Piece, look: _Look, design: random.Random, scene: random.Random, size: int
) -> Image.Image:
    """Hung on a wall (garments on a peg rail, mirrors, sconces) or from the ceiling (lanterns,
    which are shown lit in an evening room, throwing their pattern on the walls)."""
    s = size * _SS
    ceiling = piece.place == "ceiling"
    p = _Painter((s, s))
    ew, eh = piece.extent
    scale = min(s * 0.64 / ew, s * (0.62 if ceiling else 0.74) / eh)
    cx = s * scene.uniform(0.46, 0.54)
    f = _Frame(cx - ew * scale / 2, s * (0.1 if ceiling else 0.08), scale)
    if ceiling:
        top = f.pt(ew / 2, 0.0)
        p.line([(top[0], 0), (top[0], top[1] + 2)], (70, 60, 50), 4, solid=True)
    piece.draw(p, f, design, look, piece.variant)
    x0, y0, x1, y1 = _measured(p)
    cam = _Camera(s, horizon=0.5, height=1.0, focal=0.95)
    bg = _room(size, scene, wall_to=0.88 if not ceiling else 0.9, floor="wood", cam=cam)
    if piece.variant in ("Caftan", "Djellaba"):
        bg = _peg_rail(bg, f.pt(0, 0.045)[1] / _SS, scene)
    if ceiling:
        bg = ImageChops.multiply(bg, Image.new("RGB", bg.size, (120, 110, 104)))
        bg = _light_pattern(bg, scene, ((x0 + x1) / 2 / _SS, (y0 + (y1 - y0) * 0.62) / _SS), (x1 - x0) / _SS)
        shadow = None
    else:
        shadow = {"offset": (size * 0.025, size * 0.03), "blur": size * 0.025, "opacity": 0.32}
    return _compose(
        bg, p, scene, texture=piece.texture, scale=f.s, shadow=shadow, glow=piece.glow, soft=piece.soft
    )


def _peg_rail(bg: Image.Image, y: float, rng: random.Random) -> Image.Image:
    d = ImageDraw.Draw(bg)
    w = bg.size[0]
    wood = _WOODS["cedar"]
    h = w * 0.022
    d.rectangle((0, y - h * 0.2, w, y + h * 0.8), fill=_shade(wood, 0.9))
    d.line([(0, y + h * 0.8), (w, y + h * 0.8)], fill=_shade(wood, 0.6), width=2)
    return bg


def _light_pattern(bg: Image.Image, rng: random.Random, centre: Point, lamp: float) -> Image.Image:
    """The starry dapple a pierced lantern throws on the walls around it."""
    w, h = bg.size
    q = 2
    m = Image.new("L", (w // q, h // q), 0)
    d = ImageDraw.Draw(m)
    cx, cy = centre[0] / q, centre[1] / q
    for ring in range(1, 9):
        radius = lamp / q * (0.55 + 0.3 * ring)
        count = 14 + ring * 8
        phase = rng.uniform(0, 1)
        for k in range(count):
            a = math.tau * (k + phase) / count
            x, y = cx + radius * math.cos(a), cy + radius * math.sin(a) * 0.9
            rr = (5 + ring * 1.6) * w / 1920
            pts = _rotate(_ellipse_pts(x, y, rr * 1.7, rr, 10), x, y, a)
            d.polygon(pts, fill=int(210 * (1 - ring / 9)))
    m = m.filter(ImageFilter.GaussianBlur(w / 1300)).resize((w, h), Image.Resampling.BILINEAR)
    warm = Image.merge("RGB", [m, m.point(lambda v: int(v * 0.78)), m.point(lambda v: int(v * 0.48))])
    return ImageChops.add(bg, warm)


def _context_surface(
    piece: _Piece, look: _Look, design: random.Random, scene: random.Random, size: int
) -> Image.Image:
    """Seen from above on a cedar board or natural linen, next to a glazed dish."""
    s = size * _SS
    jewellery = piece.draw is _draw_jewellery
    kind = scene.choice(("linen", "wood") if jewellery else ("bejmat", "wood"))
    if kind == "linen":
        base = _vary((214, 200, 176), scene, 0.04)
        bg = Image.new("RGB", (size, size), base)
        weave = ImageChops.multiply(
            _noise(scene, bg.size, (1.2, 6.0)).point(lambda v: 255 - (255 - v) // 5),
            _noise(scene, bg.size, (6.0, 1.2)).point(lambda v: 255 - (255 - v) // 5),
        )
        bg = ImageChops.multiply(bg, weave.convert("RGB"))
    elif kind == "bejmat":
        clay = scene.choice(((176, 96, 64), (190, 120, 84), (150, 84, 58)))
        bg = Image.new("RGB", (size, size), _shade(clay, 0.72))
        d = ImageDraw.Draw(bg)
        bw, bh, g = size / 4.2, size / 12.6, max(1, size // 240)
        for j in range(13):
            for i in range(-1, 5):
                x = i * bw + (bw / 2 if j % 2 else 0)
                d.rectangle((x + g, j * bh + g, x + bw - g, (j + 1) * bh - g), fill=_vary(clay, scene, 0.1))
        bg = _wall_texture(bg, scene, amount=30)
    else:
        wood = scene.choice((_WOODS["cedar"], _WOODS["walnut"], _WOODS["oak"]))
        bg = Image.new("RGB", (size, size), wood)
        d = ImageDraw.Draw(bg)
        y = 0.0
        while y < size:
            hgt = size * scene.uniform(0.18, 0.3)
            d.rectangle((0, y, size, y + hgt), fill=_vary(wood, scene, 0.06))
            d.line([(0, y), (size, y)], fill=_shade(wood, 0.55), width=max(1, size // 400))
            y += hgt
        grain = _noise(scene, bg.size, (size / 6, 1.5)).point(lambda v: 255 - (255 - v) // 3)
        bg = ImageChops.multiply(bg, grain.convert("RGB"))
    p = _Painter((s, s))
    if jewellery:
        # Jewellery gets a glazed dish in the corner, for scale and colour.
        dish = _Frame(s * 0.66, s * 0.62, s * 0.55)
        dish_look = _look(scene.choice(("Blue", "Saffron", "Ivory")))
        dish_style = scene.choice(("Plate|Fes blue", "Plate|Safi"))
        _draw_ceramics(p, dish, random.Random(scene.getrandbits(32)), dish_look, dish_style)
    ew, eh = piece.extent
    scale = min(s * 0.62 / ew, s * 0.62 / eh)
    f = _Frame(s * 0.42 - ew * scale / 2, s * 0.44 - eh * scale / 2, scale)
    piece.draw(p, f, design, look, piece.variant)
    shadow = {"offset": (size * 0.01, size * 0.016), "blur": size * 0.012, "opacity": 0.5}
    img = _compose(bg, p, scene, texture=piece.texture, scale=f.s, shadow=shadow)
    return _window_light(img, scene, [[(0, 0), (size * 0.7, 0), (size * 0.3, size), (0, size)]], 20)


def _context_tiles(
    piece: _Piece, look: _Look, design: random.Random, scene: random.Random, size: int
) -> Image.Image:
    """Zellige laid as a wainscot on a wall, with a tadelakt jar standing in front."""
    s = size * _SS
    cam = _Camera(s, horizon=0.5, height=1.0, focal=0.95)
    bg = _room(size, scene, wall_to=0.9, floor="bejmat", cam=cam)
    p = _Painter((s, s))
    scale = s * 0.58
    top_y, bottom_y = s * scene.uniform(0.26, 0.34), s * 0.9
    f = _Frame(-scene.uniform(0, 0.1) * scale, top_y, scale)
    _zellige_panel(p, f, design, look, piece.variant, s / scale + 0.2, (bottom_y - top_y) / scale)
    # A bullnose cap tile finishing the top edge.
    cap = [(0, top_y - s * 0.03), (s, top_y - s * 0.03), (s, top_y), (0, top_y)]
    first = _glaze_palette(look, random.Random(0))[0]
    p.poly(cap, _shade(first, 0.7) if _luma(first) > 90 else _TIN_WHITE)
    p.shade(cap, "cylinder")
    p.highlight_poly(
        [(0, top_y - s * 0.022), (s, top_y - s * 0.022), (s, top_y - s * 0.012), (0, top_y - s * 0.012)], 150
    )
    # The jar shares the painter (one composition instead of two); its shadow on the tiles is
    # painted as a few translucent rings, the one on the floor comes from the drop shadow.
    jx = s * scene.uniform(0.56, 0.66)
    jf = _Frame(jx, s * 0.54, s * 0.42)
    sx, sy = jf.pt(0.62, 0.62)
    for k in range(6):
        r = s * (0.2 - k * 0.025)
        p.ellipse((sx - r * 0.8, sy - r * 1.3, sx + r * 0.8, sy + r * 1.3), (20, 16, 12, 22), solid=False)
    jar_look = _look(scene.choice(("Ivory", "Brown", "Saffron")))
    _draw_ceramics(
        p, jf, random.Random(scene.getrandbits(32)), jar_look, scene.choice(("Jar|Tadelakt", "Vase|Tadelakt"))
    )
    shadow = {"offset": (size * 0.03, size * 0.006), "blur": size * 0.02, "opacity": 0.35}
    img = _compose(bg, p, scene, texture=piece.texture, scale=f.s, shadow=shadow)
    light = [(0, 0.2 * size), (0.35 * size, 0.25 * size), (0.5 * size, 0.9 * size), (0, 0.9 * size)]
    return _window_light(img, scene, [light], 30)


# ---------------------------------------------------------------------------------------------
# Ceramics
# ---------------------------------------------------------------------------------------------

CERAMIC_OBJECTS = _options("ceramics", "object_type")
CERAMIC_TRADITIONS = _options("ceramics", "tradition")
_COBALT: RGB = (34, 60, 138)
_TIN_WHITE: RGB = (238, 234, 222)


@dataclass(frozen=True)
class _Glaze:
    ground: RGB
    inks: tuple[RGB, ...]
    spec: float
    painted: bool
    drips: bool = False


def _ceramic_glaze(tradition: str, look: _Look, rng: random.Random) -> _Glaze:
    if tradition == "Fes blue":
        ink = look.main if look.name in ("Blue", "Turquoise", "Green") else _COBALT
        return _Glaze(_TIN_WHITE, (ink, _shade(ink, 0.75)), 0.6, True)
    if tradition == "Tamegroute green":
        ground = _GLAZES[look.name] if look.name in ("Green", "Brown", "Black", "Turquoise") else (52, 98, 48)
        return _Glaze(ground, (), 0.65, False, drips=True)
    if tradition == "Tadelakt":
        return _Glaze(_mix(look.main, (200, 180, 160), 0.15), (), 0.12, False)
    ground = _TIN_WHITE if look.multicolour else _GLAZES.get(look.name, look.main)
    contrast = CHARCOAL if _luma(ground) > 110 else _TIN_WHITE
    return _Glaze(ground, (contrast, *look.accents(rng, 2)), 0.55, True)


def _motif(p: _Painter, f: _Frame, kind: str, x: float, y: float, s: float, squeeze: float, ink: RGB) -> None:
    """One painted brush motif of size ``s``, foreshortened horizontally by ``squeeze``."""
    w = s * squeeze
    if kind == "triangle":
        p.poly(f.pts([(x - w / 2, y + s / 2), (x, y - s / 2), (x + w / 2, y + s / 2)]), ink, solid=False)
    elif kind == "diamond":
        p.poly(f.pts(_diamond(x, y, w, s)), ink, solid=False)
    elif kind == "dot":
        p.ellipse(f.box(x - w / 3, y - s / 3, x + w / 3, y + s / 3), ink, solid=False)
    elif kind == "petal":
        p.poly(f.pts(_ellipse_pts(x, y, w * 0.28, s * 0.55, 12)), ink, solid=False)
    else:  # "cross"
        p.line(f.pts([(x - w / 2, y), (x + w / 2, y)]), ink, f.len(s * 0.18))
        p.line(f.pts([(x, y - s / 2), (x, y + s / 2)]), ink, f.len(s * 0.18))


def _decorate_body(p, f, rng, glaze: _Glaze, cx, radius, v0: float, v1: float, tilt: float) -> None:
    """Painted bands and motifs following the curve of a turned body between heights v0 and v1."""
    if glaze.drips:
        # Tamegroute: the glaze runs in long soft streaks and pools darker towards the foot.
        for _ in range(18):
            v = rng.uniform(v0, v0 + (v1 - v0) * 0.4)
            a = rng.uniform(-1.2, 1.2)
            x = cx + radius(v) * math.sin(a)
            end = min(v1, v + rng.uniform(0.12, 0.35))
            tone = (
                _shade(glaze.ground, rng.uniform(0.5, 0.75))
                if rng.random() < 0.7
                else _shade(glaze.ground, 1.3)
            )
            run = _wobble([(x, v), (x, end)], rng, 0.003, 0.03)
            p.line(f.pts(run), _rgba(tone, 55), f.len(rng.uniform(0.015, 0.035)) * math.cos(a))
        for k in range(3):
            band = _band(cx, radius, v1 - 0.02 - k * 0.025, tilt)
            p.line(f.pts(band), _rgba(_shade(glaze.ground, 0.55), 50), f.len(0.03))
        # Crackle: the glaze crazes into a fine irregular net as it cools.
        for _ in range(60):
            v = rng.uniform(v0, v1)
            a = rng.uniform(-1.3, 1.3)
            r = radius(v)
            pts = [(cx + r * math.sin(a), v)]
            for _ in range(3):
                a += rng.uniform(-0.08, 0.08)
                v += rng.uniform(-0.02, 0.02)
                pts.append((cx + radius(v) * math.sin(a), v))
            p.line(f.pts(pts), _rgba(_shade(glaze.ground, 0.5), 70), max(1.0, f.len(0.002)))
        return
    if not glaze.painted:
        # Tadelakt: burnished with a stone, leaving soft cloudy trowel marks.
        for _ in range(30):
            v = rng.uniform(v0, v1)
            a0 = rng.uniform(-1.4, 0.8)
            a1 = a0 + rng.uniform(0.2, 0.7)
            r = radius(v)
            stroke = [
                (cx + r * math.sin(a), v + tilt * r * math.cos(a) + rng.uniform(-0.004, 0.004))
                for a in (a0 + (a1 - a0) * i / 6 for i in range(7))
            ]
            tone = _shade(glaze.ground, rng.choice((1.12, 0.9)))
            p.line(f.pts(stroke), _rgba(tone, rng.randint(30, 55)), f.len(rng.uniform(0.015, 0.04)))
        return
    inks = glaze.inks
    n_bands = rng.randint(2, 4)
    for k in range(n_bands):
        v = v0 + (v1 - v0) * (k + 0.5) / n_bands
        ink = inks[k % len(inks)]
        for dv in (-0.035, 0.035):
            p.line(f.pts(_band(cx, radius, v + dv, tilt)), ink, f.len(0.007))
        kind = rng.choice(("triangle", "diamond", "dot", "petal", "cross"))
        count = max(8, int(math.tau * radius(v) / 0.06))
        for x, y, sq in _around(cx, radius, v, tilt, count, rng.uniform(0, 1)):
            _motif(p, f, kind, x, y, 0.045, sq, inks[(k + 1) % len(inks)])


def _rosette(p, f, rng, glaze: _Glaze, cx: float, cy: float, rx: float, ry: float) -> None:
    """Concentric painted rings and a star, seen on a dish face or inside a bowl."""
    if not glaze.painted:
        for k in range(3):
            t = 0.3 + 0.25 * k
            ring = _ellipse_pts(cx, cy, rx * t, ry * t, 48)
            p.line(f.pts([*ring, ring[0]]), _rgba(_shade(glaze.ground, 0.8), 80), f.len(0.006))
        return
    inks = glaze.inks
    for k, t in enumerate((0.92, 0.7, 0.45)):
        ring = _ellipse_pts(cx, cy, rx * t, ry * t, 64)
        p.line(f.pts([*ring, ring[0]]), inks[k % len(inks)], f.len(0.008))
        kind = rng.choice(("triangle", "dot", "petal", "diamond"))
        count = int(12 + 16 * t)
        for i in range(count):
            a = math.tau * i / count
            tm = t - 0.11
            _motif(
                p,
                f,
                kind,
                cx + rx * tm * math.cos(a),
                cy + ry * tm * math.sin(a),
                0.05 * t + 0.01,
                ry / rx,
                inks[(k + 1) % len(inks)],
            )
    star = _star(cx, cy, rx * 0.22, 8)
    p.poly(f.pts([(x, cy + (y - cy) * ry / rx) for x, y in star]), inks[0], solid=False)
    p.ellipse(
        f.box(cx - rx * 0.06, cy - ry * 0.06, cx + rx * 0.06, cy + ry * 0.06), glaze.ground, solid=False
    )


def _vessel(p, f, rng, glaze: _Glaze, cx: float, profile, tilt: float, *, open_top: bool = True):
    """A glazed turned vessel; returns its radius function."""
    outline, radius = _lathe(cx, profile, tilt)
    p.poly(f.pts(outline), glaze.ground)
    p.shade(f.pts(outline), "cylinder", spec=glaze.spec, lo=0.08 if glaze.spec < 0.3 else 0.0)
    v0, v1 = profile[0][0], profile[-1][0]
    _decorate_body(p, f, rng, glaze, cx, radius, v0 + (v1 - v0) * 0.12, v1 - (v1 - v0) * 0.1, tilt)
    if open_top:
        r0 = radius(v0)
        mouth = _ellipse_pts(cx, v0, r0 * 0.9, r0 * tilt * 0.9, 40)
        p.poly(f.pts(mouth), _shade(glaze.ground, 0.55), solid=False, light=255)
        inner = _ellipse_pts(cx, v0 + r0 * tilt * 0.25, r0 * 0.8, r0 * tilt * 0.7, 40)
        p.poly(f.pts(inner), _rgba(_shade(glaze.ground, 0.3), 120), solid=False)
    return radius


def _ceramic_tagine(p, f, rng, glaze: _Glaze) -> None:
    cx = 0.5
    dish, _ = _lathe(cx, [(0.78, 0.47), (0.84, 0.42), (0.9, 0.33)], 0.2)
    p.poly(f.pts(dish), glaze.ground)
    p.shade(f.pts(dish), "cylinder", spec=glaze.spec)
    rim = _ellipse_pts(cx, 0.78, 0.47, 0.094, 48)
    p.poly(f.pts(rim), _shade(glaze.ground, 1.05), solid=False, light=240)
    if glaze.painted:
        ring = _ellipse_pts(cx, 0.78, 0.43, 0.084, 48)
        p.line(f.pts([*ring, ring[0]]), glaze.inks[0], f.len(0.01))
    lid_profile = [(0.2, 0.045), (0.26, 0.07), (0.42, 0.15), (0.6, 0.26), (0.76, 0.39)]
    radius = _vessel(p, f, rng, glaze, cx, lid_profile, 0.2, open_top=False)
    del radius
    knob, _ = _lathe(cx, [(0.1, 0.05), (0.14, 0.065), (0.18, 0.04), (0.21, 0.045)], 0.3)
    p.poly(f.pts(knob), glaze.ground)
    p.shade(f.pts(knob), "cylinder", spec=glaze.spec)
    cap = _ellipse_pts(cx, 0.1, 0.05, 0.015, 20)
    p.poly(f.pts(cap), _shade(glaze.ground, 1.08), solid=False)


def _ceramic_bowl(p, f, rng, glaze: _Glaze) -> None:
    cx, tilt = 0.5, 0.32
    profile = [(0.4, 0.46), (0.52, 0.43), (0.64, 0.33), (0.72, 0.22), (0.76, 0.19)]
    outline, radius = _lathe(cx, profile, tilt)
    foot, _ = _lathe(cx, [(0.75, 0.17), (0.8, 0.16)], tilt)
    p.poly(f.pts(foot), _shade(glaze.ground, 0.8))
    p.shade(f.pts(foot), "cylinder")
    p.poly(f.pts(outline), glaze.ground)
    p.shade(f.pts(outline), "cylinder", spec=glaze.spec)
    _decorate_body(p, f, rng, glaze, cx, radius, 0.46, 0.66, tilt)
    mouth = _ellipse_pts(cx, 0.4, 0.46, 0.46 * tilt, 56)
    p.poly(f.pts(mouth), _shade(glaze.ground, 0.78), solid=False, light=255)
    p.shade(f.pts(_ellipse_pts(cx, 0.4, 0.44, 0.44 * tilt, 56)), "sphere", spec=glaze.spec * 0.6)
    _rosette(p, f, rng, glaze, cx, 0.41, 0.36, 0.36 * tilt)


def _ceramic_plate(p, f, rng, glaze: _Glaze) -> None:
    cx, cy, rx, ry = 0.5, 0.5, 0.46, 0.36
    p.poly(f.pts(_ellipse_pts(cx, cy + 0.03, rx, ry, 72)), _shade(glaze.ground, 0.7))
    p.poly(f.pts(_ellipse_pts(cx, cy, rx, ry, 72)), glaze.ground)
    p.shade(f.pts(_ellipse_pts(cx, cy, rx, ry, 72)), "dome", spec=glaze.spec * 0.7)
    well = _ellipse_pts(cx, cy + 0.01, rx * 0.68, ry * 0.68, 64)
    p.line(f.pts([*well, well[0]]), _rgba(_shade(glaze.ground, 0.6), 90), f.len(0.01))
    _rosette(p, f, rng, glaze, cx, cy, rx, ry)


def _ceramic_vase(p, f, rng, glaze: _Glaze, jar: bool) -> None:
    cx = 0.5
    if jar:
        profile = [(0.16, 0.17), (0.21, 0.15), (0.3, 0.28), (0.52, 0.36), (0.76, 0.31), (0.93, 0.21)]
        for side in (-1, 1):
            x = cx + side * 0.28
            p.line(
                f.pts([(x, 0.28), (x + side * 0.1, 0.26), (x + side * 0.12, 0.36), (x + side * 0.04, 0.42)]),
                glaze.ground,
                f.len(0.035),
                solid=True,
            )
    else:
        profile = [
            (0.06, 0.12),
            (0.1, 0.09),
            (0.22, 0.08),
            (0.36, 0.2),
            (0.56, 0.29),
            (0.74, 0.26),
            (0.94, 0.15),
        ]
    _vessel(p, f, rng, glaze, cx, profile, 0.16)


def _ceramic_cup(p, f, rng, glaze: _Glaze) -> None:
    cx = 0.46
    saucer, _ = _lathe(cx, [(0.78, 0.36), (0.82, 0.3)], 0.26)
    p.poly(f.pts(saucer), glaze.ground)
    p.shade(f.pts(saucer), "cylinder", spec=glaze.spec)
    p.poly(f.pts(_ellipse_pts(cx, 0.78, 0.36, 0.094, 48)), _shade(glaze.ground, 1.04), solid=False, light=235)
    p.line(
        f.pts(_ellipse_pts(cx + 0.2, 0.52, 0.1, 0.12, 20, -1.4, 1.4)), glaze.ground, f.len(0.035), solid=True
    )
    _vessel(p, f, rng, glaze, cx, [(0.34, 0.24), (0.5, 0.23), (0.66, 0.2), (0.77, 0.16)], 0.26)


def _draw_ceramics(p: _Painter, f: _Frame, rng: random.Random, look: _Look, variant: str) -> None:
    obj, tradition = variant.split("|")
    obj = obj or rng.choice(("Tagine", "Bowl", "Vase", "Plate", "Jar"))
    if not tradition:
        default = {"Blue": "Fes blue", "Green": "Tamegroute green"}.get(look.name, "Safi")
        tradition = "Tadelakt" if default == "Safi" and rng.random() < 0.15 else default
    glaze = _ceramic_glaze(tradition, look, rng)
    if obj == "Bowl":
        _ceramic_bowl(p, f, rng, glaze)
    elif obj == "Plate":
        _ceramic_plate(p, f, rng, glaze)
    elif obj in ("Vase", "Jar"):
        _ceramic_vase(p, f, rng, glaze, jar=obj == "Jar")
    elif obj == "Cup":
        _ceramic_cup(p, f, rng, glaze)
    else:
        _ceramic_tagine(p, f, rng, glaze)


def _ceramics_piece(style: str) -> _Piece:
    obj = _match(style, CERAMIC_OBJECTS, "")
    tradition = _match(style, CERAMIC_TRADITIONS, "")
    if not obj and not tradition:
        obj = "Tagine"
    focus = {"Plate": (0.5, 0.45), "Bowl": (0.5, 0.42), "Tagine": (0.48, 0.42)}.get(obj, (0.5, 0.5))
    return _Piece(_draw_ceramics, f"{obj}|{tradition}", (1.0, 1.0), _GLAZE_TEX, focus, "table", 2.4)


# ---------------------------------------------------------------------------------------------
# Leather
# ---------------------------------------------------------------------------------------------

LEATHER_ITEMS = _options("leather", "item")
_LEATHER_TEX = _Texture(0.003, 34, (1.0, 1.0), (0.02, 14, (1.0, 1.0)))
_TAN: RGB = (196, 150, 100)


def _leather_colour(look: _Look) -> RGB:
    # Vegetable-tanned leather is never quite pure: pull every dye slightly towards tan.
    return _mix(look.main, _TAN, 0.12) if not look.multicolour else SAFFRON


def _stitches(
    p: _Painter, f: _Frame, pts: Sequence[Point], colour, width: float, dash: float = 0.014
) -> None:
    """A saddle-stitched seam along a polyline: short dashes with gaps."""
    on = True
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / dash))
        for i in range(n):
            if on:
                a = (x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n)
                b = (x0 + (x1 - x0) * (i + 0.7) / n, y0 + (y1 - y0) * (i + 0.7) / n)
                p.line(f.pts([a, b]), colour, f.len(width))
            on = not on


def _babouche(
    p, f, rng, colour: RGB, cx: float, cy: float, angle: float, trim: RGB, embroidered: bool
) -> None:
    """One slipper seen from above, toe pointing along ``angle``: pointed vamp, folded-down heel."""
    length, half = 0.78, 0.15

    def width(t: float) -> float:
        if t < 0.45:
            return half * math.sin(t / 0.45 * math.pi / 2) ** 0.75
        if t < 0.86:
            return half * (1 - 0.1 * (t - 0.45) / 0.41)
        return half * 0.9 * math.sqrt(max(0.0, 1 - ((t - 0.86) / 0.14) ** 2))

    ts = [i / 40 for i in range(41)]
    local = [(t * length, width(t)) for t in ts] + [(t * length, -width(t)) for t in reversed(ts)]
    opening = [
        (t * length, 0.72 * width(t) * math.sin(math.pi * (t - 0.44) / 0.54) ** 0.4)
        for t in (0.44 + 0.54 * i / 24 for i in range(25))
    ]
    opening += [(x, -y) for x, y in reversed(opening)]

    def place(pts, grow: float = 0.0):
        out = []
        for x, y in pts:
            x -= length / 2
            y *= 1 + grow
            x *= 1 + grow * 0.4
            out.append(
                (
                    cx + x * math.cos(angle) - y * math.sin(angle),
                    cy + x * math.sin(angle) + y * math.cos(angle),
                )
            )
        return out

    sole = place(local, 0.09)
    p.poly(f.pts(sole), (86, 62, 44))
    body = place(local)
    p.poly(f.pts(body), colour)
    p.shade(f.pts(body), "dome", spec=0.35, lo=0.1)
    lining = _mix(_TAN, colour, 0.25)
    hole = place(opening)
    p.poly(f.pts(hole), _shade(lining, 0.8), solid=False, light=205)
    inner = place([(x, y * 0.8) for x, y in opening])
    p.poly(f.pts(inner), _shade(lining, 0.62), solid=False, light=185)
    _stitches(p, f, place([(x, y * 1.12) for x, y in opening[:25]]), _shade(colour, 0.6), 0.004)
    if embroidered:
        spine = place([(t * length, 0.0) for t in (0.1, 0.2, 0.3, 0.38)])
        p.line(f.pts(spine), trim, f.len(0.008))
        for t in (0.16, 0.26, 0.34):
            for side in (-1, 1):
                leaf = place(
                    [
                        (t * length, 0),
                        ((t + 0.04) * length, side * width(t) * 0.55),
                        ((t + 0.07) * length, side * width(t) * 0.2),
                    ]
                )
                p.line(f.pts(leaf), trim, f.len(0.006))


def _leather_babouches(p, f, rng, look: _Look) -> None:
    colour = _leather_colour(look)
    trim = rng.choice((SAFFRON, IVORY, _shade(colour, 0.55), MADDER))
    embroidered = rng.random() < 0.6
    spread = rng.uniform(0.05, 0.14)
    _babouche(p, f, rng, colour, 0.31, 0.47, -math.pi / 2 - spread, trim, embroidered)
    _babouche(p, f, rng, colour, 0.67, 0.52, -math.pi / 2 + spread, trim, embroidered)


def _leather_pouf(p, f, rng, look: _Look) -> None:
    colour = _leather_colour(look)
    cx, tilt = 0.5, 0.33
    profile = [(0.3, 0.44), (0.5, 0.48), (0.66, 0.46), (0.8, 0.4)]
    outline, radius = _lathe(cx, profile, tilt)
    p.poly(f.pts(outline), colour)
    p.shade(f.pts(outline), "cylinder", spec=0.25, lo=0.05)
    alt = _mix(colour, IVORY, 0.3) if rng.random() < 0.5 else _shade(colour, 0.78)
    # Side panels: alternate panels in a second leather, seams stitched.
    seams = 10
    for k in range(seams):
        a0 = -math.pi / 2 + math.pi * k / seams * 2
        a1 = a0 + math.pi / seams
        if math.cos((a0 + a1) / 2) <= 0:
            continue
        vs = [0.3 + 0.5 * i / 12 for i in range(13)]
        left = [
            (cx + radius(v) * math.sin(max(a0, -1.55)), v + tilt * radius(v) * math.cos(max(a0, -1.55)))
            for v in vs
        ]
        right = [
            (cx + radius(v) * math.sin(min(a1, 1.55)), v + tilt * radius(v) * math.cos(min(a1, 1.55)))
            for v in reversed(vs)
        ]
        p.poly(f.pts(left + right), alt, solid=False)
    band_v = 0.55
    p.line(f.pts(_band(cx, radius, band_v - 0.03, tilt)), _shade(colour, 0.6), f.len(0.006))
    p.line(f.pts(_band(cx, radius, band_v + 0.03, tilt)), _shade(colour, 0.6), f.len(0.006))
    for x, y, sq in _around(cx, radius, band_v, tilt, 22):
        _motif(p, f, "diamond", x, y, 0.035, sq, SAFFRON if _luma(colour) < 150 else _shade(colour, 0.5))
    top = _ellipse_pts(cx, 0.3, 0.44, 0.44 * tilt, 64)
    p.poly(f.pts(top), _shade(colour, 1.06), solid=False, light=250)
    thread = IVORY if _luma(colour) < 150 else _shade(colour, 0.45)
    for k in range(12):
        a = math.tau * k / 12
        petal = [
            (
                cx + 0.34 * t * math.cos(a + 0.25 * math.sin(math.pi * t)),
                0.3 + 0.34 * tilt * t * math.sin(a + 0.25 * math.sin(math.pi * t)),
            )
            for t in (i / 8 for i in range(9))
        ]
        petal += [
            (
                cx + 0.34 * t * math.cos(a - 0.25 * math.sin(math.pi * t)),
                0.3 + 0.34 * tilt * t * math.sin(a - 0.25 * math.sin(math.pi * t)),
            )
            for t in (i / 8 for i in range(8, -1, -1))
        ]
        p.line(f.pts(petal), thread, f.len(0.005))
    for rr in (0.06, 0.38):
        ring = _ellipse_pts(cx, 0.3, rr, rr * tilt, 48)
        p.line(f.pts([*ring, ring[0]]), thread, f.len(0.006))
    p.highlight(f.box(0.22, 0.22, 0.5, 0.3), 60)


def _leather_bag(p, f, rng, look: _Look) -> None:
    colour = _leather_colour(look)
    dark = _shade(colour, 0.65)
    strap = [(0.26, 0.42), (0.27, 0.2), (0.38, 0.07), (0.5, 0.05), (0.62, 0.07), (0.73, 0.2), (0.74, 0.42)]
    p.line(f.pts(strap), dark, f.len(0.035), solid=True)
    body = [(0.2, 0.4), (0.8, 0.4), (0.84, 0.82), (0.8, 0.9), (0.5, 0.92), (0.2, 0.9), (0.16, 0.82)]
    p.poly(f.pts(body), colour)
    p.shade(f.pts(body), "dome", spec=0.3, lo=0.1)
    flap = [(0.2, 0.4), (0.8, 0.4), (0.8, 0.56), (0.5, 0.7), (0.2, 0.56)]
    p.poly(f.pts(flap), _shade(colour, 0.92), solid=False, light=235)
    _stitches(
        p,
        f,
        [(0.23, 0.43), (0.77, 0.43), (0.77, 0.545), (0.5, 0.665), (0.23, 0.545), (0.23, 0.43)],
        _shade(colour, 0.55),
        0.004,
    )
    _stitches(p, f, [(0.2, 0.86), (0.5, 0.885), (0.8, 0.86)], _shade(colour, 0.55), 0.004)
    for i in range(5):
        for j in range(2):
            x, y = 0.32 + i * 0.09, 0.46 + j * 0.05
            if abs(x - 0.5) < 0.3 - j * 0.06:
                p.poly(f.pts(_diamond(x, y, 0.04, 0.035)), _rgba(_shade(colour, 0.6), 110), solid=False)
    brass = (190, 150, 80)
    for x in (0.26, 0.74):
        p.ellipse(f.box(x - 0.02, 0.39, x + 0.02, 0.43), brass, solid=True)
    p.ellipse(f.box(0.48, 0.68, 0.52, 0.72), brass, solid=False)
    for k in range(7):
        p.line(
            f.pts([(0.5, 0.72), (0.49 + k * 0.004, 0.84 + rng.uniform(-0.01, 0.01))]),
            dark,
            f.len(0.005),
            solid=True,
        )


def _leather_belt(p, f, rng, look: _Look) -> None:
    colour = _leather_colour(look)
    path = _ellipse_pts(0.5, 0.45, 0.36, 0.22, 60, -0.4, math.tau + 0.5)
    p.line(f.pts(path), _shade(colour, 0.7), f.len(0.095), solid=True)
    p.line(f.pts(path), colour, f.len(0.08), solid=True)
    for k in (-1, 1):
        edge = [
            (0.5 + (0.36 + k * 0.028) * math.cos(a), 0.45 + (0.22 + k * 0.028) * math.sin(a))
            for a in (-0.4 + (math.tau + 0.9) * i / 60 for i in range(61))
        ]
        _stitches(p, f, edge, _shade(colour, 0.5), 0.004)
    x, y = path[-1]
    brass = (192, 154, 82)
    p.line(
        f.pts(
            [
                (x - 0.05, y - 0.06),
                (x + 0.05, y - 0.06),
                (x + 0.05, y + 0.06),
                (x - 0.05, y + 0.06),
                (x - 0.05, y - 0.06),
            ]
        ),
        brass,
        f.len(0.018),
        solid=True,
    )
    p.line(f.pts([(x - 0.04, y), (x + 0.04, y)]), _shade(brass, 0.8), f.len(0.01))
    for i in range(4):
        hx, hy = path[6 + i * 2]
        p.ellipse(f.box(hx - 0.008, hy - 0.008, hx + 0.008, hy + 0.008), (40, 30, 25), solid=False)


def _leather_wallet(p, f, rng, look: _Look) -> None:
    colour = _leather_colour(look)
    angle = rng.uniform(-0.12, 0.05)
    body = _rotate(_rect(0.14, 0.22, 0.86, 0.76), 0.5, 0.5, angle)
    p.poly(f.pts(body), colour)
    p.shade(f.pts(body), "dome", spec=0.25, lo=0.2)
    flap = _rotate([(0.14, 0.22), (0.86, 0.22), (0.86, 0.44), (0.5, 0.56), (0.14, 0.44)], 0.5, 0.5, angle)
    p.poly(f.pts(flap), _shade(colour, 0.93), solid=False, light=240)
    _stitches(
        p,
        f,
        _rotate([(0.17, 0.25), (0.83, 0.25), (0.83, 0.73), (0.17, 0.73), (0.17, 0.25)], 0.5, 0.5, angle),
        _shade(colour, 0.55),
        0.004,
    )
    star = _rotate(_star(0.5, 0.38, 0.07, 8), 0.5, 0.5, angle)
    p.poly(f.pts(star), _rgba(_shade(colour, 0.6), 120), solid=False)
    sx, sy = _rotate([(0.5, 0.52)], 0.5, 0.5, angle)[0]
    p.ellipse(f.box(sx - 0.025, sy - 0.025, sx + 0.025, sy + 0.025), (190, 152, 84), solid=False)


def _draw_leather(p: _Painter, f: _Frame, rng: random.Random, look: _Look, variant: str) -> None:
    {
        "Pouf": _leather_pouf,
        "Bag": _leather_bag,
        "Belt": _leather_belt,
        "Wallet": _leather_wallet,
    }.get(variant, _leather_babouches)(p, f, rng, look)


def _leather_piece(style: str) -> _Piece:
    item = _match(style, [*LEATHER_ITEMS, "Babouche", "Slipper", "Ottoman"], "Babouches")
    item = {"Babouche": "Babouches", "Slipper": "Babouches", "Ottoman": "Pouf"}.get(item, item)
    focus = {"Babouches": (0.34, 0.3), "Pouf": (0.5, 0.4), "Bag": (0.5, 0.5)}.get(item, (0.5, 0.45))
    place = {"Babouches": "surface", "Pouf": "floor"}.get(item, "table")
    return _Piece(_draw_leather, item, (1.0, 1.0), _LEATHER_TEX, focus, place, 2.3)


# ---------------------------------------------------------------------------------------------
# Lighting and metal
# ---------------------------------------------------------------------------------------------

LIGHTING_ITEMS = _options("lighting", "item")
_BRASS: RGB = (196, 154, 80)
_COPPER: RGB = (186, 108, 64)
_IRON: RGB = (70, 64, 58)
_NICKEL: RGB = (178, 176, 170)
_FLAME: RGB = (255, 196, 120)
_METAL_TEX = _Texture(0.003, 22, (6.0, 0.5), (0.03, 12, (1.0, 1.0)))


def _metal_colour(look: _Look) -> RGB:
    return {"Brown": _COPPER, "Orange": _COPPER, "Red": _COPPER, "Black": _IRON, "Grey": _NICKEL}.get(
        look.name, _BRASS
    )


def _glass_colour(look: _Look, rng: random.Random) -> RGB | None:
    """Coloured glass panes for coloured lanterns; plain pierced metal otherwise."""
    if look.name in ("Ivory", "Black", "Grey", "Brown"):
        return None
    if look.multicolour:
        return rng.choice((MADDER, TEAL, SAFFRON, (60, 90, 160)))
    return _mix(look.main, (255, 230, 180), 0.25)


def _holes(
    p: _Painter, f: _Frame, rng, pts: Sequence[tuple[float, float, float]], size: float, shape: str
) -> None:
    """Pierced holes glowing with the flame inside; (x, y, squeeze) positions."""
    for x, y, sq in pts:
        w, h = size * sq, size
        if shape == "star":
            poly = _star(x, y, h * 0.7, 4, inner=h * 0.25)
            poly = [(x + (px - x) * sq, py) for px, py in poly]
        elif shape == "drop":
            bulb = _ellipse_pts(x, y + h * 0.1, w * 0.4, h * 0.45, 10, -0.2, math.pi + 0.2)
            poly = [(x, y - h * 0.9), *bulb]
        else:
            poly = _ellipse_pts(x, y, w * 0.4, h * 0.4, 10)
        p.poly(f.pts(poly), _FLAME, solid=False, light=255)
        p.glow_at(f.box(x - w * 0.5, y - h * 0.5, x + w * 0.5, y + h * 0.5), 200)


def _finial(p, f, metal: RGB, cx: float, v: float, r: float, up: bool = True) -> None:
    for k, rr in enumerate((r, r * 0.7, r * 0.45)):
        y = v - k * r * 1.4 if up else v + k * r * 1.4
        p.ellipse(f.box(cx - rr, y - rr * 0.8, cx + rr, y + rr * 0.8), metal)
        p.shade(f.pts(_ellipse_pts(cx, y, rr, rr * 0.8, 16)), "sphere", spec=0.9)


def _lighting_lantern(p, f, rng, look: _Look) -> None:
    metal = _metal_colour(look)
    glass = _glass_colour(look, rng)
    cx = 0.35
    shape = rng.choice(("dot", "star", "drop"))
    # Hanging ring and finial.
    ring = _ellipse_pts(cx, 0.035, 0.03, 0.03, 24)
    p.line(f.pts([*ring, ring[0]]), metal, f.len(0.01), solid=True)
    _finial(p, f, metal, cx, 0.12, 0.022)
    dome, dr = _lathe(cx, [(0.12, 0.03), (0.15, 0.08), (0.2, 0.16), (0.25, 0.22)], 0.15)
    p.poly(f.pts(dome), metal)
    p.shade(f.pts(dome), "cylinder", spec=0.8)
    for v in (0.17, 0.21):
        _holes(p, f, rng, _around(cx, dr, v, 0.15, 14, 0.1), 0.016, shape)
    # Crown band with a scalloped hem.
    p.poly(f.pts(_rect(cx - 0.25, 0.245, cx + 0.25, 0.285)), _shade(metal, 0.9))
    p.shade(f.pts(_rect(cx - 0.25, 0.245, cx + 0.25, 0.285)), "cylinder", spec=0.6)
    for k in range(10):
        x = cx - 0.25 + 0.05 * (k + 0.5)
        p.poly(f.pts(_ellipse_pts(x, 0.285, 0.025, 0.018, 10, 0, math.pi)), _shade(metal, 0.85))
    # Hexagonal body: a wide front face, two foreshortened side faces.
    r = 0.24
    faces = [(cx - r, cx - r / 2, 190), (cx - r / 2, cx + r / 2, 240), (cx + r / 2, cx + r, 140)]
    top, bottom = 0.3, 0.76
    for x0, x1, light in faces:
        face = _rect(x0, top, x1, bottom)
        p.poly(f.pts(face), metal, light=light)
        sq = (x1 - x0) / r
        if glass is not None:
            pane = [
                (x0 + 0.012, bottom - 0.02),
                (x0 + 0.012, top + 0.12),
                ((x0 + x1) / 2, top + 0.03),
                (x1 - 0.012, top + 0.12),
                (x1 - 0.012, bottom - 0.02),
            ]
            p.poly(f.pts(pane), _mix(glass, _FLAME, 0.35), solid=False, light=255)
            gx0, gx1 = x0 + 0.02, x1 - 0.02
            p.glow_at(f.box(gx0, top + 0.08, gx1, bottom - 0.04), 110)
            # Filigree over the glass: a lattice of thin metal.
            for k in range(1, 6):
                y = top + 0.1 + k * (bottom - top - 0.12) / 6
                p.line(f.pts([(x0 + 0.012, y), (x1 - 0.012, y)]), metal, f.len(0.006))
            p.line(f.pts([((x0 + x1) / 2, top + 0.04), ((x0 + x1) / 2, bottom - 0.02)]), metal, f.len(0.006))
        else:
            cols = max(2, round(5 * sq))
            pts = []
            for j in range(11):
                for i in range(cols):
                    x = x0 + (x1 - x0) * (i + 0.5 + (0.5 if j % 2 else 0)) / (cols + 0.5)
                    pts.append((x, top + 0.035 + j * 0.04, sq))
            _holes(p, f, rng, pts, 0.024, shape)
    p.shade(f.pts(_rect(cx - r, top, cx + r, bottom)), "metal", spec=0.0)
    for x in (cx - r, cx - r / 2, cx + r / 2, cx + r):
        p.line(f.pts([(x, top), (x, bottom)]), _shade(metal, 0.7), f.len(0.008))
    base, _ = _lathe(cx, [(0.76, 0.25), (0.8, 0.24), (0.86, 0.15), (0.9, 0.05)], 0.15)
    p.poly(f.pts(base), metal)
    p.shade(f.pts(base), "cylinder", spec=0.8)
    _finial(p, f, metal, cx, 0.93, 0.02, up=False)


def _lighting_pendant(p, f, rng, look: _Look) -> None:
    metal = _metal_colour(look)
    cx = 0.4
    for k in range(10):
        y = k * 0.03
        if k % 2:
            p.line(f.pts([(cx, y - 0.012), (cx, y + 0.012)]), metal, f.len(0.008), solid=True)
        else:
            link = _ellipse_pts(cx, y, 0.008, 0.016, 12)
            p.line(f.pts([*link, link[0]]), metal, f.len(0.006), solid=True)
    profile = [(0.3, 0.04), (0.36, 0.12), (0.5, 0.3), (0.66, 0.36), (0.8, 0.3), (0.92, 0.12), (0.96, 0.04)]
    outline, radius = _lathe(cx, profile, 0.1)
    p.poly(f.pts(outline), metal)
    p.shade(f.pts(outline), "sphere", spec=0.7)
    shape = rng.choice(("dot", "star", "drop"))
    v = 0.36
    while v < 0.92:
        count = max(6, int(math.tau * radius(v) / 0.045))
        _holes(p, f, rng, _around(cx, radius, v, 0.1, count, v * 3), 0.022, shape)
        v += 0.045
    _finial(p, f, metal, cx, 0.97, 0.018, up=False)


def _lighting_table_lamp(p, f, rng, look: _Look) -> None:
    metal = _metal_colour(look)
    cx = 0.4
    base, _ = _lathe(cx, [(0.62, 0.05), (0.7, 0.12), (0.82, 0.17), (0.9, 0.14), (0.95, 0.2)], 0.18)
    p.poly(f.pts(base), metal)
    p.shade(f.pts(base), "cylinder", spec=0.9)
    shade_outline, radius = _lathe(
        cx, [(0.1, 0.06), (0.2, 0.2), (0.4, 0.32), (0.58, 0.34), (0.62, 0.3)], 0.12
    )
    p.poly(f.pts(shade_outline), metal)
    p.shade(f.pts(shade_outline), "sphere", spec=0.6)
    shape = rng.choice(("dot", "star", "drop"))
    v = 0.2
    while v < 0.6:
        count = max(6, int(math.tau * radius(v) / 0.045))
        _holes(p, f, rng, _around(cx, radius, v, 0.12, count, v * 5), 0.024, shape)
        v += 0.05
    _finial(p, f, metal, cx, 0.09, 0.02)


def _lighting_sconce(p, f, rng, look: _Look) -> None:
    metal = _metal_colour(look)
    cx = 0.35
    plate = [
        (cx - 0.22, 0.95),
        (cx - 0.22, 0.3),
        (cx - 0.12, 0.14),
        (cx, 0.05),
        (cx + 0.12, 0.14),
        (cx + 0.22, 0.3),
        (cx + 0.22, 0.95),
    ]
    p.poly(f.pts(plate), _shade(metal, 0.85))
    p.shade(f.pts(plate), "metal")
    inner = [(x * 0.85 + cx * 0.15, y * 0.9 + 0.06) for x, y in plate]
    shape = rng.choice(("dot", "star"))
    pts = []
    for j in range(14):
        for i in range(7):
            x, y = cx - 0.18 + i * 0.06, 0.16 + j * 0.06
            if _inside(inner, x, y):
                pts.append((x, y, 1.0))
    _holes(p, f, rng, pts, 0.02, shape)
    body, radius = _lathe(cx, [(0.42, 0.1), (0.5, 0.16), (0.7, 0.17), (0.8, 0.12)], 0.2)
    p.poly(f.pts(body), metal)
    p.shade(f.pts(body), "cylinder", spec=0.8)
    v = 0.48
    while v < 0.78:
        _holes(p, f, rng, _around(cx, radius, v, 0.2, 11, v * 7), 0.022, shape)
        v += 0.055


def _inside(poly: Sequence[Point], x: float, y: float) -> bool:
    """Even-odd point-in-polygon test."""
    inside = False
    for (x0, y0), (x1, y1) in zip(poly, [*poly[1:], poly[0]], strict=False):
        if (y0 > y) != (y1 > y) and x < x0 + (x1 - x0) * (y - y0) / (y1 - y0):
            inside = not inside
    return inside


def _lighting_tray(p, f, rng, look: _Look) -> None:
    metal = _metal_colour(look)
    wood = _WOODS["cedar"]
    for x0, x1 in ((0.2, 0.78), (0.8, 0.22), (0.3, 0.7), (0.7, 0.3)):
        p.line(f.pts([(x0, 0.48), (x1, 0.96)]), _shade(wood, 0.8), f.len(0.03), solid=True)
    cx, cy, rx, ry = 0.5, 0.42, 0.47, 0.23
    p.poly(f.pts(_ellipse_pts(cx, cy + 0.025, rx, ry, 72)), _shade(metal, 0.7))
    face = _ellipse_pts(cx, cy, rx, ry, 72)
    p.poly(f.pts(face), metal)
    p.shade(f.pts(face), "metal", spec=0.0)
    engraving = _shade(metal, 0.55)
    for t in (0.95, 0.82, 0.56, 0.3):
        ring = _ellipse_pts(cx, cy, rx * t, ry * t, 72)
        p.line(f.pts([*ring, ring[0]]), engraving, f.len(0.005))
    for k in range(24):
        a = math.tau * k / 24
        for t0, t1 in ((0.84, 0.93), (0.58, 0.8)):
            tri = [
                (cx + rx * t0 * math.cos(a - 0.08), cy + ry * t0 * math.sin(a - 0.08)),
                (cx + rx * t1 * math.cos(a), cy + ry * t1 * math.sin(a)),
                (cx + rx * t0 * math.cos(a + 0.08), cy + ry * t0 * math.sin(a + 0.08)),
            ]
            p.line(f.pts([*tri, tri[0]]), engraving, f.len(0.004))
    star = [(x, cy + (y - cy) * ry / rx) for x, y in _star(cx, cy, rx * 0.26, 8)]
    p.line(f.pts([*star, star[0]]), engraving, f.len(0.005))
    p.highlight(f.box(cx - rx * 0.6, cy - ry * 0.7, cx - rx * 0.1, cy - ry * 0.3), 90)


def _draw_lighting(p: _Painter, f: _Frame, rng: random.Random, look: _Look, variant: str) -> None:
    {
        "Pendant lamp": _lighting_pendant,
        "Table lamp": _lighting_table_lamp,
        "Wall sconce": _lighting_sconce,
        "Tray": _lighting_tray,
    }.get(variant, _lighting_lantern)(p, f, rng, look)


def _lighting_piece(style: str) -> _Piece:
    item = _match(style, [*LIGHTING_ITEMS, "Fanous", "Pendant", "Lamp", "Sconce"], "Lantern")
    item = {
        "Fanous": "Lantern",
        "Pendant": "Pendant lamp",
        "Lamp": "Table lamp",
        "Sconce": "Wall sconce",
    }.get(item, item)
    extent = {
        "Lantern": (0.7, 1.0),
        "Pendant lamp": (0.8, 1.0),
        "Table lamp": (0.8, 1.0),
        "Wall sconce": (0.7, 1.0),
    }.get(item, (1.0, 1.0))
    place = {"Lantern": "ceiling", "Pendant lamp": "ceiling", "Wall sconce": "wall"}.get(item, "table")
    glow = None if item == "Tray" else _FLAME
    focus = {"Tray": (0.45, 0.4), "Pendant lamp": (0.5, 0.62)}.get(item, (0.5, 0.5))
    return _Piece(
        _draw_lighting,
        item,
        extent,
        _METAL_TEX,
        focus,
        place,
        2.3,
        stands=item in ("Table lamp", "Tray"),
        glow=glow,
    )


# ---------------------------------------------------------------------------------------------
# Jewellery
# ---------------------------------------------------------------------------------------------

JEWELLERY_PIECES = _options("jewellery", "piece")
_SILVER: RGB = (200, 200, 196)
_CORAL: RGB = (184, 62, 50)
_AMBER: RGB = (214, 142, 48)
_SILVER_TEX = _Texture(0.002, 14, (1.0, 1.0))


def _jewel_metal(look: _Look) -> RGB:
    return (214, 178, 98) if look.name in ("Saffron", "Brown") else _SILVER


def _enamels(look: _Look) -> tuple[RGB, RGB, RGB]:
    """Tiznit enamel: green, yellow and blue, with the catalogue colour leading when it can."""
    green, yellow, blue = (38, 120, 84), (226, 182, 54), (40, 86, 150)
    if look.name in ("Ivory", "Grey", "Black", "Brown", "Multicolour"):
        return green, yellow, blue
    lead = _GLAZES.get(look.name, look.main)
    return lead, yellow if lead != yellow else green, green if lead != green else blue


def _bead(p: _Painter, f: _Frame, x: float, y: float, r: float, colour: RGB, spec: float = 0.9) -> None:
    pts = _ellipse_pts(x, y, r, r, 20)
    p.poly(f.pts(pts), colour)
    p.shade(f.pts(pts), "sphere", spec=spec)


def _enamel(p: _Painter, f: _Frame, x: float, y: float, r: float, colour: RGB, metal: RGB) -> None:
    """An enamel cell: a raised silver rim around a glassy coloured dome."""
    p.poly(f.pts(_ellipse_pts(x, y, r * 1.35, r * 1.35, 20)), _shade(metal, 0.85), solid=False)
    pts = _ellipse_pts(x, y, r, r, 20)
    p.poly(f.pts(pts), colour, solid=False)
    p.shade(f.pts(pts), "sphere", spec=1.0)


def _silver_plate(p: _Painter, f: _Frame, pts: Sequence[Point], metal: RGB) -> None:
    """A flat silver element with an engraved border, lit like polished metal."""
    p.poly(f.pts(pts), metal)
    p.shade(f.pts(pts), "metal", spec=0.0)
    cx = sum(x for x, _ in pts) / len(pts)
    cy = sum(y for _, y in pts) / len(pts)
    inner = [(cx + (x - cx) * 0.86, cy + (y - cy) * 0.86) for x, y in pts]
    p.line(f.pts([*inner, inner[0]]), _shade(metal, 0.5), f.len(0.004))


def _dangles(p, f, rng, metal: RGB, x: float, y: float, length: float, colour: RGB) -> None:
    n = int(length / 0.02)
    for k in range(n):
        _bead(p, f, x, y + k * 0.02, 0.006, metal)
    _bead(p, f, x, y + n * 0.02 + 0.008, 0.013, colour)


def _pendant(p, f, rng, look: _Look, metal: RGB, cx: float, top: float, size: float) -> None:
    """Amazigh triangular pendant with enamel cells, granulation and dangles."""
    e = _enamels(look)
    tri = [(cx - size / 2, top), (cx + size / 2, top), (cx, top + size * 0.95)]
    _silver_plate(p, f, tri, metal)
    for k in range(7):
        t = (k + 0.5) / 7
        _bead(p, f, cx - size / 2 + size * t, top - 0.008, 0.007, metal)
    _enamel(p, f, cx, top + size * 0.33, size * 0.11, e[0], metal)
    for side in (-1, 1):
        _enamel(p, f, cx + side * size * 0.24, top + size * 0.14, size * 0.06, e[1], metal)
    _enamel(p, f, cx, top + size * 0.66, size * 0.06, e[2], metal)
    for k in range(5):
        x = cx + (k - 2) * size * 0.09
        y = top + size * 0.95 - abs(k - 2) * size * 0.18 + 0.01
        _dangles(p, f, rng, metal, x, y, 0.06 + (2 - abs(k - 2)) * 0.02, _CORAL if k % 2 else e[1])


def _jewel_necklace(p, f, rng, look: _Look) -> None:
    metal = _jewel_metal(look)
    e = _enamels(look)

    def curve(u: float) -> float:
        return 0.06 + 0.5 * max(0.0, 1 - ((u - 0.5) / 0.4) ** 2) ** 0.9

    # Beads threaded along the drape, spaced by arc length.
    u, pattern = 0.1, [metal, metal, _CORAL, metal, metal, _AMBER if rng.random() < 0.5 else e[0]]
    k = 0
    while u < 0.9:
        c = pattern[k % len(pattern)]
        r = 0.011 if c == metal else 0.022
        _bead(p, f, u, curve(u), r, c)
        du = r * 2.1 / math.hypot(1, (curve(u + 0.01) - curve(u)) / 0.01)
        u += du
        k += 1
    _pendant(p, f, rng, look, metal, 0.5, 0.58, 0.26)


def _jewel_bracelet(p, f, rng, look: _Look) -> None:
    metal = _jewel_metal(look)
    e = _enamels(look)
    cx, cy, rx, ry, h = 0.5, 0.42, 0.38, 0.16, 0.2
    back = _ellipse_pts(cx, cy, rx, ry, 60, math.pi, math.tau)
    p.line(f.pts(back), _shade(metal, 0.55), f.len(0.05), solid=True)
    front = _ellipse_pts(cx, cy, rx, ry, 60, 0, math.pi) + list(
        reversed(_ellipse_pts(cx, cy + h, rx, ry, 60, 0, math.pi))
    )
    p.poly(f.pts(front), metal)
    p.shade(f.pts(front), "cylinder", spec=0.9)
    for edge in (cy + 0.012, cy + h - 0.012):
        p.line(
            f.pts(_ellipse_pts(cx, edge, rx * 0.99, ry, 60, 0.05, math.pi - 0.05)),
            _shade(metal, 0.5),
            f.len(0.004),
        )
    for k in range(13):
        a = 0.2 + (math.pi - 0.4) * k / 12
        x = cx + rx * math.cos(a)
        y = cy + ry * math.sin(a) + h / 2
        sq = math.sin(a)
        if k % 2:
            _enamel(p, f, x, y, 0.022 * max(0.4, sq), e[k // 2 % 3], metal)
        else:
            tri = [(x - 0.03 * sq, y - 0.06), (x + 0.03 * sq, y - 0.06), (x, y)]
            p.line(f.pts([*tri, tri[0]]), _shade(metal, 0.45), f.len(0.004))
            tri2 = [(x - 0.03 * sq, y + 0.06), (x + 0.03 * sq, y + 0.06), (x, y)]
            p.line(f.pts([*tri2, tri2[0]]), _shade(metal, 0.45), f.len(0.004))


def _jewel_earrings(p, f, rng, look: _Look) -> None:
    metal = _jewel_metal(look)
    e = _enamels(look)
    for cx in (0.3, 0.7):
        hook = _ellipse_pts(cx, 0.12, 0.04, 0.05, 16, math.pi, math.tau + 0.4)
        p.line(f.pts(hook), metal, f.len(0.008), solid=True)
        moon = _ellipse_pts(cx, 0.3, 0.12, 0.12, 32, 0, math.pi) + list(
            reversed(_ellipse_pts(cx, 0.3, 0.08, 0.06, 32, 0, math.pi))
        )
        _silver_plate(p, f, moon, metal)
        p.line(f.pts([(cx + 0.04, 0.16), (cx, 0.3)]), metal, f.len(0.006), solid=True)
        _enamel(p, f, cx, 0.38, 0.022, e[0], metal)
        for side in (-1, 1):
            _enamel(p, f, cx + side * 0.075, 0.34, 0.014, e[1], metal)
        for k in range(5):
            a = 0.35 + (math.pi - 0.7) * k / 4
            x, y = cx + 0.115 * math.cos(a), 0.3 + 0.115 * math.sin(a)
            _dangles(p, f, rng, metal, x, y + 0.01, 0.12 + 0.05 * math.sin(a), _CORAL if k % 2 else e[2])


def _jewel_ring(p, f, rng, look: _Look) -> None:
    metal = _jewel_metal(look)
    e = _enamels(look)
    cx = 0.5
    outer = _ellipse_pts(cx, 0.64, 0.27, 0.22, 60)
    p.poly(f.pts(outer), metal)
    p.shade(f.pts(outer), "sphere", spec=0.9)
    p.cut(f.pts(_ellipse_pts(cx, 0.66, 0.2, 0.15, 60)))
    bezel = _ellipse_pts(cx, 0.4, 0.17, 0.12, 40)
    _silver_plate(p, f, bezel, metal)
    for k in range(16):
        a = math.tau * k / 16
        _bead(p, f, cx + 0.15 * math.cos(a), 0.4 + 0.105 * math.sin(a), 0.011, metal)
    _enamel(p, f, cx, 0.4, 0.07, e[0], metal)
    p.highlight(f.box(cx - 0.04, 0.36, cx - 0.005, 0.38), 200)


def _jewel_fibula(p, f, rng, look: _Look) -> None:
    metal = _jewel_metal(look)
    e = _enamels(look)
    cx = 0.5
    ring = _ellipse_pts(cx, 0.2, 0.13, 0.13, 40)
    p.line(f.pts([*ring, ring[0]]), metal, f.len(0.025), solid=True)
    p.shade(f.pts(_ellipse_pts(cx, 0.2, 0.145, 0.145, 40)), "sphere", spec=0.6)
    p.cut(f.pts(_ellipse_pts(cx, 0.2, 0.118, 0.118, 40)))
    p.line(f.pts([(cx - 0.16, 0.12), (cx + 0.17, 0.3)]), _shade(metal, 0.9), f.len(0.014), solid=True)
    tri = [(cx - 0.27, 0.34), (cx + 0.27, 0.34), (cx, 0.86)]
    _silver_plate(p, f, tri, metal)
    for k in range(9):
        t = (k + 0.5) / 9
        _bead(p, f, cx - 0.27 + 0.54 * t, 0.335, 0.012, metal)
    _enamel(p, f, cx, 0.47, 0.05, e[0], metal)
    for side in (-1, 1):
        _enamel(p, f, cx + side * 0.14, 0.41, 0.03, e[1], metal)
        _enamel(p, f, cx + side * 0.06, 0.6, 0.03, e[2], metal)
    _enamel(p, f, cx, 0.72, 0.028, e[1], metal)
    for k in range(5):
        _dangles(
            p,
            f,
            rng,
            metal,
            cx + (k - 2) * 0.05,
            0.86 - abs(k - 2) * 0.09,
            0.06 + (2 - abs(k - 2)) * 0.03,
            _CORAL,
        )


def _draw_jewellery(p: _Painter, f: _Frame, rng: random.Random, look: _Look, variant: str) -> None:
    {
        "Bracelet": _jewel_bracelet,
        "Earrings": _jewel_earrings,
        "Ring": _jewel_ring,
        "Fibula": _jewel_fibula,
    }.get(variant, _jewel_necklace)(p, f, rng, look)


def _jewellery_piece(style: str) -> _Piece:
    item = _match(style, [*JEWELLERY_PIECES, "Cuff", "Brooch", "Pendant"], "Necklace")
    item = {"Cuff": "Bracelet", "Brooch": "Fibula", "Pendant": "Necklace"}.get(item, item)
    focus = {
        "Necklace": (0.5, 0.72),
        "Fibula": (0.5, 0.55),
        "Ring": (0.5, 0.45),
        "Earrings": (0.3, 0.35),
    }.get(item, (0.5, 0.5))
    return _Piece(
        _draw_jewellery,
        item,
        (1.0, 1.0),
        _SILVER_TEX,
        focus,
        "surface",
        2.2,
        stands=item in ("Bracelet", "Ring"),
    )


# ---------------------------------------------------------------------------------------------
# Woodwork
# ---------------------------------------------------------------------------------------------

WOODWORK_OBJECTS = _options("woodwork", "object_type")
WOODS = _options("woodwork", "wood")
_WOOD_TEX = _Texture(0.004, 60, (14.0, 0.5), (0.002, 22, (1.0, 1.0)))
_NACRE: RGB = (232, 228, 214)
_EBONY: RGB = (48, 34, 28)


def _face(o: Point, e1: Point, e2: Point) -> Callable[[float, float], Point]:
    """Affine map of the unit square onto a parallelogram face (origin, two edge vectors)."""
    return lambda s, t: (o[0] + s * e1[0] + t * e2[0], o[1] + s * e1[1] + t * e2[1])


def _burl(p: _Painter, f: _Frame, rng: random.Random, face, wood: RGB, count: int) -> None:
    """Thuya root burl: clusters of dark eyes and swirls in the figure."""
    for _ in range(count):
        s0, t0 = rng.random(), rng.random()
        for _ in range(rng.randint(2, 5)):
            s, t = s0 + rng.gauss(0, 0.05), t0 + rng.gauss(0, 0.05)
            if 0.03 < s < 0.97 and 0.03 < t < 0.97:
                r = rng.uniform(0.008, 0.025)
                pts = [
                    face(s + r * math.cos(a), t + r * 0.7 * math.sin(a))
                    for a in (k * math.tau / 10 for k in range(10))
                ]
                p.poly(f.pts(pts), _rgba(_shade(wood, 0.45), rng.randint(60, 140)), solid=False)


def _inlay_star(p: _Painter, f: _Frame, face, s: float, t: float, r: float, colour: RGB) -> None:
    p.poly(f.pts([face(x, y) for x, y in _star(s, t, r, 8)]), colour, solid=False)
    p.poly(f.pts([face(x, y) for x, y in _star(s, t, r * 0.45, 8)]), _EBONY, solid=False)


def _wood_box(p, f, rng, wood: RGB, burl: bool) -> None:
    o, w, h, dx, dy = (0.1, 0.42), 0.62, 0.38, 0.24, -0.2
    front = _face(o, (w, 0), (0, h))
    top = _face((o[0] + dx, o[1] + dy), (w, 0), (-dx, -dy))
    side = _face((o[0] + w, o[1]), (dx, dy), (0, h))
    for face, light in ((front, 212), (side, 160), (top, 255)):
        quad = [face(0, 0), face(1, 0), face(1, 1), face(0, 1)]
        p.poly(f.pts(quad), _vary(wood, rng, 0.03), light=light)
        if burl:
            _burl(p, f, rng, face, wood, 14)
    # Lid seam and the inlaid lid: lemonwood and ebony stringing round a mother-of-pearl star.
    for face, t in ((front, 0.28), (side, 0.28)):
        p.line(f.pts([face(0, t), face(1, t)]), _shade(wood, 0.45), f.len(0.006))
    for inset, colour in ((0.07, (214, 186, 122)), (0.1, _EBONY)):
        ring = [top(inset, inset), top(1 - inset, inset), top(1 - inset, 1 - inset), top(inset, 1 - inset)]
        p.line(f.pts([*ring, ring[0]]), colour, f.len(0.008))
    _inlay_star(p, f, top, 0.5, 0.5, 0.17, _NACRE)
    for s, t in ((0.17, 0.2), (0.83, 0.2), (0.17, 0.8), (0.83, 0.8)):
        p.poly(f.pts([top(x, y) for x, y in _diamond(s, t, 0.06, 0.1)]), _NACRE, solid=False)
    p.highlight_poly(f.pts([top(0.05, 0.1), top(0.5, 0.1), top(0.3, 0.9), top(0.05, 0.9)]), 40)


def _wood_bowl(p, f, rng, wood: RGB, burl: bool) -> None:
    cx, tilt = 0.5, 0.34
    outline, radius = _lathe(cx, [(0.38, 0.46), (0.52, 0.43), (0.66, 0.32), (0.76, 0.18)], tilt)
    p.poly(f.pts(outline), wood)
    p.shade(f.pts(outline), "cylinder", spec=0.3)
    for k in range(7):
        v = 0.42 + k * 0.05
        p.line(f.pts(_band(cx, radius, v, tilt)), _rgba(_shade(wood, 0.6), 70), f.len(0.005))
    mouth = _ellipse_pts(cx, 0.38, 0.46, 0.46 * tilt, 60)
    p.poly(f.pts(mouth), _shade(wood, 0.85), solid=False, light=255)
    p.shade(f.pts(_ellipse_pts(cx, 0.39, 0.43, 0.43 * tilt, 60)), "sphere", spec=0.2)
    for k in range(1, 8):
        ring = _ellipse_pts(cx + 0.02, 0.41, 0.05 * k, 0.05 * k * tilt, 48)
        p.line(f.pts([*ring, ring[0]]), _rgba(_shade(wood, 0.55), 70), f.len(0.004))
    if burl:
        _burl(p, f, rng, _face((0.1, 0.33), (0.8, 0), (0, 0.12)), wood, 8)


def _wood_tray(p, f, rng, wood: RGB, burl: bool) -> None:
    cx, cy, rx, ry = 0.5, 0.48, 0.46, 0.3
    p.poly(f.pts(_ellipse_pts(cx, cy + 0.04, rx, ry, 72)), _shade(wood, 0.6))
    p.poly(f.pts(_ellipse_pts(cx, cy, rx, ry, 72)), _shade(wood, 1.05), light=245)
    inner = _ellipse_pts(cx, cy + 0.012, rx * 0.9, ry * 0.88, 72)
    p.poly(f.pts(inner), wood, solid=False, light=230)
    face = _face((cx - rx * 0.9, cy - ry * 0.88), (rx * 1.8, 0), (0, ry * 1.76))
    if burl:
        _burl(p, f, rng, face, wood, 16)
    ring = _ellipse_pts(cx, cy + 0.012, rx * 0.8, ry * 0.78, 72)
    p.line(f.pts([*ring, ring[0]]), (214, 186, 122), f.len(0.01))
    star = [(x, cy + (y - cy) * ry / rx) for x, y in _star(cx, cy, rx * 0.3, 8)]
    p.poly(f.pts(star), _NACRE, solid=False)
    p.poly(f.pts([(x, cy + (y - cy) * ry / rx) for x, y in _star(cx, cy, rx * 0.14, 8)]), _EBONY, solid=False)


def _wood_chess(p, f, rng, wood: RGB, burl: bool) -> None:
    light_sq, dark_sq = (214, 186, 122), _shade(wood, 0.8)
    near_l, near_r, far_r, far_l = (0.04, 0.8), (0.96, 0.8), (0.82, 0.38), (0.18, 0.38)
    edge = [near_l, near_r, (near_r[0], near_r[1] + 0.06), (near_l[0], near_l[1] + 0.06)]
    p.poly(f.pts(edge), _shade(wood, 0.7), light=170)
    frame = [(near_l[0] - 0.0, near_l[1]), near_r, far_r, far_l]
    p.poly(f.pts(frame), wood)

    def board(s: float, t: float) -> Point:
        # Bilinear over the trapezoid, with depth compression towards the back.
        t2 = t**1.15
        lx = far_l[0] + (near_l[0] - far_l[0]) * t2
        rx = far_r[0] + (near_r[0] - far_r[0]) * t2
        return (lx + (rx - lx) * s, far_l[1] + (near_l[1] - far_l[1]) * t2)

    m = 0.05
    for j in range(8):
        for i in range(8):
            s0, s1 = m + (1 - 2 * m) * i / 8, m + (1 - 2 * m) * (i + 1) / 8
            t0, t1 = m + (1 - 2 * m) * j / 8, m + (1 - 2 * m) * (j + 1) / 8
            c = light_sq if (i + j) % 2 == 0 else dark_sq
            p.poly(
                f.pts([board(s0, t0), board(s1, t0), board(s1, t1), board(s0, t1)]),
                _vary(c, rng, 0.03),
                solid=False,
            )
    for j, i, colour in (
        (1, 2, _EBONY),
        (2, 5, _EBONY),
        (5, 3, light_sq),
        (6, 6, light_sq),
        (6, 1, light_sq),
        (1, 6, _EBONY),
    ):
        x, y = board(m + (1 - 2 * m) * (i + 0.5) / 8, m + (1 - 2 * m) * (j + 0.5) / 8)
        k = 0.5 + 0.5 * j / 7
        outline, _ = _lathe(
            x,
            [(y - 0.12 * k, 0.018 * k), (y - 0.09 * k, 0.012 * k), (y - 0.03 * k, 0.02 * k), (y, 0.032 * k)],
            0.3,
        )
        p.poly(f.pts(outline), colour)
        p.shade(f.pts(outline), "cylinder", spec=0.4)
        p.ellipse(f.box(x - 0.024 * k, y - 0.15 * k, x + 0.024 * k, y - 0.1 * k), colour)
        p.shade(f.pts(_ellipse_pts(x, y - 0.125 * k, 0.024 * k, 0.025 * k, 12)), "sphere", spec=0.5)


def _wood_mirror(p, f, rng, wood: RGB, burl: bool) -> None:
    def arch(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
        cx, r = (x0 + x1) / 2, (x1 - x0) / 2
        return [(x0, y1), *_ellipse_pts(cx, y0 + r, r, r * 1.15, 24, math.pi, math.tau), (x1, y1)]

    outer = arch(0.08, 0.03, 0.72, 0.97)
    p.poly(f.pts(outer), wood)
    p.shade(f.pts(outer), "dome", spec=0.2, lo=0.2)
    if burl:
        _burl(p, f, rng, _face((0.08, 0.03), (0.64, 0), (0, 0.94)), wood, 18)
    mid = arch(0.14, 0.1, 0.66, 0.91)
    p.line(f.pts([*mid, mid[0]]), (214, 186, 122), f.len(0.01))
    glass = arch(0.18, 0.15, 0.62, 0.87)
    p.poly(f.pts(glass), (176, 184, 186), solid=False, light=255)
    p.shade(f.pts(glass), "metal")
    p.highlight_poly(f.pts([(0.26, 0.87), (0.36, 0.87), (0.6, 0.3), (0.52, 0.3)]), 70)
    for k in range(18):
        a = math.pi + math.pi * k / 17
        x, y = 0.4 + 0.29 * math.cos(a), 0.4 + 0.33 * math.sin(a)
        p.ellipse(f.box(x - 0.008, y - 0.008, x + 0.008, y + 0.008), _NACRE, solid=False)


def _draw_woodwork(p: _Painter, f: _Frame, rng: random.Random, look: _Look, variant: str) -> None:
    obj, wood_name = variant.split("|")
    wood_name = wood_name or rng.choice(("Thuya", "Thuya", "Cedar", "Walnut", "Lemonwood"))
    wood = _WOODS[wood_name.lower()]
    {
        "Bowl": _wood_bowl,
        "Tray": _wood_tray,
        "Chess set": _wood_chess,
        "Mirror": _wood_mirror,
    }.get(obj, _wood_box)(p, f, rng, wood, wood_name == "Thuya")


def _woodwork_piece(style: str) -> _Piece:
    obj = _match(style, [*WOODWORK_OBJECTS, "Chess"], "")
    obj = "Chess set" if obj == "Chess" else obj
    wood = _match(style, WOODS, "")
    obj = obj or "Box"
    extent = (0.8, 1.0) if obj == "Mirror" else (1.0, 1.0)
    place = "wall" if obj == "Mirror" else "table"
    focus = {"Box": (0.5, 0.3), "Chess set": (0.5, 0.55)}.get(obj, (0.5, 0.45))
    return _Piece(_draw_woodwork, f"{obj}|{wood}", extent, _WOOD_TEX, focus, place, 2.3)


# ---------------------------------------------------------------------------------------------
# Textiles and clothing
# ---------------------------------------------------------------------------------------------

TEXTILE_ITEMS = _options("textiles", "item")
_FABRIC_TEX = _Texture(0.0025, 26, (1.0, 1.0), (0.0015, 16, (3.0, 0.4)))
_GOLD_THREAD: RGB = (206, 168, 88)


def _folds(rng: random.Random, count: int, flare: float = 0.6) -> Image.Image:
    """A light map of soft vertical folds that fan out towards the hem."""
    w, h = 64, 48
    phases = [rng.uniform(0, math.tau) for _ in range(3)]
    data = bytearray(w * h)
    for j in range(h):
        y = j / (h - 1)
        spread = 1 - flare + flare * y
        for i in range(w):
            x = (i / (w - 1) - 0.5) / spread
            v = math.sin(x * count * math.pi + phases[0]) * 0.55 + math.sin(x * count * 2.3 + phases[1]) * 0.3
            edge = 1 - abs(i / (w - 1) - 0.5) ** 2 * 1.2
            data[j * w + i] = int(max(0, min(255, 255 * (0.8 + 0.16 * v) * edge)))
    return Image.frombytes("L", (w, h), bytes(data))


def _hanger(p: _Painter, f: _Frame, cx: float, y: float, half: float) -> None:
    wood = (150, 104, 64)
    hook = _ellipse_pts(cx, y - 0.07, 0.03, 0.035, 16, math.pi * 0.9, math.tau + 0.2)
    p.line(f.pts([*hook, (cx, y - 0.01)]), (150, 146, 140), f.len(0.008), solid=True)
    p.line(
        f.pts([(cx - half, y + 0.03), (cx, y - 0.005), (cx + half, y + 0.03)]), wood, f.len(0.022), solid=True
    )


def _trim_band(p: _Painter, f: _Frame, pts: Sequence[Point], colour: RGB, width: float, stitch: RGB) -> None:
    p.line(f.pts(pts), colour, f.len(width))
    p.line(f.pts(pts), stitch, max(1.0, f.len(width * 0.2)))


def _textile_caftan(p, f, rng, look: _Look, hooded: bool) -> None:
    cloth = look.main if not look.multicolour else rng.choice(_ACCENTS)
    trim = _GOLD_THREAD if _luma(cloth) < 170 else rng.choice((MADDER, INDIGO, _GOLD_THREAD))
    cx = 0.45
    _hanger(p, f, cx, 0.1, 0.24)
    hem = 0.97
    if hooded:
        hood = [(cx - 0.11, 0.12), (cx, 0.015), (cx + 0.11, 0.12)]
        p.poly(f.pts(hood), _shade(cloth, 0.75), light=200)
        sleeve_out, cuff_w, body_w = 0.1, 0.1, 0.25
    else:
        sleeve_out, cuff_w, body_w = 0.02, 0.19, 0.3
    body = [
        (cx - 0.06, 0.1),
        (cx - 0.21, 0.13),
        (cx - 0.18, 0.36),
        (cx - body_w, hem),
        (cx, hem + 0.012),
        (cx + body_w, hem),
        (cx + 0.18, 0.36),
        (cx + 0.21, 0.13),
        (cx + 0.06, 0.1),
        (cx, 0.14),
    ]
    p.poly(f.pts(body), cloth)
    p.shade(f.pts(body), _folds(rng, 5), lo=0.0)
    for side in (-1, 1):
        sleeve = [
            (cx + side * 0.2, 0.13),
            (cx + side * (0.45 - sleeve_out), 0.2 if hooded else 0.22),
            (cx + side * (0.45 - sleeve_out + 0.02), 0.66),
            (cx + side * (0.45 - sleeve_out - cuff_w), 0.68),
            (cx + side * 0.19, 0.36),
        ]
        p.poly(f.pts(sleeve), _shade(cloth, 0.96))
        p.shade(f.pts(sleeve), _folds(rng, 3, 0.8))
        cuff = [sleeve[2], sleeve[3]]
        _trim_band(p, f, [(x, y - 0.012) for x, y in cuff], trim, 0.022, _shade(trim, 0.7))
    if hooded and rng.random() < 0.6:
        # Djellaba cloth is often a fine pinstripe.
        for k in range(-8, 9):
            x = cx + k * 0.03
            p.line(
                f.pts([(x, 0.16), (x * 1.0 + k * 0.008, hem - 0.01)]),
                _rgba(_shade(cloth, 0.7), 90),
                f.len(0.003),
            )
    # Sfifa braid down the front, with a column of aakad knot buttons.
    front_end = 0.45 if hooded else hem
    _trim_band(p, f, [(cx, 0.14), (cx, front_end)], trim, 0.026, _shade(trim, 0.7))
    y = 0.16
    while y < (0.42 if hooded else 0.6):
        p.ellipse(f.box(cx - 0.009, y - 0.009, cx + 0.009, y + 0.009), _shade(trim, 1.1), solid=False)
        p.highlight(f.box(cx - 0.006, y - 0.007, cx, y - 0.002), 140)
        y += 0.022
    neck = _ellipse_pts(cx, 0.1, 0.07, 0.045, 16, 0, math.pi)
    _trim_band(p, f, neck, trim, 0.018, _shade(trim, 0.7))
    _trim_band(
        p,
        f,
        [(cx - body_w + 0.01, hem - 0.02), (cx, hem - 0.008), (cx + body_w - 0.01, hem - 0.02)],
        trim,
        0.03,
        _shade(trim, 0.7),
    )
    if not hooded:
        # Embroidered rosettes either side of the braid.
        for y in (0.25, 0.5, 0.75):
            for side in (-1, 1):
                x = cx + side * 0.07
                p.poly(f.pts(_star(x, y, 0.022, 8)), trim, solid=False)
        if rng.random() < 0.5:
            belt = [(cx - 0.2, 0.42), (cx + 0.2, 0.42), (cx + 0.2, 0.47), (cx - 0.2, 0.47)]
            p.poly(f.pts(belt), _GOLD_THREAD, solid=False, light=235)
            for k in range(9):
                p.poly(
                    f.pts(_diamond(cx - 0.18 + k * 0.045, 0.445, 0.03, 0.035)),
                    _shade(_GOLD_THREAD, 0.7),
                    solid=False,
                )


def _textile_cushion(p, f, rng, look: _Look) -> None:
    cloth = look.main if not look.multicolour else _mix(IVORY, SAFFRON, 0.2)
    thread = rng.choice(
        [c for c in (_GOLD_THREAD, IVORY, MADDER, INDIGO, CHARCOAL) if abs(_luma(c) - _luma(cloth)) > 50]
        or [IVORY]
    )
    corners = [(0.08, 0.12), (0.92, 0.1), (0.9, 0.86), (0.1, 0.88)]
    pts: list[Point] = []
    for (x0, y0), (x1, y1) in zip(corners, [*corners[1:], corners[0]], strict=False):
        nx, ny = -(y1 - y0), x1 - x0
        ln = math.hypot(nx, ny)
        for i in range(12):
            t = i / 12
            bow = math.sin(math.pi * t) * 0.035
            pts.append((x0 + (x1 - x0) * t + nx / ln * bow, y0 + (y1 - y0) * t + ny / ln * bow))
    p.poly(f.pts(pts), cloth)
    p.shade(f.pts(pts), "dome", spec=0.25, lo=0.15)
    cx, cy = 0.5, 0.49
    for k, s in enumerate((0.5, 0.36, 0.22)):
        d = _diamond(cx, cy, s, s)
        _stitches(p, f, [*d, d[0]], thread if k != 1 else _shade(thread, 0.8), 0.008, 0.012)
    p.poly(f.pts(_star(cx, cy, 0.06, 8)), thread, solid=False)
    for y in (0.2, 0.78):
        for i in range(14):
            x = 0.18 + i * 0.05
            p.poly(
                f.pts([(x, y + 0.02), (x + 0.025, y - 0.02), (x + 0.05, y + 0.02)]),
                _rgba(thread, 200),
                solid=False,
            )
    for x, y in corners:
        for k in range(9):
            a = math.atan2(y - cy, x - cx) + (k - 4) * 0.12
            p.line(
                f.pts([(x, y), (x + 0.06 * math.cos(a), y + 0.06 * math.sin(a))]),
                thread,
                f.len(0.008),
                solid=True,
            )
    p.line(f.pts([(0.25, 0.13), (0.3, 0.25)]), _rgba(_shade(cloth, 0.6), 80), f.len(0.01))
    p.line(f.pts([(0.78, 0.85), (0.7, 0.74)]), _rgba(_shade(cloth, 0.6), 80), f.len(0.01))


def _textile_hanging(p, f, rng, look: _Look, scarf: bool) -> None:
    """A throw or scarf hung over a wooden rod: stripes, folds and a fringe."""
    cloth = look.main if not look.multicolour else IVORY
    stripes = [
        c
        for c in (IVORY, CHARCOAL, SAFFRON, MADDER, INDIGO, _shade(cloth, 0.7))
        if abs(_luma(c) - _luma(cloth)) > 40
    ]
    rod_y = 0.08
    p.line(f.pts([(0.02, rod_y), (0.88, rod_y)]), (140, 96, 60), f.len(0.03), solid=True)
    x0, x1 = (0.3, 0.58) if scarf else (0.1, 0.8)
    layers = [(x0 + 0.04, x1 + 0.04, 0.7, 0.85), (x0, x1, 0.86, 1.0)] if scarf else [(x0, x1, 0.88, 1.0)]
    for lx0, lx1, bottom, light in layers:
        wave = [(lx1 - (lx1 - lx0) * i / 10, bottom + 0.012 * math.sin(i * 1.9)) for i in range(11)]
        body = [(lx0, rod_y), (lx1, rod_y), *wave]
        p.poly(f.pts(body), _shade(cloth, light))
        p.shade(f.pts(body), _folds(rng, 4, 0.3))
        y = rod_y + 0.1
        while y < bottom - 0.05:
            h = rng.choice((0.008, 0.015, 0.03))
            c = rng.choice(stripes or [IVORY])
            p.poly(f.pts(_rect(lx0, y, lx1, y + h)), c, solid=False)
            y += h + rng.choice((0.02, 0.05, 0.1))
        for i in range(int((lx1 - lx0) / 0.012)):
            x = lx0 + 0.006 + i * 0.012
            yb = bottom + 0.012 * math.sin((lx1 - x) / (lx1 - lx0) * 10 * 1.9)
            p.line(
                f.pts([(x, yb - 0.005), (x + rng.uniform(-0.006, 0.006), yb + rng.uniform(0.04, 0.06))]),
                _shade(cloth, 0.9),
                f.len(0.004),
                solid=True,
            )
    if not scarf and look.name == "Ivory":
        # Handira: sequins sewn in rows, catching the light.
        for j in range(6):
            for i in range(12):
                x, y = x0 + 0.04 + i * 0.055, 0.25 + j * 0.1
                p.ellipse(f.box(x - 0.008, y - 0.008, x + 0.008, y + 0.008), (214, 212, 204), solid=False)
                p.highlight(f.box(x - 0.005, y - 0.005, x + 0.003, y + 0.003), 120)


def _draw_textiles(p: _Painter, f: _Frame, rng: random.Random, look: _Look, variant: str) -> None:
    if variant == "Djellaba":
        _textile_caftan(p, f, rng, look, hooded=True)
    elif variant == "Cushion cover":
        _textile_cushion(p, f, rng, look)
    elif variant in ("Throw", "Scarf"):
        _textile_hanging(p, f, rng, look, scarf=variant == "Scarf")
    else:
        _textile_caftan(p, f, rng, look, hooded=False)


def _textiles_piece(style: str) -> _Piece:
    item = _match(style, [*TEXTILE_ITEMS, "Cushion", "Blanket", "Kaftan"], "Caftan")
    item = {"Cushion": "Cushion cover", "Blanket": "Throw", "Kaftan": "Caftan"}.get(item, item)
    extent = (0.9, 1.0) if item in ("Caftan", "Djellaba", "Throw", "Scarf") else (1.0, 1.0)
    place = "floor" if item == "Cushion cover" else "wall"
    focus = {"Caftan": (0.5, 0.28), "Djellaba": (0.5, 0.3), "Cushion cover": (0.5, 0.5)}.get(item, (0.5, 0.8))
    return _Piece(_draw_textiles, item, extent, _FABRIC_TEX, focus, place, 2.5)


# ---------------------------------------------------------------------------------------------
# Basketry
# ---------------------------------------------------------------------------------------------

BASKETRY_ITEMS = _options("basketry", "item")
_DOUM: RGB = (208, 176, 116)
_STRAW_TEX = _Texture(0.003, 30, (1.0, 1.0))


def _straw_accents(look: _Look, rng: random.Random) -> list[RGB]:
    if look.multicolour:
        return [MADDER, TEAL, SAFFRON, ROSE]
    if look.name in ("Ivory", "Grey", "Brown"):
        return [CHARCOAL, _shade(_DOUM, 0.6)]
    return [look.main, CHARCOAL]


def _coiled(
    p, f, rng, cx: float, radius, v0: float, v1: float, tilt: float, accents: list[RGB], pattern: str
) -> None:
    """Coiled doum-palm rows: each row a ring of slanted stitches, some in dyed palm."""
    row_h = 0.034
    n_rows = int((v1 - v0) / row_h)
    for j in range(n_rows):
        v = v0 + (j + 0.5) * row_h
        r = radius(v)
        count = max(10, int(math.tau * r / 0.026))
        p.line(f.pts(_band(cx, radius, v + row_h / 2, tilt)), _shade(_DOUM, 0.5), f.len(0.006))
        for k in range(count):
            a = math.tau * (k + 0.5 * (j % 2)) / count
            c = math.cos(a)
            if c < 0.08:
                continue
            x, y = cx + r * math.sin(a), v + tilt * r * c
            band = (j // 3) % len(accents)
            coloured = {
                "triangles": (j % 6) < 3 and (k % 6) <= (j % 3) * 2,
                "bands": j % 5 == 2,
                "diamonds": abs((k % 8) - 4) + abs((j % 8) - 4) < 3,
            }.get(pattern, False)
            colour = accents[band] if coloured else _vary(_shade(_DOUM, 1.08), rng, 0.06)
            w = 0.011 * c
            thick = f.len(0.017 * (0.4 + 0.6 * c))
            # Each stitch: a shadowed edge, then the palm strip catching the light.
            p.line(
                f.pts([(x - w, y - row_h * 0.4), (x + w, y + row_h * 0.46)]),
                _shade(colour, 0.55),
                thick * 1.35,
            )
            p.line(
                f.pts([(x - w * 1.1, y - row_h * 0.44), (x + w * 0.9, y + row_h * 0.38)]), colour, thick * 0.8
            )


def _basket_body(p, f, rng, look: _Look, profile, tilt: float, pattern: str, cx: float = 0.5):
    outline, radius = _lathe(cx, profile, tilt)
    p.poly(f.pts(outline), _DOUM)
    p.shade(f.pts(outline), "cylinder", spec=0.1, lo=0.1)
    _coiled(p, f, rng, cx, radius, profile[0][0], profile[-1][0], tilt, _straw_accents(look, rng), pattern)
    return radius


def _basket_basket(p, f, rng, look: _Look) -> None:
    cx, tilt = 0.5, 0.28
    for side in (-1, 1):
        handle = _ellipse_pts(cx + side * 0.36, 0.26, 0.08, 0.1, 14, math.pi, math.tau)
        p.line(f.pts(handle), _shade(_DOUM, 0.85), f.len(0.035), solid=True)
    profile = [(0.26, 0.4), (0.5, 0.39), (0.75, 0.35), (0.92, 0.31)]
    _basket_body(p, f, rng, look, profile, tilt, rng.choice(("triangles", "bands", "diamonds")))
    mouth = _ellipse_pts(cx, 0.26, 0.38, 0.38 * tilt, 56)
    p.poly(f.pts(mouth), _shade(_DOUM, 0.55), solid=False, light=230)
    rim = _ellipse_pts(cx, 0.26, 0.39, 0.39 * tilt, 56)
    p.line(f.pts([*rim, rim[0]]), _shade(_DOUM, 0.9), f.len(0.02))


def _basket_bread(p, f, rng, look: _Look) -> None:
    cx, tilt = 0.5, 0.22
    _basket_body(p, f, rng, look, [(0.7, 0.38), (0.8, 0.38), (0.92, 0.34)], tilt, "bands")
    lid, radius = _lathe(cx, [(0.1, 0.03), (0.3, 0.12), (0.55, 0.3), (0.7, 0.4)], tilt)
    p.poly(f.pts(lid), _DOUM)
    p.shade(f.pts(lid), "cylinder", spec=0.1, lo=0.1)
    _coiled(p, f, rng, cx, radius, 0.12, 0.7, tilt, _straw_accents(look, rng), "triangles")
    p.line(f.pts(_band(cx, radius, 0.7, tilt)), (120, 80, 50), f.len(0.02))
    _finial(p, f, _shade(_DOUM, 0.8), cx, 0.1, 0.025)


def _basket_bag(p, f, rng, look: _Look) -> None:
    leather = (128, 82, 52)
    for x0, x1, tone in ((0.32, 0.68, 0.7), (0.28, 0.72, 1.0)):
        p.line(
            f.pts(_ellipse_pts((x0 + x1) / 2, 0.32, (x1 - x0) / 2, 0.24, 24, math.pi, math.tau)),
            _shade(leather, tone),
            f.len(0.03),
            solid=True,
        )
    body = [(0.16, 0.32), (0.84, 0.32), (0.8, 0.9), (0.74, 0.94), (0.26, 0.94), (0.2, 0.9)]
    p.poly(f.pts(body), _DOUM)
    p.shade(f.pts(body), "cylinder", spec=0.1, lo=0.15)
    accents = _straw_accents(look, rng)
    pattern = rng.choice(("bands", "triangles"))
    for j in range(17):
        y = 0.35 + j * 0.034
        t = (y - 0.32) / 0.62
        xa, xb = 0.16 + 0.04 * t, 0.84 - 0.04 * t
        p.line(f.pts([(xa, y + 0.017), (xb, y + 0.017)]), _shade(_DOUM, 0.62), f.len(0.004))
        for k in range(int((xb - xa) / 0.026)):
            x = xa + 0.013 + k * 0.026 + (0.013 if j % 2 else 0)
            if x > xb - 0.01:
                continue
            coloured = (pattern == "bands" and j % 5 == 2) or (
                pattern == "triangles" and j % 6 < 3 and k % 6 <= (j % 3) * 2
            )
            c = accents[(j // 3) % len(accents)] if coloured else _vary(_DOUM, rng, 0.06)
            p.line(f.pts([(x - 0.008, y - 0.014), (x + 0.008, y + 0.014)]), c, f.len(0.014))
    p.poly(f.pts(_rect(0.16, 0.31, 0.84, 0.35)), leather, solid=False, light=220)
    pom = [MADDER, SAFFRON, TEAL, ROSE, IVORY] if look.multicolour or rng.random() < 0.5 else accents
    for k in range(7):
        x = 0.22 + k * 0.093
        c = pom[k % len(pom)]
        for _ in range(10):
            a, d = rng.uniform(0, math.tau), rng.uniform(0, 0.025)
            r = 0.012
            px, py = x + d * math.cos(a), 0.3 + d * math.sin(a)
            p.ellipse(f.box(px - r, py - r, px + r, py + r), _vary(c, rng, 0.1))
        p.shade(f.pts(_ellipse_pts(x, 0.3, 0.038, 0.038, 16)), "sphere", lo=0.2)


def _basket_hat(p, f, rng, look: _Look) -> None:
    cx = 0.5
    accents = _straw_accents(look, rng)
    brim = _ellipse_pts(cx, 0.6, 0.48, 0.22, 72)
    p.poly(f.pts(brim), _DOUM)
    p.shade(f.pts(brim), "dome", spec=0.1, lo=0.2)
    for k in range(1, 12):
        t = 0.45 + k * 0.05
        ring = _ellipse_pts(cx, 0.6, 0.48 * t, 0.22 * t, 72)
        p.line(f.pts([*ring, ring[0]]), _shade(_DOUM, 0.7), f.len(0.004))
    crown, radius = _lathe(cx, [(0.26, 0.14), (0.34, 0.21), (0.5, 0.23), (0.58, 0.23)], 0.25)
    p.poly(f.pts(crown), _DOUM)
    p.shade(f.pts(crown), "cylinder", spec=0.1, lo=0.1)
    _coiled(p, f, rng, cx, radius, 0.28, 0.58, 0.25, accents, "none")
    p.line(f.pts(_band(cx, radius, 0.53, 0.25)), accents[0], f.len(0.04))
    for k in range(9):
        a = -math.pi / 2 + math.pi * (k + 0.5) / 9
        x, y = cx + 0.23 * math.sin(a), 0.53 + 0.25 * 0.23 * math.cos(a)
        c = (
            accents[k % len(accents)]
            if look.multicolour
            else rng.choice([MADDER, SAFFRON, TEAL, ROSE, IVORY])
        )
        p.ellipse(f.box(x - 0.022, y - 0.005, x + 0.022, y + 0.04), c)
        p.shade(f.pts(_ellipse_pts(x, y + 0.017, 0.022, 0.022, 12)), "sphere", lo=0.3)


def _basket_mat(p, f, rng, look: _Look) -> None:
    cx, cy, rx, ry = 0.5, 0.5, 0.47, 0.4
    accents = _straw_accents(look, rng)
    p.poly(f.pts(_ellipse_pts(cx, cy, rx, ry, 96)), _DOUM)
    p.shade(f.pts(_ellipse_pts(cx, cy, rx, ry, 96)), "dome", lo=0.3)
    rings = 13
    for j in range(rings, 0, -1):
        t = j / rings
        count = max(8, int(60 * t))
        for k in range(count):
            a = math.tau * (k + 0.5 * (j % 2)) / count
            coloured = (j in (4, 8, 11) and k % 2 == 0) or (j in (6, 10) and k % 4 < 2)
            c = accents[j % len(accents)] if coloured else _vary(_DOUM, rng, 0.06)
            x, y = cx + rx * t * math.cos(a), cy + ry * t * math.sin(a)
            da = 0.5 / count * math.tau
            x2, y2 = (
                cx + rx * (t - 0.5 / rings) * math.cos(a + da),
                cy + ry * (t - 0.5 / rings) * math.sin(a + da),
            )
            p.line(f.pts([(x, y), (x2, y2)]), c, f.len(0.014))
        ring = _ellipse_pts(cx, cy, rx * (t - 0.5 / rings), ry * (t - 0.5 / rings), 72)
        p.line(f.pts([*ring, ring[0]]), _shade(_DOUM, 0.65), f.len(0.003))


def _draw_basketry(p: _Painter, f: _Frame, rng: random.Random, look: _Look, variant: str) -> None:
    {
        "Market bag": _basket_bag,
        "Hat": _basket_hat,
        "Mat": _basket_mat,
        "Bread basket": _basket_bread,
    }.get(variant, _basket_basket)(p, f, rng, look)


def _basketry_piece(style: str) -> _Piece:
    item = _match(style, [*BASKETRY_ITEMS, "Tote", "Bag", "Tbiqa"], "Basket")
    item = {"Tote": "Market bag", "Bag": "Market bag", "Tbiqa": "Bread basket"}.get(item, item)
    # Bread basket must win over plain "Basket" when both words are present.
    if "bread" in style.lower():
        item = "Bread basket"
    place = {"Mat": "flat", "Market bag": "floor", "Basket": "floor"}.get(item, "table")
    focus = {"Hat": (0.5, 0.45), "Mat": (0.5, 0.45), "Bread basket": (0.5, 0.45)}.get(item, (0.5, 0.6))
    return _Piece(_draw_basketry, item, (1.0, 1.0), _STRAW_TEX, focus, place, 2.4, stands=item != "Mat")


_OTHER_CRAFTS: dict[str, Callable[[str], _Piece]] = {
    "ceramics": _ceramics_piece,
    "leather": _leather_piece,
    "lighting": _lighting_piece,
    "jewellery": _jewellery_piece,
    "woodwork": _woodwork_piece,
    "textiles": _textiles_piece,
    "basketry": _basketry_piece,
}


# ---------------------------------------------------------------------------------------------
# Banners: cooperative workshop and homepage hero
# ---------------------------------------------------------------------------------------------

_BANNER_TEX = _Texture(0.0025, 22, (1.0, 1.0))


def _mute(img: Image.Image, saturation: float) -> Image.Image:
    """Pull colour towards grey (a calm, editorial grade) without touching brightness much."""
    grey = img.convert("L").convert("RGB")
    return Image.blend(grey, img, saturation)


def _horseshoe(ax: float, ay: float, r: float, floor: float, n: int = 40) -> list[Point]:
    """A Moorish horseshoe arch: more than a half circle, on two straight jambs."""
    arc = _ellipse_pts(ax, ay, r, r * 1.05, n, math.pi - 0.5, math.tau + 0.5)
    return [(arc[0][0], floor), *arc, (arc[-1][0], floor)]


def _hang_rug(
    p: _Painter, rng: random.Random, style: str, colour: str, x: float, y: float, height: float
) -> None:
    """A rug hung from a pole by its top fringe; (x, y) is the pole's centre."""
    scale = height / _RUG_EXTENT[1]
    p.line([(x - scale * 0.62, y), (x + scale * 0.62, y)], (118, 82, 52), max(3, scale * 0.03), solid=True)
    f = _Frame(x - scale / 2, y - scale * _FRINGE * 0.6, scale)
    _draw_rug(p, f, rng, _look(colour), style)


def hero_image(*, size: tuple[int, int] = (1920, 900)) -> Image.Image:
    """The homepage hero: rugs hanging in a riad courtyard, a horseshoe arch, a zellige floor.

    Wide, calm and muted, with the left ~40 % kept to plain sunlit plaster for overlaid text.
    Always the same picture for the same size.
    """
    w, h = size
    if w < 64 or h < 32:
        raise ValueError("hero size must be at least 64 x 32 pixels")
    rng = random.Random(2024)
    W, H = w * _SS, h * _SS
    wall = (224, 208, 186)
    bg2 = Image.new("RGB", (W, H), wall)
    d = ImageDraw.Draw(bg2)
    floor_y = H * 0.8
    # The arch opens onto a shaded gallery: cooler, darker, with a bright doorway far behind.
    ax, r = W * 0.7, H * 0.22
    arch = _horseshoe(ax, H * 0.36, r, floor_y)
    frame = _horseshoe(ax, H * 0.36, r * 1.12, floor_y)
    d.polygon(frame, fill=_shade(wall, 1.04))
    d.line([*frame[1:-1]], fill=_shade(wall, 0.82), width=max(2, W // 900))
    d.polygon(arch, fill=(118, 104, 92))
    for k in range(16):
        t = k / 16
        d.polygon(
            _horseshoe(ax, H * 0.36 + t * H * 0.1, r * (1 - t * 0.5), floor_y),
            fill=_mix((118, 104, 92), (82, 74, 70), t),
        )
    d.rectangle((ax - r * 0.16, H * 0.5, ax + r * 0.16, floor_y), fill=(236, 216, 184))
    # Zellige dado along the right-hand wall.
    bg = bg2.reduce(_SS)
    bg = _wall_texture(bg, rng, amount=9)
    p = _Painter((W, H))
    dado_x = ax + r * 1.12
    dado = _Frame(dado_x, floor_y - H * 0.12, H * 0.4)
    _zellige_panel(p, dado, rng, _look("Green"), "Square 5×5", (W - dado_x) / dado.s + 0.1, H * 0.12 / dado.s)
    # Floor: zellige in perspective, a checkerboard of tin white and a muted green.
    far, near = floor_y, H * 1.2
    quad = [(-W * 0.6, far), (W * 1.6, far), (W * 3.2, near), (-W * 2.2, near)]
    floor = _Projected(quad, 12.0, 2.2)
    checker = ((226, 220, 204), (78, 110, 92))
    _zellige_panel(
        p, floor, rng, _look("Ivory"), "Square 10×10", 12.0, 2.2, grout=(200, 190, 174), checker=checker
    )
    # Hanging rugs either side of the arch, a pouf and a jar on the floor, a lantern in the arch.
    _hang_rug(p, rng, "Beni Ourain", "Ivory", W * 0.455, H * 0.1, H * 0.66)
    _hang_rug(p, rng, "Boujad", "Pink", W * 0.935, H * 0.08, H * 0.66)
    # Contact shadows on the tiles (the floor is in the painter, so paint them translucent).
    for cx, cy, rx in (
        (W * 0.5 + H * 0.125, H * 0.888, H * 0.14),
        (W * 0.82 + H * 0.16, H * 0.838, H * 0.14),
    ):
        for k in range(9):
            rr = rx * (1 - k * 0.08)
            p.ellipse((cx - rr, cy - rr * 0.22, cx + rr, cy + rr * 0.22), (30, 24, 18, 16), solid=False)
    _draw_leather(p, _Frame(W * 0.5, H * 0.68, H * 0.22), rng, _look("Brown"), "Pouf")
    _draw_ceramics(p, _Frame(W * 0.82, H * 0.54, H * 0.3), rng, _look("Ivory"), "Jar|Tadelakt")
    lf = _Frame(ax - H * 0.045, H * 0.25, H * 0.13)
    p.line([(ax, 0), (ax, H * 0.26)], (70, 60, 50), max(2, W // 1500), solid=True)
    _draw_lighting(p, lf, rng, _look("Ivory"), "Lantern")
    shadow = {"offset": (w * 0.012, h * 0.02), "blur": w * 0.008, "opacity": 0.3}
    img = _compose(bg, p, rng, texture=_BANNER_TEX, scale=H * 0.5, shadow=shadow, glow=_FLAME)
    # Late sun through an unseen window: a long soft patch on the left wall and floor.
    sun = [
        [(w * 0.02, h * 0.12), (w * 0.3, h * 0.05), (w * 0.36, h * 0.78), (w * 0.06, h * 0.82)],
        [(w * 0.04, h * 0.82), (w * 0.36, h * 0.78), (w * 0.5, h), (0, h)],
    ]
    img = _window_light(img, rng, sun, 46)
    img = _mute(img, 0.72)
    img = _vignette(img, 0.18)
    return _grain(img, rng, 4)


# The workshop shows what the cooperative makes: (craft, item drawn on the shelves).
_SHELF_ITEMS: dict[str, tuple[str, ...]] = {
    "ceramics": ("Tagine|", "Bowl|", "Vase|", "Jar|", "Plate|"),
    "basketry": ("Basket", "Bread basket", "Hat"),
    "woodwork": ("Box|Thuya", "Bowl|Cedar", "Box|Cedar"),
    "leather": ("Pouf", "Bag", "Babouches"),
    "jewellery": ("Bracelet", "Ring"),
    "lighting": ("Table lamp",),
    "zellige": ("Square 10×10", "Star"),
    "textiles": ("Cushion cover",),
    "rug": ("Kilim",),
}


def _shelf_item(
    p: _Painter, rng: random.Random, craft: str, item: str, cx: float, base: float, size: float
) -> None:
    colour = rng.choice(("Red", "Blue", "Green", "Saffron", "Ivory", "Brown", "Orange", "Turquoise"))
    look = _look(colour)
    if craft == "jewellery":
        size *= 0.6  # small pieces stay small next to pots and baskets
    f = _Frame(cx - size / 2, base - size * 0.93, size)
    if craft == "ceramics":
        _draw_ceramics(p, f, rng, look, item)
    elif craft == "basketry":
        _draw_basketry(p, f, rng, look, item)
    elif craft == "woodwork":
        _draw_woodwork(p, f, rng, look, item)
    elif craft == "leather":
        _draw_leather(p, f, rng, look, item)
    elif craft == "jewellery":
        _draw_jewellery(p, f, rng, look, item)
    elif craft == "lighting":
        _draw_lighting(p, _Frame(cx - size * 0.4, base - size * 0.96, size), rng, look, item)
    elif craft == "zellige":
        # A stack of sample tiles leaning on the back of the shelf.
        panel = _Frame(cx - size * 0.35, base - size * 0.7, size * 0.7)
        _zellige_panel(p, panel, rng, look, item, 1.0, 1.0)
    elif craft == "textiles":
        _draw_textiles(p, _Frame(cx - size / 2, base - size * 0.85, size), rng, look, item)
    else:
        _hang_rug(p, rng, item, colour, cx, base - size, size)


def _loom(
    p: _Painter, rng: random.Random, x0: float, x1: float, top: float, bottom: float, style: str, colour: str
) -> None:
    """A vertical Berber loom with a rug half woven: posts, beams, warp, a weaving comb."""
    wood = (122, 84, 54)
    post = (x1 - x0) * 0.06
    for x in (x0, x1 - post):
        p.poly(_rect(x, top - post, x + post, bottom + post * 2), _shade(wood, 0.9))
        p.shade(_rect(x, top - post, x + post, bottom + post * 2), "cylinder")
    beam_top, beam_bottom = top + post, bottom - post * 2
    woven_top = beam_bottom - (beam_bottom - beam_top) * rng.uniform(0.45, 0.6)
    inner0, inner1 = x0 + post * 1.6, x1 - post * 1.6
    n = int((inner1 - inner0) / max(3.0, (x1 - x0) / 110))
    for i in range(n + 1):
        x = inner0 + (inner1 - inner0) * i / n
        p.line(
            [(x, beam_top), (x, woven_top)], _vary(_WARP, rng, 0.05), max(1.0, (x1 - x0) / 500), solid=True
        )
    scale = inner1 - inner0
    f = _Frame(inner0, woven_top, scale)
    field_h = (beam_bottom - woven_top) / scale
    p.poly(f.pts(_rect(0, 0, 1, field_h)), _WARP)
    _RUG_PAINTERS[style](p, f, rng, _look(colour), (0.04, 0.05, 0.96, field_h + 0.05))
    p.line(f.pts([(0, 0.004), (1, 0.004)]), _shade(_WARP, 0.85), f.len(0.01))
    for y in (beam_top, beam_bottom):
        beam = _rect(x0 - post * 0.4, y - post * 0.6, x1 + post * 0.4, y + post * 0.6)
        p.poly(beam, wood)
        p.shade(beam, "cylinder")
    # The weaver's comb resting on the weft.
    cx, cy = (inner0 + inner1) / 2 + scale * 0.15, woven_top - scale * 0.02
    p.poly(_rect(cx - scale * 0.09, cy - scale * 0.03, cx + scale * 0.09, cy), (96, 66, 44))
    for k in range(10):
        x = cx - scale * 0.085 + k * scale * 0.019
        p.line([(x, cy), (x, cy + scale * 0.06)], (96, 66, 44), max(2.0, scale * 0.006), solid=True)


def cooperative_image(
    *, crafts: Sequence[str], seed: int, size: tuple[int, int] = (1200, 800)
) -> Image.Image:
    """A warm workshop banner for a cooperative making ``crafts`` (catalogue craft codes).

    Weaving cooperatives get a loom with a half-woven rug and rugs on the wall; others a
    workbench. Shelves hold pieces of each craft, lanterns hang from the beam for metalworkers.
    Unknown codes are ignored; deterministic for the same arguments.
    """
    w, h = size
    if w < 64 or h < 32:
        raise ValueError("banner size must be at least 64 x 32 pixels")
    rng = random.Random(seed)
    known = [c for c in dict.fromkeys(crafts) if c in CRAFT_CODES] or ["rug", "ceramics"]
    W, H = w * _SS, h * _SS
    wall = rng.choice(((214, 178, 136), (206, 164, 124), (222, 196, 160)))
    bg2 = Image.new("RGB", (W, H), wall)
    d = ImageDraw.Draw(bg2)
    floor_y = H * 0.82
    d.rectangle((0, floor_y, W, H), fill=(150, 92, 64))
    for j in range(6):
        y = floor_y + (H - floor_y) * (j / 6) ** 1.3
        d.line([(0, y), (W, y)], fill=(120, 72, 50), width=2)
    d.rectangle((0, floor_y - H * 0.015, W, floor_y), fill=_shade(wall, 0.75))
    bg = _wall_texture(bg2.reduce(_SS), rng, amount=28)
    p = _Painter((W, H))
    # Cedar ceiling beam.
    p.poly(_rect(0, 0, W, H * 0.07), (96, 64, 42))
    p.shade(_rect(0, 0, W, H * 0.07), "cylinder")
    weaving = "rug" in known or "textiles" in known
    left_end = W * 0.36
    if weaving:
        style = rng.choice(("Beni Ourain", "Azilal", "Kilim", "Boujad", "Zanafi"))
        _loom(
            p,
            rng,
            W * 0.04,
            left_end,
            H * 0.14,
            floor_y,
            style,
            rng.choice(("Ivory", "Red", "Orange", "Pink")),
        )
    else:
        # A workbench with pieces in progress.
        top = floor_y - H * 0.3
        p.poly(_rect(W * 0.03, top, left_end, top + H * 0.04), (130, 90, 58))
        for x in (W * 0.05, left_end - W * 0.03):
            p.poly(_rect(x, top, x + W * 0.02, floor_y), (110, 76, 50))
        for k in range(2):
            craft = known[k % len(known)]
            items = _SHELF_ITEMS[craft]
            _shelf_item(
                p, rng, craft, items[k % len(items)], W * (0.11 + k * 0.15), top + H * 0.005, H * 0.24
            )
    # Middle: what hangs on the wall and from the beam.
    mid0, mid1 = left_end + W * 0.04, W * 0.64
    if "lighting" in known:
        # Metalworkers: a cluster of lanterns hanging from the beam at different heights.
        for k, x in enumerate(mid0 + (mid1 - mid0) * t for t in (0.15, 0.5, 0.85)):
            y = H * (0.16 + 0.12 * (k % 2))
            p.line([(x, H * 0.07), (x, y + 4)], (60, 52, 44), max(2, W // 600), solid=True)
            _draw_lighting(p, _Frame(x - H * 0.0875, y, H * 0.25), rng, _look("Ivory"), "Lantern")
    elif "rug" in known or "textiles" in known:
        _hang_rug(
            p,
            rng,
            rng.choice(RUG_STYLES),
            rng.choice(("Red", "Ivory", "Blue", "Orange")),
            (mid0 + mid1) / 2,
            H * 0.14,
            H * 0.58,
        )
    else:
        _hang_rug(p, rng, "Kilim", rng.choice(("Red", "Orange")), (mid0 + mid1) / 2, H * 0.16, H * 0.5)
    # Right: shelves filled with the cooperative's other pieces.
    s0, s1 = W * 0.67, W * 0.98
    shelf_crafts = [c for c in known if c not in ("rug",)] or ["ceramics", "basketry"]
    levels = (H * 0.36, H * 0.58, floor_y - H * 0.005)
    k = 0
    for level, y in enumerate(levels):
        if level < 2:
            plank = _rect(s0, y, s1, y + H * 0.022)
            p.poly(plank, (128, 88, 56))
            p.shade(plank, "cylinder")
        count = 3
        for i in range(count):
            craft = shelf_crafts[k % len(shelf_crafts)]
            items = _SHELF_ITEMS[craft]
            item = items[(k // len(shelf_crafts) + i) % len(items)]
            cx = s0 + (s1 - s0) * (i + 0.5) / count
            _shelf_item(p, rng, craft, item, cx, y + 1, H * (0.17 if level < 2 else 0.2))
            k += 1
    shadow = {"offset": (w * 0.012, h * 0.012), "blur": w * 0.01, "opacity": 0.35}
    img = _compose(bg, p, rng, texture=_BANNER_TEX, scale=H * 0.5, shadow=shadow, glow=_FLAME)
    shaft = [[(w * 0.1, 0), (w * 0.3, 0), (w * 0.62, h), (w * 0.3, h)]]
    img = _window_light(img, rng, shaft, 26)
    img = _vignette(img, 0.24)
    return _grain(img, rng, 5)
