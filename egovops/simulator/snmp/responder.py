"""Answering SNMP v1/v2c for many simulated devices, each on its own loopback address and port.

The objects come from snmpsim: each device's ``.snmprec`` file is served by snmpsim's ``DataFile``
(its OID index and GETNEXT logic) with snmpsim's variation modules evaluating moving values. The
front end is ours rather than ``snmpsim-command-responder``: we need to pick the recording by the
endpoint a request arrived on (the demo uses one community for every device), to fall silent
for a device that is "down", and to reload one device's data when a fault changes it; the
responder's lightweight v2c mode also calls a method its controller no longer has (snmpsim 1.2.2).
"""

from __future__ import annotations

import asyncio
import bisect
import resource
import hmac
import logging
from pathlib import Path
from typing import Any, Callable

from pyasn1.error import PyAsn1Error
from pysnmp.proto import rfc1902, rfc1905

from pysnmp.smi import exval
from snmpsim import variation

from egovops.simulator.snmp import ber

log = logging.getLogger("egovops.simulator.snmp")

MAX_VAR_BINDS = 64
NO_SUCH_NAME, READ_ONLY, NOT_WRITABLE = 2, 4, 17


def load_numeric_module() -> dict[str, Any]:
    """snmpsim's own numeric variation module, loaded the way snmpsim loads it (and only it)."""
    path = Path(variation.__file__).parent / "variation" / "numeric.py"
    ctx: dict[str, Any] = {"path": str(path), "alias": "numeric", "args": "", "moduleContext": {}}
    exec(compile(path.read_text(), str(path), "exec"), ctx)  # noqa: S102 - snmpsim's documented loading
    modules = {"numeric": (ctx, {}, {})}
    ctx["init"](options="", mode="variating")
    return modules


_UNSET, _VARIES = object(), object()
Binding = tuple[bytes, bytes]  # encoded OID, encoded value
# snmprec tag -> (BER tag, lowest, highest) of the integer types the numeric module produces
_NUMERIC_TAGS = {
    "2": (0x02, -(2**31), 2**31 - 1), "65": (0x41, 0, 2**32 - 1), "66": (0x42, 0, 2**32 - 1),
    "67": (0x43, 0, 2**32 - 1), "70": (0x46, 0, 2**64 - 1),
}


class DeviceData:
    """One device's snmprec file, served through snmpsim's record parser and variation modules.

    snmpsim's own ``DataFile`` keeps an on-disk dbm index per file; where Python has no gdbm (as
    in many builds) that falls back to ``dbm.dumb``, which opens a file per record written and
    took 0.25 s per device to index. Our devices are small, so the index here is a sorted list in
    memory; constant values are evaluated and encoded once, variation lines on every request.
    """

    def __init__(self, path: Path, modules: dict[str, Any]) -> None:
        self.path = path
        self.modules = modules
        self._parser = variation.RECORD_TYPES["snmprec"]
        self.reload()

    def reload(self) -> None:
        """(Re)read the file, e.g. after a fault rewrote it."""
        for _ctx, _agent, records in self.modules.values():
            records.pop(str(self.path), None)  # numeric caches each OID's options: forget the old ones
        rows: list[tuple[tuple[int, ...], bytes, object]] = []
        for line in self.path.read_bytes().splitlines():
            oid, bar, rest = line.partition(b"|")
            if bar:
                rows.append((tuple(map(int, oid.split(b"."))), line, _VARIES if b":" in rest.partition(b"|")[0] else _UNSET))
        rows.sort(key=lambda row: row[0])
        self.keys = [r[0] for r in rows]
        self.lines = [r[1] for r in rows]
        self.values: list[object] = [r[2] for r in rows]  # encoded constant, _UNSET or _VARIES
        self.oids: list[bytes | None] = [None] * len(rows)
        self.counter64 = [line.split(b"|", 2)[1].split(b":")[0] == b"70" for line in self.lines]
        self.position = {key: i for i, key in enumerate(self.keys)}

    def _evaluate(self, i: int, next_flag: bool) -> Any:
        return self._parser.evaluate(
            self.lines[i], origOid=rfc1902.ObjectName(self.keys[i]), origValue=None, dataFile=str(self.path),
            subtreeFlag=False, exactMatch=True, nextFlag=next_flag, setFlag=False,
            errorStatus=rfc1905.noSuchInstance, varsTotal=1, varsRemaining=0, variationModules=self.modules,
        )[1]

    def _vary(self, i: int, next_flag: bool) -> bytes | None:
        """A numeric line: call the variation module the way snmpsim's record evaluation does
        (module, agent and record contexts per data file and OID), minus snmpsim's re-parsing
        of the line and its pyasn1 objects, and encode the number it returns."""
        _oid, spec, options = self.lines[i].decode("latin-1").split("|", 2)
        tag, _sep, name = spec.partition(":")
        if tag not in _NUMERIC_TAGS or name not in self.modules:
            return None
        module, agents, records = self.modules[name]
        module["agentContext"] = agents.setdefault(str(self.path), {})
        module["recordContext"] = records.setdefault(str(self.path), {}).setdefault(self.keys[i], {})
        _o, _t, number = module["variate"](
            self.keys[i], tag, options, nextFlag=next_flag, exactMatch=True, setFlag=False,
            origOid=self.keys[i], errorStatus=None, dataFile=str(self.path),
        )
        low, high = _NUMERIC_TAGS[tag][1:]
        return ber.encode_int(_NUMERIC_TAGS[tag][0], min(high, max(low, int(number))))

    def _value(self, i: int, next_flag: bool) -> bytes | None:
        """The encoded value of line ``i``; None when a variation module hides the line."""
        cached = self.values[i]
        if isinstance(cached, bytes):
            return cached
        if cached is _VARIES:
            fast = self._vary(i, next_flag)
            if fast is not None:
                return fast
        value = self._evaluate(i, next_flag)
        if value is exval.endOfMib:
            return None
        encoded = ber.encode_value(value)
        if cached is _UNSET:  # constants are evaluated on first use, then kept
            self.values[i] = encoded
        return encoded

    def _oid(self, i: int) -> bytes:
        encoded = self.oids[i]
        if encoded is None:
            encoded = self.oids[i] = ber.encode_oid(self.keys[i])
        return encoded

    def get(self, oid: tuple[int, ...]) -> Binding:
        i = self.position.get(oid)
        value = None if i is None else self._value(i, False)
        return ber.encode_oid(oid), ber.NO_SUCH_INSTANCE if value is None else value

    def get_next(self, oid: tuple[int, ...], v1: bool = False) -> tuple[tuple[int, ...], Binding]:
        i = bisect.bisect_right(self.keys, oid)
        while i < len(self.keys):
            value = None if v1 and self.counter64[i] else self._value(i, True)  # v1 cannot carry Counter64
            if value is not None:
                return self.keys[i], (self._oid(i), value)
            i += 1
        return oid, (ber.encode_oid(oid), ber.END_OF_MIB_VIEW)


def _bulk(data: DeviceData, oids: list[tuple[int, ...]], non_repeaters: int, repetitions: int) -> list[Binding]:
    n = max(0, min(non_repeaters, len(oids)))
    out = [data.get_next(oid)[1] for oid in oids[:n]]
    row = oids[n:]
    if row:
        for _ in range(max(0, min(repetitions, MAX_VAR_BINDS // len(row)))):
            step = [data.get_next(oid) for oid in row]
            out.extend(binding for _key, binding in step)
            if all(binding[1] == ber.END_OF_MIB_VIEW for _key, binding in step):
                break
            row = [key for key, _binding in step]
    return out


def answer(message: bytes, community: bytes, data: DeviceData) -> bytes | None:
    """The encoded response to one request datagram, or None to stay silent (as agents do)."""
    request = ber.decode_request(message)
    if request.version not in (0, 1) or not hmac.compare_digest(request.community, community):
        return None  # SNMPv3, or a wrong community: no answer, like a real v2c agent
    v1 = request.version == 0
    if request.pdu == ber.GET:
        bindings = [data.get(oid) for oid in request.oids]
    elif request.pdu == ber.GET_NEXT:
        bindings = [data.get_next(oid, v1)[1] for oid in request.oids]
    elif request.pdu == ber.GET_BULK and not v1:
        bindings = _bulk(data, request.oids, request.a, request.b)
    elif request.pdu == ber.SET:
        original = [(ber.encode_oid(oid), ber.NULL_VALUE) for oid in request.oids]
        return ber.encode_response(request, READ_ONLY if v1 else NOT_WRITABLE, 1, original)
    else:
        return None
    if v1:  # v1 has no exception values: the first one becomes noSuchName
        for position, (_oid, value) in enumerate(bindings):
            if value in (ber.NO_SUCH_OBJECT, ber.NO_SUCH_INSTANCE, ber.END_OF_MIB_VIEW):
                original = [(ber.encode_oid(oid), ber.NULL_VALUE) for oid in request.oids]
                return ber.encode_response(request, NO_SUCH_NAME, position + 1, original)
    return ber.encode_response(request, 0, 0, bindings)


class Endpoint(asyncio.DatagramProtocol):
    """The UDP socket of one simulated device."""

    def __init__(self, name: str, community: bytes, data: DeviceData, silent: Callable[[str], bool]) -> None:
        self.name = name
        self.community = community
        self.data = data
        self.silent = silent
        self.transport: asyncio.DatagramTransport | None = None
        self.answered = 0
        self.rejected = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, message: bytes, addr: tuple[str, int]) -> None:
        if self.silent(self.name):
            return
        try:
            reply = answer(message, self.community, self.data)
        except (ber.BerError, PyAsn1Error, ValueError) as exc:
            self.rejected += 1
            log.warning("%s: ignored a malformed SNMP request from %s: %s", self.name, addr[0], type(exc).__name__)
            return
        if reply is not None and self.transport is not None:
            self.answered += 1
            self.transport.sendto(reply, addr)


def raise_file_limit(wanted: int) -> None:
    """One socket per simulated device: lift the soft descriptor limit as far as needed and allowed."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))
