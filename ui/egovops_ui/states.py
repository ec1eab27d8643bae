"""Colours and translated names of device states and alarm severities, shared by every widget."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

STATE_COLOURS = {
    "up": QColor("#2e9d4a"),
    "degraded": QColor("#e0a106"),
    "down": QColor("#d62f2f"),
    # Unreachable is a consequence, not a cause: a muted colour so the red root cause stands out.
    "unreachable": QColor("#9a8fb0"),
    "unknown": QColor("#8a9099"),
    # Shared store: no live collector holds the device. Dark slate, apart from every polled state
    # and from the light grey of "never polled": what it last showed is not being watched.
    "unmonitored": QColor("#3f4b5b"),
}

SEVERITY_COLOURS = {
    "critical": QColor("#d62f2f"),
    "major": QColor("#f07b1d"),
    "minor": QColor("#e0c106"),
    "warning": QColor("#4a90d9"),
    "info": QColor("#8a9099"),
}


def state_colour(state: str) -> QColor:
    return STATE_COLOURS.get(state, STATE_COLOURS["unknown"])


def state_label(state: str) -> str:
    labels = {
        "up": QCoreApplication.translate("States", "up"),
        "degraded": QCoreApplication.translate("States", "degraded"),
        "down": QCoreApplication.translate("States", "down"),
        "unreachable": QCoreApplication.translate("States", "unreachable"),
        "unknown": QCoreApplication.translate("States", "unknown"),
        "unmonitored": QCoreApplication.translate("States", "not monitored"),
    }
    return labels.get(state, state)


def severity_label(severity: str) -> str:
    labels = {
        "critical": QCoreApplication.translate("States", "critical"),
        "major": QCoreApplication.translate("States", "major"),
        "minor": QCoreApplication.translate("States", "minor"),
        "warning": QCoreApplication.translate("States", "warning"),
        "info": QCoreApplication.translate("States", "info"),
    }
    return labels.get(severity, severity)


def alarm_state_label(state: str) -> str:
    labels = {
        "open": QCoreApplication.translate("States", "open"),
        "acknowledged": QCoreApplication.translate("States", "acknowledged"),
        "cleared": QCoreApplication.translate("States", "cleared"),
    }
    return labels.get(state, state)


def network_label(network: str) -> str:
    labels = {
        "intranet": QCoreApplication.translate("States", "Intranet"),
        "extranet": QCoreApplication.translate("States", "Extranet"),
    }
    return labels.get(network, network)


def role_label(role: str) -> str:
    labels = {
        "core": QCoreApplication.translate("States", "core"),
        "aggregation": QCoreApplication.translate("States", "aggregation"),
        "access": QCoreApplication.translate("States", "access"),
        "firewall": QCoreApplication.translate("States", "firewall"),
        "server": QCoreApplication.translate("States", "server"),
        "storage": QCoreApplication.translate("States", "storage"),
        "other": QCoreApplication.translate("States", "other"),
    }
    return labels.get(role, role)
