"""The device view's Ping by ICMP, in a network namespace of the test's own where unprivileged
ICMP sockets are allowed (net.ipv4.ping_group_range is per namespace); outside, SNMP decides
(tested in test_device_detail_actions.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from egovops.accounts.identity import Operator
    from egovops.accounts.roles import Role
    from egovops.device_detail import DeviceActions
    from egovops.inventory.model import Device
    from egovops.audit.repo import AuditRepository
    from egovops.storage.database import open_database
    from egovops.storage.inventory_repo import InventoryRepository

    db = open_database(Path(sys.argv[1]) / "egovops.sqlite3")
    # 198.51.100.7 has no route in this namespace: the echo request cannot even leave it.
    InventoryRepository(db).save_devices([Device("HF-LO-01", "127.0.0.1", "intranet", "安徽省/合肥市"),
                                          Device("HF-NOROUTE-01", "198.51.100.7", "intranet", "安徽省/合肥市")])
    actions = DeviceActions(db, Operator("zhang.wei", Role.OPERATOR, "local"))
    found = {name: actions.ping(name, timeout=1.0).__dict__ for name in ("HF-LO-01", "HF-NOROUTE-01")}
    found["audit"] = [(r.action, r.subject, r.details_dict()["method"]) for r in AuditRepository(db).rows()]
    print(json.dumps(found))
""")


def test_ping_uses_icmp_where_the_kernel_allows_it(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.fail("unshare and ip (util-linux, iproute2) are needed")
    script = tmp_path / "ping_check.py"
    script.write_text(SCRIPT, encoding="utf-8")
    shell = (f"ip link set lo up && sysctl -qw net.ipv4.ping_group_range='0 2147483647' && "
             f"exec {sys.executable} {script} {tmp_path}")
    done = subprocess.run(["unshare", "--net", "--", "sh", "-c", shell], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    live, dead = result["HF-LO-01"], result["HF-NOROUTE-01"]
    assert live["method"] == "icmp" and live["answered"] and 0 < live["rtt_ms"] < 1000
    assert dead["method"] == "icmp" and not dead["answered"] and dead["rtt_ms"] is None and "1 s" in dead["detail"]
    assert result["audit"] == [["device.ping", "HF-LO-01", "icmp"], ["device.ping", "HF-NOROUTE-01", "icmp"]]
