"""Site names on the map without overlaps: greedy placement around each point, most important first.

Names keep their pixel size at every zoom, so whether two collide depends on the zoom: the map
asks again after each zoom, in view pixels. Each name tries the side facing away from the map's
centre first, then the other sides; a name with no free side is left out until the operator zooms
in (the site tree and the tooltips still name it). Rectangles are (left, top, width, height).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

Rect = tuple[float, float, float, float]
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


def offsets(request: LabelRequest, centre: tuple[float, float]) -> list[tuple[float, float]]:
    """Top-left offsets from the point, best first: away from the centre, then round the compass."""
    w, h, g, d = request.width, request.height, request.gap, request.gap * 0.7
    around = [
        (g, -h / 2), (-g - w, -h / 2), (-w / 2, -g - h), (-w / 2, g),  # right, left, above, below
        (d, -d - h), (-d - w, -d - h), (d, d), (-d - w, d),
    ]
    dx, dy = request.x - centre[0], request.y - centre[1]
    distance = math.hypot(dx, dy)
    if distance < 1:  # the scope itself: above its devices
        return [around[2], *around[:2], *around[3:]]
    ux, uy = dx / distance, dy / distance
    ax, ay = ux * g, uy * g
    # Text grows away from the centre: left-aligned on the right half, right-aligned on the left.
    left = ax if ux > 0.35 else ax - w if ux < -0.35 else ax - w / 2
    top = ay - h / 2 if abs(ux) > 0.35 else (ay if uy > 0 else ay - h)
    return [(left, top), *around]


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


def place_labels(
    requests: Sequence[LabelRequest], centre: tuple[float, float], obstacles: Iterable[Rect] = (),
    fixed: Iterable[Rect] = (),
) -> dict[str, tuple[float, float] | None]:
    """key → top-left offset from its point (view pixels), or None when the name cannot be shown.

    A name avoids other names and ``fixed`` texts (a cross-network warning) always, and
    ``obstacles`` (the device symbols) when it can.
    """
    placed, blocked = _Grid(), _Grid()
    for r in fixed:
        placed.add(r)
    for r in obstacles:
        blocked.add(r)
    result: dict[str, tuple[float, float] | None] = {}
    for request in sorted(requests, key=lambda r: (r.priority, r.key)):
        choices = offsets(request, centre)
        rects = [(request.x + dx, request.y + dy, request.width, request.height) for dx, dy in choices]
        free = [i for i, r in enumerate(rects) if not placed.hits(r)]
        best = next((i for i in free if not blocked.hits(rects[i])), free[0] if free else None)
        if best is None:
            result[request.key] = None
            continue
        placed.add(rects[best])
        result[request.key] = choices[best]
    return result
