"""How a link on the map looks: its state from both ends, its utilisation from the end interfaces' rates.

The poller stores each interface's speed and in/out rates; a link's utilisation is the busier
direction of the busier end over that end's speed, because the operator cares about the bottleneck.
Cross-network links (intranet cabled to anything else, see topology/crossnet.py) are reported
apart: they join two layers, so no single layer of the map can draw them as an ordinary link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping

from egovops.inventory.model import Link
from egovops.overview.health import DeviceHealth

if TYPE_CHECKING:
    from egovops.overview.alarms import AlarmRecord

# Lower bounds of the utilisation bands, highest first: over 80 % is critical, 50–80 % high.
BANDS = ((0.8, "critical"), (0.5, "high"), (0.0, "normal"))
IF_UP = 1
CROSSNET_KIND = "cross_network_link"  # topology.crossnet.ALARM_KIND, without importing topology here


@dataclass(frozen=True)
class InterfaceLoad:
    """One interface as last polled."""

    speed_bps: float | None = None
    in_bps: float | None = None
    out_bps: float | None = None
    admin_status: int | None = None
    oper_status: int | None = None

    @property
    def utilisation(self) -> float | None:
        rates = [r for r in (self.in_bps, self.out_bps) if r is not None]
        return max(rates) / self.speed_bps if rates and self.speed_bps else None

    @property
    def down(self) -> bool:
        """Enabled but not passing traffic: the cable, the far end or the port has failed."""
        return self.admin_status == IF_UP and self.oper_status is not None and self.oper_status != IF_UP


Loads = Mapping[tuple[str, str], InterfaceLoad]  # (device, interface name) → load


def band(utilisation: float | None) -> str:
    """normal, high or critical; "" when the rates are not known."""
    if utilisation is None:
        return ""
    return next(name for floor, name in BANDS if utilisation >= floor)


def state_from_ends(a: str, b: str) -> str:
    """A link is down when either end is down or cut off, degraded when either end is."""
    ends = {a, b}
    if ends & {"down", "unreachable"}:
        return "down"
    if "degraded" in ends:
        return "degraded"
    return "up" if ends == {"up"} else "unknown"


@dataclass(frozen=True)
class LinkLoad:
    state: str
    speed_bps: float | None = None
    utilisation: float | None = None

    @property
    def band(self) -> str:
        return band(self.utilisation)

    @property
    def look(self) -> str:
        """What the map draws: the state when it is not up, else the utilisation band ("up" if unknown)."""
        return self.state if self.state != "up" else (self.band or "up")


def state_and_look(a_state: str, b_state: str, a_end: InterfaceLoad | None, b_end: InterfaceLoad | None) -> tuple[str, str]:
    """(state, look) of a link from its ends, the same as ``link_load(...)`` gives, without building it.

    A status update asks this for every link on the map (5,000 at province scale) within its budget.
    """
    state = _END_STATES.get((a_state, b_state)) or state_from_ends(a_state, b_state)
    if a_end is None and b_end is None:
        return state, state
    if state != "unknown" and ((a_end is not None and a_end.down) or (b_end is not None and b_end.down)):
        return "down", "down"
    if state != "up":
        return state, state
    shares = [u for u in (a_end.utilisation if a_end else None, b_end.utilisation if b_end else None) if u is not None]
    return state, band(max(shares)) if shares else "up"


_STATES = ("up", "degraded", "down", "unreachable", "unknown")
_END_STATES = {(a, b): state_from_ends(a, b) for a in _STATES for b in _STATES}


def link_load(link: Link, health: Mapping[str, DeviceHealth], loads: Loads) -> LinkLoad:
    ends = [loads.get((link.a_device, link.a_interface)), loads.get((link.b_device, link.b_interface))]
    states = [health[d].state if d in health else "unknown" for d in (link.a_device, link.b_device)]
    state = state_from_ends(*states)
    if any(end is not None and end.down for end in ends) and state != "unknown":
        state = "down"
    known = [end for end in ends if end is not None]
    speeds = [end.speed_bps for end in known if end.speed_bps]
    shares = [u for u in (end.utilisation for end in known) if u is not None]
    return LinkLoad(state, min(speeds) if speeds else None, max(shares) if shares else None)


def crossnet_alarms(alarms: Iterable["AlarmRecord"]) -> frozenset[int]:
    """Ids of the active cross-network alarms: when they change, the map redraws its crossings."""
    return frozenset(a.id for a in alarms if a.kind == CROSSNET_KIND and a.active)


def crossnet_subject(link: Link) -> str:
    """The alarm subject topology's cross-network check gives this link (crossnet.CrossNetworkLink.subject)."""
    return f"{link.a_device}:{link.a_interface}<->{link.b_device}:{link.b_interface}"[:200]


def subject_ends(subject: str) -> tuple[str, str] | None:
    """The two devices a cross-network alarm's subject names, or None when it is not such a subject."""
    if "<->" not in subject:
        return None
    a, b = subject.split("<->", 1)
    return a.rsplit(":", 1)[0], b.rsplit(":", 1)[0]


def speed_text(bps: float | None) -> str:
    if not bps:
        return "—"
    for unit, size in (("Gbit/s", 1e9), ("Mbit/s", 1e6), ("kbit/s", 1e3)):
        if bps >= size:
            return f"{bps / size:g} {unit}"
    return f"{bps:g} bit/s"


def links_of(links: Iterable[Link], shown: set[str]) -> tuple[list[Link], list[Link]]:
    """(links with both ends shown, links with exactly one end shown)."""
    inside, leaving = [], []
    for link in links:
        ends = (link.a_device in shown) + (link.b_device in shown)
        if ends == 2:
            inside.append(link)
        elif ends == 1:
            leaving.append(link)
    return inside, leaving
