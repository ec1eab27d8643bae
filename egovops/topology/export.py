"""Writing the topology as GraphML (yEd, Gephi, networkx) or DOT (Graphviz), by file extension.

DOT is written here rather than through pydot or pygraphviz: neither is a dependency, and the
format needs only careful quoting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

import networkx as nx

from egovops.errors import ValidationError
from egovops.inventory.model import Device, Link


def topology_graph(devices: Iterable[Device], links: Iterable[Link], positions: Mapping[str, tuple[float, float]] | None = None,
                   parents: Mapping[str, str | None] | None = None) -> nx.MultiGraph:
    graph = nx.MultiGraph()
    for d in sorted(devices, key=lambda d: d.name):
        attrs: dict[str, object] = {"network": d.network, "site": d.site, "role": d.role.value, "address": d.address,
                                    "vendor": d.vendor, "model": d.model}
        if positions and d.name in positions:
            attrs["x"], attrs["y"] = positions[d.name]
        if parents is not None:
            attrs["parent"] = parents.get(d.name) or ""
        graph.add_node(d.name, **attrs)
    for link in links:
        if link.a_device in graph and link.b_device in graph:
            graph.add_edge(link.a_device, link.b_device, a_interface=link.a_interface, b_interface=link.b_interface,
                           source=link.source.value, missing=link.missing_since is not None)
    return graph


def _quote(value: object) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def write_dot(graph: nx.MultiGraph, path: Path) -> None:
    lines = ["graph egovops {", '  node [shape=box, fontname="Noto Sans CJK SC"];']
    for name, attrs in graph.nodes(data=True):
        extra = "".join(f", {k}={_quote(v)}" for k, v in attrs.items() if k not in ("x", "y"))
        pos = f', pos="{attrs["x"]},{attrs["y"]}!"' if "x" in attrs else ""
        lines.append(f"  {_quote(name)} [label={_quote(name)}{extra}{pos}];")
    for a, b, attrs in graph.edges(data=True):
        label = f"{attrs['a_interface']} — {attrs['b_interface']}"
        style = ", style=dashed" if attrs.get("missing") else ""
        lines.append(f"  {_quote(a)} -- {_quote(b)} [label={_quote(label)}, source={_quote(attrs['source'])}{style}];")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def export(graph: nx.MultiGraph, path: Path) -> str:
    """Write ``graph`` in the format the file name asks for; returns the format's name."""
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        nx.write_graphml(graph, path, encoding="utf-8")
        return "graphml"
    if suffix in (".dot", ".gv"):
        write_dot(graph, path)
        return "dot"
    raise ValidationError(f"cannot tell the export format from {path.name!r}: use .graphml, .dot or .gv")
