"""Site names on the map without overlaps: greedy placement around each point, most important first.

Names keep their pixel size at every zoom, so whether two collide depends on the zoom: the map
asks again after each zoom, in view pixels. Each name tries the side facing away from the map's
centre first, then the other sides, then the same a step further out; a name with no free side
is left out until the operator zooms in (the site tree and the tooltips still name it). Names also
keep clear of the links when they can: a red dashed link struck through "合肥市" in its own city.
Rectangles are (left, top, width, height); segments (x1, y1, x2, y2).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

Rect = tuple[float, float, float, float]
Segment = tuple[float, float, float, float]
GAP = 14.0  # pixels between a site's point and its name
CELL = 64.0  # pixels per bucket of the collision grid


@dataclass(frozen=True)
class LabelRequest:
    key: str
    x: float  # the site's point, in view pixels
    y: float
    width: float
    height: float
    priority: int = 0  # lower goes first: the scope, then sites one can drill into, then the rest
    gap: float = GAP  # from the point to the text: clears the symbol drawn there


def _around(w: float, h: float, g: float) -> list[tuple[float, float]]:
    """Right, left, above, below, then the four corners, ``g`` pixels from the point."""
    d = g * 0.7
    return [(g, -h / 2), (-g - w, -h / 2), (-w / 2, -g - h), (-w / 2, g), (d, -d - h), (-d - w, -d - h), (d, d),
            (-d - w, d)]


def offsets(request: LabelRequest, centre: tuple[float, float]) -> list[tuple[float, float]]:
    """Top-left offsets from the point, best first: away from the centre, then round the compass;
    then the same further out (only taken to get clear of links, see _choose)."""
    w, h, g = request.width, request.height, request.gap
    dx, dy = request.x - centre[0], request.y - centre[1]
    distance = math.hypot(dx, dy)
    if distance < 1:  # the scope itself: above its devices, else anywhere round them, nearer first
        found = []
        for step in (1.0, 2.2, 3.5, 5.0):
            around = _around(w, h, g * step)
            found += [around[2], *around[:2], *around[3:]]
        return found
    ux, uy = dx / distance, dy / distance
    found = []
    for step in (1.0, 2.2):
        ax, ay = ux * g * step, uy * g * step
        # Text grows away from the centre: left-aligned on the right half, right-aligned on the left.
        left = ax if ux > 0.35 else ax - w if ux < -0.35 else ax - w / 2
        top = ay - h / 2 if abs(ux) > 0.35 else (ay if uy > 0 else ay - h)
        found += [(left, top), *_around(w, h, g * step)]
    return found


def intersects(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


class _Grid:
    """Rectangles bucketed by CELL-sized squares, so a test looks only at its neighbours."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[Rect]] = defaultdict(list)

    def _cells(self, r: Rect) -> Iterator[tuple[int, int]]:
        for cx in range(math.floor(r[0] / CELL), math.floor((r[0] + r[2]) / CELL) + 1):
            for cy in range(math.floor(r[1] / CELL), math.floor((r[1] + r[3]) / CELL) + 1):
                yield cx, cy

    def add(self, r: Rect) -> None:
        for cell in self._cells(r):
            self.cells[cell].append(r)

    def hits(self, r: Rect) -> bool:
        return any(intersects(r, other) for cell in self._cells(r) for other in self.cells.get(cell, ()))


def crosses(segment: Segment, r: Rect) -> bool:
    """Whether the segment passes through the rectangle (Liang–Barsky clipping)."""
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - r[0]), (dx, r[0] + r[2] - x1), (-dy, y1 - r[1]), (dy, r[1] + r[3] - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


class _Lines:
    """Segments bucketed by the CELL squares their bounding box covers."""

    def __init__(self, segments: Iterable[Segment]) -> None:
        self.cells: dict[tuple[int, int], list[Segment]] = defaultdict(list)
        for s in segments:
            for cx in range(math.floor(min(s[0], s[2]) / CELL), math.floor(max(s[0], s[2]) / CELL) + 1):
                for cy in range(math.floor(min(s[1], s[3]) / CELL), math.floor(max(s[1], s[3]) / CELL) + 1):
                    self.cells[(cx, cy)].append(s)

    def hits(self, r: Rect) -> bool:
        seen = set()
        for cx in range(math.floor(r[0] / CELL), math.floor((r[0] + r[2]) / CELL) + 1):
            for cy in range(math.floor(r[1] / CELL), math.floor((r[1] + r[3]) / CELL) + 1):
                for s in self.cells.get((cx, cy), ()):
                    if s not in seen:
                        seen.add(s)
                        if crosses(s, r):
                            return True
        return False


NEAR = 9  # the first candidates sit next to the point; the rest a step out, only to get clear of links


def _choose(rects: list[Rect], near: int, placed: _Grid, blocked: _Grid, lines: _Lines) -> int | None:
    """The best candidate: never on a name; a name with no room beside its point is dropped (a step
    out is for clearing links, not for crowds); then clear of links, then of symbols, near first."""
    free = [i for i, r in enumerate(rects) if not placed.hits(r)]
    if not any(i < near for i in free):
        return None
    clear = [i for i in free if not lines.hits(rects[i])]
    for pool in ([i for i in clear if i < near], [i for i in clear if i >= near], [i for i in free if i < near]):
        best = next((i for i in pool if not blocked.hits(rects[i])), pool[0] if pool else None)
        if best is not None:
            return best
    return None


def place_labels(
    requests: Sequence[LabelRequest], centre: tuple[float, float], obstacles: Iterable[Rect] = (),
    fixed: Iterable[Rect] = (), links: Iterable[Segment] = (),
) -> dict[str, tuple[float, float] | None]:
    """key → top-left offset from its point (view pixels), or None when the name cannot be shown.

    A name avoids other names and ``fixed`` texts (a cross-network warning) always; ``links`` and
    ``obstacles`` (the device symbols) when it can, links first: a struck-through name is unread.
    """
    placed, blocked = _Grid(), _Grid()
    for r in fixed:
        placed.add(r)
    for r in obstacles:
        blocked.add(r)
    lines = _Lines(links)
    result: dict[str, tuple[float, float] | None] = {}
    for request in sorted(requests, key=lambda r: (r.priority, r.key)):
        choices = offsets(request, centre)
        rects = [(request.x + dx, request.y + dy, request.width, request.height) for dx, dy in choices]
        near = NEAR - 1 if math.hypot(request.x - centre[0], request.y - centre[1]) < 1 else NEAR  # see offsets()
        best = _choose(rects, near, placed, blocked, lines)
        if best is None:
            result[request.key] = None
            continue
        placed.add(rects[best])
        result[request.key] = choices[best]
    return result
