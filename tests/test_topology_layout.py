"""The map's layout (deterministic, hierarchical, one layer per network), stored positions and
operators' moves, and the GraphML/DOT export. Timing lives in benchmarks/topology_layout.py."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from egovops.demo.inventory import build_demo, store_demo
from egovops.errors import ValidationError
from egovops.topology.export import export, topology_graph
from egovops.topology.layout import layout
from egovops.topology.service import TopologyService

BIG = build_demo(5000)


def test_5000_devices_get_the_same_positions_on_every_run():
    first, second = layout(BIG.devices), layout(list(reversed(BIG.devices)))
    assert first == second
    assert len(first) == 5000
    assert {layer for layer, _x, _y in first.values()} == {"extranet", "intranet"}
    assert {d.name: d.network for d in BIG.devices} == {n: layer for n, (layer, _x, _y) in first.items()}


def test_province_in_the_centre_counties_around_their_city_no_overlaps():
    placed = layout(BIG.devices)
    assert math.hypot(*placed["AH-EXT-CORE-01"][1:]) < 100  # the province's core sits at the centre
    aggs = {d.site: d.name for d in BIG.devices if d.role.value == "aggregation" and d.network == "extranet"}
    counties = [d for d in BIG.devices if d.site.count("/") == 2 and d.role.value == "access" and d.network == "extranet"]
    assert counties
    for county in counties:
        own = aggs[county.site.rsplit("/", 1)[0]]
        distance = {name: math.dist(placed[county.name][1:], placed[name][1:]) for name in aggs.values()}
        assert min(distance, key=distance.__getitem__) == own, f"{county.name} is not placed around its city"
    for layer in ("extranet", "intranet"):
        points = sorted((x, y) for lay, x, y in placed.values() if lay == layer)
        cells = {(round(x / 5), round(y / 5)) for x, y in points}
        assert len(cells) == len(points), f"two devices of the {layer} map on top of each other"


def test_positions_are_stored_and_an_operators_move_survives_relayout(inventory, database, cli):
    demo = build_demo(300)
    store_demo(inventory, demo)
    service = TopologyService(database)
    assert service.relayout() == 300
    before = service.repo.positions()
    done = cli("topology", "move", "--", "HF-EXT-AGG-01", "1234.5", "-77")
    assert done.returncode == 0, done.stderr
    service.relayout()  # what `egovops topology layout` and every discovery run do
    after = service.repo.positions()
    moved = after["HF-EXT-AGG-01"]
    assert (moved.x, moved.y, moved.pinned, moved.layer) == (1234.5, -77.0, True, "extranet")
    assert {n: (p.x, p.y) for n, p in after.items() if n != "HF-EXT-AGG-01"} == \
        {n: (p.x, p.y) for n, p in before.items() if n != "HF-EXT-AGG-01"}
    service.repo.unpin("HF-EXT-AGG-01")
    service.relayout()
    assert (service.repo.positions()["HF-EXT-AGG-01"].x, service.repo.positions()["HF-EXT-AGG-01"].y) == \
        (before["HF-EXT-AGG-01"].x, before["HF-EXT-AGG-01"].y)


def test_export_graphml_and_dot(inventory, database, cli, tmp_path):
    demo = build_demo(120)
    store_demo(inventory, demo)
    TopologyService(database).relayout()
    graphml, dot = tmp_path / "province.graphml", tmp_path / "province.dot"
    assert cli("topology", "export", str(graphml)).returncode == 0
    graph = nx.read_graphml(graphml)
    assert graph.number_of_nodes() == 120 and graph.number_of_edges() == len(demo.links)
    node = graph.nodes["AH-EXT-CORE-02"]
    assert (node["network"], node["parent"], node["role"]) == ("extranet", "AH-EXT-CORE-01", "core")
    assert "x" in node and "y" in node
    service = TopologyService(database)
    graph = topology_graph(service.inventory.devices(), service.links())
    assert export(graph, dot) == "dot"
    text = dot.read_text(encoding="utf-8")
    assert text.startswith("graph egovops {") and text.count(" -- ") == len(demo.links)
    assert '"安徽省"' in text  # sites in Chinese survive the quoting
    with pytest.raises(ValidationError, match=r"\.graphml"):
        export(graph, tmp_path / "province.png")
