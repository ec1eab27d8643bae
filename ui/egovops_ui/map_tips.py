"""What the map's tooltips say about a device, a link and a cross-network cable (built only on hover)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from egovops.overview.alarm_text import localized_message
from egovops.overview.link_load import speed_text
from egovops.overview.map_model import MapCrossing, map_link
from egovops.overview.service import Overview
from egovops_ui.states import network_label, role_label, state_label

if TYPE_CHECKING:
    from egovops_ui.map_items import LinkItem

# The texts keep the context of the panel they were first written in, so their translations stay.


def device_tip(overview: Overview | None, name: str) -> str:
    if overview is None:
        return name
    d = overview.devices[name]
    h = overview.health.get(name)
    state = state_label(h.state if h else "unknown")
    if h and h.root_cause:
        state = QCoreApplication.translate("MapPanel", "{state} (cut off by {root})").format(state=state, root=h.root_cause)
    uptime = "—"
    if h and h.uptime_s:
        uptime = QCoreApplication.translate("MapPanel", "{days} d {hours} h").format(
            days=int(h.uptime_s // 86400), hours=int(h.uptime_s % 86400 // 3600))
    return "<br>".join([
        f"<b>{name}</b> ({role_label(d.role.value)})",
        QCoreApplication.translate("MapPanel", "Address: {address}").format(address=d.address),
        QCoreApplication.translate("MapPanel", "Vendor/model: {vendor} {model}").format(vendor=d.vendor, model=d.model),
        QCoreApplication.translate("MapPanel", "State: {state}").format(state=state),
        QCoreApplication.translate("MapPanel", "Uptime: {uptime}").format(uptime=uptime),
        QCoreApplication.translate("MapPanel", "Owner unit: {unit}").format(unit=d.owner_unit),
        QCoreApplication.translate("MapPanel", "Contact: {contact}").format(contact=d.contact),
    ])


def link_tip(overview: Overview | None, item: "LinkItem") -> str:
    """Both ends with their ports, state, speed and utilisation, computed now from the latest overview."""
    link = item.link
    if link is None or overview is None:
        return f"{item.a.name} — {item.b.name}"
    load = map_link(link, overview.health, overview.loads).load
    assert load is not None
    used = f"{load.utilisation * 100:.0f} %" if load.utilisation is not None else "—"
    return "<br>".join([
        f"<b>{link.a_device}</b> {link.a_interface} — <b>{link.b_device}</b> {link.b_interface}",
        QCoreApplication.translate("MapPanel", "State: {state}").format(state=state_label(load.state)),
        QCoreApplication.translate("MapPanel", "Speed: {speed}").format(speed=speed_text(load.speed_bps)),
        QCoreApplication.translate("MapPanel", "Utilisation: {used}").format(used=used),
    ])


def crossing_text(crossing: MapCrossing) -> str:
    """Beside the warning sign: the device at the far end and its network."""
    return QCoreApplication.translate("MapPanel", "{device} ({network})").format(
        device=crossing.foreign or "?", network=network_label(crossing.foreign_network))


def crossing_tip(crossing: MapCrossing) -> str:
    title = QCoreApplication.translate("MapPanel", "Cross-network cable")
    lines = [f"<b>{title}</b>"]
    if crossing.link is not None:
        link = crossing.link
        lines.append(f"{link.a_device} {link.a_interface} — {link.b_device} {link.b_interface}")
    if crossing.alarm is not None:
        lines.append(localized_message(crossing.alarm.kind, crossing.alarm.message))
    else:
        lines.append(QCoreApplication.translate("MapPanel", "No alarm raised yet: the next topology check raises it."))
    return "<br>".join(lines)
