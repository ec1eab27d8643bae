"""Polling intervals, limits and alarm thresholds as spin boxes over the stored settings document.

The spin boxes allow more than the core does on purpose: the ranges live in one place
(egovops.polling.settings_edit) and its messages name the field, so the operator learns the rule
from the core's own text. Overrides and critical interfaces are kept as
they are (edited elsewhere).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from egovops.polling.settings import Intervals, PollingSettings, Thresholds

SPIN_WIDTH = 200  # a number, not a sentence: full-width boxes read as text fields


def restart_note() -> str:
    """One text for both tabs: egovops.polling.poller takes saved settings up before each cycle."""
    return QCoreApplication.translate("PollingTab", "A running poller takes saved settings up at the start of its next cycle.")


def _double(parent: QWidget, name: str, decimals: int = 1, suffix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent, objectName=name)
    box.setRange(-1_000_000.0, 1_000_000.0)
    box.setDecimals(decimals)
    box.setSuffix(suffix)
    box.setMaximumWidth(SPIN_WIDTH)
    return box


def _integer(parent: QWidget, name: str) -> QSpinBox:
    box = QSpinBox(parent, objectName=name)
    box.setRange(-1_000_000, 1_000_000)
    box.setMaximumWidth(SPIN_WIDTH)
    return box


class PollingTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = PollingSettings()
        self.status_s = _double(self, "statusInterval", suffix=" s")
        self.interfaces_s = _double(self, "interfacesInterval", suffix=" s")
        self.health_s = _double(self, "healthInterval", suffix=" s")
        self.timeout_s = _double(self, "pollTimeout", decimals=2, suffix=" s")
        self.retries = _integer(self, "pollRetries")
        self.concurrency = _integer(self, "pollConcurrency")
        self.walk_concurrency = _integer(self, "walkConcurrency")
        self.intervals_box, self.limits_box = QGroupBox(self), QGroupBox(self)
        self.labels: dict[str, QLabel] = {}
        self._rows(self.intervals_box, ["status_s", "interfaces_s", "health_s"])
        self._rows(self.limits_box, ["timeout_s", "retries", "concurrency", "walk_concurrency"])
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.addWidget(self.intervals_box)
        outer.addWidget(self.limits_box)
        outer.addWidget(self.note)
        outer.addStretch(1)

    def _rows(self, box: QGroupBox, names: list[str]) -> None:
        form = QFormLayout(box)
        for name in names:
            self.labels[name] = QLabel(box)
            form.addRow(self.labels[name], getattr(self, name))

    def show_settings(self, settings: PollingSettings) -> None:
        self.loaded = settings
        for name in ("status_s", "interfaces_s", "health_s", "timeout_s", "retries"):
            getattr(self, name).setValue(getattr(settings.intervals, name))
        self.concurrency.setValue(settings.concurrency)
        self.walk_concurrency.setValue(settings.walk_concurrency)

    def apply_to(self, settings: PollingSettings) -> PollingSettings:
        intervals = Intervals(self.status_s.value(), self.interfaces_s.value(), self.health_s.value(),
                              self.timeout_s.value(), self.retries.value())
        return replace(settings, intervals=intervals, concurrency=self.concurrency.value(),
                       walk_concurrency=self.walk_concurrency.value())

    def retranslate(self) -> None:
        self.intervals_box.setTitle(self.tr("How often"))
        self.limits_box.setTitle(self.tr("Timeouts and concurrency"))
        texts = {
            "status_s": self.tr("Status (reachability) every"), "interfaces_s": self.tr("Interfaces every"),
            "health_s": self.tr("Health (CPU, memory, temperature) every"), "timeout_s": self.tr("Timeout per request"),
            "retries": self.tr("Retries"), "concurrency": self.tr("Devices polled at once"),
            "walk_concurrency": self.tr("Devices walked at once (interfaces, health)"),
        }
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.note.setText(restart_note())


class ThresholdsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cpu_percent = _double(self, "cpuThreshold", suffix=" %")
        self.mem_percent = _double(self, "memoryThreshold", suffix=" %")
        self.temperature_c = _double(self, "temperatureThreshold", suffix=" °C")
        self.if_errors_ps = _double(self, "interfaceErrorsThreshold", decimals=2, suffix=" /s")
        self.labels: dict[str, QLabel] = {}
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        for name in ("cpu_percent", "mem_percent", "temperature_c", "if_errors_ps"):
            self.labels[name] = QLabel(self)
            form.addRow(self.labels[name], getattr(self, name))
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.note)
        outer.addStretch(1)

    def show_settings(self, settings: PollingSettings) -> None:
        for name in ("cpu_percent", "mem_percent", "temperature_c", "if_errors_ps"):
            getattr(self, name).setValue(getattr(settings.thresholds, name))

    def apply_to(self, settings: PollingSettings) -> PollingSettings:
        return replace(settings, thresholds=Thresholds(self.cpu_percent.value(), self.mem_percent.value(),
                                                       self.temperature_c.value(), self.if_errors_ps.value()))

    def retranslate(self) -> None:
        texts = {
            "cpu_percent": self.tr("CPU above"), "mem_percent": self.tr("Memory above"),
            "temperature_c": self.tr("Temperature above"), "if_errors_ps": self.tr("Interface errors and discards above"),
        }
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.note.setText(self.tr("A device over a threshold is shown degraded and raises an alarm.") + "\n\n" + restart_note())
