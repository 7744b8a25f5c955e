"""Charts drawn on the server as inline SVG: ranked horizontal bars, columns with a line, a stacked bar.

Plain Python, no JavaScript and no charting library: a chart is a few rectangles and labels,
and the numbers behind it are always in a table next to it, so the SVG is `aria-hidden`.
Every label is escaped. Colours come from CSS classes (observatory.css), with fills in the
markup as a fallback. `rtl=True` mirrors the layout (bars grow leftwards, time runs right
to left) without mirroring the text, which the browser's bidi algorithm shapes itself. The
SVG is laid out left to right (`direction="ltr"`) so an RTL page does not flip the anchors
computed here.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ACCENT = "#c0643d"
SECOND = "#1f3f78"
GRID = "#ece2d2"
INK = "#3d362e"
MUTED = "#6b6157"
PALETTE = (ACCENT, SECOND, "#2f6b57", "#c98a1c", "#8c5a8a", "#4f9fb8")
FONT = 'font-family="system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, sans-serif"'


@dataclass(frozen=True)
class Item:
    """One bar or column: its label, its value, and the value as it should be printed."""

    label: str
    value: float
    value_label: str = ""

    @property
    def printed(self) -> str:
        return self.value_label or _plain(self.value)


def _plain(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 or value == int(value) else f"{value:,.1f}"


def _items(items: Sequence) -> list[Item]:
    return [item if isinstance(item, Item) else Item(*item) for item in items]


def nice_max(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value` (an axis that reads well)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value * (1 - 1e-9):
            return float(candidate)
    return float(10 ** (exponent + 1))


def _truncate(text: str, length: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _svg(width: float, height: float, body: list[str], *, css: str) -> SafeString:
    return mark_safe(
        f'<svg class="obs-svg {css}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" preserveAspectRatio="xMinYMin meet" '
        f'aria-hidden="true" focusable="false" direction="ltr" {FONT} font-size="12">'
        + "".join(body)
        + "</svg>"
    )


def hbar_svg(
    items: Sequence,
    *,
    width: int = 560,
    row_height: int = 26,
    label_width: int | None = None,
    rtl: bool = False,
    colour: str = ACCENT,
) -> SafeString:
    """Ranked horizontal bars, longest first as given; bar lengths proportional to the values.

    Negative values (a month of refunds) are drawn as empty bars: the table carries the sign.
    """
    items = _items(items)
    if not items:
        return _svg(width, row_height, [], css="obs-svg--bars")
    label_width = label_width or min(200, max(90, int(width * 0.34)))
    value_room = 78
    bar_room = width - label_width - value_room - 12
    top = max((item.value for item in items), default=0)
    scale = bar_room / top if top > 0 else 0
    height = len(items) * row_height + 8
    body = []
    for index, item in enumerate(items):
        y = 4 + index * row_height
        length = max(item.value, 0) * scale
        if length and length < 2:
            length = 2
        middle = y + row_height / 2 + 4
        label = escape(_truncate(item.label, max(8, label_width // 7)))
        full = escape(f"{item.label}: {item.printed}")
        if rtl:
            origin = width - label_width
            bar_x, label_x, label_anchor = origin - length, origin + 8, "start"
            value_x, value_anchor = bar_x - 6, "end"
        else:
            origin = label_width
            bar_x, label_x, label_anchor = origin, origin - 8, "end"
            value_x, value_anchor = origin + length + 6, "start"
        body.append(
            f'<g class="obs-bar"><title>{full}</title>'
            f'<text x="{label_x:.1f}" y="{middle:.1f}" text-anchor="{label_anchor}" fill="{INK}" '
            f'class="obs-label">{label}</text>'
            f'<rect x="{bar_x:.1f}" y="{y + 5:.1f}" width="{length:.1f}" height="{row_height - 10}" rx="3" '
            f'fill="{colour}" class="obs-bar__fill"/>'
            f'<text x="{value_x:.1f}" y="{middle:.1f}" text-anchor="{value_anchor}" fill="{MUTED}" '
            f'class="obs-value">{escape(item.printed)}</text></g>'
        )
    axis_x = width - label_width if rtl else label_width
    body.append(
        f'<line x1="{axis_x}" y1="2" x2="{axis_x}" y2="{height - 2}" stroke="{GRID}" class="obs-axis"/>'
    )
    return _svg(width, height, body, css="obs-svg--bars")


def columns_svg(
    items: Sequence,
    *,
    line: Sequence[float] | None = None,
    width: int = 640,
    height: int = 240,
    rtl: bool = False,
    axis_format=None,
    colour: str = ACCENT,
    line_colour: str = SECOND,
) -> SafeString:
    """Columns over time (months), optionally with a line on its own scale (orders beside revenue).

    The left axis (right in RTL) is the columns' scale, with four gridlines.
    """
    items = _items(items)
    axis_format = axis_format or _plain
    left, right, top_pad, bottom = 56, 16, 14, 34
    if rtl:
        left, right = right, left
    plot_w = width - left - right
    plot_h = height - top_pad - bottom
    body = []
    top = nice_max(max((item.value for item in items), default=0))
    for step in range(5):
        value = top * step / 4
        y = top_pad + plot_h - plot_h * step / 4
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{GRID}" class="obs-grid"/>'
        )
        axis_x, anchor = (width - right + 6, "start") if rtl else (left - 6, "end")
        body.append(
            f'<text x="{axis_x}" y="{y + 4:.1f}" text-anchor="{anchor}" fill="{MUTED}" class="obs-tick">'
            f"{escape(axis_format(value))}</text>"
        )
    count = max(len(items), 1)
    slot = plot_w / count
    bar_w = max(min(slot * 0.62, 46), 2)
    # Label every column when the labels fit, else every second or third (12 months of "Sept 26").
    label_width = max((len(item.label) for item in items), default=0) * 6.5 + 8
    every = max(1, math.ceil(label_width / slot)) if slot else 1
    centres = []
    for index, item in enumerate(items):
        position = count - 1 - index if rtl else index
        centre = left + slot * position + slot / 2
        centres.append(centre)
        bar_h = max(item.value, 0) / top * plot_h if top else 0
        y = top_pad + plot_h - bar_h
        body.append(
            f'<g class="obs-col"><title>{escape(f"{item.label}: {item.printed}")}</title>'
            f'<rect x="{centre - bar_w / 2:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{bar_h:.1f}" rx="2" '
            f'fill="{colour}" class="obs-col__fill"/></g>'
        )
        if index % every == 0:
            body.append(
                f'<text x="{centre:.1f}" y="{height - bottom + 16}" text-anchor="middle" fill="{MUTED}" '
                f'class="obs-tick">{escape(_truncate(item.label, 10))}</text>'
            )
    if line and len(line) == len(items):
        line_top = nice_max(max(line))
        points = [
            (centres[i], top_pad + plot_h - (max(v, 0) / line_top * plot_h if line_top else 0))
            for i, v in enumerate(line)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in sorted(points))
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{line_colour}" stroke-width="2" '
            'class="obs-line"/>'
        )
        body += [
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{line_colour}" class="obs-line__dot"/>'
            for x, y in points
        ]
    body.append(
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - right}" y2="{top_pad + plot_h}" '
        f'stroke="{MUTED}" class="obs-axis"/>'
    )
    return _svg(width, height, body, css="obs-svg--columns")


def stacked_svg(items: Sequence, *, width: int = 560, height: int = 28, rtl: bool = False) -> SafeString:
    """One bar split into parts proportional to the values (a share, e.g. women-led vs others)."""
    items = _items(items)
    total = sum(max(item.value, 0) for item in items)
    body = []
    x = float(width) if rtl else 0.0
    for index, item in enumerate(items):
        part = max(item.value, 0) / total * width if total else 0
        if rtl:
            x -= part
        colour = PALETTE[index % len(PALETTE)]
        body.append(
            f'<rect x="{x:.1f}" y="0" width="{part:.1f}" height="{height}" fill="{colour}" '
            f'class="obs-stack obs-stack--{index}">'
            f"<title>{escape(f'{item.label}: {item.printed}')}</title></rect>"
        )
        if not rtl:
            x += part
    return _svg(width, height, body, css="obs-svg--stacked")
