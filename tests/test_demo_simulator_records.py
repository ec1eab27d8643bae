"""What the simulator generates and how it encodes it, checked without starting agents.

BER is checked against pyasn1 (pysnmp's codec) as the reference; the generated objects against
the demo's declared links and the fault rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyasn1.codec.ber import decoder, encoder
from pysnmp.proto.api import v2c

from egovops.simulator.faults import Fault, FaultSet, add_fault, clear_faults, read_faults
from egovops.demo.inventory import build_demo
from egovops.simulator.naming import interface_name
from egovops.errors import NotFoundError, ValidationError
from egovops.simulator.snmp import ber
from egovops.simulator.snmp.families import FAMILIES, family_for
from egovops.simulator.snmp.recordings import base_lines
from egovops.simulator.snmp.render import LLDP_REM, render
from egovops.simulator.snmp.responder import DeviceData, answer, load_numeric_module
from egovops.simulator.snmp.topology import Province, SimDevice, port_number


@pytest.fixture(scope="module")
def province() -> Province:
    demo = build_demo(60)
    return Province.build([SimDevice.from_device(i, d) for i, d in enumerate(demo.devices)], demo.links)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("recordings")


def _request(pdu_type, oids, community="c", **fields) -> bytes:  # type: ignore[no-untyped-def]
    pdu = pdu_type()
    (v2c.apiBulkPDU if pdu_type is v2c.GetBulkRequestPDU else v2c.apiPDU).set_defaults(pdu)
    v2c.apiPDU.set_request_id(pdu, fields.get("request_id", 4242))
    if pdu_type is v2c.GetBulkRequestPDU:
        v2c.apiBulkPDU.set_non_repeaters(pdu, fields.get("non_repeaters", 0))
        v2c.apiBulkPDU.set_max_repetitions(pdu, fields.get("repetitions", 5))
    v2c.apiPDU.set_varbinds(pdu, [(o, v2c.null) for o in oids])
    msg = v2c.Message()
    v2c.apiMessage.set_defaults(msg)
    v2c.apiMessage.set_community(msg, community)
    v2c.apiMessage.set_pdu(msg, pdu)
    return encoder.encode(msg)


def _decode(reply: bytes):  # type: ignore[no-untyped-def]
    msg, rest = decoder.decode(reply, asn1Spec=v2c.Message())
    assert rest == b""
    pdu = v2c.apiMessage.get_pdu(msg)
    return pdu, [(str(o), v) for o, v in v2c.apiPDU.get_varbinds(pdu)]


def test_every_vendor_family_extracts_its_recording(cache_dir: Path) -> None:
    for family in FAMILIES.values():
        lines = base_lines(family, cache_dir)
        oids = {line.split("|", 1)[0] for line in lines}
        assert {"1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0"} <= oids, family.name
        assert any(line.startswith(family.cpu[0] + "|") for line in lines) or family.name in ("zte-zxr10",), family.name


def test_port_names_round_trip_for_every_vendor() -> None:
    for vendor in ("huawei", "h3c", "ruijie", "zte", "cisco", "linux"):
        for n in (1, 7, 48):
            assert port_number(vendor, interface_name(vendor, n)) == n
    with pytest.raises(ValidationError, match="not a huawei port name"):
        port_number("huawei", "GigabitEthernet1/0/3")


def test_rendered_lldp_follows_the_cabling_and_the_faults(province: Province, cache_dir: Path) -> None:
    name, cables = next((n, c) for n, c in province.cables.items() if len(c) >= 3)
    device = province.devices[name]
    healthy = render(device, province, FaultSet(), cache_dir)
    remote = {line.split("|")[2] for line in healthy.lines() if line.startswith(f"{LLDP_REM}.9.")}
    assert remote == {c.device for c in cables}
    cut = cables[0].device
    down = FaultSet((Fault(1, "link-down", (name, cut), 0.0),))
    faulted = render(device, province, down, cache_dir)
    assert cut not in {line.split("|")[2] for line in faulted.lines() if line.startswith(f"{LLDP_REM}.9.")}
    assert faulted.get(f"1.3.6.1.2.1.2.2.1.8.{cables[0].local_port}").endswith("|2|2")
    hot = render(device, province, FaultSet((Fault(2, "cpu-high", (name,), 0.0),)), cache_dir)
    cpu = family_for(device.vendor, device.model).cpu[0]
    assert "offset=92" in hot.get(cpu) and "offset=92" not in healthy.get(cpu)


def test_a_cross_connect_uses_a_spare_port_on_both_ends(province: Province) -> None:
    ext = next(d for d in province.devices.values() if d.network == "extranet" and d.role == "aggregation")
    intra = next(d for d in province.devices.values() if d.network == "intranet" and d.role == "aggregation")
    faults = FaultSet((Fault(1, "cross-connect", (ext.name, intra.name), 0.0),))
    seen = {n.device: n for n in province.neighbours(ext.name, faults)}
    assert seen[intra.name].local_port == province.spare_port(ext.name)
    assert seen[intra.name].remote_port == province.spare_port(intra.name)


def test_ber_answers_decode_with_pyasn1(province: Province, cache_dir: Path, tmp_path: Path) -> None:
    device = next(d for d in province.devices.values() if d.vendor == "huawei")
    path = tmp_path / "d.snmprec"
    render(device, province, FaultSet(), cache_dir).write(path)
    data = DeviceData(path, load_numeric_module())
    pdu, got = _decode(answer(_request(v2c.GetRequestPDU, ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.9"]), b"c", data))
    assert int(v2c.apiPDU.get_request_id(pdu)) == 4242
    assert str(got[0][1]) == device.name and int(got[1][1]) > 0
    assert got[2][1].tagSet == v2c.NoSuchInstance.tagSet
    _pdu, rows = _decode(answer(_request(v2c.GetBulkRequestPDU, ["1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.31.1.1.1.6"], repetitions=40), b"c", data))
    assert len(rows) == 64  # capped at the agent's 64 bindings
    assert rows[0] == ("1.3.6.1.2.1.2.2.1.2.1", rows[0][1]) and str(rows[0][1]) == interface_name("huawei", 1)
    assert answer(_request(v2c.GetRequestPDU, ["1.3.6.1.2.1.1.5.0"], community="wrong"), b"c", data) is None


def test_garbled_requests_are_refused_by_name() -> None:
    good = _request(v2c.GetRequestPDU, ["1.3.6.1.2.1.1.5.0"])
    oid_at = good.rindex(b"\x06\x08\x2b")  # the binding's OID tag
    cases = {
        good[:-3]: "truncated", b"\x30\x84\xff\xff\xff\xff": "bad length", b"\x02\x01\x00": "not a SEQUENCE",
        good[:oid_at] + b"\x04" + good[oid_at + 1:]: "without an OID",
    }
    for garbled, message in cases.items():
        with pytest.raises(ber.BerError, match=message):
            ber.decode_request(garbled)
    request = ber.decode_request(good)
    assert request.oids == [(1, 3, 6, 1, 2, 1, 1, 5, 0)] and request.community == b"c"


def test_oid_and_integer_encoding_match_pyasn1() -> None:
    from pysnmp.proto import rfc1902

    for arcs in [(1, 3, 6, 1, 4, 1, 2011, 5, 25, 31, 1, 1, 1, 1, 5, 67371017), (1, 0, 8802, 1, 1, 2), (2, 999, 3)]:
        assert ber.encode_oid(arcs) == encoder.encode(rfc1902.ObjectName(arcs))
    for cls, value in ((rfc1902.Integer32, -129), (rfc1902.Counter32, 2**32 - 1), (rfc1902.Counter64, 2**63 + 5), (rfc1902.Gauge32, 0)):
        assert ber.encode_value(cls(value)) == encoder.encode(cls(value))


def test_the_fault_file_adds_refuses_duplicates_clears_and_names_a_garbled_file(tmp_path: Path) -> None:
    first = add_fault(tmp_path, "link-down", ("A", "B"))
    with pytest.raises(ValidationError, match="already active"):
        add_fault(tmp_path, "link-down", ("B", "A"))
    second = add_fault(tmp_path, "cpu-high", ("A",))
    assert second.id == first.id + 1
    assert [f.id for f in clear_faults(tmp_path, first.id)] == [first.id]
    assert read_faults(tmp_path).faults == (second,)
    with pytest.raises(NotFoundError):
        clear_faults(tmp_path, first.id)
    assert add_fault(tmp_path, "cpu-high", ("B",)).id == second.id + 1  # ids are never reused
    (tmp_path / "faults.json").write_text("{not json", "utf-8")
    with pytest.raises(ValidationError, match="faults.json is not valid JSON"):
        read_faults(tmp_path)
    (tmp_path / "faults.json").write_text(json.dumps({"faults": [{"kind": "x"}]}), "utf-8")
    with pytest.raises(ValidationError, match="malformed entry"):
        read_faults(tmp_path)


def test_silenced_devices_are_the_failed_one_and_everything_cut_off_behind_it() -> None:
    from egovops.simulator.snmp.topology import Province, SimDevice

    demo = build_demo(300)
    province = Province.build([SimDevice.from_device(i, d) for i, d in enumerate(demo.devices)], demo.links)
    assert province.silenced(FaultSet()) == set()
    city = "HF-EXT-AGG-01"
    behind, frontier = set(), [city]
    while frontier:  # every device whose uplink chain runs through the city
        parent = frontier.pop()
        below = {l.a_device for l in demo.links if l.b_device == parent}
        behind |= below
        frontier += below
    assert len(behind) >= 9 and all(name.startswith("HF-") for name in behind)
    assert province.silenced(FaultSet((Fault(1, "device-down", (city,), 0.0),))) == {city} | behind
    county = "HF-C01-EXT-AS01"
    assert not any(l.b_device == county for l in demo.links)  # a leaf at this size
    assert province.silenced(FaultSet((Fault(1, "link-down", (county, city), 0.0),))) == {county}
