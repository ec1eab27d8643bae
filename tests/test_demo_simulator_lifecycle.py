"""Clean shutdown and chaos: Ctrl-C and ``demo stop`` leave no process and no port behind."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.fixtures.demo_sim import DemoProvince, _free_block, _move_store, community_of

DEVICES = 12


def _ports_free(devices: list[dict]) -> bool:
    for device in devices:
        for kind, port in ((socket.SOCK_DGRAM, device["snmp_port"]), (socket.SOCK_STREAM, device["ssh_port"])):
            with socket.socket(socket.AF_INET, kind) as probe:
                try:
                    probe.bind((device["address"], port))
                except OSError:
                    return False
    return True


def _gone(pids: list[int], timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in pids):
            return True
        time.sleep(0.2)
    return False


def _wait_for(path: Path, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return json.loads(path.read_text())
        except (FileNotFoundError, ValueError):
            time.sleep(0.2)
    raise AssertionError(f"{path} did not appear")


def test_ctrl_c_and_demo_stop_end_every_agent_and_free_every_port(secret_service, tmp_path: Path) -> None:
    demo = DemoProvince(tmp_path, "")
    assert demo.cli("demo", "init", "--devices", str(DEVICES)).returncode == 0
    _move_store(tmp_path, _free_block())
    env = dict(os.environ, EGOVOPS_HOME=str(tmp_path))
    runner = subprocess.Popen([sys.executable, "-m", "egovops", "demo", "run", "--chaos", "600"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    state = _wait_for(tmp_path / "demo" / "run.json")
    devices = json.loads((tmp_path / "demo" / "province.json").read_text())["devices"]
    community = community_of(tmp_path)
    probe = subprocess.run(["snmpget", "-v2c", "-c", community, "-t", "3", f"{devices[0]['address']}:{devices[0]['snmp_port']}",
                            "1.3.6.1.2.1.1.5.0"], capture_output=True, text=True, timeout=30)
    assert devices[0]["name"] in probe.stdout, probe.stderr
    deadline = time.monotonic() + 30
    while not json.loads((tmp_path / "demo" / "faults.json").read_text() if (tmp_path / "demo" / "faults.json").exists() else '{"faults": []}')["faults"]:
        assert time.monotonic() < deadline, "chaos injected no fault"
        time.sleep(0.3)
    os.killpg(runner.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
    out, err = runner.communicate(timeout=60)
    assert runner.returncode == 0, err
    assert "chaos: fault" in out and "demo stopped" in out
    assert _gone(state["agents"]) and _ports_free(devices)
    assert json.loads((tmp_path / "demo" / "faults.json").read_text())["faults"] == []  # chaos cleared its own
    assert not (tmp_path / "demo" / "run.json").exists()

    assert demo.cli("demo", "run", "--detach").returncode == 0
    state = json.loads((tmp_path / "demo" / "run.json").read_text())
    done = demo.cli("demo", "stop")
    assert done.returncode == 0 and "demo stopped" in done.stdout
    assert _gone([state["runner"], *state["agents"]]) and _ports_free(devices)
    assert "not running" in demo.cli("demo", "stop").stdout
