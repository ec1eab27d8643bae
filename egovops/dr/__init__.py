"""Disaster-recovery readiness: centres, inter-centre links, drift between peers, drills (issue 22)."""
