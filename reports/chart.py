"""The coverage trend as a server-rendered SVG line chart.

Readable without colour: every point carries its value as text, months are
labelled on the axis, the target is a dashed line labelled in words, and a
month with no snapshot is a gap marked "no snapshot". The same figures sit in
a table beside the chart, so no one depends on the picture.
"""

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 24, 56


@dataclass(frozen=True)
class Point:
    month: date
    percent: float | None
    x: float
    y: float | None

    @property
    def label(self) -> str:
        return "no snapshot" if self.percent is None else f"{self.percent:g}%"


@dataclass(frozen=True)
class TrendChart:
    title: str
    description: str
    points: list[Point]
    target: int
    target_y: float
    segments: list[str]  # SVG path data, one per unbroken run of points
    gridlines: list[tuple[int, float]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM

    @property
    def has_figures(self) -> bool:
        return any(p.percent is not None for p in self.points)


def _y(percent: float) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - percent / 100), 1)


def percent_of(completed, denominator) -> float | None:
    if completed is None or not denominator:
        return None
    return round(100 * completed / denominator, 1)


def trend_chart(*, title: str, trend: list[tuple], target: int) -> TrendChart:
    """Geometry for ``trend`` (from ``reports.snapshots.trend``)."""
    step = (WIDTH - LEFT - RIGHT) / max(len(trend) - 1, 1)
    points = []
    for index, (month, completed, denominator) in enumerate(trend):
        percent = percent_of(completed, denominator)
        x = round(LEFT + index * step, 1)
        points.append(Point(month, percent, x, None if percent is None else _y(percent)))
    segments, run = [], []
    for point in [*points, None]:
        if point is None or point.y is None:
            if run:
                segments.append("M" + " L".join(f"{p.x},{p.y}" for p in run))
            run = []
        else:
            run.append(point)
    known = [p for p in points if p.percent is not None]
    if known:
        first, last = known[0], known[-1]
        description = (
            f"Coverage went from {first.label} at the end of {first.month:%B %Y} "
            f"to {last.label} at the end of {last.month:%B %Y}; the target is {target}%. "
            "The table that follows gives every month."
        )
    else:
        description = "No month-end snapshot has been taken yet in these twelve months."
    return TrendChart(
        title=title,
        description=description,
        points=points,
        target=target,
        target_y=_y(target),
        segments=segments,
        gridlines=[(value, _y(value)) for value in (0, 25, 50, 75, 100)],
    )
