"""The demo's devices speak: the traps and syslog lines a real device sends when a demo fault starts
or clears, and a replayed burst (``demo storm``), sent to the demo's collector.

Each message leaves from the device's own loopback address (the socket is bound to it), so the
receivers attach it to that device as they would a real one. Traps are SNMPv2c with the demo's
community, syslog lines UDP in the vendor's format (Huawei ``%%01``, H3C ``%%10``, Cisco and Ruijie
``%FAC-SEV-MNEMONIC``, ZTE ZXR10 alarms). Loopback only, like everything else the demo sends.

The trap encoder is the simulator's hand-written BER (egovops.simulator.snmp.ber), not pysnmp's
notification originator: a storm replays thousands of messages a second from one thread, and
pysnmp needs an asyncio engine per sender address for what is a few bytes of fixed layout here.
"""

from __future__ import annotations

import ipaddress
import itertools
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.simulator.faults import Fault
from egovops.simulator.naming import interface_name
from egovops.simulator.snmp.ber import INTEGER, OCTETS, SEQUENCE, encode_int, encode_oid, tlv
from egovops.simulator.snmp.topology import Province, SimDevice

DEFAULT_TRAP_PORT = 10162  # the unprivileged ports docs/events.md suggests for a try
DEFAULT_SYSLOG_PORT = 10514
TIMETICKS, TRAP_V2 = 0x43, 0xA7
SYS_UPTIME, SNMP_TRAP_OID = (1, 3, 6, 1, 2, 1, 1, 3, 0), (1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0)
COLD_START, LINK_DOWN, LINK_UP = "1.3.6.1.6.3.1.1.5.1", "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.6.3.1.1.5.4"
IF_INDEX, IF_DESCR, IF_ADMIN, IF_OPER = (f"1.3.6.1.2.1.2.2.1.{c}" for c in (1, 2, 7, 8))
_SEVERITY = {"error": 3, "warning": 4, "notice": 5}
_request_ids = itertools.count(1)


def check_loopback(host: str) -> None:
    try:
        loopback = ipaddress.ip_address(host) in ipaddress.ip_network("127.0.0.0/8")
    except ValueError:
        loopback = False
    if not loopback:
        raise ValidationError(tr("the demo sends only to loopback addresses (127.0.0.0/8), not {host}", host=host))


def _arcs(oid: str) -> tuple[int, ...]:
    return tuple(int(a) for a in oid.split("."))


def v2c_trap(community: str, trap_oid: str, varbinds: Iterable[tuple[str, int | str]], uptime_cs: int) -> bytes:
    """An SNMPv2-Trap message: sysUpTime.0 and snmpTrapOID.0 first (RFC 3416), then ``varbinds``
    as (OID, value): an int is an INTEGER, a str an OCTET STRING in UTF-8."""
    binds = [tlv(SEQUENCE, encode_oid(SYS_UPTIME) + encode_int(TIMETICKS, uptime_cs & 0xFFFFFFFF)),
             tlv(SEQUENCE, encode_oid(SNMP_TRAP_OID) + encode_oid(_arcs(trap_oid)))]
    for oid, value in varbinds:
        encoded = encode_int(INTEGER, value) if isinstance(value, int) else tlv(OCTETS, value.encode("utf-8"))
        binds.append(tlv(SEQUENCE, encode_oid(_arcs(oid)) + encoded))
    pdu = tlv(TRAP_V2, encode_int(INTEGER, next(_request_ids) & 0x7FFFFFFF) + encode_int(INTEGER, 0)
              + encode_int(INTEGER, 0) + tlv(SEQUENCE, b"".join(binds)))
    return tlv(SEQUENCE, encode_int(INTEGER, 1) + tlv(OCTETS, community.encode("utf-8")) + pdu)


def _interface_line(device: SimDevice, port: int, up: bool, at: float) -> tuple[str, str]:
    """(severity name, syslog message) for a port going down or up, as the device's vendor writes it."""
    name, state = interface_name(device.vendor, port), "up" if up else "down"
    stamp = time.strftime("%b %e %H:%M:%S", time.localtime(at))
    year = time.strftime("%Y", time.localtime(at))
    if device.vendor == "huawei":
        return "warning", (f"{stamp[:6]} {year} {stamp[7:]} {device.name} %%01IFNET/4/LINK_STATE(l)[0]:The line "
                           f"protocol IP on the interface {name} has entered the {state.upper()} state.")
    if device.vendor == "h3c":
        return "error", (f"{stamp} {year} {device.name} %%10IFNET/3/PHY_UPDOWN: Physical state on the interface "
                         f"{name} changed to {state}.")
    if device.vendor == "zte":
        verb = "cleared" if up else "occurred"
        return "error", (f"{stamp} {device.name} alarm 20002 ID {port} level 4 {verb} at "
                         f"{time.strftime('%H:%M:%S %m/%d/%Y', time.localtime(at))} sent by ZXR10 1/1 "
                         f"%IFNET% Interface {name} is {state}")
    # Cisco IOS, Ruijie RGOS (and the Linux hosts, which have no such line, get the IOS one)
    return "error", f"{stamp} {device.name} %LINK-3-UPDOWN: Interface {name}, changed state to {state}"


def _cpu_line(device: SimDevice, high: bool, at: float) -> tuple[str, str]:
    stamp = time.strftime("%b %e %H:%M:%S", time.localtime(at))
    year = time.strftime("%Y", time.localtime(at))
    if device.vendor == "huawei":
        brief = "CPU_USAGE_HIGH" if high else "CPU_USAGE_RESUME"
        return "warning", (f"{stamp[:6]} {year} {stamp[7:]} {device.name} %%01SYSTEM/4/{brief}(l)[0]:CPU usage "
                           f"{'95% is above the threshold 90%' if high else 'fell below the threshold 90%'}.")
    if device.vendor == "h3c":
        brief = "CPU_USAGE_HIGH" if high else "CPU_USAGE_RECOVER"
        return "warning", (f"{stamp} {year} {device.name} %%10DIAG/4/{brief}: CPU usage "
                           f"{'95% is above the threshold 90%' if high else 'recovered to normal state'}.")
    if device.vendor == "zte":
        verb = "occurred" if high else "cleared"
        return "warning", (f"{stamp} {device.name} alarm 20480 ID 1 level 5 {verb} at "
                           f"{time.strftime('%H:%M:%S %m/%d/%Y', time.localtime(at))} sent by ZXR10 1/1 "
                           f"%CPU% CPU usage {'95% over' if high else 'back under'} threshold 90%")
    mnemonic = "CPURISINGTHRESHOLD" if high else "CPUFALLINGTHRESHOLD"
    return "notice", (f"{stamp} {device.name} %SYS-5-{mnemonic}: CPU utilization "
                      f"{'95% over' if high else 'back under'} threshold 90%")


@dataclass(frozen=True)
class Message:
    """One datagram a device sends: to the trap port or the syslog port."""

    device: SimDevice
    trap: bool
    payload: bytes


@dataclass
class Speaker:
    province: Province
    community: str
    host: str = "127.0.0.1"
    trap_port: int = DEFAULT_TRAP_PORT
    syslog_port: int = DEFAULT_SYSLOG_PORT
    started: float = 0.0

    def __post_init__(self) -> None:
        check_loopback(self.host)
        self.started = self.started or time.monotonic()

    # -- what a fault says -------------------------------------------------------------------------
    def _uptime(self) -> int:
        return int((time.monotonic() - self.started) * 100) + 360_000

    def _port_trap(self, device: SimDevice, port: int, up: bool) -> Message:
        name = interface_name(device.vendor, port)
        binds: list[tuple[str, int | str]] = [(f"{IF_INDEX}.{port}", port), (f"{IF_DESCR}.{port}", name),
                                              (f"{IF_ADMIN}.{port}", 1), (f"{IF_OPER}.{port}", 1 if up else 2)]
        return Message(device, True, v2c_trap(self.community, LINK_UP if up else LINK_DOWN, binds, self._uptime()))

    def _syslog(self, device: SimDevice, severity: str, text: str, facility: int = 23) -> Message:
        return Message(device, False, f"<{facility * 8 + _SEVERITY[severity]}>{text}".encode())

    def _port(self, device: SimDevice, port: int, up: bool, at: float) -> list[Message]:
        return [self._port_trap(device, port, up), self._syslog(device, *_interface_line(device, port, up, at))]

    def fault_messages(self, fault: Fault, cleared: bool = False, at: float | None = None) -> list[Message]:
        """What the devices say when ``fault`` starts (or, ``cleared``, ends)."""
        at = time.time() if at is None else at
        devices, up = self.province.devices, cleared
        out: list[Message] = []
        if fault.kind == "link-down":
            a, b = fault.targets
            for here, there in ((a, b), (b, a)):
                for n in self.province.cables.get(here, []):
                    if n.device == there:
                        out += self._port(devices[here], n.local_port, up, at)
        elif fault.kind == "device-down":
            # A dead device says nothing: its neighbours report the ports facing it. Back up, it
            # announces its own cold start.
            (name,) = fault.targets
            for n in self.province.cables.get(name, []):
                if n.device in devices:
                    out += self._port(devices[n.device], n.remote_port, up, at)
            if cleared:
                out.append(Message(devices[name], True, v2c_trap(self.community, COLD_START, [], 100)))
        elif fault.kind == "cpu-high":
            device = devices[fault.targets[0]]
            out.append(self._syslog(device, *_cpu_line(device, not cleared, at)))
        elif fault.kind == "cross-connect":
            # The stray cable lights up a spare port at each end (the ports the agents use for it).
            a, b = fault.targets
            for name in (a, b):
                out += self._port(devices[name], self.province.spare_port(name), not cleared, at)
        return out

    def storm_messages(self, name: str) -> Iterator[Message]:
        """A flapping port, over and over: the burst a bad transceiver makes."""
        device = self.province.devices[name]
        port = next((n.local_port for n in self.province.cables.get(name, [])), 1)
        at = time.time()
        lines = [self._syslog(device, *_interface_line(device, port, up, at)) for up in (False, True)]
        return itertools.cycle(lines)

    # -- sending -----------------------------------------------------------------------------------
    def send(self, messages: Iterable[Message]) -> int:
        sockets: dict[str, socket.socket] = {}
        sent = 0
        try:
            for message in messages:
                sent += self._send_one(sockets, message)
        finally:
            for sock in sockets.values():
                sock.close()
        return sent

    def _send_one(self, sockets: dict[str, socket.socket], message: Message) -> int:
        sock = sockets.get(message.device.address)
        if sock is None:
            sock = sockets[message.device.address] = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sock.bind((message.device.address, 0))  # the device's own address: events attach to it
        try:
            sock.sendto(message.payload, (self.host, self.trap_port if message.trap else self.syslog_port))
        except OSError:  # no collector listening (ICMP refused on loopback): the demo goes on
            return 0
        return 1

    def storm(self, name: str, rate: float, seconds: float) -> int:
        """Send ``rate`` messages a second from ``name`` for ``seconds``, paced every 5 ms; returns
        how many were sent (a datagram no one listened for counts: the device sent it)."""
        if name not in self.province.devices:
            raise ValidationError(tr("no simulated demo device named {name!r}", name=name))
        messages = self.storm_messages(name)
        sockets: dict[str, socket.socket] = {}
        total, sent = int(rate * seconds), 0
        begun = time.monotonic()
        try:
            while sent < total:
                due = min(total, int(rate * (time.monotonic() - begun)) + 1)
                while sent < due:
                    self._send_one(sockets, next(messages))
                    sent += 1
                time.sleep(0.005)
        finally:
            for sock in sockets.values():
                sock.close()
        return sent
