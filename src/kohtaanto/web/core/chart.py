"""A small server-side SVG line chart: monthly income with and without part-time work.

No script is needed (the CSP allows none inline), colours are backed by line styles and labels,
and the page shows the same numbers as a table for screen readers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 320, 64, 16, 16, 48


def _at(value: float) -> str:
    """An SVG coordinate, always with a decimal point: a template would print a float with the page's
    decimal comma in Finnish and Swedish, which breaks the drawing."""
    return format(round(value, 1), "g")


def income_chart(points: list[tuple[Decimal, float, float]], marked: Decimal) -> dict[str, Any]:
    xs = [float(p[0]) for p in points]
    top = max(max(p[1] for p in points), max(p[2] for p in points)) * 1.1 or 1.0
    span = xs[-1] or 1.0

    def x(value: float) -> str:
        return _at(LEFT + (WIDTH - LEFT - RIGHT) * value / span)

    def y(value: float) -> str:
        return _at(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / top)

    with_work = " ".join(f"{x(float(e))},{y(w)}" for e, w, _ in points)
    without = " ".join(f"{x(float(e))},{y(n)}" for e, _, n in points)
    y_ticks = [round(top / 4 * i, -1) for i in range(5)]
    x_ticks = [points[i][0] for i in range(0, len(points), 5)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "with_work": with_work,
        "without": without,
        "y_ticks": [{"value": int(v), "y": y(v)} for v in y_ticks],
        "x_ticks": [{"value": int(v), "x": x(float(v))} for v in x_ticks],
        "axis_y": HEIGHT - BOTTOM,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "marker_x": x(min(float(marked), span)),
    }


def bar_chart(rows: list[dict[str, Any]], series: list[str], label_key: str) -> dict[str, Any]:
    """Grouped bars, one group per row (e.g. per month), one bar per series; heights in SVG units."""
    top = max([int(r[s] or 0) for r in rows for s in series] + [1])
    ceiling = max(4, -(-top // 4) * 4)  # a multiple of four, for four even grid steps
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group = inner_w / max(len(rows), 1)
    bar = group * 0.8 / max(len(series), 1)
    groups = []
    for i, row in enumerate(rows):
        bars = []
        for j, name in enumerate(series):
            height = round(inner_h * int(row[name] or 0) / ceiling, 1)  # None: too few to show
            bars.append(
                {
                    "series": j,
                    "x": _at(LEFT + i * group + group * 0.1 + j * bar),
                    "y": _at(HEIGHT - BOTTOM - height),
                    "width": _at(bar - 1),
                    "height": _at(height),
                    "value": None if row[name] is None else int(row[name]),
                }
            )
        groups.append({"label": row[label_key], "x": _at(LEFT + i * group + group / 2), "bars": bars})
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "axis_y": HEIGHT - BOTTOM,
        "groups": groups,
        "y_ticks": [
            {"value": ceiling // 4 * k, "y": _at(HEIGHT - BOTTOM - inner_h * k / 4)} for k in range(5)
        ],
    }


def month_chart(with_work: list[float], without: list[float], labels: list[str]) -> dict[str, Any]:
    """Two lines over the months: what is left after rent with and without the work."""
    top = max([*with_work, *without, 1.0]) * 1.1
    low = min([*with_work, *without, 0.0])
    span = max(len(labels) - 1, 1)

    def x(index: int) -> str:
        return _at(LEFT + (WIDTH - LEFT - RIGHT) * index / span)

    def y(value: float) -> str:
        return _at(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value - low) / (top - low))

    ticks = [low + (top - low) / 4 * i for i in range(5)]
    step = 1 if len(labels) <= 6 else 2 if len(labels) <= 12 else 3  # labels that fit on a phone
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "with_work": " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(with_work)),
        "without": " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(without)),
        "y_ticks": [{"value": int(round(v, -1)), "y": y(v)} for v in ticks],
        "x_ticks": [{"value": label, "x": x(i)} for i, label in enumerate(labels) if i % step == 0],
        "axis_y": HEIGHT - BOTTOM,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
    }
