"""How long a newcomer waits for the living province, and for the console to go away again.

    python -m benchmarks.console_startup [--runs 1] [--keep]   (from the repository's root)

Starts ``egovops console --demo`` on a fresh data folder under a private Xvfb and a private
gnome-keyring, and reads the console's own log for the moment the window showed the province
("console ready") and the moment the first polled states were on it ("console living"; issue 8
asks for under 15 s). The reference, in the same script: net-snmp's ``snmpget`` of sysUpTime
from every demo device, 16 processes at a time, i.e. what a shell script needs to ask each device
once. Then SIGTERM, as a desktop session's logout sends it, and the time until the console, its
poller, the demo runner and every simulated agent are gone.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

from tests.fixtures.secret_service import private_keyring  # the tests' own private keyring

READY = re.compile(r"console ready: (\d+) devices shown ([\d.]+) s after start")
LIVING = re.compile(r"console living: (\d+) of (\d+) devices with a polled state ([\d.]+) s after start")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        return xvfb, ":" + pipe.readline().strip()


def wait_for(log: Path, pattern: re.Pattern[str], timeout: float) -> re.Match[str] | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = pattern.search(log.read_text("utf-8", "replace")) if log.exists() else None
        if found:
            return found
        time.sleep(0.2)
    return None


def reference_seconds(data_dir: Path) -> tuple[float, int]:
    """net-snmp asks every demo device for sysUpTime once, 16 at a time."""
    from egovops.credentials import CredentialService
    from egovops.demo.inventory import SNMP_PROFILE
    from egovops.storage import open_database
    from egovops.storage.inventory_repo import InventoryRepository

    db = open_database(data_dir / "egovops.sqlite3")
    community = CredentialService(db).resolve(SNMP_PROFILE).secret("community").reveal()
    devices = [d for d in InventoryRepository(db).devices() if d.address.startswith("127.")]
    db.close()

    def ask(device) -> bool:  # type: ignore[no-untyped-def]
        done = subprocess.run(["snmpget", "-v2c", "-c", community, "-t", "2", "-r", "1", "-On", "-Oq",
                               f"{device.address}:{device.snmp_port}", "1.3.6.1.2.1.1.3.0"],
                              capture_output=True, env=dict(os.environ, MIBS=""))
        return done.returncode == 0

    started = time.monotonic()
    with ThreadPoolExecutor(16) as pool:
        answered = sum(pool.map(ask, devices))
    return time.monotonic() - started, answered


def one_run(folder: Path, display: str) -> None:
    data_dir = folder / f"data-{time.monotonic_ns()}"
    log = data_dir / "logs" / "egovops.log"
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    started = time.monotonic()
    console = subprocess.Popen([sys.executable, "-m", "egovops", "--data-dir", str(data_dir), "console", "--demo", "--lang", "zh_CN"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        ready = wait_for(log, READY, 60)
        living = wait_for(log, LIVING, 180)
        wall = time.monotonic() - started
        if ready is None or living is None:
            raise SystemExit(f"the console did not come alive; see {log}")
        reference, answered = reference_seconds(data_dir)
        window_s, living_s = float(ready.group(2)), float(living.group(3))
        print(f"  window with the province {window_s:5.1f} s   living province {living_s:5.1f} s "
              f"({living.group(1)} of {living.group(2)} devices polled; wall {wall:.1f} s)")
        print(f"  reference: net-snmp snmpget of every device, 16 at a time: {reference:5.1f} s ({answered} answered)"
              f"   ratio living/reference {living_s / reference:.2f}")
    finally:
        family = [console] + [psutil.Process(p.pid) for p in psutil.Process(console.pid).children(recursive=True)] \
            if psutil.pid_exists(console.pid) else [console]
        pids = [p.pid for p in family]
        stopping = time.monotonic()
        console.send_signal(signal.SIGTERM)
        console.wait(120)
        # the demo runner is detached from the console: find what is left by pid
        demo = (data_dir / "demo" / "run.json")
        while any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in pids) or demo.exists():
            if time.monotonic() - stopping > 60:
                print("  SIGTERM: processes still alive after 60 s:", [p for p in pids if psutil.pid_exists(p)])
                break
            time.sleep(0.1)
        print(f"  SIGTERM until console, poller, demo runner and agents are gone: {time.monotonic() - stopping:.1f} s "
              f"(console exit code {console.returncode})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the data folders (logs) for a look afterwards")
    args = parser.parse_args()
    for tool in ("Xvfb", "snmpget", "dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed")
    folder = Path(tempfile.mkdtemp(prefix="egovops-bench-console-"))
    xvfb, display = start_xvfb()
    try:
        with private_keyring(folder / "keyring"):
            print(f"egovops console --demo on a fresh data folder (load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores)")
            for _ in range(args.runs):
                one_run(folder, display)
    finally:
        xvfb.terminate()
        if args.keep:
            print(f"data folders kept under {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
