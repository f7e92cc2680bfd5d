"""Geometry of the server-rendered SVG charts; the templates draw it, so every label passes the auto-escaper."""

from dataclasses import dataclass
from datetime import datetime

WIDTH, HEIGHT, MARGIN = 560, 200, 30


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Mark:
    label: str
    x: float


@dataclass(frozen=True)
class Timeline:
    dots: list[Mark]
    lines: list[Mark]
    start: str
    end: str


def histogram(percents: list[float], bins: int = 10) -> list[Bar]:
    """Bars of the score distribution in `bins` equal ranges of 0–100 %; 100 % falls in the last one."""
    counts = [0] * bins
    for value in percents:
        counts[min(max(int(value * bins // 100), 0), bins - 1)] += 1
    tallest = max(counts) or 1
    step = (WIDTH - 2 * MARGIN) / bins
    bars = []
    for index, count in enumerate(counts):
        height = (HEIGHT - 2 * MARGIN) * count / tallest
        bars.append(Bar(
            label=f"{100 * index // bins}–{100 * (index + 1) // bins}%", count=count,
            x=MARGIN + index * step, y=HEIGHT - MARGIN - height, width=step - 2, height=height,
        ))
    return bars


def timeline(times: list[datetime], marks: dict[str, datetime | None], fmt: str = "%b %d %H:%M") -> Timeline:
    """Submission times as dots on one axis with the deadline and the closing time as vertical lines."""
    known = {label: when for label, when in marks.items() if when is not None}
    instants = [*times, *known.values()]
    start, end = min(instants), max(instants)
    span = (end - start).total_seconds() or 1.0

    def x(when: datetime) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (when - start).total_seconds() / span

    return Timeline(
        dots=[Mark(label=t.strftime(fmt), x=x(t)) for t in times],
        lines=[Mark(label=label, x=x(when)) for label, when in known.items()],
        start=start.strftime(fmt), end=end.strftime(fmt),
    )
