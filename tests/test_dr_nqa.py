"""Huawei NQA results read over SNMP from an snmpsim agent serving a recording made here.

The recording is written by this test in the shape of a walk of NQA-MIB (1.3.6.1.4.1.2011.5.25.111)
on a Huawei router with several test instances; the values are invented (as
tests/recordings/README.md says of the recordings built there), the objects, their indexes and
their meaning are the MIB's (librenms/librenms mibs/huawei/NQA-MIB).
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from egovops.credentials import Secret
from egovops.dr.model import Measured
from egovops.dr.nqa import (
    CTRL_TYPE,
    J_COMPLETIONS,
    J_RESPONSES,
    J_SENT,
    LAST_FINISH,
    OPER_STATUS,
    R_AVG,
    R_COMPLETIONS,
    R_LAST_GOOD,
    R_RESPONSES,
    R_SENT,
    TARGET,
    date_and_time,
    parse,
    read_nqa,
    split_index,
)
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget
from tests.fixtures.snmpd import free_udp_port
from tests.fixtures.snmpsim import SnmpsimAgent

N = "1.3.6.1.4.1.2011.5.25.111"
NOW = time.time()


def key(test: str, owner: str = "admin") -> str:
    """The two length-prefixed SnmpAdminString index parts of an NQA row."""
    return ".".join(str(x) for part in (owner, test) for x in (len(part), *part.encode()))


def when(at: float) -> str:
    """DateAndTime at ``at`` as a China Standard Time device gives it (11 octets, +08:00), hex."""
    local = datetime.datetime.fromtimestamp(at, datetime.timezone(datetime.timedelta(hours=8)))
    octets = local.year.to_bytes(2, "big") + bytes([local.month, local.day, local.hour, local.minute,
                                                    local.second, local.microsecond // 100000, ord("+"), 8, 0])
    return "4x|" + octets.hex()


def instance(name: str, kind: int, target: str, active: bool, last: int) -> dict[str, str]:
    k = key(name)
    return {f"{N}.2.1.1.4.{k}": f"2|{kind}", f"{N}.2.2.1.2.{k}": "4x|" + bytes(map(int, target.split("."))).hex(),
            f"{N}.2.3.1.8.{k}": f"2|{last}", f"{N}.2.3.1.9.{k}": f"2|{4 if active else 5}"}


def jitter(name: str, index: int, **v: int) -> dict[str, str]:
    cols = {"completions": (2, 2), "min": (8, 66), "max": (9, 66), "answered": (40, 65), "sent": (41, 65),
            "finished": (43, 2), "avg": (46, 66), "jitter": (48, 66), "unit": (67, 2)}
    return {f"{N}.4.3.1.{cols[c][0]}.{key(name)}.{index}": f"{cols[c][1]}|{x}" for c, x in v.items()}


def results(name: str, index: int, good: float | None, **v: int) -> dict[str, str]:
    cols = {"completions": (3, 2), "min": (11, 66), "max": (12, 66), "answered": (21, 65), "sent": (22, 65),
            "finished": (25, 2), "avg": (26, 66)}
    row = {f"{N}.4.1.1.{cols[c][0]}.{key(name)}.{index}.1": f"{cols[c][1]}|{x}" for c, x in v.items()}
    if good is not None:
        row[f"{N}.4.1.1.23.{key(name)}.{index}.1"] = when(good)
    return row


RECORDING = {
    "1.3.6.1.2.1.1.1.0": "4|Huawei Versatile Routing Platform Software VRP (R) software, Version 8.180",
    "1.3.6.1.2.1.1.2.0": "6|1.3.6.1.4.1.2011.2.224.67",  # under hwProducts (2011.2): a Huawei router
    "1.3.6.1.2.1.1.5.0": "4|AH-DC1-EXT-CORE-01",
    # udp jitter to the same-city DR core: run 2 is older, run 3 the latest finished (1 of 100 lost),
    # run 4 still going
    **instance("to-DC2", 5, "127.0.0.20", True, 3),
    **jitter("to-DC2", 2, completions=1, sent=100, answered=50, avg=99, jitter=30, finished=1, unit=2),
    **jitter("to-DC2", 3, completions=1, min=9, max=20, sent=100, answered=99, avg=12, jitter=4, finished=1, unit=2),
    **jitter("to-DC2", 4, completions=0, sent=0, answered=0, finished=0, unit=2),
    # icmp jitter counting in microseconds
    **instance("to-DC3", 22, "127.0.0.30", True, 1),
    **jitter("to-DC3", 1, completions=1, min=14000, max=16000, sent=10, answered=10, avg=15000, jitter=2500,
             finished=1, unit=1),
    # icmp tests: none finished yet; last answer an hour ago; fresh; failing for two hours; stopped
    **instance("never", 6, "127.0.0.40", True, 0),
    **instance("stale", 6, "127.0.0.50", True, 1),
    **results("stale", 1, NOW - 3600, completions=1, sent=5, answered=5, avg=8, finished=1),
    **instance("fresh", 6, "127.0.0.60", True, 2),
    **results("fresh", 2, NOW - 60, completions=1, min=6, max=9, sent=5, answered=4, avg=7, finished=1),
    **instance("down", 6, "127.0.0.70", True, 1),
    **results("down", 1, NOW - 7200, completions=2, sent=5, answered=0, avg=0, finished=1),
    **instance("stopped", 5, "127.0.0.80", False, 1),
    **jitter("stopped", 1, completions=1, sent=10, answered=10, avg=3, jitter=1, finished=1, unit=2),
}


@pytest.fixture(scope="module")
def agent() -> Iterator[SnmpsimAgent]:
    folder = Path(tempfile.mkdtemp(prefix="egovops-snmpsim-nqa-"))  # snmpsim runs as nobody
    folder.chmod(0o755)
    (folder / "data").mkdir(mode=0o755)
    (folder / "cache").mkdir()
    (folder / "cache").chmod(0o777)
    ordered = sorted(RECORDING, key=lambda oid: [int(n) for n in oid.split(".")])
    (folder / "data" / "huawei-nqa.snmprec").write_text("".join(f"{o}|{RECORDING[o]}\n" for o in ordered))
    running = SnmpsimAgent(folder, free_udp_port(), ["huawei-nqa"]).start()
    try:
        yield running
    finally:
        running.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("test-nqa").start()
    yield SnmpClient(loop)
    loop.stop()


def test_each_test_instance_gives_its_latest_result_or_why_not(agent: SnmpsimAgent, client: SnmpClient) -> None:
    target = SnmpTarget("AH-DC1-EXT-CORE-01", agent.address, agent.port, community=Secret("huawei-nqa"),
                        timeout=5, retries=1)
    found = {r.test: r for r in client.snmp_loop.run(read_nqa(client, target, NOW))}
    assert sorted(found) == ["down", "fresh", "never", "stale", "stopped", "to-DC2", "to-DC3"]
    assert {r.owner for r in found.values()} == {"admin"}
    dc2 = found["to-DC2"]
    # run 3, not the older run 2 nor the unfinished run 4; 1 of 100 lost is exactly the readiness threshold (1 %)
    assert (dc2.target, dc2.measured, dc2.rtt_min_ms, dc2.rtt_max_ms) == ("127.0.0.20", Measured(12.0, 4.0, 1.0),
                                                                        9.0, 20.0)
    assert (found["to-DC3"].measured, found["to-DC3"].rtt_max_ms) == (Measured(15.0, 2.5, 0.0), 16.0)  # us -> ms
    assert (found["fresh"].measured, found["fresh"].rtt_min_ms) == (Measured(7.0, None, 20.0), 6.0)
    # failing for two hours: its last answer is old, but the result is today's: all lost
    assert found["down"].measured == Measured(None, None, 100.0)
    assert {t: r.why for t, r in found.items() if r.measured is None} == {
        "never": "no result", "stale": "stale", "stopped": "inactive"}


def test_edges_of_the_parse() -> None:
    assert parse({}, NOW) == []  # a device without NQA
    now = float(int(NOW))  # DateAndTime counts tenths of a second: a whole second keeps the edge exact
    k = key("t")
    base = {OPER_STATUS: {k: 4}, LAST_FINISH: {k: 1}, TARGET: {k: bytes(15) + b"\x01"}}
    row = f"{k}.1.1"

    def icmp(age: float) -> list:  # type: ignore[type-arg]
        good = bytes.fromhex(when(now - age).removeprefix("4x|"))
        return parse({**base, R_COMPLETIONS: {row: 1}, R_SENT: {row: 4}, R_RESPONSES: {row: 4}, R_AVG: {row: 5},
                      R_LAST_GOOD: {row: good}}, now, max_age=900)
    # at 15 minutes a result is still used, a second later it is not; an IPv6 target is kept
    assert [(r.target, r.measured) for r in icmp(900)] == [("::1", Measured(5.0, None, 0.0))]
    assert [r.why for r in icmp(901)] == ["stale"]
    # a jitter run still going (noResult) or that sent nothing is no result, not a division by zero
    j = f"{k}.1"
    still = {**base, CTRL_TYPE: {k: 5}, J_COMPLETIONS: {j: 0}, J_SENT: {j: 10}, J_RESPONSES: {j: 0}}
    assert [r.why for r in parse(still, NOW)] == ["no result"]
    assert [r.measured for r in parse({**still, J_COMPLETIONS: {j: 1}}, NOW)] == [Measured(None, None, 100.0)]
    assert [r.why for r in parse({**base, R_COMPLETIONS: {row: 2}, R_SENT: {row: 0}}, NOW)] == ["no result"]
    assert split_index("3.97.98") is None and split_index("x") is None  # truncated or not numbers: ignored
    assert date_and_time(bytes(8)) is None  # no probe answered yet
    assert date_and_time(bytes.fromhex(when(0).removeprefix("4x|"))) == 0.0  # +08:00 taken off


@pytest.mark.usefixtures("secret_service")
def test_the_huawei_ends_nqa_test_is_the_links_figures_and_its_loss_counts(  # type: ignore[no-untyped-def]
        agent: SnmpsimAgent, database) -> None:
    from dataclasses import replace

    from egovops.credentials import CredentialProfile, CredentialService
    from egovops.credentials.profiles import CredentialKind
    from egovops.demo.inventory import build_demo, store_demo
    from egovops.dr.model import AT_RISK
    from egovops.dr.probe import probe_links
    from egovops.dr.repo import DrRepository
    from egovops.dr.service import DrService
    from egovops.polling.model import DeviceStatus, InterfaceStatus
    from egovops.polling.repo import PollingRepository
    from egovops.storage.inventory_repo import InventoryRepository

    CredentialService(database).add(CredentialProfile("nqa", CredentialKind.SNMP_V2C), {"community": "huawei-nqa"})
    demo = build_demo(17)
    moved = {"AH-DC1-EXT-CORE-01": dict(address=agent.address, snmp_port=agent.port, vendor="huawei",
                                        credential_profile="nqa"),
             "AH-DC2-EXT-CORE-01": dict(address="127.0.0.20", vendor="h3c"),
             "AH-DC3-EXT-CORE-01": dict(address="127.0.0.40", vendor="h3c")}  # its test has no result yet
    demo.devices = [replace(d, **moved.get(d.name, {})) for d in demo.devices]
    store_demo(InventoryRepository(database), demo)
    repo = DrRepository(database)
    labels = {x.a: x.label for x in DrService(database).readiness(record=False).links}
    repo.record_probes(time.time() - 1, [(label, "icmp", Measured(1.0, 0.1, 0.0)) for label in labels.values()])
    assert probe_links(database, icmp=False) == 1  # only the link whose far end has a usable result
    probes = repo.latest_probes(0)
    dc2, dc3 = labels["AH-DC2-EXT-CORE-01"], labels["AH-DC3-EXT-CORE-01"]
    assert probes[dc2] == (12.0, 4.0, 1.0)  # the device's own probe, not the collector's ICMP
    assert probes[dc3] == (1.0, 0.1, 0.0)
    ports: dict[str, list[InterfaceStatus]] = {}
    for link in demo.links:  # as a poll left them: every device and port up
        for end, name in ((link.a_device, link.a_interface), (link.b_device, link.b_interface)):
            ports.setdefault(end, []).append(InterfaceStatus(len(ports.get(end, [])) + 1, name, oper_status=1))
    PollingRepository(database).save_cycle([DeviceStatus(d.name, "up", polled_at=time.time(), measured_interfaces=True,
                                                         interfaces=ports.get(d.name, [])) for d in demo.devices], {})
    result = DrService(database).readiness(record=False)
    # 1 % lost is the threshold: the link is at risk for it, and for nothing else
    assert [(r.verdict, r.key, r.values) for r in result.reasons] == [
        (AT_RISK, "inter-centre link {link} loses {percent}% of echo requests", {"link": dc2, "percent": 1})]
