"""Which faults make sense in the demo province, checked before one is recorded; random picks for chaos.

A fault must name simulated devices, a link that is actually cabled, a port the device has, and a
cross-connect must join the intranet to the extranet (that is the incident it stands for).
"""

from __future__ import annotations

import random

from egovops.simulator.faults import KINDS, FaultSet
from egovops.simulator.naming import interface_name
from egovops.errors import NotFoundError, ValidationError
from egovops.simulator.snmp.topology import Province


def _device(province: Province, name: str) -> None:
    if name not in province.devices:
        raise NotFoundError(f"no simulated demo device named {name!r}")


def validate(province: Province, kind: str, targets: tuple[str, ...]) -> None:
    if kind not in KINDS:
        raise ValidationError(f"unknown fault {kind!r}; choose one of {', '.join(KINDS)}")
    if len(targets) != KINDS[kind]:
        raise ValidationError(f"fault {kind} needs {KINDS[kind]} argument(s)")
    _device(province, targets[0])
    if kind in ("link-down", "cross-connect"):
        _device(province, targets[1])
        if targets[0] == targets[1]:
            raise ValidationError(f"{kind} needs two different devices")
    if kind == "link-down" and not any(n.device == targets[1] for n in province.cables.get(targets[0], [])):
        raise ValidationError(f"{targets[0]} and {targets[1]} are not cabled to each other in the demo")
    if kind == "cross-connect":
        networks = {province.devices[t].network for t in targets}
        if networks != {"intranet", "extranet"}:
            raise ValidationError(f"cross-connect joins an intranet device to an extranet device; {' and '.join(targets)} are not")
    if kind == "interface-errors":
        device = province.devices[targets[0]]
        names = [interface_name(device.vendor, p) for p in range(1, province.port_count(device.name) + 1)]
        if targets[1] not in names:
            raise ValidationError(f"{device.name} has no port {targets[1]!r} (ports are {names[0]} … {names[-1]})")


def random_fault(province: Province, active: FaultSet, rng: random.Random) -> tuple[str, tuple[str, ...]] | None:
    """A fault chaos can inject now (not one already active), or None if none was found."""
    names = sorted(province.devices)
    for _attempt in range(20):
        kind = rng.choice(list(KINDS))
        first = rng.choice(names)
        if kind in ("device-down", "cpu-high"):
            targets: tuple[str, ...] = (first,)
        elif kind == "link-down":
            cables = province.cables.get(first, [])
            if not cables:
                continue
            targets = (first, rng.choice(cables).device)
        elif kind == "interface-errors":
            cables = province.cables.get(first, [])
            port = rng.choice(cables).local_port if cables else 1
            targets = (first, interface_name(province.devices[first].vendor, port))
        else:
            other = "intranet" if province.devices[first].network == "extranet" else "extranet"
            peers = [n for n in names if province.devices[n].network == other]
            if not peers or province.devices[first].network not in ("intranet", "extranet"):
                continue
            targets = (first, rng.choice(peers))
        if not any(f.kind == kind and set(f.targets) == set(targets) for f in active.faults):
            return kind, targets
    return None
