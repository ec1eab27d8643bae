"""The neighbour schedule: LLDP/CDP remote tables read on their own interval while the poller runs.

A cross-network cable (内外网串接) is the alarm the policy cares most about; it must not wait for
someone to run ``egovops topology discover``. Every ``neighbour_interval_s`` (polling settings,
180 s by default, 0 turns it off) each device's remote neighbour tables are read, merged into the
stored links exactly like a discovery run, and the cross-network check raises or clears its
alarms. A device's own identity, LLDP ports and interfaces are walked in full the first time and
again every ``LOCAL_REFRESH_S``; in between only its remote tables are read (two short walks), so
a sweep of the province costs a few seconds. A new cable is found within the interval plus the
duration of one sweep.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable

from egovops.credentials.service import CredentialService
from egovops.inventory.model import Device
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.snmp import SnmpClient
from egovops.storage.database import Database
from egovops.topology.discovery import Progress
from egovops.topology.neighbours import DeviceView
from egovops.topology.service import DiscoveryReport, TopologyService

log = logging.getLogger(__name__)
LOCAL_REFRESH_S = 3600.0
OFF_RECHECK_S = 30.0  # while switched off, how often the setting is looked at again


class NeighbourWatch:
    def __init__(self, database: Database, client: SnmpClient, credentials: CredentialService | None = None,
                 local_refresh_s: float = LOCAL_REFRESH_S, only: Callable[[Device], bool] | None = None) -> None:
        """``only``: sweep just the devices it accepts (a collector's leased devices)."""
        self.service = TopologyService(database, credentials, client)
        self.only = only
        self.settings = PollingSettingsRepository(database)
        self.local_refresh_s = local_refresh_s
        self._known: dict[str, tuple[float, DeviceView]] = {}  # device → (monotonic time its full walk expires, view)
        self.last_duration_s: float | None = None

    def interval(self) -> float:
        return self.settings.polling().neighbour_interval_s

    def sweep(self, progress: Progress | None = None) -> DiscoveryReport:
        """One round over every device; full walks only where nothing (recent) is known."""
        started = time.monotonic()
        known = {name: view for name, (expires, view) in self._known.items() if started < expires}
        report = self.service.discover(progress=progress, known=known, only=self.only)
        for view in report.discovery.views:
            if view.device not in known:
                # spread over ±25 %: devices first walked together are not all walked in full again together
                self._known[view.device] = (started + self.local_refresh_s * random.uniform(0.75, 1.25), view)
        self.last_duration_s = time.monotonic() - started
        return report

    def run_forever(self, stop: threading.Event, on_sweep: Callable[[DiscoveryReport], None] | None = None) -> None:
        """Sweep every interval (start to start) until ``stop`` is set; a failed sweep is logged
        and the next one tried, never the poller stopped."""
        while not stop.is_set():
            every = self.interval()
            if every <= 0:
                stop.wait(OFF_RECHECK_S)
                continue
            started = time.monotonic()
            try:
                report = self.sweep()
                if on_sweep is not None:
                    on_sweep(report)
            except Exception:  # noqa: BLE001 - the poller's process must outlive one bad sweep
                if stop.is_set():  # the stop closed the SNMP loop under the sweep: not a failure
                    log.info("neighbour sweep cut short by the stop")
                    break
                log.exception("neighbour sweep failed")
            stop.wait(max(0.0, every - (time.monotonic() - started)))
