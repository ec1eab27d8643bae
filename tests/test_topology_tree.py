"""The dependency tree and root-cause classification on the demo province (build_demo)."""

from __future__ import annotations

from egovops.demo.inventory import build_demo, store_demo
from egovops.topology.rootcause import root_causes
from egovops.topology.service import TopologyService
from egovops.topology.tree import build_tree, default_poller_location

DEMO = build_demo(600)


def _declared_parent() -> dict[str, str]:
    # build_demo cables every device's port 1 to its uplink parent: link (child, parent); the DR
    # centres' cores are also cabled to each other, which is redundancy, not an uplink
    centre_links = {frozenset(p) for p in DEMO.dr_peers}
    return {link.a_device: link.b_device for link in DEMO.links
            if frozenset((link.a_device, link.b_device)) not in centre_links}


def test_default_poller_location_is_each_networks_provincial_core():
    assert default_poller_location(DEMO.devices) == ["AH-EXT-CORE-01", "AH-INT-CORE-01"]


def test_tree_follows_the_links_to_the_poller():
    tree = build_tree(DEMO.devices, [(l.a_device, l.b_device) for l in DEMO.links])
    assert tree.roots == ["AH-EXT-CORE-01", "AH-INT-CORE-01"]
    expected = _declared_parent()
    assert {n: p for n, p in tree.parents.items() if p is not None} == expected
    assert {tree.how[n] for n in expected} == {"link"}


def test_without_links_the_site_hierarchy_stands_in():
    tree = build_tree(DEMO.devices, [])
    by_name = {d.name: d for d in DEMO.devices}
    county = next(d for d in DEMO.devices if d.site.count("/") == 2 and d.role.value == "access")
    city_agg = next(d.name for d in DEMO.devices if d.site == county.site.rsplit("/", 1)[0]
                    and d.network == county.network and d.role.value == "aggregation")
    assert tree.parent(county.name) == city_agg
    assert tree.parent(city_agg) == f"AH-{'EXT' if county.network == 'extranet' else 'INT'}-CORE-01"
    assert tree.parent("AH-EXT-CORE-02") == "AH-EXT-CORE-01"
    department = next(d for d in DEMO.devices if d.site.count("/") == 3 and d.site.startswith(county.site + "/")
                      and d.network == county.network)
    assert tree.parent(department.name) == county.name
    assert {tree.how[n] for n in by_name if n not in tree.roots} == {"site"}
    assert all(by_name[tree.parent(n)].network == by_name[n].network for n in by_name if tree.parent(n))


def test_a_failed_aggregation_is_the_one_root_of_everything_behind_it():
    tree = build_tree(DEMO.devices, [(l.a_device, l.b_device) for l in DEMO.links])
    agg = next(d.name for d in DEMO.devices if d.role.value == "aggregation")
    behind = {n for n in tree.parents if agg in tree.ancestors(n)}
    assert len(behind) > 3
    states = {d.name: "up" for d in DEMO.devices}
    states.update({n: "down" for n in behind | {agg}})
    lone = next(n for n in tree.parents if n not in behind and n != agg and tree.parent(n) and not tree.children(n))
    states[lone] = "down"  # a leaf failing on its own, parent fine
    found = root_causes(states, tree)
    assert found == {n: agg for n in behind}
    assert agg not in found and lone not in found


def test_the_poller_location_setting_moves_the_root(inventory, database):
    store_demo(inventory, DEMO)
    service = TopologyService(database)
    service.set_poller_location(["AH-EXT-CORE-02"])
    tree = service.dependency_tree()
    assert tree.roots == ["AH-EXT-CORE-02", "AH-INT-CORE-01"]
    assert tree.parent("AH-EXT-CORE-01") == "AH-EXT-CORE-02"
    assert tree.parent("AH-EXT-CORE-02") is None
