"""Noticing agents that answer with data that is not an SNMP message.

pysnmp drops an undecodable datagram after counting it in snmpInASNParseErrs, so the request it
answered simply times out, and the operator would be told "no response" about an agent that did
respond. Wrapping the engine's receive path records which addresses sent such data, and when, so
that a timeout can be reported as the malformed reply it really was.
"""

from __future__ import annotations

import time
from typing import Any

from pysnmp.entity.engine import SnmpEngine

_COUNTERS = ("snmpInASNParseErrs", "snmpInBadVersions")


class GarbledReplies:
    def __init__(self, engine: SnmpEngine) -> None:
        builder = engine.get_mib_builder()
        self._counters = builder.import_symbols("__SNMPv2-MIB", *_COUNTERS)
        self.last_seen: dict[tuple[str, int], float] = {}
        dispatcher = engine.message_dispatcher
        original = dispatcher.receive_message

        def receive(snmp_engine: Any, domain: Any, address: Any, whole_msg: bytes) -> Any:
            before = self._count()
            try:
                return original(snmp_engine, domain, address, whole_msg)
            finally:
                if self._count() != before:
                    self.last_seen[(str(address[0]), int(address[1]))] = time.monotonic()

        dispatcher.receive_message = receive  # type: ignore[method-assign]

    def _count(self) -> int:
        return sum(int(counter.syntax) for counter in self._counters)

    def since(self, address: str, port: int, started: float) -> bool:
        """Whether ``address:port`` sent undecodable data after ``started`` (time.monotonic)."""
        return self.last_seen.get((address, port), -1.0) >= started
