"""The device view's header: who the device is, where it sits, who owns it, and how it is doing.

Only the credential profile's name is shown; the view never asks the keyring for anything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QWidget

from egovops.device_detail.formatting import format_time
from egovops.device_detail.summary import DeviceSummary, format_uptime
from egovops.polling.model import Board
from egovops_ui.states import network_label, state_colour, state_label

# Field keys in the order shown, split over two columns of the form.
LEFT = ("state", "vendor", "model", "os", "version", "serial", "uptime", "addresses", "health", "boards")
RIGHT = ("site", "network", "security_domain", "protection_level", "owner_unit", "contact", "credential_profile")


class SummaryPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceSummary")
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        for column, keys in enumerate((LEFT, RIGHT)):
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            for key in keys:
                caption, value = QLabel(self), QLabel(self)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setObjectName(f"summary_{key}")
                form.addRow(caption, value)
                self.captions[key], self.values[key] = caption, value
            grid.addLayout(form, 0, column)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.summary: DeviceSummary | None = None
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "state": self.tr("State"), "vendor": self.tr("Vendor"), "model": self.tr("Model"), "os": self.tr("OS"),
            "uptime": self.tr("Uptime"), "addresses": self.tr("Addresses"), "health": self.tr("CPU / memory"),
            "version": self.tr("Version"), "serial": self.tr("Serial number"), "boards": self.tr("Boards"),
            "site": self.tr("Site"), "network": self.tr("Network"), "security_domain": self.tr("Security domain"),
            "protection_level": self.tr("Protection level"), "owner_unit": self.tr("Owner unit"),
            "contact": self.tr("Contact"), "credential_profile": self.tr("Credential profile"),
        }
        for key, text in texts.items():
            self.captions[key].setText(text + ":")
        self.setTitle(self.tr("Summary"))
        if self.summary is not None:
            self.show_summary(self.summary)

    def show_summary(self, s: DeviceSummary) -> None:
        self.summary = s
        colour = state_colour(s.state).name()
        since = self.tr("since {time}").format(time=format_time(s.state_since)) if s.state_since else ""
        reasons = "; ".join(s.reasons) or (s.error or "")
        state = f'<b style="color:{colour}">{state_label(s.state)}</b> {since}'
        self.values["state"].setText(state + (f"<br/>{_escape(reasons)}" if reasons else ""))
        for key in ("vendor", "model", "os", "version", "serial"):
            value = getattr(s, key) or "—"
            # What polling found where the inventory is empty is marked, so nobody takes it for entered data.
            self.values[key].setText(self.tr("{value} (discovered)").format(value=value) if key in s.discovered
                                     else value)
        self.values["uptime"].setText(format_uptime(s.uptime_s))
        self.values["addresses"].setText(s.addresses)
        cpu = "—" if s.cpu_percent is None else f"{s.cpu_percent:.0f} %"
        mem = "—" if s.mem_percent is None else f"{s.mem_percent:.0f} %"
        self.values["health"].setText(f"{cpu} / {mem}")
        self.values["boards"].setText("<br/>".join(_escape(self._board(b)) for b in s.boards) or "—")
        self.values["site"].setText(" › ".join(s.site_path))
        self.values["network"].setText(network_label(s.network))
        self.values["security_domain"].setText(s.security_domain or "—")
        level = self.tr("level {n}").format(n=s.protection_level) if s.protection_level else "—"
        self.values["protection_level"].setText(level)
        self.values["owner_unit"].setText(s.owner_unit or "—")
        self.values["contact"].setText(s.contact or "—")
        self.values["credential_profile"].setText(s.credential_profile or self.tr("none"))


    def _board(self, board: Board) -> str:
        cpu = "—" if board.cpu_percent is None else f"{board.cpu_percent:.0f} %"
        mem = "—" if board.mem_percent is None else f"{board.mem_percent:.0f} %"
        temperature = "" if board.temperature_c is None else f", {board.temperature_c:.0f} °C"
        return self.tr("{board}: CPU {cpu}, memory {memory}{temperature}").format(
            board=board.name, cpu=cpu, memory=mem, temperature=temperature)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
