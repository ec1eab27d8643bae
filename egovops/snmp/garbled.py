"""Noticing agents that answer with something that is not a reply to the request.

pysnmp drops an undecodable datagram after counting it in snmpInASNParseErrs, and drops a
well-formed response whose request-id (or community) matches no pending request without counting
anything; either way the request it answered simply times out, and the operator would be told "no
response" about an agent that did respond. Wrapping the engine's receive path records, per
address, when such data arrived, so that a timeout can be reported as the malformed reply it
really was. An exception pysnmp or pyasn1 raises on a hostile datagram is recorded the same way
and never reaches the event loop, which would print its traceback on stderr.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from pysnmp.entity.engine import SnmpEngine

log = logging.getLogger(__name__)

_COUNTERS = ("snmpInASNParseErrs", "snmpInBadVersions")


class GarbledReplies:
    def __init__(self, engine: SnmpEngine) -> None:
        builder = engine.get_mib_builder()
        self._counters = builder.import_symbols("__SNMPv2-MIB", *_COUNTERS)
        self.last_seen: dict[tuple[str, int], float] = {}  # undecodable data
        self.unmatched: dict[tuple[str, int], float] = {}  # decodable, but answering no pending request
        self.malformed_total = 0
        self._delivered = False
        # The fast path's receive hook (snmp/fastpath.py): a datagram it takes never reaches pysnmp.
        self.intercept: Callable[[tuple[str, int], bytes], bool] | None = None
        dispatcher = engine.message_dispatcher
        original = dispatcher.receive_message

        def receive(snmp_engine: Any, domain: Any, address: Any, whole_msg: bytes) -> Any:
            peer = (str(address[0]), int(address[1]))
            if self.intercept is not None and self.intercept(peer, whole_msg):
                return b""
            before = self._count()
            self._delivered = False
            try:
                return original(snmp_engine, domain, address, whole_msg)
            except Exception as exc:  # noqa: BLE001 - hostile input must not become a loop traceback
                log.debug("datagram from %s:%s could not be processed: %r", *peer, exc)
                self._mark(self.last_seen, peer)
                return b""
            finally:
                if self._count() != before:
                    self._mark(self.last_seen, peer)
                elif not self._delivered:
                    self._mark(self.unmatched, peer)

        dispatcher.receive_message = receive  # type: ignore[method-assign]

    def _mark(self, table: dict[tuple[str, int], float], peer: tuple[str, int]) -> None:
        table[peer] = time.monotonic()
        self.malformed_total += 1

    def delivered(self) -> None:
        """Called by the client's callback: the datagram being received answered a request."""
        self._delivered = True

    def _count(self) -> int:
        return sum(int(counter.syntax) for counter in self._counters)

    def since(self, address: str, port: int, started: float) -> bool:
        """Whether ``address:port`` sent undecodable data after ``started`` (time.monotonic)."""
        return self.last_seen.get((address, port), -1.0) >= started

    def unmatched_since(self, address: str, port: int, started: float) -> bool:
        """Whether ``address:port`` sent a message that answered no pending request (a wrong
        request-id or community: a late, misrouted or forged reply) after ``started``."""
        return self.unmatched.get((address, port), -1.0) >= started
