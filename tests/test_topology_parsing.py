"""Neighbour-table parsing on rows shaped the way broken or unusual agents send them.

Well-formed tables are checked on real recordings (test_topology_recordings) and real lldpd
(test_topology_lab); here are the shapes no healthy agent produced for us: rows must be skipped
and named, never guessed at, and the good rows around them must still come through.
"""

from __future__ import annotations

from egovops.topology import cdp, identifiers, lldp
from egovops.topology.ports import canonical

REM = "1.0.8802.1.1.2.1.4.1.1"
MAN = "1.0.8802.1.1.2.1.4.2.1"


def _neighbour_rows(index: str, name: bytes) -> list[tuple[str, object]]:
    return [(f"{REM}.4.{index}", 4), (f"{REM}.5.{index}", bytes.fromhex("001122334455")),
            (f"{REM}.6.{index}", 5), (f"{REM}.7.{index}", b"GE0/0/1"), (f"{REM}.9.{index}", name)]


def test_a_row_with_a_broken_index_is_named_and_the_rest_still_read():
    rows = _neighbour_rows("0.3.1", b"HF-EXT-AGG-01") + [(f"{REM}.9.0.3", b"cut short")] + _neighbour_rows("0.4.1", "肥东-AS01".encode("gbk"))
    problems: list[str] = []
    found = lldp.remote_table(rows, problems)
    assert [(n.local_port_number, n.sys_name, n.chassis_id, n.port_id) for n in found] == [
        (3, "HF-EXT-AGG-01", "00:11:22:33:44:55", "GE0/0/1"),
        (4, "肥东-AS01", "00:11:22:33:44:55", "GE0/0/1"),  # GBK-encoded name, as Chinese firmware sends it
    ]
    assert problems == [f"lldpRemTable row {REM}.9.0.3 does not have the index timeMark.localPort.index"]


def test_an_entry_with_neither_chassis_nor_name_is_reported():
    problems: list[str] = []
    assert lldp.remote_table([(f"{REM}.8.0.7.1", b"uplink")], problems) == []
    assert problems == ["lldpRemTable entry 0.7.1 has neither chassis ID nor system name"]


def test_management_addresses_with_and_without_the_length_octet():
    rows = _neighbour_rows("0.3.1", b"a") + [
        (f"{MAN}.3.0.3.1.1.4.10.1.123.2", 2),  # as the MIB says: subtype, length, octets
        (f"{MAN}.3.0.3.1.1.10.1.123.3", 2),  # length left out, as some agents do
        (f"{MAN}.3.0.3.1.1.4.10.1", 2),  # garbled: two octets
    ]
    problems: list[str] = []
    [n] = lldp.remote_table(rows, problems)
    assert n.addresses == ("10.1.123.2", "10.1.123.3")
    assert problems == [f"lldpRemManAddrTable row {MAN}.3.0.3.1.1.4.10.1 carries no readable address"]


def test_cdp_rows_without_a_proper_index_or_device_id():
    base = "1.3.6.1.4.1.9.9.23.1.2.1.1"
    rows = [(f"{base}.6.10.1", b"SW1(SSI1)"), (f"{base}.7.10.1", b"Ethernet1/1"), (f"{base}.3.10.1", 1),
            (f"{base}.4.10.1", bytes([192, 0, 2, 7])), (f"{base}.6.11", b"short"), (f"{base}.7.12.1", b"Eth1/2")]
    problems: list[str] = []
    [n] = cdp.cache_table(rows, problems)
    assert (n.local_port_number, n.sys_name, n.port_id, n.addresses) == (10, "SW1(SSI1)", "Ethernet1/1", ("192.0.2.7",))
    assert problems == [f"cdpCacheTable row {base}.6.11 does not have the index ifIndex.deviceIndex",
                        "cdpCacheTable entry 12.1 has no device ID"]


def test_identifiers_agree_however_the_agent_spells_them():
    assert identifiers.mac(b"8c:60:4f:19:16:7c") == identifiers.mac(bytes.fromhex("8c604f19167c")) == "8c:60:4f:19:16:7c"
    assert identifiers.mac(b"8c60.4f19.167c") == "8c:60:4f:19:16:7c"
    assert identifiers.chassis_id(5, bytes([1, 10, 0, 0, 1])) == "10.0.0.1"
    assert identifiers.system_name("NWPU-CA-5548-02(SSI183706KA)") == "nwpu-ca-5548-02"
    assert identifiers.system_name("core1.gov.example") == "core1"
    assert canonical("GigabitEthernet 0/0/1") == canonical("GE0/0/1") == canonical("Gi0/0/1")
    assert canonical("Eth1/21") == canonical("Ethernet1/21")
    assert canonical("Ten-GigabitEthernet1/0/49") == canonical("XGE1/0/49") == canonical("Te1/0/49")
    assert canonical("GigabitEthernet0/0/1") != canonical("GigabitEthernet0/0/10")
