"""Which real recording from snmpsim-data each demo device is built on, and what of it is kept.

A simulated device keeps from its recording only what identifies the vendor and platform
(sysDescr, sysObjectID, sysServices, the CPU board's ENTITY-MIB row) and the vendor MIB objects
that report CPU and memory load. Interfaces, addresses and LLDP are generated per device instead,
because the recorded ones describe somebody else's network.

The CPU and memory objects listed here are the ones the demo makes move (and that ``cpu-high``
pushes up); they are the ones egovops's poller reads (resources/vendors/health.yaml), so the
console sees the load change.
"""

from __future__ import annotations

from dataclasses import dataclass

SYSTEM_KEEP = ("1.3.6.1.2.1.1.1", "1.3.6.1.2.1.1.2", "1.3.6.1.2.1.1.7")


@dataclass(frozen=True)
class Family:
    name: str
    recording: str  # path under snmpsim_data/data, without .snmprec.bz2
    recorded_model: str  # model string in the recorded sysDescr, replaced by the device's model
    keep: tuple[str, ...]  # OID prefixes kept from the recording ('*' matches any one arc)
    cpu: tuple[str, ...]  # instance OIDs of CPU load in percent
    memory: tuple[str, ...]  # instance OIDs of memory use in percent
    mgmt_interface: str  # the layer-3 interface that holds the management address
    oui: bytes  # first three octets of the simulated MAC addresses


def _entity_row(index: str) -> str:
    return f"1.3.6.1.2.1.47.1.1.1.1.*.{index}"


_HW_ENTITY = "1.3.6.1.4.1.2011.5.25.31.1.1.1.1"

FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "huawei-chassis", "network/switch/huawei-s12704", "S12704",
            (_entity_row("67371017"),),
            (f"{_HW_ENTITY}.5.67371017",), (f"{_HW_ENTITY}.7.67371017",), "Vlanif1", b"\x4c\x1f\xcc",
        ),
        Family(
            "huawei-box", "network/router/huawei-s5720", "S5720-36C-EI-AC",
            (_entity_row("67108873"),),
            (f"{_HW_ENTITY}.5.67108873",), (f"{_HW_ENTITY}.7.67108873",), "Vlanif1", b"\x4c\x1f\xcc",
        ),
        Family(
            "h3c-comware", "network/switch/h3c-comware-7-1-075", "",
            (_entity_row("1432"),),
            ("1.3.6.1.4.1.25506.2.6.1.1.1.1.6.1432",), ("1.3.6.1.4.1.25506.2.6.1.1.1.1.8.1432",),
            "Vlan-interface1", b"\x3c\x8c\x40",
        ),
        Family(
            "ruijie", "network/switch/ruijie-s5750-24gt12sfp", "S5750-24GT/12SFP",
            ("1.3.6.1.4.1.4881.1.1.10.2.36.1.1",),
            ("1.3.6.1.4.1.4881.1.1.10.2.36.1.1.1.0", "1.3.6.1.4.1.4881.1.1.10.2.36.1.1.2.0", "1.3.6.1.4.1.4881.1.1.10.2.36.1.1.3.0"),
            ("1.3.6.1.4.1.4881.1.1.10.2.35.1.1.1.3.1",), "VLAN 1", b"\x58\x69\x6c",
        ),
        Family(
            # CPU/memory as the ZXR10 9900 processor table (integers): the 5250's own objects are
            # DisplayStrings ("10.1"), which snmpsim's numeric variation cannot move
            "zte-zxr10", "network/switch/zte-zxr10-5250", "5250-52TM-H",
            ("1.3.6.1.4.1.3902.15.2.30.1.6.0", "1.3.6.1.4.1.3902.15.2.30.1.25.0"),
            # .5 and .7: the 5-second and 5-minute CPU gauges (the poller reads the 5-minute one)
            ("1.3.6.1.4.1.3902.3.600.2.1.1.5.1", "1.3.6.1.4.1.3902.3.600.2.1.1.7.1"),
            ("1.3.6.1.4.1.3902.3.600.2.1.1.4.1",),
            "vlan1", b"\x00\x19\xc6",
        ),
        Family(
            "cisco-ios", "network/switch/cisco-c3750", "C3750",
            ("1.3.6.1.4.1.9.9.109.1.1.1.1", "1.3.6.1.4.1.9.9.48.1.1.1"),
            tuple(f"1.3.6.1.4.1.9.9.109.1.1.1.1.{c}.1" for c in (4, 5, 7, 8)), (),  # cpmCPUTotal1min/5min(Rev)
            "Vlan1", b"\x00\x1b\x54",
        ),
        Family(
            "linux", "os/linux/unknown-001", "",
            ("1.3.6.1.2.1.25.3.3.1.1", "1.3.6.1.4.1.2021.4.5.0", "1.3.6.1.4.1.2021.4.6.0"),
            tuple(f"1.3.6.1.2.1.25.3.3.1.2.{n}" for n in range(196608, 196612)), (), "", b"\x52\x54\x00",
        ),
    )
}


def family_for(vendor: str, model: str) -> Family:
    """The recording a device of this vendor and model is built on."""
    vendor = vendor.lower()
    if vendor == "huawei":
        chassis = model.upper().startswith(("S12", "S77", "S97", "CE12", "USG"))
        return FAMILIES["huawei-chassis" if chassis else "huawei-box"]
    by_vendor = {"h3c": "h3c-comware", "ruijie": "ruijie", "zte": "zte-zxr10", "cisco": "cisco-ios"}
    return FAMILIES[by_vendor.get(vendor, "linux")]
