"""The DR readiness tab: centres, inter-centre links, drift between DR peers, the verdict and drills."""
