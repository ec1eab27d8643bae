"""Placing names on the map: no overlaps, the most important first, symbols avoided when there is room."""

from __future__ import annotations

from egovops.overview.label_layout import LabelRequest, intersects, place_labels


def _rects(requests: list[LabelRequest], placed: dict) -> dict[str, tuple[float, float, float, float]]:  # type: ignore[type-arg]
    return {r.key: (r.x + placed[r.key][0], r.y + placed[r.key][1], r.width, r.height) for r in requests if placed[r.key] is not None}


def test_neighbours_move_aside_and_a_crowd_drops_the_least_important() -> None:
    # Two cities 20 px apart (亳州市 and 六安市 at province scale), then ten departments on one spot.
    requests = [LabelRequest("亳州市", 300, 100, 48, 16, 1), LabelRequest("六安市", 320, 104, 48, 16, 1)]
    requests += [LabelRequest(f"省厅{i}", 500, 300, 60, 16, 2) for i in range(10)]
    placed = place_labels(requests, (400, 400))
    rects = _rects(requests, placed)
    assert {"亳州市", "六安市"} <= set(rects)
    assert not any(intersects(a, b) for i, a in enumerate(rects.values()) for b in list(rects.values())[i + 1 :])
    assert 0 < sum(placed[f"省厅{i}"] is not None for i in range(10)) < 10  # room for some, not for all ten
    assert placed["亳州市"][1] + 16 <= 0  # first placed, on its best side: above, away from the centre below it


def test_names_avoid_device_symbols_when_they_can() -> None:
    request = LabelRequest("瑶海区", 100, 100, 40, 14)
    outward = place_labels([request], (0, 100))["瑶海区"]
    assert outward == (14.0, -7.0)  # right of the point, away from a centre on its left
    symbol = (110, 90, 20, 20)  # a device drawn right there
    moved = place_labels([request], (0, 100), [symbol])["瑶海区"]
    assert moved is not None and not intersects((100 + moved[0], 100 + moved[1], 40, 14), symbol)


def test_names_keep_clear_of_links() -> None:
    from egovops.overview.label_layout import crosses

    request = LabelRequest("芜湖市", 100, 100, 40, 14)
    link = (90.0, 93.0, 200.0, 93.0)  # a link running right past the name's best side
    assert place_labels([request], (0, 100))["芜湖市"] == (14.0, -7.0)
    moved = place_labels([request], (0, 100), links=[link])["芜湖市"]
    assert moved is not None and not crosses(link, (100 + moved[0], 100 + moved[1], 40, 14))


def test_the_scope_name_finds_a_gap_between_radiating_links() -> None:
    """合肥市 in its own view: links to its counties leave its point; the name sits between two, struck by none."""
    import math

    from egovops.overview.label_layout import crosses

    links = [(300.0, 300.0, 300 + 260 * math.cos(2 * math.pi * i / 20 + 0.1),
              300 + 260 * math.sin(2 * math.pi * i / 20 + 0.1))
             for i in range(8)]
    request = LabelRequest("合肥市", 300, 300, 48, 16)
    offset = place_labels([request], (300, 300), links=links)["合肥市"]
    assert offset is not None
    rect = (300 + offset[0], 300 + offset[1], 48, 16)
    assert not any(crosses(link, rect) for link in links)
    assert place_labels([request], (300, 300))["合肥市"] is not None


def test_crossing_is_exact_at_the_edges() -> None:
    from egovops.overview.label_layout import crosses

    box = (0.0, 0.0, 10.0, 10.0)
    assert crosses((-5, 5, 15, 5), box) and crosses((5, 5, 6, 6), box) and crosses((-5, -5, 15, 15), box)
    assert not crosses((-5, 11, 15, 11), box) and not crosses((11, -5, 11, 15), box)
    assert not crosses((-5, 4, 4, -5), box)
