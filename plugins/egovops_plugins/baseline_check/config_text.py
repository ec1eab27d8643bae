"""Reading running configurations: global lines and the blocks of interfaces and VTY lines.

VRP and Comware indent some global commands (`` sysname X``), so global settings are searched
over every line; only interface and VTY blocks (a header at column 0, indented body) are parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VRP_FAMILY = ("huawei", "h3c")
_BLOCK_END = re.compile(r"^\S")
_VTY = re.compile(r"^(user-interface|line)\s+vty\b", re.IGNORECASE)
_INTERFACE = re.compile(r"^interface\s+(.+)$", re.IGNORECASE)
# Logical interfaces that are never "unused ports".
_LOGICAL = re.compile(r"^(loopback|vlan|vlanif|null|tunnel|eth-trunk|port-channel|bridge-aggregation|meth|mgmt|management|nve|virtual)", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    header: str
    lines: tuple[str, ...]  # body lines, stripped

    def has(self, pattern: str) -> re.Match[str] | None:
        compiled = re.compile(pattern, re.IGNORECASE)
        for line in self.lines:
            found = compiled.match(line)
            if found:
                return found
        return None


def lines(config: str) -> list[str]:
    return [line.rstrip() for line in config.replace("\r", "").split("\n")]


def find(config: str, pattern: str) -> list[re.Match[str]]:
    """Every match of ``pattern`` against a stripped line of the configuration."""
    compiled = re.compile(pattern, re.IGNORECASE)
    return [m for m in (compiled.match(line.strip()) for line in lines(config)) if m]


def blocks(config: str, header: re.Pattern[str]) -> list[Block]:
    found: list[Block] = []
    current: list[str] | None = None
    head = ""
    for line in lines(config):
        if current is not None and line and _BLOCK_END.match(line):
            found.append(Block(head, tuple(current)))
            current = None
        if header.match(line):
            head, current = line.strip(), []
        elif current is not None and line.strip() and line.strip() not in ("#", "!"):
            current.append(line.strip())
    if current is not None:
        found.append(Block(head, tuple(current)))
    return found


def vty_blocks(config: str) -> list[Block]:
    return blocks(config, _VTY)


def physical_interfaces(config: str) -> list[Block]:
    found = []
    for block in blocks(config, _INTERFACE):
        name = _INTERFACE.match(block.header).group(1).strip()  # type: ignore[union-attr]
        if not _LOGICAL.match(name):
            found.append(Block(name, block.lines))
    return found
