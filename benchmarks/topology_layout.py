"""Benchmark: the map's hierarchical layout of 5,000 devices (issue 4: under 1 s, stable positions).

    python -m benchmarks.topology_layout [--devices 5000] [--repeat 5]

What is timed, best of --repeat runs each, on the demo province (build_demo):

* egovops — ``egovops.topology.layout.layout``: one layer per network, province in the centre,
  cities around it, counties around their city, departments around their unit;
* reference — networkx's own hierarchical layout, ``nx.bfs_layout``, on the same devices' dependency
  tree (both networks hung under one console node, as bfs_layout needs one connected graph).

Printed: both times, the ratio egovops/reference (below 1 means egovops is faster), whether the
target (under 1 s) is met, and whether two runs gave identical positions.
"""

from __future__ import annotations

import argparse

import networkx as nx

from benchmarks.timing import best_of
from egovops.demo.inventory import build_demo
from egovops.topology.layout import layout
from egovops.topology.tree import build_tree

TARGET_S = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    demo = build_demo(args.devices)
    tree = build_tree(demo.devices, [(link.a_device, link.b_device) for link in demo.links])
    graph = nx.Graph()
    graph.add_nodes_from(tree.parents)
    graph.add_edges_from((child, parent) for child, parent in tree.parents.items() if parent)
    graph.add_edges_from(("console", root) for root in tree.roots)

    ours = best_of(args.repeat, lambda: layout(demo.devices))
    reference = best_of(args.repeat, lambda: nx.bfs_layout(graph, "console"))
    stable = layout(demo.devices) == layout(list(reversed(demo.devices)))

    print(f"devices: {len(demo.devices)}  (layers: {len({d.network for d in demo.devices})})")
    print(f"egovops layout:            {ours * 1000:8.1f} ms")
    print(f"reference nx.bfs_layout:   {reference * 1000:8.1f} ms")
    print(f"ratio egovops/reference:   {ours / reference:8.2f}")
    print(f"target under {TARGET_S:g} s:         {'met' if ours < TARGET_S else 'NOT met'}")
    print(f"positions stable:          {'yes' if stable else 'NO'}")


if __name__ == "__main__":
    main()
