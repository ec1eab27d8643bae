"""Root-cause classification: a device that does not answer because its path is broken upstream.

A device that is down while its parent (next hop towards the poller) is also down or
unreachable is itself ``unreachable``: we cannot tell whether it is broken, only that something
above it is. Its root cause is the topmost failed device of the unbroken chain of failures above
it, whose parent still answers: that one is the single alarm worth a notification.
"""

from __future__ import annotations

from typing import Mapping

from egovops.topology.tree import DependencyTree

FAILED = ("down", "unreachable")


def root_causes(states: Mapping[str, str], tree: DependencyTree) -> dict[str, str]:
    """For each failed device that is only a symptom: the device whose failure explains it."""
    found: dict[str, str] = {}

    def root_of(device: str) -> str:
        if device in found:
            return found[device]
        parent = tree.parent(device)
        chain = [device]
        while parent is not None and states.get(parent) in FAILED and parent not in chain:
            chain.append(parent)
            parent = tree.parent(parent)
        return chain[-1]

    for device, state in states.items():
        if state in FAILED:
            root = root_of(device)
            if root != device:
                found[device] = root
    return found
