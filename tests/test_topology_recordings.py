"""LLDP and CDP parsing on real devices' recordings (snmpsim-data), served by snmpsim and walked
through the product's own SNMP layer.

The recordings are trimmed to the system group, the interface names and the neighbour tables
before snmpsim indexes them, which keeps the 37 MB Ruijie recording quick to serve.
"""

from __future__ import annotations

import bz2
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest

from egovops.credentials.profiles import Secret
from egovops.inventory.model import Device
from egovops.snmp import SnmpClient, SnmpTarget
from egovops.topology.discovery import IF_COLUMNS as discovery_if_columns, walk_device
from egovops.topology.links import resolve
from egovops.topology.matching import DeviceIndex
from egovops.topology.neighbours import DeviceView
from egovops.topology.ports import local_interface
from tests.fixtures.snmpsim import RESPONDER_LAUNCHER

RECORDINGS = {
    "ruijie-n18010": "router/ruijie-n18010",
    "juniper-mx960": "router/juniper-mx960-12-3r6-6",
    "cisco-n5000": "switch/cisco-n5000",
    "h3c-e528": "switch/h3c-e528-1",
}
_KEEP = tuple(prefix.encode() + b"." for prefix in (
    "1.3.6.1.2.1.1.5", "1.0.8802.1.1.2.1.3", "1.0.8802.1.1.2.1.4", "1.3.6.1.4.1.9.9.23.1.2.1.1",
    *discovery_if_columns,
))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def recordings() -> Iterator[tuple[str, int]]:
    import snmpsim_data

    source = Path(snmpsim_data.__file__).parent / "data" / "network"
    folder = Path(tempfile.mkdtemp(prefix="egv-rec-"))
    data, cache = folder / "data", folder / "cache"
    data.mkdir()
    cache.mkdir()
    for community, relative in RECORDINGS.items():
        with bz2.open(source / f"{relative}.snmprec.bz2", "rb") as src, open(data / f"{community}.snmprec", "wb") as dst:
            dst.writelines(line for line in src if line.startswith(_KEEP))
    folder.chmod(0o755)
    data.chmod(0o755)
    cache.chmod(0o777)
    port = _free_port()
    args = [f"--data-dir={data}", f"--cache-dir={cache}", f"--agent-udpv4-endpoint=127.0.0.1:{port}", "--logging-method=null"]
    if os.geteuid() == 0:
        args += ["--process-user=nobody", "--process-group=nogroup"]
    proc = subprocess.Popen([sys.executable, "-c", RESPONDER_LAUNCHER, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while subprocess.run(["snmpget", "-v2c", "-c", "h3c-e528", "-t", "1", "-r", "0", f"127.0.0.1:{port}", "1.3.6.1.2.1.1.5.0"],
                             capture_output=True, env=dict(os.environ, MIBS="")).returncode != 0:
            if proc.poll() is not None:
                pytest.fail(f"snmpsim exited: {proc.stderr.read().decode(errors='replace')[-2000:] if proc.stderr else ''}")
            assert time.monotonic() < deadline, "snmpsim did not answer within 60 s"
            time.sleep(0.3)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def views(recordings: tuple[str, int]) -> dict[str, DeviceView]:
    address, port = recordings
    client = SnmpClient()
    found = {}
    for community in RECORDINGS:
        target = SnmpTarget(community, address, port, community=Secret(community), timeout=5.0, retries=1)
        found[community] = client.snmp_loop.run(walk_device(client, target))
    return found


def _by_port(view: DeviceView) -> dict[str, list]:
    table: dict[str, list] = {}
    for n in view.neighbours:
        table.setdefault(local_interface(view.interfaces, view.local_ports, n), []).append(n)
    return table


def test_h3c_e528_reports_its_one_lldp_neighbour(views):
    view = views["h3c-e528"]
    assert view.problems == []
    [n] = view.neighbours
    assert (n.sys_name, n.chassis_id, n.port_id, n.addresses) == ("WRD-Huiju-2", "38:91:d5:fb:74:2c", "GigabitEthernet1/0/33", ("10.1.123.2",))
    assert local_interface(view.interfaces, view.local_ports, n) == "GigabitEthernet1/0/24"


def test_ruijie_n18010_rows_out_of_order_are_all_read(views):
    # The N18010 returns lldpRemTable ordered by port, not by OID: a strict walk stops at the
    # second row. All 151 neighbours must still come through, each on its own port.
    view = views["ruijie-n18010"]
    assert view.problems == []
    assert len(view.neighbours) == 151
    assert view.chassis_id == "58:69:6c:d2:10:aa"
    ports = _by_port(view)
    [n] = ports["TenGigabitEthernet 2/3/46"]
    assert (n.sys_name, n.port_id, n.addresses) == ("JiaoXueQu-S57H-V", "Te1/0/30", ("192.168.130.222",))


def test_juniper_mx960_local_ports_are_its_interface_names(views):
    view = views["juniper-mx960"]
    ports = _by_port(view)
    [n] = ports["xe-1/2/0"]
    assert (n.sys_name, n.chassis_id, n.addresses) == ("re0-SNNU-CA-CORE-1", "a8:d0:e5:f5:af:c0", ("192.168.2.1",))
    assert all(not port.isdigit() for port in ports), "every neighbour's local port resolves to an interface name"


def test_cisco_n5000_lldp_and_cdp_make_one_link_per_cable(views):
    view = views["cisco-n5000"]
    assert view.chassis_id == "8c:60:4f:19:16:7c"  # sent as text, not six octets
    cdp = [n for n in view.neighbours if n.protocol == "cdp"]
    assert {(n.sys_name, n.port_id) for n in cdp} >= {("NWPU-CA-5548-02(SSI183706KA)", "Ethernet1/21")}
    peer = Device("NWPU-CA-5548-02", "10.40.1.20", "extranet", "安徽省")
    me = Device("cisco-n5000", "10.40.1.19", "extranet", "安徽省")  # the name its SNMP target had
    links, candidates = resolve([view], DeviceIndex.build([me, peer], [view]))
    # Each cable once, though LLDP and CDP both report it and spell the far port differently
    # ("Eth1/21" and "Ethernet1/21"): the full spelling is kept.
    assert {(l.a_device, l.a_interface, l.b_device, l.b_interface) for l in links} == {
        ("NWPU-CA-5548-02", "mgmt0", "cisco-n5000", "mgmt0"),
        ("NWPU-CA-5548-02", "Ethernet1/21", "cisco-n5000", "Ethernet1/21"),
        ("NWPU-CA-5548-02", "Ethernet1/22", "cisco-n5000", "Ethernet1/22"),
    }
    names = {c.sys_name for c in candidates}
    assert {"H3C-1", "H3C-2", "NWPU-UCS-FI-A"} <= names
    assert "NWPU-CA-5548-02" not in names
