"""Acceptance: `egovops audit verify` names a row edited by hand, and no secret lands anywhere on disk.

Real servers: sshd with the vendor emulator (its configurations hold cipher passwords and SNMPv3
keys), the keyring holding the SSH key's passphrase and the enable secret.
"""

from __future__ import annotations

from dataclasses import replace

import json
import sqlite3
from pathlib import Path

import pytest

from egovops.audit.chain import expected_hash
from egovops.simulator import DeviceSpec, VendorCli
from egovops.audit.repo import AuditRepository
from egovops.storage.inventory_repo import InventoryRepository
from tests.fixtures.sshd import ENABLE_SECRET, KEY_PASSPHRASE
from tests.procedures_helpers import run_here

pytestmark = [pytest.mark.usefixtures("secret_service")]

LAB = ("HW-OK", "H3C-WEAK", "CISCO-EN", "HW-SUPER")


def device_secrets(name: str, vendor: str) -> list[str]:
    """The secret material the emulator writes into this device's running configuration."""
    spec = DeviceSpec(vendor, name)
    config = VendorCli(spec).running_config()
    present = [t for t in (spec.token("admin", 40), spec.token("auth", 32), spec.token("priv", 32), spec.token("enable", 43),
                           spec.token("admin", 43)) if t in config]
    assert present, f"the emulated {name} holds no secret: the scan would prove nothing"
    return present


def run_procedures(cli, sshd, inventory: InventoryRepository, database, data_dir: Path) -> list[str]:
    """A backup from the command line (its log file included) and a baseline check; the secrets involved."""
    inventory.save_devices([sshd.device(n) for n in LAB])
    done = cli("run", "config-backup", "--targets", ",".join(LAB), "--ssh-profile", "lab-ssh-enable", "--trust-new-host-key", "--json", timeout=240)
    assert done.returncode == 0, done.stderr
    assert {t["device"] for t in json.loads(done.stdout)["targets"]} == set(LAB)
    assert len(run_here(database, data_dir, "baseline-check", ",".join(LAB)).outcomes) == len(LAB)
    secrets = [KEY_PASSPHRASE, ENABLE_SECRET]
    for name in LAB:
        secrets += device_secrets(name, sshd.devices[name].vendor)
    return secrets


def test_no_secret_on_disk_and_verify_names_a_row_edited_by_hand(cli, sshd, ssh_credentials, inventory, database, data_dir: Path, tmp_path: Path) -> None:
    secrets = run_procedures(cli, sshd, inventory, database, data_dir)
    exports = tmp_path / "exports"
    exports.mkdir()
    assert cli("audit", "export", str(exports / "audit.jsonl")).returncode == 0
    assert cli("audit", "export", str(exports / "audit.csv")).returncode == 0
    shown = cli("configs", "show", "HW-OK", "--output", str(exports / "HW-OK.cfg"))
    assert shown.returncode == 0, shown.stderr
    assert "sysname HW-OK" in (exports / "HW-OK.cfg").read_text("utf-8")
    scanned = [p for root in (data_dir, exports) for p in root.rglob("*") if p.is_file()]
    names = {p.name for p in scanned}
    assert {"egovops.sqlite3", "run.log", "HW-OK.cfg", "audit.jsonl", "audit.csv"} <= names
    assert any(p.suffix == ".cfg" and data_dir in p.parents for p in scanned)  # the backups' own files
    for path in scanned:
        content = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in content, f"a secret leaked into {path}"

    # Reading the store's file above closed descriptors on it in this process, which drops SQLite's
    # POSIX locks; start this process's connections afresh before using the store again.
    database.engine.dispose()
    intact = cli("audit", "verify", "--json")
    assert intact.returncode == 0 and json.loads(intact.stdout)["ok"] is True
    with sqlite3.connect(data_dir / "egovops.sqlite3") as conn:
        target = conn.execute("SELECT id FROM audit_log WHERE action='procedure.run' ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE id = ?", (target,))
    broken = cli("audit", "verify")
    assert broken.returncode == 1
    assert f"row {target}: contents do not match its hash" in broken.stderr
    # A forger who also fixes that row's hash (without the key: as an unkeyed row) is caught by the
    # next row's link, and by the export.
    forged = replace(next(r for r in AuditRepository(database).rows() if r.id == target), writer="")
    with sqlite3.connect(data_dir / "egovops.sqlite3") as conn:
        conn.execute("UPDATE audit_log SET hash = ?, writer = '' WHERE id = ?", (expected_hash(forged), target))
    relinked = cli("audit", "verify", "--against", str(exports / "audit.jsonl"))
    assert relinked.returncode == 1
    assert f"row {target + 1}: does not chain onto row {target}" in relinked.stderr
    assert f"row {target} differs from the exported copy" in relinked.stderr

