"""The whole inventory as one YAML document: networks, sites with kinds, devices and links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from egovops.i18n import tr
from egovops.inventory.csv_io import RawRow, decode
from egovops.inventory.model import Device, Link, Network, Site
from egovops.inventory.validation import device_to_row


def dump(networks: list[Network], sites: list[Site], devices: list[Device], links: list[Link]) -> str:
    document = {
        "networks": [
            {
                "name": n.name,
                "kind": n.kind.value,
                "cidrs": list(n.cidrs),
                "migration_state": n.migration_state.value if n.migration_state else None,
                "description": n.description,
            }
            for n in networks
        ],
        "sites": [{"path": s.path, "kind": s.kind.value, "dr_role": s.dr_role.value if s.dr_role else None} for s in sites],
        "devices": [dict(device_to_row(d), tags=list(d.tags)) for d in devices],
        "links": [
            {"a_device": l.a_device, "a_interface": l.a_interface, "b_device": l.b_device, "b_interface": l.b_interface}
            for l in links
        ],
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def load(path: Path) -> dict[str, Any]:
    text, _encoding = decode(path.read_bytes())
    try:
        document = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ValueError(tr("the YAML file cannot be read: {error}", error=str(exc).replace("\n", " "))) from None
    if not isinstance(document, dict):
        raise ValueError(tr("the YAML file must hold a mapping with networks, sites, devices and links"))
    return document


def device_rows(document: dict[str, Any]) -> list[RawRow]:
    """Devices of a YAML document as rows, numbered by their position in the list (from 1)."""
    rows = []
    for number, entry in enumerate(document.get("devices") or [], start=1):
        if not isinstance(entry, dict):
            rows.append(RawRow(number, {}, tr("entry is not a mapping")))
            continue
        fields = {str(k): _as_text(v) for k, v in entry.items()}
        rows.append(RawRow(number, fields))
    return rows


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return str(value)
