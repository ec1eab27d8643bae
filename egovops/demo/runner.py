"""Starting and stopping the demo province's simulated agents.

``egovops demo run`` is the runner: it writes the province (devices and cabling) for the agents,
starts a few agent processes that share the devices between them (both cores work during start
up, and no process holds more sockets than it can serve), waits until each has bound every
endpoint, and records itself in ``<data dir>/demo/run.json``. It stops its agents on SIGINT or
SIGTERM (Ctrl-C, ``egovops demo stop``), and the agents stop by themselves if it dies.
"""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from egovops.credentials.profiles import Secret
from egovops.errors import EgovopsError
from egovops.inventory.model import Device, Link, LinkSource
from egovops.simulator.snmp.families import family_for
from egovops.simulator.snmp.recordings import base_lines, default_cache_dir
from egovops.simulator.snmp.topology import SimDevice

DEVICES_PER_AGENT = 250
READY_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 10.0
AGENT_MODULE = "egovops.simulator.snmp.agent"


class DemoRunError(EgovopsError):
    """The simulated agents could not be started, or stopped."""


def demo_dir(data_dir: Path) -> Path:
    folder = data_dir / "demo"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def state_path(data_dir: Path) -> Path:
    return demo_dir(data_dir) / "run.json"


def simulated(devices: list[Device]) -> list[Device]:
    """Only devices on loopback are simulated: the demo never sends a packet anywhere else."""
    return [d for d in devices if ipaddress.ip_address(d.address) in ipaddress.ip_network("127.0.0.0/8")]


def write_province(folder: Path, devices: list[Device], links: list[Link]) -> None:
    spec = {
        "devices": [SimDevice.from_device(i, d).to_json() for i, d in enumerate(devices)],
        "links": [[l.a_device, l.a_interface, l.b_device, l.b_interface] for l in links if l.source is LinkSource.DECLARED],
    }
    partial = folder / "province.json.part"
    partial.write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
    partial.replace(folder / "province.json")


def _alive(pid: int) -> bool:
    """True while ``pid`` runs; a zombie (exited, not yet reaped by its parent) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return True  # no /proc (Windows): os.kill said it exists


def read_state(data_dir: Path) -> dict | None:
    """The running demo's state, or None when no runner is alive (a stale file is ignored)."""
    try:
        state = json.loads(state_path(data_dir).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return state if _alive(int(state.get("runner", 0))) else None


@dataclass
class Runner:
    data_dir: Path
    devices: list[Device]
    community: Secret
    agents: list[subprocess.Popen[str]] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return demo_dir(self.data_dir)

    def _spawn(self, shard: int, shards: int) -> subprocess.Popen[str]:
        logs = self.folder / "logs"
        logs.mkdir(exist_ok=True)
        with open(logs / f"agent-{shard}.log", "a") as log_file:
            agent = subprocess.Popen(
                [sys.executable, "-m", AGENT_MODULE, "--demo-dir", str(self.folder), "--shard", str(shard), "--shards", str(shards)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file, text=True,
            )
        assert agent.stdin is not None
        agent.stdin.write(self.community.reveal() + "\n")  # a pipe: never argv or the environment
        agent.stdin.close()
        return agent

    def start(self, links: list[Link]) -> float:
        """Start every agent and wait until all endpoints answer; returns the seconds it took."""
        if read_state(self.data_dir) is not None:
            raise DemoRunError("the demo is already running; 'egovops demo stop' first")
        started = time.perf_counter()
        write_province(self.folder, self.devices, links)
        for family in {family_for(d.vendor, d.model) for d in self.devices}:
            base_lines(family, default_cache_dir())  # once here, not in every agent at the same time
        shards = max(1, -(-len(self.devices) // DEVICES_PER_AGENT), min(os.cpu_count() or 1, 4) if len(self.devices) > 100 else 1)
        self.agents = [self._spawn(k, shards) for k in range(shards)]
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        self._write_state(shards)
        return time.perf_counter() - started

    def _wait_ready(self) -> None:
        problems: list[str] = []

        def read_one(shard: int, agent: subprocess.Popen[str]) -> None:
            assert agent.stdout is not None
            line = agent.stdout.readline().strip()
            if not line.startswith("READY"):
                problems.append(f"agent {shard}: {line or 'exited with code %s' % agent.wait()}")

        readers = [threading.Thread(target=read_one, args=(k, a), daemon=True) for k, a in enumerate(self.agents)]
        for reader in readers:
            reader.start()
        deadline = time.monotonic() + READY_TIMEOUT_S
        for reader in readers:
            reader.join(max(0.0, deadline - time.monotonic()))
            if reader.is_alive():
                problems.append(f"an agent did not get ready within {READY_TIMEOUT_S:.0f} s")
                break
        if problems:
            raise DemoRunError("; ".join(problems) + f" (logs in {self.folder / 'logs'})")

    def _write_state(self, shards: int) -> None:
        state = {"runner": os.getpid(), "agents": [a.pid for a in self.agents], "devices": len(self.devices),
                 "shards": shards, "started": time.time()}
        partial = state_path(self.data_dir).with_suffix(".part")
        partial.write_text(json.dumps(state), "utf-8")
        partial.replace(state_path(self.data_dir))

    def dead_agents(self) -> list[int]:
        return [a.pid for a in self.agents if a.poll() is not None]

    def stop(self) -> None:
        for agent in self.agents:
            if agent.poll() is None:
                agent.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for agent in self.agents:
            try:
                agent.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                agent.kill()
                agent.wait()
            if agent.stdout is not None:
                agent.stdout.close()
        state = read_state(self.data_dir)
        if state is None or state.get("runner") == os.getpid():
            state_path(self.data_dir).unlink(missing_ok=True)


def stop_demo(data_dir: Path, timeout: float = 2 * STOP_TIMEOUT_S) -> bool:
    """Ask the runner to stop and wait until it and its agents are gone; False if none was running."""
    state = read_state(data_dir)
    if state is None:
        state_path(data_dir).unlink(missing_ok=True)
        return False
    os.kill(int(state["runner"]), signal.SIGTERM)
    deadline = time.monotonic() + timeout
    pids = [int(state["runner"])] + [int(p) for p in state.get("agents", [])]
    while any(_alive(p) for p in pids):
        if time.monotonic() > deadline:
            raise DemoRunError(f"the demo (runner pid {state['runner']}) did not stop within {timeout:.0f} s")
        time.sleep(0.1)
    return True
