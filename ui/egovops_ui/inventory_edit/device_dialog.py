"""The device dialog: every inventory field, the site picked from the tree, problems shown by their field.

The dialog only collects text; the core checks it (on a worker) and the screen hands the problems
back through ``show_problems``. It never reads or writes the store itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from egovops.inventory_edit.devices import FormChoices
from egovops.inventory.model import Device, DeviceRole
from egovops.inventory.validation import FieldProblem

VENDORS = ("huawei", "h3c", "ruijie", "zte", "cisco", "linux")
ERROR_STYLE = "color: #b00020;"
PATH = Qt.ItemDataRole.UserRole


class DeviceDialog(QDialog):
    submitted = Signal(dict)  # the form's fields as text, keyed by inventory column

    def __init__(self, choices: FormChoices, site: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryDeviceDialog")
        self.editing = choices.device.name if choices.device else None
        self.missing_profile = ""
        self.errors: dict[str, QLabel] = {}
        self._build(choices)
        self._fill(choices.device, site)
        self.retranslate()

    # -- building -------------------------------------------------------------------------------
    def _build(self, choices: FormChoices) -> None:
        self.name, self.address, self.model = QLineEdit(), QLineEdit(), QLineEdit()
        self.security_domain, self.owner_unit, self.contact, self.tags = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.snmp_port, self.ssh_port = self._port(161), self._port(22)
        self.network = QComboBox()
        for network in choices.networks:
            self.network.addItem(network, network)
        self.role = QComboBox()
        for role in DeviceRole:
            self.role.addItem("", role.value)
        self.vendor = QComboBox(editable=True)
        self.vendor.addItems(["", *VENDORS])
        self.level = QComboBox()
        for level in ("", "1", "2", "3", "4"):
            self.level.addItem("", level)
        self.profile = QComboBox()
        self.profile.addItem("", "")
        for name in choices.profiles:
            self.profile.addItem(name, name)
        self.sites = QTreeWidget()
        self.sites.setHeaderHidden(True)
        self.sites.setMinimumWidth(300)
        self._fill_sites(choices)
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for column, widget in self._fields().items():
            if column != "site":
                self.form.addRow(self._label(column), self._with_error(column, widget))
        right = QVBoxLayout()
        right.addWidget(self._label("site"))
        right.addWidget(self._with_error("site", self.sites))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.busy = QLabel()
        body = QHBoxLayout()
        body.addLayout(self.form, 3)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(self.busy)
        outer.addWidget(self.buttons)
        self.resize(940, 620)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "name": self.name, "address": self.address, "snmp_port": self.snmp_port, "ssh_port": self.ssh_port,
            "network": self.network, "site": self.sites, "role": self.role, "vendor": self.vendor, "model": self.model,
            "security_domain": self.security_domain, "protection_level": self.level, "owner_unit": self.owner_unit,
            "contact": self.contact, "credential_profile": self.profile, "tags": self.tags,
        }

    @staticmethod
    def _port(default: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 65535)
        box.setValue(default)
        return box

    def _label(self, column: str) -> QLabel:
        self.labels[column] = QLabel()
        return self.labels[column]

    def _with_error(self, column: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        error = QLabel()
        error.setObjectName(f"error_{column}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(widget)
        layout.addWidget(error)
        self.errors[column] = error
        return holder

    def _fill_sites(self, choices: FormChoices) -> None:
        items: dict[str, QTreeWidgetItem] = {}
        for site in sorted(choices.sites, key=lambda s: s.path):  # parents sort before their children
            parent = items.get(site.parent_path or "")
            item = QTreeWidgetItem(parent) if parent else QTreeWidgetItem(self.sites)
            item.setText(0, site.name)
            item.setData(0, PATH, site.path)
            items[site.path] = item
        self._site_items = items
        self.sites.expandToDepth(1)

    def _fill(self, device: Device | None, site: str) -> None:
        if device is None:
            self.select_site(site)
            self.role.setCurrentIndex(self.role.findData(DeviceRole.OTHER.value))
            return
        self.name.setText(device.name)
        self.name.setReadOnly(True)  # identity of the configuration history and the audit trail
        self.name.setStyleSheet("QLineEdit { background: palette(window); }")  # looks fixed, not editable
        self.address.setText(device.address)
        self.snmp_port.setValue(device.snmp_port)
        self.ssh_port.setValue(device.ssh_port)
        self.network.setCurrentIndex(self.network.findData(device.network))
        self.select_site(device.site)
        self.role.setCurrentIndex(self.role.findData(device.role.value))
        self.vendor.setCurrentText(device.vendor)
        self.model.setText(device.model)
        self.security_domain.setText(device.security_domain)
        self.level.setCurrentIndex(self.level.findData("" if device.protection_level is None else str(device.protection_level)))
        self.owner_unit.setText(device.owner_unit)
        self.contact.setText(device.contact)
        found = self.profile.findData(device.credential_profile)
        if found < 0 and device.credential_profile:  # named by an import but not defined: keep it
            self.profile.addItem(device.credential_profile, device.credential_profile)
            self.missing_profile = device.credential_profile
            found = self.profile.count() - 1
        self.profile.setCurrentIndex(max(found, 0))
        self.tags.setText(";".join(device.tags))

    # -- reading and answering ------------------------------------------------------------------
    def select_site(self, path: str) -> None:
        item = self._site_items.get(path)
        if item is not None:
            self.sites.setCurrentItem(item)
            self.sites.scrollToItem(item)

    def site_path(self) -> str:
        item = self.sites.currentItem()
        return str(item.data(0, PATH)) if item is not None else ""

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text(), "address": self.address.text(), "snmp_port": str(self.snmp_port.value()),
            "ssh_port": str(self.ssh_port.value()), "network": str(self.network.currentData() or ""), "site": self.site_path(),
            "role": str(self.role.currentData()), "vendor": self.vendor.currentText(), "model": self.model.text(),
            "security_domain": self.security_domain.text(), "protection_level": str(self.level.currentData()),
            "owner_unit": self.owner_unit.text(), "contact": self.contact.text(),
            "credential_profile": str(self.profile.currentData() or ""), "tags": self.tags.text(),
        }

    def _submit(self) -> None:
        self.show_problems([])
        self.set_busy(True)
        self.submitted.emit(self.values())

    def set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)
        self.busy.setText(self.tr("Saving…") if busy else "")

    def show_problems(self, problems: list[FieldProblem]) -> None:
        by_column: dict[str, list[str]] = {}
        for problem in problems:
            by_column.setdefault(problem.column if problem.column in self.errors else "name", []).append(problem.reason)
        for column, label in self.errors.items():
            label.setText("\n".join(by_column.get(column, [])))
            label.setVisible(column in by_column)

    def problem_text(self, column: str) -> str:
        return self.errors[column].text() if self.errors[column].isVisibleTo(self) else ""

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit device {name}").replace("{name}", self.editing) if self.editing else self.tr("Add device"))
        names = {
            "name": self.tr("Name"), "address": self.tr("Address"), "snmp_port": self.tr("SNMP port"),
            "ssh_port": self.tr("SSH port"), "network": self.tr("Network"), "site": self.tr("Site (choose in the tree)"),
            "role": self.tr("Role"), "vendor": self.tr("Vendor"), "model": self.tr("Model"),
            "security_domain": self.tr("Security domain"), "protection_level": self.tr("Protection level"),
            "owner_unit": self.tr("Owner unit"), "contact": self.tr("Contact"),
            "credential_profile": self.tr("Credential profile"), "tags": self.tr("Tags (separated by ;)"),
        }
        for column, label in self.labels.items():
            label.setText(names[column])
        roles = {
            "core": self.tr("core"), "aggregation": self.tr("aggregation"), "access": self.tr("access"),
            "firewall": self.tr("firewall"), "server": self.tr("server"), "storage": self.tr("storage"), "other": self.tr("other"),
        }
        for index in range(self.role.count()):
            self.role.setItemText(index, roles[str(self.role.itemData(index))])
        levels = {"": self.tr("not graded"), "1": self.tr("level 1"), "2": self.tr("level 2"), "3": self.tr("level 3"), "4": self.tr("level 4")}
        for index in range(self.level.count()):
            self.level.setItemText(index, levels[str(self.level.itemData(index))])
        self.profile.setItemText(0, self.tr("(none)"))
        if self.missing_profile:
            self.profile.setItemText(self.profile.count() - 1, self.tr("{name} (not defined yet)").replace("{name}", self.missing_profile))
        networks = {"intranet": self.tr("intranet (电子政务内网)"), "extranet": self.tr("extranet (电子政务外网)")}
        for index in range(self.network.count()):
            name = str(self.network.itemData(index))
            self.network.setItemText(index, networks.get(name, name))
        self.name.setToolTip(self.tr("A device's name identifies its configuration history and audit records; it cannot change once stored.")
                             if self.editing else "")
