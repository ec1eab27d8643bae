"""Cities where they are on the map of Anhui, from an editable layout file; departments out of the way."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from egovops.demo.inventory import build_demo
from egovops.topology.geography import parse_layout, site_layout
from egovops.topology.layout import layout

DEMO = build_demo(300)
PROVINCE = "安徽省"


def _city_aggregations() -> dict[str, str]:
    return {d.site: d.name for d in DEMO.devices
            if d.role.value == "aggregation" and d.network == "extranet" and d.site.count("/") == 1}


def _rank(values: dict[str, float]) -> dict[str, int]:
    return {k: i for i, k in enumerate(sorted(values, key=values.__getitem__))}


def test_cities_keep_their_order_west_to_east_and_north_to_south() -> None:
    geo = site_layout()
    placed = layout(DEMO.devices)
    aggs = _city_aggregations()
    assert len(aggs) == 16 and all(site in geo.sites for site in aggs)
    xs = {site: placed[name][1] for site, name in aggs.items()}
    ys = {site: placed[name][2] for site, name in aggs.items()}
    assert _rank(xs) == _rank({s: geo.sites[s][0] for s in aggs})  # west to east as the longitudes
    assert _rank(ys) == _rank({s: -geo.sites[s][1] for s in aggs})  # north (small y) to south
    assert ys[f"{PROVINCE}/黄山市"] == max(ys.values()) and xs[f"{PROVINCE}/亳州市"] == min(xs.values())


def test_departments_sit_away_from_the_cities() -> None:
    placed = layout(DEMO.devices)
    core = placed["AH-EXT-CORE-01"][1:]
    cities = [placed[n][1:] for n in _city_aggregations().values()]
    towards = (sum(x for x, _ in cities) / len(cities) - core[0], sum(y for _, y in cities) / len(cities) - core[1])
    departments = [d for d in DEMO.devices if d.network == "extranet" and d.site.count("/") == 1
                   and d.site.split("/")[1].startswith("省")]
    assert len(departments) > 10
    for device in departments:
        x, y = placed[device.name][1:]
        assert ((x - core[0]) * towards[0] + (y - core[1]) * towards[1]
                <= 0.05 * math.hypot(*towards) * math.hypot(x - core[0], y - core[1])), device.name


def test_the_operators_own_layout_file_wins_and_a_broken_one_falls_back(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EGOVOPS_HOME", str(tmp_path))
    shipped = site_layout()
    mine = {"degree": 100, "sites": dict(shipped.sites)}
    mine["sites"][f"{PROVINCE}/黄山市"] = [115.0, 34.5]  # moved to the far north-west
    (tmp_path / "map-layout.json").write_text(json.dumps(mine, ensure_ascii=False), "utf-8")
    placed = layout(DEMO.devices)
    aggs = _city_aggregations()
    huangshan = placed[aggs[f"{PROVINCE}/黄山市"]][1:]
    assert all(huangshan[1] <= placed[n][2] for n in aggs.values())  # now the northernmost
    (tmp_path / "map-layout.json").write_text("{not json", "utf-8")
    assert site_layout().sites == {}  # a broken file: the radial map, never one that does not open
    assert layout(DEMO.devices)  # and the map still lays out


def test_layout_entries_that_are_not_coordinates_are_skipped() -> None:
    parsed = parse_layout({"degree": -3, "sites": {"a": [1, 2], "b": "x", "c": [1], "d": [1, "2"]}})
    assert parsed.sites == {"a": (1.0, 2.0)} and parsed.degree == 260.0
