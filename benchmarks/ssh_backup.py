"""Configuration backup of N emulated devices over real sshd: egovops's SSH layer vs OpenSSH's ssh.

    python -m benchmarks.ssh_backup [--devices 200] [--concurrency 32] [--rounds 2]

Both sides fetch the running configuration (``display current-configuration`` / ``show
running-config``) of every device of the demo province, with the same concurrency and strict host
key checking against keys trusted beforehand. egovops logs in to an interactive shell, switches
paging off and runs the command, as its backup procedure does; the reference runs the command with
``ssh host command`` (one exec per device, no pty). The server side (sshd + emulator) is the same
for both. Both use the curve25519 key exchange: paramiko cannot do OpenSSH's default
sntrup761x25519, which costs several times more CPU on client and server, and the point is to
compare the clients doing the same work. Prints devices/s of each and the ratio egovops / OpenSSH.
"""

from __future__ import annotations

import argparse
import base64
import getpass
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import paramiko

from egovops.credentials.profiles import Secret, build_profile
from egovops.credentials.service import ResolvedCredentials
from egovops.demo.inventory import build_demo
from egovops.inventory.model import Device
from egovops.simulator.lab import LabDevice, SshLab, lab_devices_for, make_lab
from egovops.ssh import KnownHostsStore, SshError, open_session, profile_for
from egovops.storage.database import Database, open_database

KEX = "curve25519-sha256,curve25519-sha256@libssh.org"  # what paramiko negotiates with OpenSSH 9.2


def lab_devices(count: int) -> list[LabDevice]:
    """The first ``count`` network devices of the demo province, at their own loopback address (on
    free ports: a running demo holds the demo's own); every fifth one fails the baseline."""
    return [replace(d, port=0) for d in lab_devices_for(build_demo(count * 2).devices, weak_every=5)[:count]]


@dataclass
class LabBench:
    root: Path
    lab: SshLab
    placed: list[LabDevice]  # where each answers
    database: Database
    credentials: ResolvedCredentials  # the lab's client key, for the current OS user


@contextmanager
def bench_lab(prefix: str, devices: list[LabDevice]) -> Iterator[LabBench]:
    """``devices`` emulated on real sshd, a fresh store and the lab key's credentials, in a temporary
    folder; all stopped and removed after. The key has no passphrase: the reference runs in BatchMode."""
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        root = Path(folder)
        lab = make_lab(root / "lab", passphrase="")
        try:
            placed = lab.start(devices)
            database = open_database(root / "egovops.sqlite3")
            credentials = ResolvedCredentials(
                build_profile("bench", "ssh", {"user": getpass.getuser(), "key_file": str(lab.client_key)}),
                {"passphrase": Secret("")},
            )
            try:
                yield LabBench(root, lab, placed, database, credentials)
            finally:
                database.close()
        finally:
            lab.stop()


def backup_arguments(doc: str) -> argparse.Namespace:
    """--devices, --concurrency and --rounds, as both backup benchmarks take them."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    return parser.parse_args()


def trust_lab_keys(lab: SshLab, known: KnownHostsStore, known_hosts_file: Path) -> None:
    lines = []
    for server in lab.servers:
        key_type, b64 = server.host_key.with_suffix(".pub").read_text().split()[:2]
        key = paramiko.PKey.from_type_string(key_type, base64.b64decode(b64))
        for d in server.devices:
            known.trust(d.address, d.port, key, trusted_by="benchmark")
            lines.append(f"[{d.address}]:{d.port} {key_type} {b64}")
    known_hosts_file.write_text("\n".join(lines) + "\n")


def egovops_backup(device: Device, credentials: ResolvedCredentials, known: KnownHostsStore) -> bool:
    try:
        with open_session(device, credentials, known, connect_timeout=30, auth_timeout=30) as session:
            return device.name in session.run(session.profile.show_running)
    except SshError as exc:
        print(f"  egovops {device.name}: {exc}", file=sys.stderr)
        return False


def openssh_backup(device: Device, key: Path, known_hosts_file: Path) -> bool:
    command = [
        "ssh", "-F", "/dev/null", "-i", str(key), "-p", str(device.ssh_port), "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=yes", "-o", f"UserKnownHostsFile={known_hosts_file}", "-o", "IdentitiesOnly=yes",
        "-o", "ConnectTimeout=30", "-o", "LogLevel=ERROR", "-o", f"KexAlgorithms={KEX}",
        f"{getpass.getuser()}@{device.address}",
        profile_for(device.vendor).show_running,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        print(f"  ssh {device.name}: {done.stderr.strip()}", file=sys.stderr)
    return done.returncode == 0 and device.name in done.stdout


def timed(label: str, work, devices: list[Device], concurrency: int) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(work, devices))
    elapsed = time.perf_counter() - started
    ok = sum(results)
    print(f"{label:<16} {ok}/{len(devices)} devices ok in {elapsed:6.2f} s = {len(devices) / elapsed:7.1f} devices/s")
    if ok != len(devices):
        raise SystemExit(f"{label}: {len(devices) - ok} devices failed")
    return len(devices) / elapsed


def main() -> None:
    args = backup_arguments(__doc__)
    with bench_lab("egovops-ssh-bench-", lab_devices(args.devices)) as bench:
        print(f"{len(bench.placed)} emulated devices on {len(bench.lab.servers)} sshd processes, concurrency {args.concurrency}")
        known = KnownHostsStore(bench.database)
        known_hosts_file = bench.root / "known_hosts"
        trust_lab_keys(bench.lab, known, known_hosts_file)
        devices = [d.device() for d in bench.placed]
        ours, theirs = [], []
        for _ in range(args.rounds):  # alternate, so neither side always meets a warm or cold machine
            theirs.append(timed("OpenSSH ssh", lambda d: openssh_backup(d, bench.lab.client_key, known_hosts_file), devices, args.concurrency))
            ours.append(timed("egovops", lambda d: egovops_backup(d, bench.credentials, known), devices, args.concurrency))
        print(f"best of {args.rounds}: egovops {max(ours):.1f} devices/s, OpenSSH ssh {max(theirs):.1f} devices/s, "
              f"ratio egovops/OpenSSH = {max(ours) / max(theirs):.2f}")


if __name__ == "__main__":
    main()
