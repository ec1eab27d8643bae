"""Notifications: channels, rules, on-call rota, escalation and the outbox that sends alarms to people (issue 20)."""
