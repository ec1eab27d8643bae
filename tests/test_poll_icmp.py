"""Reachability by ICMP echo, in a network namespace of the test's own where unprivileged ICMP
sockets are allowed (net.ipv4.ping_group_range is per namespace), and the SNMP fallback outside."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from egovops.polling.reachability import icmp_allowed

SCRIPT = textwrap.dedent("""
    import asyncio, json, socket, time
    from egovops.credentials import Secret
    from egovops.inventory.model import Device
    from egovops.polling.device_poll import poll_status
    from egovops.polling.reachability import Pinger, icmp_allowed
    from egovops.polling.settings import Thresholds
    from egovops.polling.state import conditions_for, decide_state
    from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget

    silent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    silent.bind(("127.0.0.1", 0))  # an SNMP port nobody answers
    port = silent.getsockname()[1]
    loop = SnmpLoop().start()
    client = SnmpClient(loop)

    async def check(address):
        pinger = Pinger()
        try:
            device = Device("d-" + address, address, "intranet", "x", snmp_port=port)
            target = SnmpTarget(device.name, address, port, community=Secret("public"), timeout=0.5, retries=0)
            status, _system = await poll_status(client, device, target, None, None, pinger, time.time())
        finally:
            pinger.close()
        found = conditions_for(status, Thresholds())
        return {"reachable": status.reachable, "method": status.reach_method,
                "state": decide_state(status, found), "kinds": [c.kind for c in found]}

    # 198.51.100.7 has no route in this namespace: the echo request cannot even leave.
    result = {"allowed": icmp_allowed(), "local": loop.run(check("127.0.0.1")), "unrouted": loop.run(check("198.51.100.7"))}
    loop.stop()
    print(json.dumps(result))
""")


def test_icmp_in_a_namespace_where_it_is_allowed(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.fail("unshare and ip (util-linux, iproute2) are needed")
    script = tmp_path / "icmp_check.py"
    script.write_text(SCRIPT, encoding="utf-8")
    shell = (f"ip link set lo up && sysctl -qw net.ipv4.ping_group_range='0 2147483647' && "
             f"exec {sys.executable} {script}")
    done = subprocess.run(["unshare", "--net", "--", "sh", "-c", shell], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["allowed"] is True
    # Answers ping but not SNMP: reachable by ICMP, degraded, with an alarm saying so.
    assert result["local"] == {"reachable": True, "method": "icmp", "state": "degraded", "kinds": ["snmp_no_response"]}
    assert result["unrouted"] == {"reachable": False, "method": "icmp", "state": "down", "kinds": ["device_down"]}


def test_icmp_is_used_exactly_where_the_kernel_allows_it() -> None:
    low, high = (int(v) for v in Path("/proc/sys/net/ipv4/ping_group_range").read_text().split())
    expected = any(low <= gid <= high for gid in {os.getgid(), *os.getgroups()})
    assert icmp_allowed() is expected
