"""The notification delivery log and "send test message" in the console (issue 20)."""
