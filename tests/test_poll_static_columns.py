"""Interface names, aliases, types and speeds are walked again only when the agent says its table
changed (ifNumber, ifTableLastChange), when it rebooted (sysUpTime went backwards), or on the slow
schedule; the cycles between walk the counters and statuses only.

A real snmpsim serves a real recording; the "agent changes" are edits of the served file followed
by a restart of snmpsim on the same port. The client counts the columns and OIDs it is asked for.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from egovops.credentials import Secret
from egovops.inventory.model import Device
from egovops.polling.device_poll import INTERFACES, STATUS, poll_details, poll_status
from egovops.polling.interfaces import StaticColumns
from egovops.polling.model import DeviceStatus
from egovops.polling.oids import IF_COLUMNS, IF_NUMBER, IF_TABLE_LAST_CHANGE, IF_TABLE_MARKS, SYS_UPTIME
from egovops.snmp import SnmpLoop, SnmpTarget
from tests.fixtures.snmp_count import CountingClient
from tests.fixtures.snmpsim import SnmpsimAgent, start_snmpsim

NAME = "cisco-c3560"
IF_NAME = IF_COLUMNS["name"]
STATIC = {IF_COLUMNS[f] for f in ("descr", "name", "alias", "type", "speed", "high_speed")}


@pytest.fixture(scope="module")
def agent() -> Iterator[SnmpsimAgent]:
    folder = Path(tempfile.mkdtemp(prefix="egovops-snmpsim-static-"))
    try:
        served = start_snmpsim(folder, [NAME])
        data = folder / "data" / f"{NAME}.snmprec"
        lines = data.read_text("utf-8", errors="surrogateescape").splitlines()
        # The recording lacks both marks; an agent that has them is what the test needs.
        lines += [f"{IF_NUMBER}|2|{if_count(lines)}", f"{IF_TABLE_LAST_CHANGE}|67|100"]
        serve(served, lines)
        try:
            yield served
        finally:
            served.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def if_count(lines: list[str]) -> int:
    return sum(1 for line in lines if line.startswith(IF_NAME + "."))


def served_lines(agent: SnmpsimAgent) -> list[str]:
    return (agent.folder / "data" / f"{NAME}.snmprec").read_text("utf-8", errors="surrogateescape").splitlines()


def serve(agent: SnmpsimAgent, lines: list[str]) -> None:
    """The agent now answers from ``lines`` (snmpsim indexes its files at start: a restart)."""
    agent.stop()
    order = sorted(lines, key=lambda line: tuple(int(p) for p in line.split("|", 1)[0].split(".")))
    (agent.folder / "data" / f"{NAME}.snmprec").write_text("\n".join(order) + "\n", "utf-8", errors="surrogateescape")
    shutil.rmtree(agent.folder / "cache")
    (agent.folder / "cache").mkdir(mode=0o777)
    (agent.folder / "cache").chmod(0o777)
    agent._lines.clear()
    agent.start()


def replaced(lines: list[str], oid: str, tag: str, value: str) -> list[str]:
    return [f"{oid}|{tag}|{value}" if line.split("|", 1)[0] == oid else line for line in lines]


@pytest.fixture(scope="module")
def client() -> Iterator[CountingClient]:
    loop = SnmpLoop("test-static-columns").start()
    yield CountingClient(loop)
    loop.stop()


class Device1:
    """One device polled cycle after cycle as the poller does: the previous status carried over."""

    def __init__(self, client: CountingClient, agent: SnmpsimAgent, refresh_s: float = 86400.0) -> None:
        self.client, self.agent, self.refresh_s = client, agent, refresh_s
        self.static = StaticColumns()
        self.previous: DeviceStatus | None = None

    def cycle(self, now: float | None = None) -> DeviceStatus:
        address, port = self.agent.address, self.agent.port
        device = Device(NAME, address, "intranet", "安徽省", snmp_port=port, credential_profile="x")
        target = SnmpTarget(NAME, address, port, community=Secret(NAME), timeout=5, retries=1)
        at = time.time() if now is None else now

        async def both() -> DeviceStatus:
            status, system = await poll_status(self.client, device, target, None, self.previous, None, at,
                                               IF_TABLE_MARKS)
            assert system is not None, status.error
            await poll_details(self.client, target, status, {STATUS, INTERFACES}, self.previous, at, system,
                               self.static, self.refresh_s)
            return status

        self.client.reset()
        status = self.client.snmp_loop.run(both())
        assert status.error is None and status.measured_interfaces
        self.previous = status
        return status


def read_static(client: CountingClient) -> bool:
    walked = set(client.walked)
    assert walked, "the interfaces were not walked at all"
    return walked >= STATIC


def test_unchanged_agent_is_walked_for_counters_only(client: CountingClient, agent: SnmpsimAgent) -> None:
    device = Device1(client, agent)
    first = device.cycle()
    assert read_static(client) and len(first.interfaces) > 10
    full = client.varbinds
    second = device.cycle(first.polled_at + 60)
    assert not read_static(client)
    counters = {"in_octets", "out_octets"} | ({"in_octets32", "out_octets32"}
                                              if any(i.counter_bits == 32 for i in first.interfaces) else set())
    assert set(client.walked) == {IF_COLUMNS[f] for f in ("admin_status", "oper_status", "in_errors", "out_errors",
                                                            "in_discards", "out_discards", *counters)}
    assert client.varbinds < full * 0.6, (client.varbinds, full)
    # What was not walked is the last full read's; what was, this cycle's, with rates from both.
    kept = [(i.index, i.name, i.alias, i.speed_bps) for i in first.interfaces]
    assert [(i.index, i.name, i.alias, i.speed_bps) for i in second.interfaces] == kept
    assert all(i.sampled_at == second.polled_at for i in second.interfaces)
    assert any(i.in_octets is not None for i in second.interfaces)


def test_slow_schedule_reads_everything_again(client: CountingClient, agent: SnmpsimAgent) -> None:
    device = Device1(client, agent, refresh_s=3600)
    first = device.cycle()
    device.cycle(first.polled_at + 3599)
    assert not read_static(client)
    device.cycle(first.polled_at + 3600)
    assert read_static(client)


def test_renamed_interface_announced_by_table_last_change_is_read(client: CountingClient, agent: SnmpsimAgent) -> None:
    device = Device1(client, agent)
    first = device.cycle()
    original = served_lines(agent)
    index = first.interfaces[0].index
    try:
        serve(agent, replaced(replaced(original, f"{IF_NAME}.{index}", "4", "uplink-renamed"),
                              IF_TABLE_LAST_CHANGE, "67", "200"))
        second = device.cycle(first.polled_at + 60)
        assert read_static(client)
        assert second.interfaces[0].name == "uplink-renamed"
        device.cycle(first.polled_at + 120)  # and then the counters only again
        assert not read_static(client)
    finally:
        serve(agent, original)


def test_changed_if_number_is_read(client: CountingClient, agent: SnmpsimAgent) -> None:
    device = Device1(client, agent)
    first = device.cycle()
    original = served_lines(agent)
    try:
        serve(agent, replaced(original, IF_NUMBER, "2", str(len(first.interfaces) + 1)))
        device.cycle(first.polled_at + 60)
        assert read_static(client)
    finally:
        serve(agent, original)


def test_rebooted_agent_is_read(client: CountingClient, agent: SnmpsimAgent) -> None:
    device = Device1(client, agent)
    original = served_lines(agent)
    uptime = next(int(line.split("|")[2]) for line in original if line.startswith(SYS_UPTIME + "|"))
    first = device.cycle()
    assert first.uptime_cs == uptime
    try:
        serve(agent, replaced(original, SYS_UPTIME, "67", str(uptime // 2)))  # sysUpTime went backwards
        device.cycle(first.polled_at + 60)
        assert read_static(client)
    finally:
        serve(agent, original)


def test_refresh_setting_is_bounded_and_reachable_from_polling_set() -> None:
    from egovops.cli.polling_cmd import apply
    from egovops.errors import ValidationError
    from egovops.polling.settings import PollingSettings
    from egovops.polling.settings_edit import validate

    assert PollingSettings().static_refresh_s == 86400
    stored = PollingSettings.from_json(apply(PollingSettings().to_json(), "static_refresh_s", "7200"))
    assert stored.static_refresh_s == 7200
    for edge in (3600, 7 * 86400):
        validate(PollingSettings(static_refresh_s=edge))
    for bad in (3599, 7 * 86400 + 1):
        with pytest.raises(ValidationError, match="static_refresh_s"):
            validate(PollingSettings(static_refresh_s=bad))
