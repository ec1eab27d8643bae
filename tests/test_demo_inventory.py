"""The demo province: scale, loopback-only addresses, a consistent topology."""

from __future__ import annotations

import ipaddress
import json

from egovops.demo.inventory import build_demo
from egovops.inventory.model import SiteKind


def test_ten_thousand_devices_all_on_loopback_with_their_own_endpoints(cli) -> None:
    # How long this takes is measured by benchmarks/demo_init.py, not asserted here.
    done = cli("demo", "init", "--devices", "10000")
    assert done.returncode == 0, done.stderr
    devices = json.loads(cli("inventory", "list", "--json").stdout)
    assert len(devices) == 10_000
    loopback = ipaddress.ip_network("127.0.0.0/8")
    assert all(ipaddress.ip_address(d["address"]) in loopback for d in devices)
    endpoints = {(d["address"], d["snmp_port"]) for d in devices}
    assert len(endpoints) == 10_000


def test_small_demo_is_still_a_whole_province() -> None:
    demo = build_demo(300)
    cities = {s.path for s in demo.sites if s.kind is SiteKind.CITY}
    assert len(cities) == 16
    counties = {s.path for s in demo.sites if s.kind is SiteKind.COUNTY}
    assert len(counties) == 104  # Anhui: 45 districts, 9 county-level cities, 50 counties
    dcs = {s.dr_role.value for s in demo.sites if s.kind is SiteKind.DATACENTRE}
    assert dcs == {"production", "same-city-dr", "remote-dr"}
    assert {d.network for d in demo.devices} == {"intranet", "extranet"}
    assert {d.vendor for d in demo.devices} >= {"huawei", "h3c", "ruijie", "zte", "cisco"}


def test_every_device_but_the_roots_has_one_uplink_to_an_earlier_device() -> None:
    demo = build_demo(2000)
    order = {d.name: i for i, d in enumerate(demo.devices)}
    uplinks = {}
    centre_links = {frozenset(p) for p in demo.dr_peers}  # cabled between data centres' cores, not uplinks
    for link in (x for x in demo.links if frozenset((x.a_device, x.b_device)) not in centre_links):
        assert link.a_device not in uplinks
        uplinks[link.a_device] = link.b_device
        assert order[link.b_device] < order[link.a_device]
    roots = set(order) - set(uplinks)
    assert roots == {"AH-EXT-CORE-01", "AH-INT-CORE-01"}
    # a link never joins the intranet to the extranet in the demo's own design
    network = {d.name: d.network for d in demo.devices}
    assert all(network[l.a_device] == network[l.b_device] for l in demo.links)


def test_each_dr_centre_core_is_cabled_to_the_production_core_and_is_its_peer() -> None:
    demo = build_demo(40)
    assert demo.dr_peers == [("AH-DC1-EXT-CORE-01", "AH-DC2-EXT-CORE-01"), ("AH-DC1-EXT-CORE-01", "AH-DC3-EXT-CORE-01")]
    cabled = {frozenset((x.a_device, x.b_device)) for x in demo.links}
    assert all(frozenset(p) in cabled for p in demo.dr_peers)
    ports = [(x.a_device, x.a_interface) for x in demo.links] + [(x.b_device, x.b_interface) for x in demo.links]
    assert len(ports) == len(set(ports))  # no port cabled twice


def test_same_seed_same_province() -> None:
    assert build_demo(400, seed=7) == build_demo(400, seed=7)
    assert build_demo(400, seed=7).devices != build_demo(400, seed=8).devices
