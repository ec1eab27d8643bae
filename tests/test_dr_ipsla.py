"""Cisco IP SLA results read over SNMP from an snmpsim agent serving a recording made here.

The recording is written by this test in the shape of a walk of CISCO-RTTMON-MIB on a router with
two operations; the values are invented (as tests/recordings/README.md says of the recordings
built there), the objects and their meaning are the MIB's.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from egovops.credentials import Secret
from egovops.dr.ipsla import NUM_RTT, SENSE, TARGET, parse, read_ip_sla
from egovops.dr.model import Measured
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget
from tests.fixtures.snmpd import free_udp_port
from tests.fixtures.snmpsim import SnmpsimAgent

R = "1.3.6.1.4.1.9.9.42.1"
RECORDING = {
    "1.3.6.1.2.1.1.1.0": "4|Cisco IOS Software, ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.4",
    "1.3.6.1.2.1.1.2.0": "6|1.3.6.1.4.1.9.1.2068",
    "1.3.6.1.2.1.1.5.0": "4|AH-DC1-EXT-CORE-01",
    # operation 10: udp-jitter to the same-city DR core; 20: icmp-echo to the remote one, timing out
    f"{R}.2.1.1.3.10": "4|to-DC2", f"{R}.2.1.1.3.20": "4|to-DC3",
    f"{R}.2.1.1.4.10": "2|9", f"{R}.2.1.1.4.20": "2|1",
    f"{R}.2.2.1.2.10": "4x|7f000014", f"{R}.2.2.1.2.20": "4x|7f00001e",
    f"{R}.2.10.1.1.10": "66|12", f"{R}.2.10.1.1.20": "66|0",
    f"{R}.2.10.1.2.10": "2|1", f"{R}.2.10.1.2.20": "2|4",
    f"{R}.5.2.1.1.10": "66|95", f"{R}.5.2.1.26.10": "66|3", f"{R}.5.2.1.27.10": "66|1",
    f"{R}.5.2.1.29.10": "66|1", f"{R}.5.2.1.46.10": "66|4",
}


@pytest.fixture(scope="module")
def agent() -> Iterator[SnmpsimAgent]:
    folder = Path(tempfile.mkdtemp(prefix="egovops-snmpsim-ipsla-"))  # snmpsim runs as nobody
    folder.chmod(0o755)
    (folder / "data").mkdir(mode=0o755)
    (folder / "cache").mkdir()
    (folder / "cache").chmod(0o777)
    ordered = sorted(RECORDING, key=lambda oid: [int(n) for n in oid.split(".")])
    (folder / "data" / "cisco-ipsla.snmprec").write_text("".join(f"{o}|{RECORDING[o]}\n" for o in ordered))
    running = SnmpsimAgent(folder, free_udp_port(), ["cisco-ipsla"]).start()
    try:
        yield running
    finally:
        running.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("test-ipsla").start()
    yield SnmpClient(loop)
    loop.stop()


def test_jitter_and_echo_operations_give_latency_jitter_and_loss(agent: SnmpsimAgent, client: SnmpClient) -> None:
    target = SnmpTarget("AH-DC1-EXT-CORE-01", agent.address, agent.port, community=Secret("cisco-ipsla"),
                        timeout=5, retries=1)
    found = client.snmp_loop.run(read_ip_sla(client, target))
    assert [(r.entry, r.tag, r.target) for r in found] == [
        ("10", "to-DC2", "127.0.0.20"), ("20", "to-DC3", "127.0.0.30")]
    assert found[0].measured == Measured(12.0, 4.0, 5.0)  # 5 of 100 packets lost each way or missing
    assert found[1].measured == Measured(None, None, 100.0)  # timed out: no latency, all lost


def test_edges_of_the_parse() -> None:
    assert parse({}) == []  # a device without IP SLA
    # a jitter operation that sent nothing yet is all loss, not a division by zero; an IPv6 target is kept
    found = parse({SENSE: {"7": 1}, NUM_RTT: {"7": 0}, TARGET: {"7": bytes(15) + b"\x01"}})
    assert [(r.target, r.measured) for r in found] == [("::1", Measured(None, None, 100.0))]


@pytest.mark.usefixtures("secret_service")
def test_the_cisco_ends_operation_is_the_links_figures_over_icmp(agent: SnmpsimAgent, database) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from egovops.credentials import CredentialProfile, CredentialService
    from egovops.credentials.profiles import CredentialKind
    from egovops.demo.inventory import build_demo, store_demo
    from egovops.dr.probe import probe_links
    from egovops.dr.repo import DrRepository
    from egovops.dr.service import DrService
    from egovops.storage.inventory_repo import InventoryRepository

    CredentialService(database).add(CredentialProfile("sla", CredentialKind.SNMP_V2C), {"community": "cisco-ipsla"})
    demo = build_demo(17)
    moved = {"AH-DC1-EXT-CORE-01": dict(address=agent.address, snmp_port=agent.port, vendor="cisco",
                                        credential_profile="sla"),
             "AH-DC2-EXT-CORE-01": dict(address="127.0.0.20", vendor="huawei"),
             "AH-DC3-EXT-CORE-01": dict(address="127.0.0.40", vendor="huawei")}  # no operation towards it
    demo.devices = [replace(d, **moved.get(d.name, {})) for d in demo.devices]
    store_demo(InventoryRepository(database), demo)
    repo = DrRepository(database)
    labels = {x.a: x.label for x in DrService(database).readiness(record=False).links}
    # ICMP rows on both links, later than the IP SLA round below
    repo.record_probes(1e10, [(label, "icmp", Measured(1.0, 0.1, 0.0)) for label in labels.values()])
    assert probe_links(database, icmp=False) == 1  # only the link with an operation towards its far end
    probes = repo.latest_probes(0)
    assert probes[labels["AH-DC2-EXT-CORE-01"]] == (12.0, 4.0, 5.0)  # end to end beats the collector's view
    assert probes[labels["AH-DC3-EXT-CORE-01"]] == (1.0, 0.1, 0.0)
