"""The fast path (egovops/snmp/fastpath.py) reads what pysnmp reads (issue 21).

Every recording of the test corpus, served by snmpsim, and the real snmpd are read twice, by a
client with the fast path and by one without it, and the results must be equal. The fast client
must have answered from its own decoder (``fast_answers``), or the comparison would prove nothing.
Error statuses must reach pysnmp and end as they always did.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from egovops.credentials import Secret
from egovops.snmp import SnmpClient, SnmpError, SnmpLoop, SnmpNoSuchObject, SnmpTarget
from tests.fixtures.snmpd import free_udp_port
from tests.fixtures.snmpsim import SnmpsimAgent

SYSTEM, IF_TABLE = "1.3.6.1.2.1.1", "1.3.6.1.2.1.2.2.1"


@pytest.fixture
def clients() -> Iterator[tuple[SnmpClient, SnmpClient]]:
    loop = SnmpLoop("test-fastpath").start()
    try:
        yield SnmpClient(loop, fast_path=True), SnmpClient(loop, fast_path=False)
    finally:
        loop.stop()


def _both(clients: tuple[SnmpClient, SnmpClient], read: Any) -> tuple[Any, Any]:
    fast, slow = clients
    return fast.snmp_loop.run(read(fast)), slow.snmp_loop.run(read(slow))


def _outcome(client: SnmpClient, coro: Any) -> Any:
    try:
        return client.snmp_loop.run(coro)
    except SnmpNoSuchObject as exc:
        return ("no such object", exc.oids)


@pytest.mark.timeout(1500)  # snmpsim indexes ~120 recordings before it answers: minutes under load
def test_every_recording_of_the_corpus_reads_the_same(corpus_agent, clients) -> None:
    agent, paths = corpus_agent
    gate = asyncio.Semaphore(8)

    def target(name: str, timeout: float = 10) -> SnmpTarget:
        return SnmpTarget(name, agent.address, agent.port, community=Secret(name), timeout=timeout, retries=1)

    async def walk(client: SnmpClient, name: str, timeout: float = 10) -> Any:
        try:
            return await client.awalk(target(name, timeout), "1.3.6.1")
        except SnmpError as exc:  # e.g. a recording whose OIDs do not increase: the same on both
            return type(exc).__name__, exc.detail

    def read(client: SnmpClient) -> Any:
        async def one(name: str) -> tuple[str, Any]:
            async with gate:
                return name, await walk(client, name)

        async def every() -> dict[str, Any]:
            return dict(await asyncio.gather(*(one(n) for n in sorted(paths))))
        return every()

    fast, slow = _both(clients, read)
    # snmpsim is one Python process: eight walks at once can outlast a timeout on a loaded machine.
    # A recording that timed out on either path is read again, alone and with more patience.
    def timed_out(outcome: Any) -> bool:
        return isinstance(outcome, tuple) and outcome[0] == "SnmpTimeout"

    for name in [n for n in paths if timed_out(fast[n]) or timed_out(slow[n])]:
        fast[name], slow[name] = _both(clients, lambda c, n=name: walk(c, n, timeout=60))
    # Values snmpsim varies over time (snmprec tags with a variation module, "65:numeric") are
    # compared by presence only: the two reads happen seconds apart.
    def steady(name: str, outcome: Any) -> Any:
        if not isinstance(outcome, list):
            return outcome
        varied = {oid for oid, tag, _ in agent.lines(name) if ":" in tag}
        return [(oid, "<varies>" if oid in varied else value) for oid, value in outcome]

    differing = {}
    for name in paths:
        ours, theirs = steady(name, fast[name]), steady(name, slow[name])
        if ours != theirs:
            first = next((pair for pair in zip(ours, theirs, strict=False) if pair[0] != pair[1]), (ours, theirs))
            differing[name] = str(first)[:300]
    assert differing == {}
    assert sum(isinstance(rows, list) and len(rows) > 0 for rows in fast.values()) > len(paths) * 0.5
    assert clients[0].fast_fallbacks == 0 and clients[0].fast_answers >= len(paths)
    assert clients[1].fast_answers == 0


# Values at the edges, served by snmpsim from a recording of our own (tag|value as snmprec writes them).
EDGES = {
    "1.3.6.1.2.1.1.1.0": ("4x", "华为 S5735 交换机".encode("gbk").hex(), "华为 S5735 交换机"),
    "1.3.6.1.2.1.1.2.0": ("6", "1.3.6.1.4.1.2011.2.23.1", "1.3.6.1.4.1.2011.2.23.1"),  # the fixture's probe reads it
    "1.3.6.1.2.1.1.3.0": ("67", "4294967295", 4294967295),
    "1.3.6.1.2.1.1.4.0": ("4", "", ""),
    "1.3.6.1.2.1.1.5.0": ("4x", "0019e0a1b2c3", b"\x00\x19\xe0\xa1\xb2\xc3"),
    "1.3.6.1.2.1.1.7.0": ("2", "-2147483648", -2147483648),
    "1.3.6.1.2.1.1.8.0": ("2", "2147483647", 2147483647),
    "1.3.6.1.2.1.1.9.1.1": ("2", "-1", -1),
    "1.3.6.1.2.1.1.9.1.2": ("64", "10.20.30.40", "10.20.30.40"),
    "1.3.6.1.2.1.1.9.1.3": ("65", "4294967295", 4294967295),
    "1.3.6.1.2.1.1.9.1.4": ("66", "0", 0),
    "1.3.6.1.2.1.1.9.1.5": ("70", "18446744073709551615", 18446744073709551615),
    "1.3.6.1.2.1.1.9.1.6": ("70", "0", 0),
    "1.3.6.1.2.1.1.9.1.7": ("70", "9223372036854775808", 9223372036854775808),
    "1.3.6.1.2.1.1.9.1.8": ("4", "x" * 2000, "x" * 1023 + "…"),
    # an arc beyond RFC 2578's 2^32-1: pysnmp reads it (net-snmp's tools do not)
    "1.3.6.1.2.1.1.9.1.9": ("6", "1.3.6.1.4.1.2011.4294967297.9", "1.3.6.1.4.1.2011.4294967297.9"),
}


@pytest.fixture(scope="module")
def edge_agent() -> Iterator[SnmpsimAgent]:
    folder = Path(tempfile.mkdtemp(prefix="egovops-snmpsim-edges-"))
    try:
        folder.chmod(0o755)
        (folder / "data").mkdir(mode=0o755)
        (folder / "cache").mkdir()
        (folder / "cache").chmod(0o777)
        lines = [f"{oid}|{tag}|{value}" for oid, (tag, value, _) in EDGES.items()]
        (folder / "data" / "edges.snmprec").write_text("\n".join(lines) + "\n", encoding="utf-8")
        agent = SnmpsimAgent(folder, free_udp_port(), ["edges"]).start()
        try:
            yield agent
        finally:
            agent.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_edge_values_read_the_same_and_right(edge_agent, clients) -> None:
    target = SnmpTarget("edges", edge_agent.address, edge_agent.port, community=Secret("edges"), timeout=10)
    fast, slow = _both(clients, lambda c: c.awalk(target, "1.3.6.1.2.1.1"))
    assert fast == slow
    assert dict(fast) == {oid: expected for oid, (_, _, expected) in EDGES.items()}
    raw_fast, raw_slow = _both(clients, lambda c: c.aget(target, list(EDGES), raw=True))
    assert raw_fast == raw_slow and raw_fast["1.3.6.1.2.1.1.1.0"] == "华为 S5735 交换机".encode("gbk")
    missing = ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.99.0", "1.3.6.1.2.1.1.9.1.5"]
    present_fast, present_slow = _both(clients, lambda c: c.aget(target, missing, missing_ok=True))
    assert present_fast == present_slow and sorted(present_fast) == [missing[0], missing[2]]
    outcomes = [_outcome(c, c.aget(target, missing)) for c in clients]
    assert outcomes[0] == outcomes[1] == ("no such object", ["1.3.6.1.2.1.1.99.0"])
    assert clients[0].fast_fallbacks == 0 and clients[0].fast_answers > 0


@pytest.mark.parametrize("version", ["2c", "1"])
def test_the_real_snmpd_reads_the_same(snmpd, clients, version: str) -> None:
    target = SnmpTarget("snmpd", snmpd.address, snmpd.port, version=version, community=Secret(snmpd.community))
    scalars = ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.4.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0"]
    fast, slow = _both(clients, lambda c: c.aget(target, scalars))
    assert fast == slow and fast["1.3.6.1.2.1.1.6.0"] == "安徽省合肥市政务云机房"
    columns = [f"{IF_TABLE}.{c}" for c in (1, 2, 3, 4, 6, 7)]  # index, descr, type, mtu, MAC, admin status
    fast, slow = _both(clients, lambda c: c.awalk_columns(target, columns, raw=True))
    assert fast == slow and len(fast[f"{IF_TABLE}.2"]) >= 1
    # beyond the last object: endOfMibView (v2c) or noSuchName (v1, an error status: pysnmp's)
    ends = [_outcome(c, c.awalk(target, "1.3.6.1.6.3.99")) for c in clients]
    assert ends[0] == ends[1]
    assert clients[0].fast_answers > 0


def test_an_error_status_goes_to_pysnmp_and_ends_as_before(snmpd, clients) -> None:
    # A v1 agent says an OID does not exist with error-status noSuchName: not the fast path's to judge.
    target = SnmpTarget("snmpd", snmpd.address, snmpd.port, version="1", community=Secret(snmpd.community))
    asked = ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.99.0"]
    outcomes = [_outcome(c, c.aget(target, asked)) for c in clients]
    assert outcomes[0] == outcomes[1] == ("no such object", ["1.3.6.1.2.1.1.99.0"])
    fast, slow = clients
    assert (fast.fast_fallbacks, fast.requests_sent) == (1, 2)  # the fast try, then pysnmp's
    assert (slow.fast_fallbacks, slow.requests_sent) == (0, 1)
