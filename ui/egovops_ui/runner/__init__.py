"""The procedure runner screen: choose a procedure, its targets and parameters, run it, watch, export."""
