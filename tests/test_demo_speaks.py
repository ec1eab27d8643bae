"""The demo's devices speak: ``demo fault`` and ``demo fault clear`` make the devices send their
traps and vendor syslog lines from their own addresses to a real receiver, which raises and clears
the interface alarm on the right device; ``demo storm`` raises the one storm alarm and the excess
is counted, not stored."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from egovops.credentials import CredentialService
from egovops.demo.credentials import ensure_demo_credentials
from egovops.events.repo import EventRepository
from egovops.events.rules import load_rules
from egovops.events.runtime import Listening, listening, trap_credentials
from egovops.events.storm import STORM_DROPPED, StormLimits
from egovops.storage.alarms_repo import AlarmRepository
from egovops.storage.inventory_repo import InventoryRepository


def wait_for(check, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("not within the time")


@pytest.fixture
def demo_inventory(cli, database, secret_service):  # type: ignore[no-untyped-def]
    done = cli("demo", "init", "--devices", "12")
    assert done.returncode == 0, done.stderr
    ensure_demo_credentials(CredentialService(database))  # what 'demo run' does first: the demo community
    return database


def _receiver(database, limits: StormLimits | None = None) -> Listening:  # type: ignore[no-untyped-def]
    running = listening(database, trap_credentials(database, CredentialService(database)), load_rules(),
                        "127.0.0.1", 0, 0, limits=limits)
    running.start()
    return running


@pytest.fixture
def receiving(demo_inventory) -> Iterator[Listening]:  # type: ignore[no-untyped-def]
    running = _receiver(demo_inventory)
    yield running
    running.stop()


def _ports(running: Listening) -> list[str]:
    return ["--trap-port", str(running.traps.port), "--syslog-port", str(running.syslog.udp_port)]  # type: ignore[union-attr]


def test_a_link_down_fault_sends_traps_and_lines_that_raise_and_clear_the_interface_alarm(cli, receiving) -> None:
    database = receiving.service.db
    inventory = InventoryRepository(database)
    devices = {d.name: d for d in inventory.devices()}
    link = inventory.links()[-1]
    a, b = devices[link.a_device], devices[link.b_device]
    assert a.address != b.address and a.address.startswith("127.")
    done = cli("demo", "fault", *_ports(receiving), "link-down", a.name, b.name)
    assert done.returncode == 0, done.stderr
    assert "2 trap(s) and 2 syslog line(s)" in done.stdout
    alarms = AlarmRepository(database)
    raised = wait_for(lambda: {(x.device, x.subject) for x in alarms.list(active_only=True)
                               if x.kind == "interface_down"} or None)
    assert raised == {(a.name, link.a_interface), (b.name, link.b_interface)}  # each end, on its own device
    events = EventRepository(database)
    wait_for(lambda: len(events.list()) == 4)
    by_device = {(e.device, e.kind) for e in events.list()}
    assert by_device == {(a.name, "trap"), (a.name, "syslog"), (b.name, "trap"), (b.name, "syslog")}
    lines = {e.device: e for e in events.list(kind="syslog")}
    assert lines[a.name].source == a.address and lines[a.name].module  # parsed in the vendor's format
    assert all(e.rule == "link-down" for e in events.list(kind="trap"))

    done = cli("demo", "fault", *_ports(receiving), "clear")
    assert done.returncode == 0 and "1 fault(s) cleared" in done.stdout, done.stderr
    wait_for(lambda: not [x for x in alarms.list(active_only=True) if x.kind == "interface_down"])
    assert {e.rule for e in events.list(kind="trap", limit=2)} == {"link-up"}


def test_device_down_is_told_by_its_neighbours_and_cpu_high_by_the_device(cli, receiving) -> None:
    database = receiving.service.db
    inventory = InventoryRepository(database)
    devices = {d.name: d for d in inventory.devices()}
    link = inventory.links()[-1]
    child, parent = devices[link.a_device], devices[link.b_device]
    done = cli("demo", "fault", *_ports(receiving), "device-down", child.name)
    assert done.returncode == 0, done.stderr
    alarms = AlarmRepository(database)
    raised = wait_for(lambda: [(x.device, x.subject) for x in alarms.list(active_only=True)])
    assert (parent.name, link.b_interface) in raised and not [d for d, _s in raised if d == child.name]
    cli("demo", "fault", *_ports(receiving), "clear")
    events = EventRepository(database)
    wait_for(lambda: [e for e in events.list(device=child.name) if e.mnemonic == "coldStart"])  # back: a cold start
    done = cli("demo", "fault", *_ports(receiving), "cpu-high", parent.name)
    assert done.returncode == 0 and "0 trap(s) and 1 syslog line(s)" in done.stdout, done.stdout + done.stderr
    line = wait_for(lambda: [e for e in events.list(device=parent.name, kind="syslog") if "CPU" in e.text])
    assert line[0].source == parent.address
    assert cli("demo", "fault", "--quiet", "cpu-high", child.name).stdout.count("sent") == 0


def test_a_storm_raises_one_storm_alarm_and_counts_the_excess(cli, demo_inventory) -> None:
    running = _receiver(demo_inventory, StormLimits(per_source_rate=50, per_source_burst=50, quiet_s=30))
    try:
        device = InventoryRepository(demo_inventory).devices()[3]
        done = cli("demo", "storm", device.name, "--rate", "1000", "--seconds", "1",
                   "--syslog-port", str(running.syslog.udp_port))  # type: ignore[union-attr]
        assert done.returncode == 0, done.stderr
        assert f"{device.name} sent 1000 syslog lines" in done.stdout
        alarms = AlarmRepository(demo_inventory)
        storm = wait_for(lambda: [a for a in alarms.list(active_only=True) if a.kind == "event_storm"])
        running.service.flush()
        events = EventRepository(demo_inventory)
        stored = len(events.list(device=device.name, limit=None))
        counted = sum(c.count for c in events.counters() if c.source == device.address and c.counter == STORM_DROPPED)
        assert [a.device for a in storm] == [device.name]  # one alarm, on the device that stormed
        assert stored < 200 and counted > 700 and stored + counted <= 1000  # loopback may lose a few, never add
        assert {e.source for e in events.list(device=device.name, limit=None)} == {device.address}
    finally:
        running.stop()


def test_bad_storm_and_fault_input_get_one_line(cli, demo_inventory) -> None:
    done = cli("demo", "storm", "no-such-device", "--seconds", "1")
    assert done.returncode != 0 and "no-such-device" in done.stderr and "Traceback" not in done.stderr
    done = cli("demo", "fault", "--to", "10.0.0.1", "cpu-high", InventoryRepository(demo_inventory).devices()[0].name)
    assert done.returncode != 0 and "loopback" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("vendor", "module", "mnemonic", "port_name"), [
    ("huawei", "IFNET", "LINK_STATE", "GigabitEthernet0/0/3"),
    ("h3c", "IFNET", "PHY_UPDOWN", "GigabitEthernet1/0/3"),
    ("cisco", "LINK", "UPDOWN", "GigabitEthernet1/0/3"),
    ("ruijie", "LINK", "UPDOWN", "GigabitEthernet 0/3"),
    ("zte", "IFNET", "20002", "gei-0/1/0/3"),
])
def test_each_vendors_lines_are_read_back_in_its_own_format(vendor, module, mnemonic, port_name) -> None:
    from egovops.demo.speaker import Speaker
    from egovops.events.syslog_parse import parse_syslog
    from egovops.simulator.faults import Fault
    from egovops.simulator.snmp.topology import Neighbour, Province, SimDevice

    device = SimDevice(0, "hf-x", "127.0.0.5", 161, 22, vendor, "m", "core", "intranet", "合肥", "")
    peer = SimDevice(1, "hf-y", "127.0.0.6", 161, 22, "huawei", "m", "core", "intranet", "合肥", "")
    province = Province({"hf-x": device, "hf-y": peer},
                        {"hf-x": [Neighbour(3, "hf-y", 1)], "hf-y": [Neighbour(1, "hf-x", 3)]})
    messages = Speaker(province, "c").fault_messages(Fault(1, "link-down", ("hf-x", "hf-y"), 0.0))
    (line,) = [m for m in messages if m.device.name == "hf-x" and not m.trap]
    event = parse_syslog(line.payload, "127.0.0.5", time.time())
    assert (event.module, event.mnemonic) == (module, mnemonic) and port_name in event.text
    assert "down" in event.text.lower() and abs(event.sent_at - time.time()) < 5  # type: ignore[operator]


def test_chaos_faults_speak_when_injected_and_cleared(receiving, data_dir) -> None:  # type: ignore[no-untyped-def]
    from egovops.demo.chaos import Chaos
    from egovops.demo.runner import demo_dir, simulated
    from egovops.demo.speaker import Speaker
    from egovops.simulator.faults import read_faults
    from egovops.simulator.snmp.topology import Province, SimDevice

    database = receiving.service.db
    inventory = InventoryRepository(database)
    devices = simulated(inventory.devices())
    province = Province.build([SimDevice.from_device(i, d) for i, d in enumerate(devices)], inventory.links())
    community = trap_credentials(database, CredentialService(database)).communities[0]
    speaker = Speaker(province, community, trap_port=receiving.traps.port,  # type: ignore[union-attr]
                      syslog_port=receiving.syslog.udp_port)  # type: ignore[union-attr]
    chaos = Chaos(demo_dir(data_dir), province, 60_000, seed=3, speaker=speaker)  # an event at every tick
    fault = None
    while fault is None or not speaker.fault_messages(fault):  # interface-errors says nothing: the next one
        fault = chaos.tick(1.0)
    said = speaker.fault_messages(fault)
    events = EventRepository(database)
    wait_for(lambda: len(events.list()) == len(said))
    assert {e.source for e in events.list()} == {m.device.address for m in said}
    chaos.clear_all()
    assert read_faults(demo_dir(data_dir)).faults == ()
    wait_for(lambda: len(events.list()) == len(said) + len(speaker.fault_messages(fault, cleared=True)))


def test_the_consoles_demo_receivers_hear_a_fault_or_step_aside_when_the_ports_are_taken(
        cli, demo_inventory) -> None:  # type: ignore[no-untyped-def]
    import socket

    from egovops.demo.listen import demo_receivers

    credentials = CredentialService(demo_inventory)
    running = demo_receivers(demo_inventory, credentials, trap_port=0, syslog_port=0)
    assert running is not None
    try:
        inventory = InventoryRepository(demo_inventory)
        link = inventory.links()[0]
        done = cli("demo", "fault", *_ports(running), "link-down", link.a_device, link.b_device)
        assert done.returncode == 0, done.stderr
        alarms = AlarmRepository(demo_inventory)
        wait_for(lambda: len([a for a in alarms.list(active_only=True) if a.kind == "interface_down"]) == 2)
        # A second console on the same ports (or a collector receiving there): this one steps aside.
        assert demo_receivers(demo_inventory, credentials, running.traps.port,  # type: ignore[union-attr]
                              running.syslog.udp_port) is None  # type: ignore[union-attr]
    finally:
        running.stop()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:  # its ports are free again
        probe.bind(("127.0.0.1", running.traps.port))  # type: ignore[union-attr]
