"""The collector: the headless service that polls, schedules discovery and procedures, and
serves a zone of the inventory (issue 18)."""
