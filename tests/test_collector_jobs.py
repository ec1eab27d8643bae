"""A scheduled discovery walks the collector's zone only, and a due job runs once per slot."""

from __future__ import annotations

import datetime as dt

import pytest

from egovops.collector.schedule import Job, ScheduleStore
from egovops.collector.service import Collector
from egovops.collector.zones import parse_zone
from egovops.snmp import SnmpClient, SnmpLoop
from egovops.storage.database import Database
from tests.test_collector_helpers import snmp_devices

pytestmark = pytest.mark.usefixtures("secret_service")


def test_a_due_discovery_walks_the_zone_once_per_slot(database: Database, data_dir, snmpd_factory) -> None:
    agent = snmpd_factory(ports=4)
    snmp_devices(database, agent, ["intranet", "extranet"])
    ScheduleStore(database).save([Job("disc", "discovery", "03:00")])
    collector = Collector(database, data_dir, parse_zone("intranet"), "c1")
    collector.reload_jobs()
    loop = SnmpLoop().start()
    try:
        client = SnmpClient(loop)
        slot = dt.datetime(2026, 12, 6, 3, 0)
        assert collector.run_due_jobs(client, now=slot - dt.timedelta(minutes=1)) == []  # not yet due
        lines = collector.run_due_jobs(client, now=slot + dt.timedelta(minutes=5))
        assert lines == ["discovery: 2 devices walked, 0 not, 0 new links"]  # the two intranet devices
        assert collector.run_due_jobs(client, now=slot + dt.timedelta(minutes=6)) == []  # once per slot
        other = Collector(database, data_dir, parse_zone("intranet"), "c2")  # same zone, another process
        other.reload_jobs()
        assert other.run_due_jobs(client, now=slot + dt.timedelta(minutes=7)) == []  # c1 claimed it
    finally:
        loop.stop()


@pytest.mark.stores("postgresql")
def test_collectors_of_one_host_starting_together_both_start(database: Database, database_url: str,
                                                            data_dir) -> None:
    """Both make the host's row at once (it crashed the second collector of a benchmark)."""
    import threading

    from sqlalchemy import delete

    from egovops.polling.workstation import workstation_name
    from egovops.storage.database import open_database
    from egovops.storage.inventory_repo import InventoryRepository
    from egovops.storage.tables.inventory import devices

    stores = [open_database(database_url) for _ in range(2)]
    try:
        for _round in range(5):
            with database.write() as conn:
                conn.execute(delete(devices).where(devices.c.name == workstation_name()))
            gate, errors = threading.Barrier(2), []

            def start(store: Database, name: str, gate: threading.Barrier, errors: list[Exception]) -> None:
                gate.wait()
                try:
                    Collector(store, data_dir, parse_zone(""), name)._ensure_host_row()
                except Exception as exc:  # noqa: BLE001 - collected for the assertion
                    errors.append(exc)
            threads = [threading.Thread(target=start, args=(s, f"c{i}", gate, errors)) for i, s in enumerate(stores)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            assert errors == [] and workstation_name() in InventoryRepository(database).device_ids()
    finally:
        for s in stores:
            s.close()
