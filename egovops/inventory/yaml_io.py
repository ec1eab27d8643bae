"""The whole inventory as one YAML document: networks, sites with kinds, devices and links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from egovops.i18n import tr
from egovops.inventory.csv_io import RawRow, decode
from egovops.inventory.model import Device, Link, Network, Site
from egovops.inventory.validation import device_to_row


def dump(networks: list[Network], sites: list[Site], devices: list[Device], links: list[Link]) -> str:
    document = {
        "networks": [
            {
                "name": n.name,
                "kind": n.kind.value,
                "cidrs": list(n.cidrs),
                "migration_state": n.migration_state.value if n.migration_state else None,
                "description": n.description,
            }
            for n in networks
        ],
        "sites": [{"path": s.path, "kind": s.kind.value, "dr_role": s.dr_role.value if s.dr_role else None} for s in sites],
        "devices": [dict(device_to_row(d), tags=list(d.tags)) for d in devices],
        "links": [
            {"a_device": l.a_device, "a_interface": l.a_interface, "b_device": l.b_device, "b_interface": l.b_interface}
            for l in links
        ],
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


# The most nodes a document may stand for once its aliases are expanded. A 5,000-device inventory
# with a dozen fields each is about 100,000; a "billion laughs" file of a few hundred bytes stands
# for billions, which PyYAML shares by reference but every later step (text conversion, storage)
# expands: 471 bytes once grew to 2.4 GB before MemoryError.
MAX_EXPANDED_NODES = 1_000_000


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that weighs the composed node graph before building anything from it."""

    def get_single_node(self) -> yaml.Node | None:
        node = super().get_single_node()
        if node is not None:
            _check_expansion(node)
        return node


def _check_expansion(root: yaml.Node) -> None:
    """Count the nodes ``root`` stands for with aliases expanded, in time linear in the distinct
    nodes (an alias is the node it names, so each node's weight is computed once)."""
    weight: dict[int, int] = {}
    open_nodes: set[int] = set()  # on the current path: meeting one again is a recursive alias
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in weight:
            continue
        children = _children(node)
        if children_done or not children:
            total = 1 + sum(weight[id(c)] for c in children)
            if total > MAX_EXPANDED_NODES:
                raise ValueError(tr("the YAML file expands to more than {n} values through its anchors and aliases: "
                                    "refused", n=MAX_EXPANDED_NODES))
            weight[id(node)] = total
            open_nodes.discard(id(node))
            continue
        if id(node) in open_nodes:
            raise ValueError(tr("the YAML file refers to itself through an alias: refused"))
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in weight)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load(path: Path) -> dict[str, Any]:
    text, _encoding = decode(path.read_bytes())
    try:
        document = yaml.load(text, Loader=_BoundedLoader) or {}  # safe: _BoundedLoader is a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ValueError(tr("the YAML file cannot be read: {error}", error=str(exc).replace("\n", " "))) from None
    except RecursionError:
        raise ValueError(tr("the YAML file is nested too deeply to be an inventory")) from None
    if not isinstance(document, dict):
        raise ValueError(tr("the YAML file must hold a mapping with networks, sites, devices and links"))
    return document


def device_rows(document: dict[str, Any]) -> list[RawRow]:
    """Devices of a YAML document as rows, numbered by their position in the list (from 1)."""
    rows = []
    for number, entry in enumerate(document.get("devices") or [], start=1):
        if not isinstance(entry, dict):
            rows.append(RawRow(number, {}, tr("entry is not a mapping")))
            continue
        fields = {str(k): _as_text(v) for k, v in entry.items()}
        rows.append(RawRow(number, fields))
    return rows


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return str(value)
