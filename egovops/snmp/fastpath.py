"""Community-based GET/GETNEXT/GETBULK encoded and decoded without pysnmp (issue 21).

The request is encoded here and sent on the engine's own UDP transport; the engine's receive path
(snmp/garbled.py) offers every datagram to ``FastPath.intercept`` first, which takes only a clean
response: one that egovops.snmp.ber decodes, carrying the request-id, community and version of a
pending request sent to that very address, with error-status 0. Anything else is pysnmp's, exactly
as before: a response with an error status, or data from a peer that the narrow decoder rejects,
sends the request again through pysnmp (``FALL_BACK``), so errors, odd encodings and hostile
agents are judged by the one engine they always were. SNMPv3 never comes here.

``EGOVOPS_SNMP_FAST_PATH=0`` (or ``SnmpClient(fast_path=False)``) turns it off: the equality test
and the benchmark read the same agents both ways.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import random
from dataclasses import dataclass
from typing import Any

from egovops.snmp import ber
from egovops.snmp.target import SnmpTarget

ENABLED = os.environ.get("EGOVOPS_SNMP_FAST_PATH", "1") != "0"
FALL_BACK = "fall back"  # the request goes to pysnmp
TIMED_OUT = "timed out"
_PDU = {"get": ber.GET, "next": ber.GET_NEXT, "bulk": ber.GET_BULK}


@dataclass
class _Pending:
    peer: tuple[str, int]
    community: bytes
    version: int
    future: asyncio.Future[Any]


def eligible(target: SnmpTarget) -> bool:
    """v1/v2c to an IPv4 literal: the receive path compares the reply's source with the address."""
    if target.version == "3" or target.community is None or not target.community.reveal().isascii():
        return False  # a non-ASCII community: pysnmp's encoding of it is the reference
    try:
        return ipaddress.ip_address(target.address).version == 4
    except ValueError:
        return False  # a host name: pysnmp resolves it


class FastPath:
    def __init__(self, transport: Any) -> None:
        self._transport = transport
        self._pending: dict[int, _Pending] = {}
        self._next_id = random.randrange(1, 2**31 - 1)

    def _request_id(self) -> int:
        while True:
            self._next_id = self._next_id % (2**31 - 1) + 1
            if self._next_id not in self._pending:
                return self._next_id

    def intercept(self, peer: tuple[str, int], data: bytes) -> bool:
        """Take ``data`` if it answers a pending request; False leaves it to pysnmp."""
        if not self._pending:
            return False
        try:
            response = ber.decode_response(data)
        except (ber.BerError, ValueError, IndexError):
            self._fall_back(peer)  # maybe an encoding pysnmp accepts: let it redo this peer's requests
            return False
        pending = self._pending.get(response.request_id)
        if (pending is None or pending.peer != peer or pending.community != response.community
                or pending.version != response.version):
            return False  # late, forged or misrouted: pysnmp counts it as unmatched, as before
        del self._pending[response.request_id]
        if not pending.future.done():
            pending.future.set_result(FALL_BACK if response.error_status else response.varbinds)
        return True

    def _fall_back(self, peer: tuple[str, int]) -> None:
        for request_id, pending in list(self._pending.items()):
            if pending.peer == peer:
                del self._pending[request_id]
                if not pending.future.done():
                    pending.future.set_result(FALL_BACK)

    async def request(self, target: SnmpTarget, kind: str, names: list[tuple[int, ...]], repetitions: int = 0) -> Any:
        """The reply's varbinds, ``FALL_BACK`` or ``TIMED_OUT`` (after every try, as pysnmp would)."""
        assert target.community is not None  # eligible() and SnmpTarget guarantee it
        version = 0 if target.version == "1" else 1
        pdu = ber.GET_NEXT if kind == "bulk" and version == 0 else _PDU[kind]
        community = target.community.reveal().encode("utf-8")
        request_id = self._request_id()
        message = ber.encode_request(version, community, pdu, request_id, names, repetitions)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        peer = (target.address, target.port)
        self._pending[request_id] = _Pending(peer, community, version, future)
        try:
            for _ in range(target.retries + 1):
                try:
                    self._transport.send_message(message, peer)
                except Exception:  # noqa: BLE001 - pysnmp sends it again and reports the failure its way
                    return FALL_BACK
                done, _ = await asyncio.wait((future,), timeout=target.timeout)
                if done:
                    return future.result()
            return TIMED_OUT
        finally:
            self._pending.pop(request_id, None)

    def close(self) -> None:
        for pending in self._pending.values():
            if not pending.future.done():
                pending.future.cancel()
        self._pending.clear()
