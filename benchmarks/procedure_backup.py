"""The config-backup PROCEDURE on N emulated devices over real sshd, against OpenSSH's ssh client.

    python -m benchmarks.procedure_backup [--devices 200] [--concurrency 32] [--rounds 2]

Where benchmarks/ssh_backup.py measures the SSH layer alone, this runs what an operator runs
(``egovops run config-backup``): the runner with its per-target threads and timeouts, host keys
checked against the store, configurations masked and versioned in SQLite, artefact files, the
audit trail. The reference is OpenSSH's ``ssh host command`` per device at the same concurrency,
writing each configuration to a file, with the same curve25519 key exchange paramiko uses (see
ssh_backup.py). Prints devices/s of each and the ratio egovops / OpenSSH.
The SSH key has no passphrase here (the reference runs in BatchMode), so no keyring is needed: the
profile is handed to the runner in memory.
"""

from __future__ import annotations

from dataclasses import replace
import getpass
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.ssh_backup import KEX, backup_arguments, bench_lab, lab_devices, trust_lab_keys  # the same lab, host keys and key exchange
from egovops.accounts import Operator, Role
from egovops.credentials.service import ResolvedCredentials
from egovops.inventory.model import Device
from egovops.procedures import ProcedureRunner, RunRequest, RunServices, SshLimits, Status, discover
from egovops.ssh import KnownHostsStore, profile_for
from egovops.storage.inventory_repo import InventoryRepository


class InMemoryCredentials:
    """Stands in for CredentialService.resolve: the benchmark's key has no secret to keep."""

    def __init__(self, resolved: ResolvedCredentials) -> None:
        self.resolved = resolved

    def resolve(self, name: str) -> ResolvedCredentials:
        return self.resolved


def openssh_fetch(device: Device, key: Path, known_hosts: Path, out: Path) -> bool:
    command = [
        "ssh", "-F", "/dev/null", "-i", str(key), "-p", str(device.ssh_port), "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=yes", "-o", f"UserKnownHostsFile={known_hosts}", "-o", "IdentitiesOnly=yes",
        "-o", "ConnectTimeout=30", "-o", "LogLevel=ERROR", "-o", f"KexAlgorithms={KEX}", f"{getpass.getuser()}@{device.address}",
        profile_for(device.vendor).show_running,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    (out / f"{device.name}.cfg").write_text(done.stdout, encoding="utf-8")
    if done.returncode != 0:
        print(f"  ssh {device.name}: {done.stderr.strip()}", file=sys.stderr)
    return done.returncode == 0 and device.name in done.stdout


def run_openssh(devices: list[Device], key: Path, known_hosts: Path, out: Path, concurrency: int) -> float:
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        ok = sum(pool.map(lambda d: openssh_fetch(d, key, known_hosts, out), devices))
    elapsed = time.perf_counter() - started
    print(f"OpenSSH ssh      {ok}/{len(devices)} devices ok in {elapsed:6.2f} s = {len(devices) / elapsed:7.1f} devices/s")
    if ok != len(devices):
        raise SystemExit("OpenSSH: some devices failed")
    return len(devices) / elapsed


def run_procedure(services: RunServices, count: int, concurrency: int) -> float:
    runner = ProcedureRunner(discover(), services)
    started = time.perf_counter()
    report = runner.run(RunRequest("config-backup", "tag:bench", concurrency=concurrency, timeout=180))
    elapsed = time.perf_counter() - started
    ok = report.counts()["ok"]
    print(f"egovops run      {ok}/{count} devices ok in {elapsed:6.2f} s = {count / elapsed:7.1f} devices/s "
          f"(changed {report.summary.get('changed')}, audit row {report.audit_id})")
    failed = [o for o in report.outcomes if o.status is not Status.OK]
    if failed:
        raise SystemExit(f"egovops: {len(failed)} devices failed, e.g. {failed[0].device}: {failed[0].message}")
    return count / elapsed


def main() -> None:
    args = backup_arguments(__doc__)
    with bench_lab("egovops-proc-bench-", lab_devices(args.devices)) as bench:
        print(f"{len(bench.placed)} emulated devices on {len(bench.lab.servers)} sshd processes, concurrency {args.concurrency}")
        known_hosts = bench.root / "known_hosts"
        trust_lab_keys(bench.lab, KnownHostsStore(bench.database), known_hosts)
        devices = [replace(d.device(), tags=("bench",)) for d in bench.placed]
        InventoryRepository(bench.database).save_devices(devices)
        services = RunServices(bench.database, Operator("benchmark", Role.ENGINEER, "os"), bench.root / "runs", ssh_profile="bench",
                               credential_service=InMemoryCredentials(bench.credentials),  # type: ignore[arg-type]
                               # The same generous limits as the reference's ConnectTimeout and subprocess timeout.
                               ssh_limits=SshLimits(connect_timeout=30, auth_timeout=30, command_timeout=120))
        ours, theirs = [], []
        for n in range(args.rounds):  # alternate, so neither side always meets a warm or cold machine
            theirs.append(run_openssh(devices, bench.lab.client_key, known_hosts, bench.root / f"openssh-{n}", args.concurrency))
            ours.append(run_procedure(services, len(devices), args.concurrency))
        print(f"best of {args.rounds}: egovops config-backup {max(ours):.1f} devices/s, OpenSSH ssh {max(theirs):.1f} devices/s, "
              f"ratio egovops/OpenSSH = {max(ours) / max(theirs):.2f}")


if __name__ == "__main__":
    main()
