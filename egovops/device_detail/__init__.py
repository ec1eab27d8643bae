"""One device in detail, for the console's device view (Qt-free).

- ``load_detail(db, name)`` → ``DeviceDetail``: summary (inventory + last status; the credential
  profile by name only), interfaces with rates, faults and LLDP/declared neighbours, recent state
  changes, alarms and stored configuration versions;
- ``load_series(db, name, "1h" | "24h" | "7d")`` → CPU, memory and per-interface traffic;
- ``DeviceActions(db, operator)``: ``poll_now``, ``ping``, ``run_command`` (read-only commands
  only below the engineer role, see ``commands``), each written to the audit trail.
"""

from egovops.device_detail.actions import CommandResult, DeviceActions, PingResult, SshLimits
from egovops.device_detail.commands import check_command, is_read_only
from egovops.device_detail.detail import DeviceDetail, device_names, load_detail
from egovops.device_detail.interfaces import InterfaceRow, Neighbour, faulty
from egovops.device_detail.series import WINDOWS, DeviceSeries, load_series
from egovops.device_detail.summary import DeviceSummary, format_uptime

__all__ = [
    "WINDOWS", "CommandResult", "DeviceActions", "DeviceDetail", "DeviceSeries", "DeviceSummary", "InterfaceRow",
    "Neighbour", "PingResult", "SshLimits", "check_command", "device_names", "faulty", "format_uptime",
    "is_read_only", "load_detail", "load_series",
]
