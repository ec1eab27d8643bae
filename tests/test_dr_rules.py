"""The readiness rules on hand-made snapshots: each rule's edge, without a store."""

from __future__ import annotations

import pytest

from egovops.dr.model import AT_RISK, NOT_READY, READY
from egovops.dr.readiness import BUSY, Port, Snapshot, evaluate
from egovops.inventory.model import Device, DeviceRole, DrRole, Link, Site, SiteKind

P, S = "省/主中心", "省/同城灾备"
SITES = [Site("省", SiteKind.PROVINCE), Site(P, SiteKind.DATACENTRE, DrRole.PRODUCTION),
         Site(S, SiteKind.DATACENTRE, DrRole.SAME_CITY_DR)]
DEVICES = [Device("TOP", "127.0.0.1", "extranet", "省", DeviceRole.CORE),
           Device("P1", "127.0.0.2", "extranet", P, DeviceRole.CORE),
           Device("P2", "127.0.0.3", "extranet", P, DeviceRole.CORE),
           Device("S1", "127.0.0.4", "extranet", S, DeviceRole.CORE),
           Device("S-SRV", "127.0.0.5", "extranet", S, DeviceRole.SERVER)]
LINKS = [Link("P1", "g1", "TOP", "g1"), Link("S1", "g1", "TOP", "g2"), Link("S1", "g2", "P1", "g2"),
         Link("S1", "g3", "P2", "g2")]
GIG = 1e9


def snap(states: dict[str, str] | None = None, ports: dict[tuple[str, str], Port] | None = None) -> Snapshot:
    up = {d.name: "up" for d in DEVICES} | (states or {})
    all_ports = {(end, name): Port(1, GIG, 1e6, 2e6) for link in LINKS
                 for end, name in ((link.a_device, link.a_interface), (link.b_device, link.b_interface))}
    return Snapshot(SITES, DEVICES, LINKS, up, all_ports | (ports or {}), [], {}, 0.0)


def test_all_up_is_ready_and_the_server_is_not_a_core_device() -> None:
    result = evaluate(snap({"S-SRV": "down"}))
    assert (result.verdict, result.reasons) == (READY, [])
    assert [(c.core, c.pairs, c.pairs_whole, c.uplinks) for c in result.centres] == [
        (["P1", "P2"], 1, 1, 1), (["S1"], 0, 0, 1)]


def test_one_core_of_a_pair_down_is_at_risk_and_both_not_ready() -> None:
    one = evaluate(snap({"P2": "unreachable"}))
    assert one.verdict == AT_RISK and one.centres[0].pairs_whole == 0
    both = evaluate(snap({"P1": "down", "P2": "down"}))
    assert both.verdict == NOT_READY and "主中心 has none of its core devices up" in [r.text() for r in both.reasons]


@pytest.mark.parametrize("peak, verdict", [(BUSY * GIG - 1, READY), (BUSY * GIG, AT_RISK)])
def test_a_busy_inter_centre_link_is_at_risk_from_the_threshold_on(peak: float, verdict: str) -> None:
    result = evaluate(snap(ports={("P1", "g2"): Port(1, GIG, peak, 0.0)}))
    assert result.verdict == verdict
    link = next(x for x in result.links if x.b == "P1")
    assert link.headroom_bps == pytest.approx(GIG - peak)


def test_one_inter_centre_link_down_is_at_risk_and_all_of_them_not_ready() -> None:
    one = evaluate(snap(ports={("S1", "g2"): Port(2, GIG, None, None)}))
    assert one.verdict == AT_RISK and [x.state for x in one.links] == ["down", "up"]
    both = evaluate(snap(ports={("S1", "g2"): Port(2, GIG, None, None), ("P2", "g2"): Port(2, GIG, None, None)}))
    assert both.verdict == NOT_READY and "no inter-centre link is up" in [r.text() for r in both.reasons]


def test_an_uplink_down_puts_its_centre_at_risk() -> None:
    result = evaluate(snap(ports={("TOP", "g2"): Port(2, GIG, None, None)}))
    assert result.verdict == AT_RISK and result.centres[1].uplinks_down == ["S1 — TOP"]
    assert result.centres[0].verdict == READY


def test_no_dr_centre_is_not_ready() -> None:
    result = evaluate(Snapshot(SITES[:2], DEVICES, LINKS, {d.name: "up" for d in DEVICES}, {}, [], {}, 0.0))
    assert result.verdict == NOT_READY and "no site is marked as a DR centre" in [r.text() for r in result.reasons]
