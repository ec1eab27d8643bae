"""Latency, jitter and loss of inter-centre links by ICMP echo: the arithmetic, and real echo
requests in a network namespace of the test's own where unprivileged ICMP sockets are allowed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from egovops.dr.model import Measured
from egovops.dr.probe import summarise, worse

SCRIPT = textwrap.dedent("""
    import json, sys, time
    from dataclasses import replace
    from egovops.demo.inventory import build_demo, store_demo
    from egovops.dr.probe import probe_links
    from egovops.dr.service import DrService
    from egovops.polling.model import DeviceStatus, InterfaceStatus
    from egovops.polling.reachability import icmp_allowed
    from egovops.polling.repo import PollingRepository
    from egovops.storage.database import open_database
    from egovops.storage.inventory_repo import InventoryRepository

    db = open_database(sys.argv[1])
    demo = build_demo(17)
    # every device answers on loopback, but the remote DR core is on an address with no route here
    demo.devices = [replace(d, address="198.51.100.7") if d.name == "AH-DC3-EXT-CORE-01" else d for d in demo.devices]
    store_demo(InventoryRepository(db), demo)
    ports = {}
    for link in demo.links:  # as a poll left them: every device and port up
        for end, name in ((link.a_device, link.a_interface), (link.b_device, link.b_interface)):
            ports.setdefault(end, []).append(InterfaceStatus(len(ports.get(end, [])) + 1, name, oper_status=1))
    PollingRepository(db).save_cycle([DeviceStatus(d.name, "up", polled_at=time.time(), measured_interfaces=True,
                                                   interfaces=ports.get(d.name, [])) for d in demo.devices], {})
    probed = probe_links(db, count=4, interval=0.05, timeout=0.3)
    result = DrService(db).readiness(record=False)
    print(json.dumps({"allowed": icmp_allowed(), "probed": probed, "reasons": [r.text() for r in result.reasons],
                      "links": {x.b + "<" + x.a: [x.latency_ms, x.jitter_ms, x.loss_percent] for x in result.links}}))
""")


def test_the_figures_of_a_series() -> None:
    assert summarise([0.010, 0.012, None, 0.011]) == Measured(pytest.approx(11.0), pytest.approx(1.5), 25.0)
    assert summarise([None, None]) == Measured(None, None, 100.0)
    assert summarise([0.002]) == Measured(pytest.approx(2.0), 0.0, 0.0)
    assert worse(Measured(2.0, 0.1, 0.0), Measured(5.0, 0.05, 20.0)) == Measured(5.0, 0.1, 20.0)
    assert worse(Measured(2.0, 0.1, 0.0), Measured(None, None, 100.0)) == Measured(None, None, 100.0)


def test_echo_requests_measure_each_inter_centre_link_and_loss_puts_it_at_risk(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.fail("unshare and ip (util-linux, iproute2) are needed")
    script = tmp_path / "probe_check.py"
    script.write_text(SCRIPT, encoding="utf-8")
    shell = (f"ip link set lo up && sysctl -qw net.ipv4.ping_group_range='0 2147483647' && "
             f"exec {sys.executable} {script} {tmp_path / 'store.sqlite3'}")
    done = subprocess.run(["unshare", "--net", "--", "sh", "-c", shell], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert (result["allowed"], result["probed"]) == (True, 2)
    latency, jitter, loss = result["links"]["AH-DC1-EXT-CORE-01<AH-DC2-EXT-CORE-01"]
    assert loss == 0.0 and 0 < latency < 50 and jitter is not None and jitter >= 0
    assert result["links"]["AH-DC1-EXT-CORE-01<AH-DC3-EXT-CORE-01"] == [None, None, 100.0]
    assert [r for r in result["reasons"] if "echo" in r] == [
        "inter-centre link AH-DC3-EXT-CORE-01 GigabitEthernet1/0/2 — AH-DC1-EXT-CORE-01 GigabitEthernet0/0/5"
        " loses 100% of echo requests"]
