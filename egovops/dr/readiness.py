"""The readiness verdict from one snapshot of the store: pure, so every rule is tested on its own.

Ready means nothing below holds. At risk: a core or aggregation device of a centre is not up, an
uplink or an inter-centre link is down or of unknown state, a link runs above ``BUSY`` of its
speed, a DR pair's configurations differ or a backup is missing or older than ``STALE_S``, the
last drill failed. Not ready: no production centre, no DR centre, a centre with none of its core
devices up, or no inter-centre link up at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from egovops.dr.drift import drift
from egovops.dr.model import AT_RISK, NOT_READY, READY, CentreHealth, Drift, Drill, LinkState, Readiness, Reason, worst
from egovops.inventory.model import Device, DeviceRole, DrRole, Link, Site
from egovops.storage.procedures_repo import ConfigVersion

BUSY = 0.8  # share of a link's speed above which its headroom is too thin for a failover's traffic
STALE_S = 7 * 86400  # a backup older than a week may not be what the device runs
LOSSY = 1.0  # percent of echo requests lost on an inter-centre link from which it is at risk
UP_STATES = ("up", "degraded")
CORE_ROLES = (DeviceRole.CORE, DeviceRole.AGGREGATION)


@dataclass(frozen=True)
class Port:
    oper_status: int | None  # IF-MIB: 1 up, 2 down
    speed_bps: float | None
    in_bps: float | None
    out_bps: float | None


@dataclass
class Snapshot:
    sites: Sequence[Site]
    devices: Sequence[Device]
    links: Sequence[Link]
    states: Mapping[str, str]  # device name -> state; a device never polled is absent
    ports: Mapping[tuple[str, str], Port]  # (device, interface name) -> latest status
    peers: Sequence[tuple[str, str]]  # (production device, DR peer)
    configs: Mapping[str, ConfigVersion]  # device name -> latest stored backup
    now: float
    last_drill: Drill | None = None
    probes: Mapping[str, tuple[float | None, float | None, float]] = field(default_factory=dict)  # by link label
    reasons: list[Reason] = field(default_factory=list)


def centre_of(centres: Sequence[Site], site: str) -> Site | None:
    """The centre ``site`` belongs to (the deepest one, were centres ever nested)."""
    found = [c for c in centres if site == c.path or site.startswith(c.path + "/")]
    return max(found, key=lambda c: len(c.path), default=None)


def _state(snap: Snapshot, name: str) -> str:
    return snap.states.get(name, "unknown")


def _link_state(snap: Snapshot, link: Link) -> tuple[str, float | None, float | None]:
    if _state(snap, link.a_device) not in UP_STATES or _state(snap, link.b_device) not in UP_STATES:
        # a device down takes its links with it; one never polled leaves them unknown
        known = {_state(snap, link.a_device), _state(snap, link.b_device)} - {"unknown"}
        return ("down" if known - set(UP_STATES) else "unknown"), None, None
    ends = [snap.ports.get((link.a_device, link.a_interface)), snap.ports.get((link.b_device, link.b_interface))]
    seen = [p for p in ends if p is not None and p.oper_status is not None]
    if any(p.oper_status != 1 for p in seen):
        return "down", None, None
    if not seen:
        return "unknown", None, None
    speeds = [p.speed_bps for p in seen if p.speed_bps]
    rates = [r for p in seen for r in (p.in_bps, p.out_bps) if r is not None]
    return "up", (min(speeds) if speeds else None), (max(rates) if rates else None)


def _centre(snap: Snapshot, centre: Site, centres: Sequence[Site]) -> CentreHealth:
    inside = [d for d in snap.devices if centre_of(centres, d.site) == centre]
    core = [d for d in inside if d.role in CORE_ROLES]
    down = [d.name for d in core if _state(snap, d.name) not in UP_STATES]
    verdicts = [READY]
    for name in down:
        snap.reasons.append(Reason(AT_RISK, "{device} in {centre} is {state}",
                                   {"device": name, "centre": centre.name, "state": _state(snap, name)}))
    if not core:
        snap.reasons.append(Reason(AT_RISK, "{centre} has no core or aggregation device in the inventory",
                                   {"centre": centre.name}))
        verdicts.append(AT_RISK)
    elif len(down) == len(core):
        snap.reasons.append(Reason(NOT_READY, "{centre} has none of its core devices up", {"centre": centre.name}))
        verdicts.append(NOT_READY)
    elif down:
        verdicts.append(AT_RISK)
    groups: dict[tuple[str, str], list[str]] = {}
    for d in core:
        groups.setdefault((d.network, d.role.value), []).append(d.name)
    pairs = [g for g in groups.values() if len(g) >= 2]
    names = {d.name for d in inside}
    uplinks = [link for link in snap.links if (link.a_device in names) != (link.b_device in names)
               and centre_of(centres, _site(snap, link.b_device if link.a_device in names else link.a_device)) is None]
    uplinks_down = []
    for link in uplinks:
        state = _link_state(snap, link)[0]
        if state != "up":
            uplinks_down.append(f"{link.a_device} — {link.b_device}")
            snap.reasons.append(Reason(AT_RISK, "uplink {a} — {b} of {centre} is {state}",
                                       {"a": link.a_device, "b": link.b_device, "centre": centre.name, "state": state}))
            verdicts.append(AT_RISK)
    return CentreHealth(centre.path, centre.dr_role.value if centre.dr_role else "", [d.name for d in core], down,
                        len(pairs), sum(1 for g in pairs if not set(g) & set(down)), len(uplinks), uplinks_down,
                        worst(verdicts))


def _site(snap: Snapshot, name: str) -> str:
    return next((d.site for d in snap.devices if d.name == name), "")


def _links(snap: Snapshot, centres: Sequence[Site]) -> list[LinkState]:
    found = []
    for link in snap.links:
        a, b = centre_of(centres, _site(snap, link.a_device)), centre_of(centres, _site(snap, link.b_device))
        if a is None or b is None or a == b:
            continue
        state, speed, peak = _link_state(snap, link)
        ls = LinkState(link.a_device, link.a_interface, link.b_device, link.b_interface, a.name, b.name,
                       state, speed, peak)
        measured = snap.probes.get(ls.label)
        found.append(replace(ls, latency_ms=measured[0], jitter_ms=measured[1], loss_percent=measured[2])
                     if measured else ls)
    for ls in found:
        if ls.state != "up":
            snap.reasons.append(Reason(AT_RISK, "inter-centre link {link} is {state}",
                                       {"link": ls.label, "state": ls.state}))
        elif ls.loss_percent is not None and ls.loss_percent >= LOSSY:
            snap.reasons.append(Reason(AT_RISK, "inter-centre link {link} loses {percent}% of echo requests",
                                       {"link": ls.label, "percent": round(ls.loss_percent)}))
        elif ls.utilisation is not None and ls.utilisation >= BUSY:
            snap.reasons.append(Reason(AT_RISK, "inter-centre link {link} runs at {percent}% of its speed",
                                       {"link": ls.label, "percent": round(ls.utilisation * 100)}))
    if len(centres) > 1 and not any(ls.state == "up" for ls in found):
        snap.reasons.append(Reason(NOT_READY, "no inter-centre link is up"))
    return found


def _drift(snap: Snapshot) -> list[Drift]:
    found = []
    for name in dict.fromkeys(n for pair in snap.peers for n in pair):  # each device once, in order
        saved = snap.configs.get(name)
        if saved is None:
            snap.reasons.append(Reason(AT_RISK, "no configuration backup of {device}", {"device": name}))
        elif snap.now - saved.taken_at > STALE_S:
            snap.reasons.append(Reason(AT_RISK, "the latest backup of {device} is {days} days old",
                                       {"device": name, "days": int((snap.now - saved.taken_at) // 86400)}))
    for device, peer in snap.peers:
        result = drift(device, peer, snap.configs.get(device), snap.configs.get(peer))
        found.append(result)
        if result.changed_lines:
            snap.reasons.append(Reason(AT_RISK,
                                       "the configurations of {device} and its DR peer {peer} differ ({n} lines)",
                                       {"device": device, "peer": peer, "n": result.changed_lines}))
    return found


def evaluate(snap: Snapshot) -> Readiness:
    snap.reasons = []
    centres = [s for s in snap.sites if s.dr_role is not None]
    roles = {c.dr_role for c in centres}
    if DrRole.PRODUCTION not in roles:
        snap.reasons.append(Reason(NOT_READY, "no site is marked as the production centre"))
    if not roles & {DrRole.SAME_CITY_DR, DrRole.REMOTE_DR}:
        snap.reasons.append(Reason(NOT_READY, "no site is marked as a DR centre"))
    ordered = sorted(centres, key=lambda c: _ROLE_ORDER.index(c.dr_role or DrRole.PRODUCTION))
    health = [_centre(snap, c, centres) for c in ordered]
    links = _links(snap, centres)
    drifts = _drift(snap)
    if snap.last_drill is not None and snap.last_drill.outcome == "failed":
        snap.reasons.append(Reason(AT_RISK, "the last drill failed"))
    verdict = worst([r.verdict for r in snap.reasons])
    return Readiness(snap.now, verdict, list(snap.reasons), health, links, drifts, snap.last_drill)


_ROLE_ORDER = [DrRole.PRODUCTION, DrRole.SAME_CITY_DR, DrRole.REMOTE_DR]
