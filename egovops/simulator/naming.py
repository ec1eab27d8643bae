"""Interface names as each vendor's CLI and IF-MIB spell them.

The demo inventory (declared links), the simulated agents (ifName, LLDP port IDs) and the CLI
emulator all use these, so that what the console discovers matches what the demo declared.
"""

from __future__ import annotations

_TEMPLATES = {
    "huawei": "GigabitEthernet0/0/{n}",
    "h3c": "GigabitEthernet1/0/{n}",
    "ruijie": "GigabitEthernet 0/{n}",
    "zte": "gei-0/1/0/{n}",
    "cisco": "GigabitEthernet1/0/{n}",
    "linux": "eth{n}",
}


def interface_name(vendor: str, number: int) -> str:
    """The name of port ``number`` (from 1) on a device of ``vendor``."""
    template = _TEMPLATES.get(vendor.lower(), "port{n}")
    return template.format(n=number - 1 if vendor.lower() == "linux" else number)
