"""GET and WALK over one long-lived pysnmp engine, with targets configured once.

The hot path bypasses pysnmp's high-level helpers: they resolve every varbind through the MIB
machinery and reconfigure the target on each call. Here a target is configured once in
``register`` and each request hands pre-built numeric OIDs straight to the command generators.
Walks stop at the end of the requested subtree (never lexicographic to the end of the MIB).

v1/v2c requests go through the fast path first (snmp/fastpath.py: no pyasn1 on a clean reply);
what it does not take is asked again through pysnmp. Names are tuples of arcs on both paths.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Sequence

from pyasn1.type import univ
from pysnmp.entity.engine import SnmpEngine
from pysnmp.entity.rfc3413 import cmdgen
from pysnmp.error import PySnmpError
from pysnmp.hlapi.v3arch.asyncio import UdpTransportTarget
from pysnmp.hlapi.v3arch.asyncio.cmdgen import LCD
from pysnmp.proto import rfc1902

from egovops.snmp import fastpath
from egovops.snmp.auth import auth_data
from egovops.snmp.garbled import GarbledReplies
from pysnmp.proto import errind
from egovops.snmp.transport import open_transport
from egovops.snmp.errors import SnmpError, SnmpMalformedReply, SnmpNoSuchObject, SnmpTimeout
from egovops.snmp.loop import SnmpLoop, shared_loop
from egovops.snmp.replies import check_indication, check_status
from egovops.snmp.target import SnmpTarget
from egovops.snmp.values import SnmpValue, is_missing, to_python

GET_CHUNK = 30  # OIDs per GET PDU: well below any agent's maximum message size
MAX_REPETITIONS = 25
_NULL = univ.Null("")
_GUARD_S = 1.0  # beyond pysnmp's own timeout (its timer ticks coarsely and runs late under load)


Arcs = tuple[int, ...]


@lru_cache(maxsize=4096)
def _name(oid: str) -> Arcs:
    return tuple(int(arc) for arc in oid.strip(".").split("."))


@lru_cache(maxsize=4096)
def _object_name(arcs: Arcs) -> rfc1902.ObjectName:
    return rfc1902.ObjectName(arcs)


def _dotted(name: Arcs) -> str:
    return ".".join(map(str, name))


@dataclass
class _Engine:
    """An engine and its command generators (their pending-request tables are per engine)."""

    engine: SnmpEngine
    garbled: GarbledReplies
    fast: fastpath.FastPath
    get: cmdgen.GetCommandGenerator = field(default_factory=cmdgen.GetCommandGenerator)
    bulk: cmdgen.BulkCommandGeneratorSingleRun = field(default_factory=cmdgen.BulkCommandGeneratorSingleRun)
    next: cmdgen.NextCommandGeneratorSingleRun = field(default_factory=cmdgen.NextCommandGeneratorSingleRun)


@dataclass
class _Registered:
    slot: _Engine
    addr_name: str


def _v3_keys(target: SnmpTarget) -> tuple[object, ...]:
    return (target.auth_protocol, target.auth_key, target.priv_protocol, target.priv_key)


class SnmpClient:
    """SNMP requests for the whole process; one engine on one loop. Thread-safe through the loop."""

    def __init__(self, loop: SnmpLoop | None = None, fast_path: bool | None = None) -> None:
        """``fast_path``: decode v1/v2c replies without pysnmp (default: ``fastpath.ENABLED``;
        off only to compare the two paths, in tests and benchmarks)."""
        self.snmp_loop = loop or shared_loop()
        self.fast_path = fastpath.ENABLED if fast_path is None else fast_path
        # Normally one engine. pysnmp keys SNMPv3 users by name alone until it has discovered an
        # agent's engine ID, so the same user name with different keys on different devices would
        # overwrite each other: each such key set gets an engine of its own.
        self._engines: list[_Engine] = []
        self._v3_key_sets: dict[str, list[tuple[object, ...]]] = {}
        self._registered: dict[SnmpTarget, _Registered] = {}
        self.requests_sent = 0
        self.fast_answers = 0  # requests the fast path answered itself
        self.fast_fallbacks = 0  # requests it handed to pysnmp (error status, an encoding it refuses)

    # -- engine and targets -------------------------------------------------------------------

    def _engine_slot(self, index: int) -> _Engine:
        if not self._engines:
            self.snmp_loop.on_stop(self._close)
        while len(self._engines) <= index:
            engine = SnmpEngine()  # binds its transport dispatcher to the running loop
            fast = fastpath.FastPath(open_transport(engine))
            garbled = GarbledReplies(engine)
            garbled.intercept = fast.intercept
            self._engines.append(_Engine(engine, garbled, fast))
        return self._engines[index]

    def _slot_for(self, target: SnmpTarget) -> _Engine:
        if target.version != "3":
            return self._engine_slot(0)
        key_sets = self._v3_key_sets.setdefault(target.user, [])
        if _v3_keys(target) not in key_sets:
            key_sets.append(_v3_keys(target))
        return self._engine_slot(key_sets.index(_v3_keys(target)))

    async def _close(self) -> None:
        for slot in self._engines:
            slot.fast.close()
            slot.engine.close_dispatcher()
        self._engines.clear()
        self._v3_key_sets.clear()
        self._registered.clear()

    async def aregister(self, targets: Iterable[SnmpTarget]) -> None:
        """Configure targets on the engine once; later requests reuse the configuration.

        Register every target of a cycle up front: pysnmp's first contact with a target gets
        slower as targets accumulate if they are configured one by one between requests.
        """
        for target in targets:
            if target in self._registered:
                continue
            slot = self._slot_for(target)
            try:
                transport = await UdpTransportTarget.create(
                    (target.address, target.port), timeout=target.timeout, retries=target.retries
                )
                addr_name, _params = LCD.configure(slot.engine, auth_data(target), transport, b"")
            except PySnmpError as exc:
                raise SnmpError(target.name, f"cannot configure {target.address}:{target.port}: {exc}") from None
            self._registered[target] = _Registered(slot, addr_name)

    async def _registration(self, target: SnmpTarget) -> _Registered:
        if target not in self._registered:
            await self.aregister([target])
        return self._registered[target]

    # -- one request --------------------------------------------------------------------------

    async def _request(self, target: SnmpTarget, kind: str, names: Sequence[Arcs],
                       repetitions: int = 0) -> list[tuple[Arcs, Any]]:
        registered = await self._registration(target)
        names = [tuple(name) for name in names]  # topology/walking.py still passes pyasn1 ObjectNames
        if self.fast_path and fastpath.eligible(target):
            started = time.monotonic()
            reply = await registered.slot.fast.request(target, kind, list(names), repetitions)
            self.requests_sent += 1
            if reply is fastpath.TIMED_OUT:
                self._judge_silence(target, registered.slot, started, "timeout")
                check_indication(target, errind.RequestTimedOut())
            if reply is not fastpath.FALL_BACK:
                self.fast_answers += 1
                return reply
            self.fast_fallbacks += 1
        return await self._pysnmp_request(target, registered, kind, names, repetitions)

    def _judge_silence(self, target: SnmpTarget, slot: _Engine, started: float, indication: Any) -> None:
        """A failed request whose agent did send something: the malformed reply it really was."""
        if indication and slot.garbled.since(target.address, target.port, started):
            raise SnmpMalformedReply(target.name, f"{target.address}:{target.port} answered with data that is not an SNMP message")
        timed_out = indication in ("guard timeout", "timeout") or isinstance(indication, errind.RequestTimedOut)
        if timed_out and slot.garbled.unmatched_since(target.address, target.port, started):
            raise SnmpMalformedReply(target.name, f"{target.address}:{target.port} answered, but not this request "
                                                  "(wrong request-id or community: a late, misrouted or forged reply)")

    async def _pysnmp_request(self, target: SnmpTarget, registered: _Registered, kind: str, arcs: Sequence[Arcs],
                              repetitions: int) -> list[tuple[Arcs, Any]]:
        slot, addr, engine = registered.slot, registered.addr_name, registered.slot.engine
        future: asyncio.Future[tuple[Any, Any, Any, Any]] = asyncio.get_running_loop().create_future()

        def done(_engine: Any, _handle: Any, indication: Any, status: Any, index: Any, varbinds: Any, _ctx: Any) -> None:
            slot.garbled.delivered()
            if not future.done():
                future.set_result((indication, status, index, varbinds))

        names = [_object_name(a) for a in arcs]
        varbinds = [(name, _NULL) for name in names]
        try:
            if kind == "get":
                slot.get.send_varbinds(engine, addr, None, b"", varbinds, done)
            elif kind == "bulk" and target.version != "1":
                slot.bulk.send_varbinds(engine, addr, None, b"", 0, repetitions, varbinds, done)
            else:
                slot.next.send_varbinds(engine, addr, None, b"", varbinds, done)
        except PySnmpError as exc:
            raise SnmpError(target.name, f"cannot send the request: {exc}") from None
        self.requests_sent += 1
        started = time.monotonic()
        try:
            indication, status, index, reply = await asyncio.wait_for(future, target.total_wait * 1.25 + _GUARD_S)
        except asyncio.TimeoutError:
            indication = "guard timeout"
        self._judge_silence(target, slot, started, indication)
        if indication == "guard timeout":
            raise SnmpTimeout(target.name, f"no response from {target.address}:{target.port} within {target.total_wait:g} s")
        check_indication(target, indication)
        check_status(target, status, index, arcs)
        return [(tuple(name), value) for name, value in reply]

    # -- GET ----------------------------------------------------------------------------------

    async def aget(self, target: SnmpTarget, oids: Sequence[str], missing_ok: bool = False, raw: bool = False) -> dict[str, SnmpValue]:
        """Values of ``oids`` (numeric, dotted). Missing ones raise ``SnmpNoSuchObject``, or are left
        out of the result with ``missing_ok``."""
        result: dict[str, SnmpValue] = {}
        absent: list[str] = []
        for start in range(0, len(oids), GET_CHUNK):
            chunk = [oid.strip(".") for oid in oids[start:start + GET_CHUNK]]
            reply = await self._request(target, "get", [_name(oid) for oid in chunk])
            if len(reply) != len(chunk):
                raise SnmpMalformedReply(target.name, f"asked for {len(chunk)} values, got {len(reply)}")
            for oid, (name, value) in zip(chunk, reply):
                if _dotted(name) != oid:
                    raise SnmpMalformedReply(target.name, f"asked for {oid}, the reply carries {_dotted(name)}")
                if is_missing(value):
                    absent.append(oid)
                else:
                    result[oid] = to_python(value, raw)
        if absent and not missing_ok:
            raise SnmpNoSuchObject(target.name, absent)
        return result

    # -- WALK ---------------------------------------------------------------------------------

    async def awalk(self, target: SnmpTarget, base_oid: str, raw: bool = False, max_repetitions: int = MAX_REPETITIONS) -> list[tuple[str, SnmpValue]]:
        """Every (oid, value) under ``base_oid``, in order; [] if the agent has nothing there."""
        base = _name(base_oid)
        current = base
        rows: list[tuple[str, SnmpValue]] = []
        while True:
            reply = await self._request(target, "bulk", [current], max_repetitions)
            if not reply:
                return rows
            for name, value in reply:
                if is_missing(value) or name[:len(base)] != base:
                    return rows
                if name <= current:
                    raise SnmpMalformedReply(target.name, f"walk of {base_oid}: OID {_dotted(name)} does not increase after {_dotted(current)}")
                rows.append((_dotted(name), to_python(value, raw)))
                current = name

    async def awalk_columns(
        self, target: SnmpTarget, columns: Sequence[str], raw: bool = False, max_repetitions: int = 10
    ) -> dict[str, dict[str, SnmpValue]]:
        """Several columns of one table walked together: {column: {index: value}}.

        One GETBULK carries every column still running, so a 16-column ifTable/ifXTable read
        costs about as many requests as walking a single column.
        """
        bases = [_name(c) for c in columns]
        result: dict[str, dict[str, SnmpValue]] = {c.strip("."): {} for c in columns}
        current = {i: base for i, base in enumerate(bases)}
        while current:
            running = sorted(current)
            reply = await self._request(target, "bulk", [current[i] for i in running], max_repetitions)
            if not reply:
                return result
            finished: set[int] = set()
            for position, (name, value) in enumerate(reply):
                column = running[position % len(running)]
                if column in finished:
                    continue
                base = bases[column]
                if is_missing(value) or name[:len(base)] != base:
                    finished.add(column)
                    continue
                if name <= current[column]:
                    raise SnmpMalformedReply(target.name, f"walk of {_dotted(base)}: OID {_dotted(name)} does not increase")
                result[_dotted(base)][_dotted(name)[len(_dotted(base)) + 1:]] = to_python(value, raw)
                current[column] = name
            for column in finished:
                current.pop(column, None)
        return result

    # -- synchronous wrappers -----------------------------------------------------------------

    def register(self, targets: Iterable[SnmpTarget]) -> None:
        self.snmp_loop.run(self.aregister(list(targets)))

    def get(self, target: SnmpTarget, oids: Sequence[str], missing_ok: bool = False, raw: bool = False) -> dict[str, SnmpValue]:
        return self.snmp_loop.run(self.aget(target, oids, missing_ok, raw))

    def walk(self, target: SnmpTarget, base_oid: str, raw: bool = False) -> list[tuple[str, SnmpValue]]:
        return self.snmp_loop.run(self.awalk(target, base_oid, raw))

    def walk_columns(self, target: SnmpTarget, columns: Sequence[str], raw: bool = False) -> dict[str, dict[str, SnmpValue]]:
        return self.snmp_loop.run(self.awalk_columns(target, columns, raw))
