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

from pyasn1.codec.ber import decoder, encoder
from pyasn1.error import PyAsn1Error
from pysnmp.proto import api, rfc1902, rfc1905

from pysnmp.smi import exval
from snmpsim import confdir, variation

log = logging.getLogger("egovops.simulator.snmp")

_V1_ERROR_FOR = {  # v1 has no exception values: map them to the v1 error statuses
    rfc1902.Counter64.tagSet: 5,
    rfc1905.NoSuchObject.tagSet: 2,
    rfc1905.NoSuchInstance.tagSet: 2,
    rfc1905.EndOfMibView.tagSet: 2,
}
MAX_VAR_BINDS = 64
READ_ONLY = 4


def load_numeric_module() -> dict[str, Any]:
    """snmpsim's own numeric variation module, loaded the way snmpsim loads it (and only it)."""
    path = Path(variation.__file__).parent / "variation" / "numeric.py"
    ctx: dict[str, Any] = {"path": str(path), "alias": "numeric", "args": "", "moduleContext": {}}
    exec(compile(path.read_text(), str(path), "exec"), ctx)  # noqa: S102 - snmpsim's documented loading
    modules = {"numeric": (ctx, {}, {})}
    ctx["init"](options="", mode="variating")
    return modules


_UNSET, _VARIES = object(), object()


class DeviceData:
    """One device's snmprec file, served through snmpsim's record parser and variation modules.

    snmpsim's own ``DataFile`` keeps an on-disk dbm index per file; where Python has no gdbm (as
    in many builds) that falls back to ``dbm.dumb``, which opens a file per record written and
    took 0.25 s per device to index. Our devices are small, so the index here is a sorted list in
    memory; constant values are evaluated once, and only variation lines on every request.
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
        keys: list[tuple[int, ...]] = []
        lines: list[bytes] = []
        values: list[Any] = []
        for line in self.path.read_bytes().splitlines():
            oid, bar, rest = line.partition(b"|")
            if not bar:
                continue
            keys.append(tuple(map(int, oid.split(b"."))))
            lines.append(line)
            values.append(_VARIES if b":" in rest.partition(b"|")[0] else _UNSET)
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.keys = [keys[i] for i in order]
        self.lines = [lines[i] for i in order]
        self.values = [values[i] for i in order]
        self.position = {key: i for i, key in enumerate(self.keys)}

    def _evaluate(self, line: bytes, key: tuple[int, ...], exact: bool, next_flag: bool) -> tuple[Any, Any]:
        return self._parser.evaluate(
            line, origOid=rfc1902.ObjectName(key), origValue=None, dataFile=str(self.path), subtreeFlag=False,
            exactMatch=exact, nextFlag=next_flag, setFlag=False, errorStatus=rfc1905.noSuchInstance,
            varsTotal=1, varsRemaining=0, variationModules=self.modules,
        )

    def _value(self, i: int, next_flag: bool) -> Any:
        value = self.values[i]
        if value is _VARIES:
            return self._evaluate(self.lines[i], self.keys[i], True, next_flag)[1]
        if value is _UNSET:  # constants are evaluated on first use, then kept
            value = self.values[i] = self._evaluate(self.lines[i], self.keys[i], True, next_flag)[1]
        return value

    def get(self, oid: tuple[int, ...]) -> Any:
        i = self.position.get(oid)
        return rfc1905.noSuchInstance if i is None else self._value(i, False)

    def get_next(self, oid: tuple[int, ...]) -> tuple[tuple[int, ...], Any]:
        i = bisect.bisect_right(self.keys, oid)
        while i < len(self.keys):
            value = self._value(i, True)
            if value is not exval.endOfMib:  # a variation module may hide a line
                return self.keys[i], value
            i += 1
        return oid, rfc1905.endOfMibView

    def answer(self, var_binds: list[Any], next_flag: bool) -> list[Any]:
        if next_flag:
            return [self.get_next(tuple(oid)) for oid, _v in var_binds]
        return [(oid, self.get(tuple(oid))) for oid, _v in var_binds]


def _bulk(data: DeviceData, var_binds: list[Any], non_repeaters: int, repetitions: int) -> list[Any]:
    n = min(int(non_repeaters), len(var_binds))
    r = len(var_binds) - n
    out = data.answer(var_binds[:n], True) if n else []
    if r:
        m = min(int(repetitions), MAX_VAR_BINDS // r)
        row = var_binds[n:]
        for _ in range(m):
            row = data.answer(row, True)
            out.extend(row)
            if all(v.tagSet == rfc1905.EndOfMibView.tagSet for _o, v in row):
                break
    return out


def answer(message: bytes, community: bytes, data: DeviceData) -> bytes | None:
    """The encoded response to one request datagram, or None to stay silent (as agents do)."""
    version = api.decodeMessageVersion(message)
    p_mod = api.PROTOCOL_MODULES[version]
    request, _rest = decoder.decode(message, asn1Spec=p_mod.Message())
    if not hmac.compare_digest(bytes(p_mod.apiMessage.get_community(request)), community):
        return None  # a wrong community gets no answer, like a real agent
    response = p_mod.apiMessage.get_response(request)
    req_pdu = p_mod.apiMessage.get_pdu(request)
    rsp_pdu = p_mod.apiMessage.get_pdu(response)
    var_binds = p_mod.apiPDU.get_varbinds(req_pdu)
    if req_pdu.isSameTypeWith(p_mod.GetRequestPDU()):
        result = data.answer(var_binds, False)
    elif req_pdu.isSameTypeWith(p_mod.GetNextRequestPDU()):
        result = data.answer(var_binds, True)
    elif version and req_pdu.isSameTypeWith(p_mod.GetBulkRequestPDU()):
        bulk = p_mod.apiBulkPDU
        result = _bulk(data, var_binds, bulk.get_non_repeaters(req_pdu), bulk.get_max_repetitions(req_pdu))
    elif req_pdu.isSameTypeWith(p_mod.SetRequestPDU()):
        p_mod.apiPDU.set_error_status(rsp_pdu, READ_ONLY)
        p_mod.apiPDU.set_error_index(rsp_pdu, 1)
        result = var_binds
    else:
        return None
    if not version:
        for position, (_oid, value) in enumerate(result):
            if value.tagSet in _V1_ERROR_FOR:
                p_mod.apiPDU.set_error_status(rsp_pdu, _V1_ERROR_FOR[value.tagSet])
                p_mod.apiPDU.set_error_index(rsp_pdu, position + 1)
                result = var_binds
                break
    p_mod.apiPDU.set_varbinds(rsp_pdu, result)
    return encoder.encode(response)


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
        except (PyAsn1Error, ValueError, KeyError, TypeError) as exc:
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
