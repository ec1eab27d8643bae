"""SNMP notifications in: v1 and v2c traps, informs, v3 USM traps and informs (pysnmp's receiver).

pysnmp's ``NotificationReceiver`` on an engine of its own, on its own thread: it answers informs,
turns v1 traps into v2 varbinds, and checks communities and USM keys. What it rejects it only
counts in MIB counters; to tell *who* sent a bad community or wrong keys, the engine's
receive_message is wrapped and those counters compared around each message.

v3 *traps* are authenticated with the sender's engine ID, so each device's user is added once
per known engine ID (``events.engine_ids`` in the store); v3 *informs* use this receiver's own
engine ID, so every v3 user is added for it too.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pyasn1.codec.ber import decoder
from pyasn1.error import PyAsn1Error
from pysnmp.carrier.asyncio.dgram import udp
from pysnmp.entity import config, engine
from pysnmp.entity.rfc3413 import ntfrcv
from pysnmp.proto import rfc1902
from pysnmp.proto.mpmod import rfc3412
from pysnmp.proto.secmod.rfc3414.service import UsmSecurityParameters

from egovops.events.ber import community_trap, octets_text
from egovops.events.loop_thread import LoopThread
from egovops.events.model import Event
from egovops.snmp.auth import _AUTH, _PRIV  # one table of protocol names for polling and traps

log = logging.getLogger(__name__)
SNMP_TRAP_OID = "1.3.6.1.6.3.1.1.4.1.0"
SYS_UPTIME = "1.3.6.1.2.1.1.3"
_FAILURE_COUNTERS = (("__SNMPv2-MIB", "snmpInBadCommunityNames"),
                     ("__SNMP-USER-BASED-SM-MIB", "usmStatsWrongDigests"),
                     ("__SNMP-USER-BASED-SM-MIB", "usmStatsDecryptionErrors"),
                     ("__SNMP-USER-BASED-SM-MIB", "usmStatsUnknownUserNames"),
                     ("__SNMP-USER-BASED-SM-MIB", "usmStatsUnknownEngineIDs"),
                     ("__SNMP-USER-BASED-SM-MIB", "usmStatsUnsupportedSecLevels"))
_UNKNOWN_ENGINE = 4


def _is_discovery(whole: bytes) -> bool:
    """An inform's sender first asks for this engine's ID with an empty one (RFC 3414 §4): not a rejection."""
    try:
        message, _ = decoder.decode(whole, asn1Spec=rfc3412.SNMPv3Message())
        params, _ = decoder.decode(bytes(message["msgSecurityParameters"]), asn1Spec=UsmSecurityParameters())
    except PyAsn1Error:
        return False
    return not bytes(params["msgAuthoritativeEngineId"])


@dataclass(frozen=True)
class TrapUser:
    """An SNMPv3 user a device sends as; ``engine_id`` (hex) for its traps, None for informs."""

    user: str
    auth_protocol: str = "SHA"
    auth_key: str | None = None
    priv_protocol: str = "AES-128"
    priv_key: str | None = None
    engine_id: str | None = None


def name_of(oid: str, names: Mapping[str, str]) -> str:
    """``IF-MIB::ifDescr.3`` for 1.3.6.1.2.1.2.2.1.2.3 when ``names`` knows the column, else the OID."""
    head, rest = oid, ""
    while head:
        if head in names:
            return names[head] + rest
        head, _, last = head.rpartition(".")
        rest = f".{last}{rest}"
    return oid


def _text(value: Any) -> str:
    if isinstance(value, rfc1902.IpAddress):  # an OctetString to pyasn1, four octets to people
        return ".".join(str(b) for b in bytes(value))
    if isinstance(value, rfc1902.OctetString):
        return octets_text(bytes(value))
    return str(value.prettyPrint())


def trap_event(source: str, var_binds: Sequence[tuple[str, str]], names: Mapping[str, str], at: float) -> Event:
    """The event of a notification whose varbinds are (OID, value as text), in v2 form."""
    rows = [[oid, name_of(oid, names), value] for oid, value in var_binds]
    trap_oid = next((value for oid, _name, value in rows if oid == SNMP_TRAP_OID), "")
    named = name_of(trap_oid, names) if trap_oid else ""
    module, _, mnemonic = named.rpartition("::")
    # The text says it in one line for search and the CSV: the varbinds beyond uptime and trap OID.
    text = " ".join(f"{name.rpartition('::')[2]}={value}" for oid, name, value in rows
                    if oid != SNMP_TRAP_OID and not oid.startswith(SYS_UPTIME))
    return Event(at, source, "trap", "info", module, mnemonic or trap_oid, text, varbinds=rows,
                 extra={"trap_oid": trap_oid})


class TrapReceiver:
    """Notifications on UDP ``host:port`` (port 0: a free one, see ``port``) into ``handler``;
    ``on_rejected(source)`` for each one refused for its community or keys."""

    def __init__(self, handler: Callable[[Event], None], on_rejected: Callable[[str], None],
                 communities: Sequence[str], users: Sequence[TrapUser], names: Mapping[str, str],
                 host: str = "0.0.0.0", port: int = 162, admit: Callable[[str], bool] | None = None) -> None:
        self.handler, self.on_rejected, self.names = handler, on_rejected, names
        self.admit = admit  # asked before a message is decoded: a storm's excess costs no decoding
        self.communities, self.users = list(communities), list(users)
        self.host, self.port = host, port
        self.engine_id = ""
        self._thread = LoopThread("egovops-traps")
        self._engine: engine.SnmpEngine | None = None
        self._sock: socket.socket | None = None

    def start(self) -> None:
        self._thread.start()
        try:
            self._thread.call(self._open())
        except BaseException:
            self._thread.stop()
            raise

    async def _open(self) -> None:
        snmp = engine.SnmpEngine()
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 * 2**20)  # bursts of traps, see snmp/transport.py
        sock.setblocking(False)
        sock.bind((self.host, self.port))
        self.port, self._sock = sock.getsockname()[1], sock
        transport = udp.UdpAsyncioTransport().open_server_mode(sock=sock)
        config.add_transport(snmp, udp.DOMAIN_NAME, transport)
        await transport._lport  # the endpoint is made by a future pysnmp does not await itself
        for index, community in enumerate(dict.fromkeys(self.communities)):
            config.add_v1_system(snmp, f"egovops-{index}", community)
        for user in self.users:
            config.add_v3_user(
                snmp, user.user,
                _AUTH[user.auth_protocol] if user.auth_key else config.USM_AUTH_NONE, user.auth_key,
                _PRIV[user.priv_protocol] if user.priv_key else config.USM_PRIV_NONE, user.priv_key,
                securityEngineId=rfc1902.OctetString(hexValue=user.engine_id) if user.engine_id else None)
        ntfrcv.NotificationReceiver(snmp, self._received)
        self._watch_rejections(snmp)
        self.engine_id = snmp.snmpEngineID.prettyPrint()
        self._engine = snmp

    def _watch_rejections(self, snmp: engine.SnmpEngine) -> None:
        builder = snmp.get_mib_builder()
        counters = [builder.import_symbols(module, name)[0] for module, name in _FAILURE_COUNTERS]
        dispatcher = snmp.message_dispatcher
        receive = dispatcher.receive_message

        communities = {c.encode() for c in self.communities}

        def counted(snmp_engine: engine.SnmpEngine, domain: Any, address: Any, whole: bytes) -> Any:
            source = str(address[0])
            if self.admit is not None and not self.admit(source):
                return b""  # counted by admit; pysnmp's decoding is what a storm must not cost
            fast = community_trap(whole)
            if fast is not None:  # a v1/v2c trap: read here, ten times faster than pysnmp (ber.py)
                community, rows = fast
                if community in communities:
                    self._deliver(source, rows, time.time())
                else:
                    self.on_rejected(source)
                return b""
            before = [int(c.syntax) for c in counters]
            try:
                return receive(snmp_engine, domain, address, whole)
            finally:
                grew = [int(c.syntax) - b for c, b in zip(counters, before, strict=True)]
                if any(grew) and not (grew[_UNKNOWN_ENGINE] and _is_discovery(whole)):
                    self.on_rejected(str(address[0]))

        dispatcher.receive_message = counted

    def _received(self, snmp: engine.SnmpEngine, state_reference: Any, _context_engine: Any, _context: Any,
                  var_binds: Sequence[tuple[Any, Any]], _ctx: Any) -> None:
        at = time.time()
        _domain, address = snmp.message_dispatcher.get_transport_info(state_reference)
        self._deliver(str(address[0]), [(str(oid), _text(value)) for oid, value in var_binds], at)

    def _deliver(self, source: str, rows: Sequence[tuple[str, str]], at: float) -> None:
        try:
            self.handler(trap_event(source, rows, self.names, at))
        except Exception:  # noqa: BLE001 - one odd notification must not stop the receiver
            log.exception("trap from %s", source)

    async def _close(self) -> None:
        # Datagrams already queued on the loop reach a dispatcher without its transport: nothing
        # to report while stopping.
        asyncio.get_running_loop().set_exception_handler(lambda _loop, context: log.debug("stopping: %s", context))
        if self._engine is not None:
            self._engine.close_dispatcher()
            self._engine = None

    def stop(self) -> None:
        if self._thread.loop is not None:
            self._thread.call(self._close())
        self._thread.stop()
        if self._sock is not None:
            self._sock.close()
            self._sock = None
