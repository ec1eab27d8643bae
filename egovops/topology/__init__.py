"""Topology: neighbour discovery (LLDP, CDP), link merge, dependency tree, root cause, layout.

Pure logic lives in small modules here (parsing walked tables, matching neighbours to the
inventory, the tree, the classification, the layout); ``discovery`` is the only one that talks
SNMP, and ``egovops.topology.repo`` the only one that stores anything.
"""
