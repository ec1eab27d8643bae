"""Risk levels of procedures and the roles they need: translated names, and the colour a risk is shown in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from egovops.procedures import Risk

RISK_COLOURS = {Risk.READ_ONLY: "#2e7d32", Risk.CHANGES_CONFIG: "#e08a00", Risk.DISRUPTIVE: "#d62f2f"}


def risk_label(risk: Risk) -> str:
    labels = {
        Risk.READ_ONLY: QCoreApplication.translate("Risk", "read-only"),
        Risk.CHANGES_CONFIG: QCoreApplication.translate("Risk", "changes the configuration"),
        Risk.DISRUPTIVE: QCoreApplication.translate("Risk", "disruptive"),
    }
    return labels[risk]


def risk_colour(risk: Risk) -> str:
    return RISK_COLOURS[risk]


def role_label(role: str) -> str:
    labels = {  # a context of the runner's own: another screen's "Roles" catalogue must not override these
        "operator": QCoreApplication.translate("RunnerRoles", "operator"),
        "engineer": QCoreApplication.translate("RunnerRoles", "engineer"),
        "supervisor": QCoreApplication.translate("RunnerRoles", "supervisor"),
        "admin": QCoreApplication.translate("RunnerRoles", "administrator"),
    }
    return labels.get(role, role)
