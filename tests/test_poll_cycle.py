"""Polling cycles against real net-snmp agents: state, transitions, alarms, rates, classifiers."""

from __future__ import annotations

import socket
import time
from typing import Iterator

import pytest

from egovops.credentials import CredentialService
from egovops.credentials.profiles import build_profile
from egovops.inventory.model import Device
from egovops.polling.poller import Poller
from egovops.polling.reachability import icmp_allowed
from egovops.polling.settings import Intervals, PollingSettings, Thresholds
from egovops.snmp import SnmpClient, SnmpLoop
from egovops.storage.alarms_repo import AlarmRepository
from egovops.polling.repo import PollingRepository
from egovops.storage.state_repo import StateRepository

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

FAST = Intervals(status_s=60, interfaces_s=300, health_s=300, timeout_s=1.0, retries=1)  # a loaded CI host needs 1 s


@pytest.fixture(scope="module")
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("test-poll").start()
    yield SnmpClient(loop)
    loop.stop()


@pytest.fixture
def credentials(database) -> CredentialService:
    service = CredentialService(database)
    service.add(build_profile("v2c", "snmp-v2c", {}), {"community": "public"})
    user, (auth, auth_key, priv, priv_key) = "egov-sha256", ("SHA-256", "egov-auth-key-2", "AES-128", "egov-priv-key-2")
    service.add(build_profile("v3", "snmp-v3", {"user": user, "auth_protocol": auth, "priv_protocol": priv}),
                {"auth_key": auth_key, "priv_key": priv_key})
    return service


def device(name: str, port: int, profile: str = "v2c") -> Device:
    return Device(name=name, address="127.0.0.1", snmp_port=port, network="intranet", site="安徽省/合肥市", credential_profile=profile)


def make_poller(database, client, credentials, **settings) -> Poller:
    settings.setdefault("watch_workstation", False)  # its own test is in test_poll_workstation.py
    return Poller(database, client, credentials, PollingSettings(intervals=FAST, **settings))


def test_a_cycle_stores_status_interfaces_transition_and_span(database, inventory, client, credentials, snmpd) -> None:
    inventory.save_devices([device("hf-core-1", snmpd.port), device("hf-core-2", snmpd.port, "v3")])
    result = make_poller(database, client, credentials).run_cycle()
    by_name = {s.name: s for s in result.statuses}
    for name in ("hf-core-1", "hf-core-2"):
        status = by_name[name]
        assert status.error is None and status.reachable
        assert status.reach_method == ("icmp" if icmp_allowed() else "snmp")  # SNMP decides where ICMP is not allowed
        assert status.state in ("up", "degraded") and status.sys_name == snmpd.sys_name and status.vendor == "linux"
        assert any(i.name == "lo" for i in status.interfaces)
    stored = PollingRepository(database).load_statuses()
    assert stored["hf-core-1"].sys_name == snmpd.sys_name and {i.name for i in stored["hf-core-1"].interfaces} >= {"lo"}
    transitions = StateRepository(database).transitions()
    assert [(t.device, t.previous) for t in transitions] == [("hf-core-1", None), ("hf-core-2", None)]
    assert {s.device for s in StateRepository(database).spans()} == {"hf-core-1", "hf-core-2"}
    assert result.stats.devices == 2 and result.stats.failed == 0 and result.stats.rss_bytes > 0


def test_agent_stopped_goes_down_with_alarm_and_recovers(database, inventory, client, credentials, snmpd_factory) -> None:
    agent = snmpd_factory()
    inventory.save_devices([device("county-sw", agent.port)])
    poller = make_poller(database, client, credentials)
    assert poller.run_cycle().statuses[0].state == "up"
    agent.stop()
    down = poller.run_cycle()
    assert down.statuses[0].state == "down" and not down.statuses[0].reachable
    assert [a.kind for a in down.raised] == ["device_down"] and down.raised[0].severity == "critical"
    again = poller.run_cycle()
    active = AlarmRepository(database).list(active_only=True)
    assert len(active) == 1 and active[0].count == 2 and again.raised == []  # deduplicated
    agent.start()
    up = poller.run_cycle()
    assert up.statuses[0].state == "up" and [a.kind for a in up.cleared] == ["device_down"]
    # The agent restarted (sysUpTime went backwards): no rate rather than one from reset counters.
    assert up.statuses[0].interfaces and all(i.in_bps is None for i in up.statuses[0].interfaces)
    assert AlarmRepository(database).list(active_only=True) == []
    states = [(t.previous, t.state) for t in StateRepository(database).transitions()]
    assert states == [(None, "up"), ("up", "down"), ("down", "up")]


def test_thresholds_make_degraded_and_ack_names_the_operator(database, inventory, client, credentials, snmpd) -> None:
    inventory.save_devices([device("hf-agg-1", snmpd.port)])
    poller = make_poller(database, client, credentials, thresholds=Thresholds(mem_percent=0.0))
    status = poller.run_cycle().statuses[0]
    assert status.state == "degraded" and status.mem_percent is not None
    alarm = AlarmRepository(database).list(active_only=True)[0]
    assert alarm.kind == "memory_high"
    acked = AlarmRepository(database).acknowledge(alarm.id, "张工", "扩容已排期", time.time())
    assert (acked.acked_by, acked.ack_comment, acked.active) == ("张工", "扩容已排期", True)


def test_counters_turn_into_rates_on_the_second_cycle(database, inventory, client, credentials, snmpd) -> None:
    inventory.save_devices([device("hf-acc-1", snmpd.port)])
    poller = make_poller(database, client, credentials)
    first = poller.run_cycle().statuses[0]
    assert all(i.in_bps is None for i in first.interfaces)
    time.sleep(1.0)
    second = make_poller(database, client, credentials).run_cycle().statuses[0]  # a new poller: base comes from the store
    lo = next(i for i in second.interfaces if i.name == "lo")
    assert lo.in_bps is not None and lo.in_bps >= 0


def test_classifier_turns_down_into_unreachable_with_root_cause(database, inventory, client, credentials, snmpd_factory) -> None:
    agent = snmpd_factory()
    inventory.save_devices([device("city-core", agent.port), device("county-behind", agent.port)])
    poller = make_poller(database, client, credentials)
    poller.run_cycle()
    agent.stop()

    def behind_city(states):
        if states["city-core"].state == "down" and states["county-behind"].state == "down":
            return {"county-behind": ("unreachable", "city-core")}
        return {}

    poller.add_state_classifier(behind_city)
    result = poller.run_cycle()
    assert {s.name: s.state for s in result.statuses} == {"city-core": "down", "county-behind": "unreachable"}
    last = [t for t in StateRepository(database).transitions() if t.device == "county-behind"][-1]
    assert (last.state, last.root_cause) == ("unreachable", "city-core")
    kinds = {(a.device, a.kind) for a in AlarmRepository(database).list(active_only=True)}
    assert kinds == {("city-core", "device_down"), ("county-behind", "device_unreachable")}


def test_dead_agents_cost_one_timeout_not_one_each(database, inventory, client, credentials, snmpd) -> None:
    sockets = []
    for _ in range(20):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(("127.0.0.1", 0))  # bound, never answers
        sockets.append(sock)
    try:
        inventory.save_devices([device("alive", snmpd.port)])
        poller = make_poller(database, client, credentials)
        started = time.monotonic()
        poller.run_cycle()
        live_only = time.monotonic() - started
        inventory.save_devices([device(f"dead-{i}", s.getsockname()[1]) for i, s in enumerate(sockets)])
        started = time.monotonic()
        result = poller.run_cycle()
        elapsed = time.monotonic() - started
    finally:
        for sock in sockets:
            sock.close()
    states = {s.name: s.state for s in result.statuses}
    assert states.pop("alive") in ("up", "degraded") and set(states.values()) == {"down"}
    # 20 dead agents × (1 s × 2 tries) would be 40 s in series; concurrently they add one wait.
    assert elapsed < live_only + FAST.timeout_s * (FAST.retries + 1) + 2.0, (elapsed, live_only)


def test_device_without_credentials_is_unknown_not_down(database, inventory, client, credentials, snmpd) -> None:
    inventory.save_devices([device("no-profile", snmpd.port, profile="")])
    status = make_poller(database, client, credentials).run_cycle().statuses[0]
    assert status.state == "unknown" and "credential profile" in (status.error or "")


def test_running_starts_with_a_status_only_cycle_then_the_full_one(database, inventory, client, credentials, snmpd) -> None:
    """A console opened on a province shows every device's state before any table is walked."""
    import threading

    inventory.save_devices([device("hf-core-1", snmpd.port), device("hf-core-2", snmpd.port, "v3")])
    poller = make_poller(database, client, credentials)
    stop, cycles = threading.Event(), []

    def on_cycle(result) -> None:  # type: ignore[no-untyped-def]
        cycles.append(result)
        if len(cycles) == 2:
            stop.set()

    worker = threading.Thread(target=poller.run_forever, args=(stop, on_cycle))
    worker.start()
    worker.join(60)
    stop.set()
    assert not worker.is_alive() and len(cycles) == 2
    quick, full = cycles
    assert quick.stats.cycle == "first status" and full.stats.cycle == "scheduled"
    for status in quick.statuses:
        assert status.state == "up" and status.vendor  # identity from the sysObjectID table, no walk
        assert not status.measured_interfaces and not status.measured_health and status.interfaces == []
    assert all(s.measured_interfaces and s.interfaces for s in full.statuses)
    # the full cycle followed at once instead of a status interval (60 s) later
    assert full.stats.at - quick.stats.at < 30


def test_settings_saved_in_the_store_reach_a_running_poller(database, inventory, client, credentials, snmpd) -> None:
    from dataclasses import replace

    from egovops.polling.settings_repo import PollingSettingsRepository

    inventory.save_devices([device("hf-core-1", snmpd.port)])
    store = PollingSettingsRepository(database)
    # The agent reports this machine's own CPU and memory, busy or not: thresholds out of reach
    # first, so only the saved change below can make the device degraded.
    store.save_polling(PollingSettings(intervals=FAST, watch_workstation=False,
                                       thresholds=Thresholds(cpu_percent=100.0, mem_percent=100.0)))
    poller = Poller(database, client, credentials)  # settings from the store, as `egovops poll` runs it
    assert poller.run_cycle().statuses[0].state == "up"
    assert poller.reload_settings() is False  # nothing saved since
    store.save_polling(replace(store.polling(), thresholds=Thresholds(mem_percent=0.5)))
    assert poller.reload_settings() is True and poller.settings.thresholds.mem_percent == 0.5
    status = poller.run_cycle().statuses[0]
    assert status.state == "degraded" and any("mem" in r.lower() or "内存" in r for r in status.reasons), status.reasons
    fixed = make_poller(database, client, credentials)  # settings handed in: the caller owns them
    store.save_polling(PollingSettings())
    assert fixed.reload_settings() is False
