"""Latency of one command on a kept SSH connection: egovops's session vs an interactive OpenSSH ``ssh -tt``.

    python -m benchmarks.ssh_command_latency [--commands 300]

One emulated Huawei device behind real sshd; each side sends ``display clock`` and reads until the
prompt comes back, N times over one connection. The reference drives OpenSSH's client through its
pty the same way (write the command, read to the prompt). Also shown: egovops with TCP_NODELAY
switched off again on the same connection (Nagle's algorithm with delayed ACKs costs ~40 ms when a
command leaves in more than one small segment; egovops writes each command in one). Best of three
rounds each; prints milliseconds per command and the ratio OpenSSH / egovops (above 1: egovops is
faster).
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import select
import socket
import subprocess
import time
from pathlib import Path

from benchmarks.ssh_backup import bench_lab  # the same lab, store and key
from egovops.simulator.lab import LabDevice
from egovops.ssh import KnownHostsStore, open_session

COMMAND = "display clock"
PROMPT = re.compile(rb"<BENCH-01>\s?$")


def per_command_egovops(session, count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        session.run(COMMAND)
    return (time.perf_counter() - started) / count


def _read_to_prompt(fd: int, deadline: float) -> None:
    tail = b""
    while not PROMPT.search(tail):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError("ssh gave no prompt")
        chunk = os.read(fd, 65536)
        if not chunk:
            raise EOFError("ssh exited")
        tail = (tail + chunk.replace(b"\r", b""))[-256:]


def per_command_openssh(key: Path, port: int, known_hosts: Path, count: int) -> float:
    ssh = subprocess.Popen(
        ["ssh", "-tt", "-F", "/dev/null", "-i", str(key), "-p", str(port), "-o", "BatchMode=yes",
         "-o", "StrictHostKeyChecking=yes", "-o", f"UserKnownHostsFile={known_hosts}", "-o", "LogLevel=ERROR",
         f"{getpass.getuser()}@127.0.0.1"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    assert ssh.stdin is not None and ssh.stdout is not None
    out = ssh.stdout.fileno()
    try:
        _read_to_prompt(out, time.monotonic() + 30)
        ssh.stdin.write(b"screen-length 0 temporary\r")
        ssh.stdin.flush()
        _read_to_prompt(out, time.monotonic() + 30)
        started = time.perf_counter()
        for _ in range(count):
            ssh.stdin.write(COMMAND.encode() + b"\r")
            ssh.stdin.flush()
            _read_to_prompt(out, time.monotonic() + 30)
        return (time.perf_counter() - started) / count
    finally:
        ssh.kill()
        ssh.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commands", type=int, default=300)
    args = parser.parse_args()
    with bench_lab("egovops-ssh-latency-", [LabDevice("BENCH-01", "huawei")]) as bench:
        [device] = bench.placed
        known = KnownHostsStore(bench.database)
        with open_session(device.device(), bench.credentials, known, trust_new_host_key=True, operator="benchmark") as session:
            sock = session._transport.sock
            ours, nagle = [], []
            for _ in range(3):
                ours.append(per_command_egovops(session, args.commands))
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)
                nagle.append(per_command_egovops(session, args.commands))
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        [trusted] = known.keys()
        known_hosts = bench.root / "known_hosts"
        known_hosts.write_text(f"[127.0.0.1]:{device.port} {trusted.key_type} {trusted.key_base64}\n")
        theirs = [per_command_openssh(bench.lab.client_key, device.port, known_hosts, args.commands) for _ in range(3)]
    best_ours, best_nagle, best_theirs = min(ours), min(nagle), min(theirs)
    print(f"egovops session            {best_ours * 1000:7.2f} ms per command")
    print(f"egovops, TCP_NODELAY off   {best_nagle * 1000:7.2f} ms per command")
    print(f"OpenSSH ssh -tt            {best_theirs * 1000:7.2f} ms per command")
    print(f"ratio OpenSSH/egovops = {best_theirs / best_ours:.2f} (above 1: egovops is faster); "
          f"TCP_NODELAY off/on = {best_nagle / best_ours:.2f}")


if __name__ == "__main__":
    main()
