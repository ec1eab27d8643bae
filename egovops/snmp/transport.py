"""The engine's one UDP socket, opened by us with a large receive buffer.

Every agent answers to the same client socket. A cycle with a hundred interface walks in flight
receives a hundred 5–6 KB GETBULK replies at once; the kernel's default 208 KB receive buffer
drops most of them and the devices time out although they answered. pysnmp opens its socket
itself with the default, so the client registers its own before any target is configured, and
pysnmp reuses it. The kernel caps the request at net.core.rmem_max. The fast path (snmp/fastpath.py) sends its
requests on the same transport.
"""

from __future__ import annotations

import socket

from pysnmp.carrier.asyncio.dgram import udp
from pysnmp.entity import config
from pysnmp.entity.engine import SnmpEngine

RECEIVE_BUFFER = 8 * 2**20


def open_transport(engine: SnmpEngine) -> udp.UdpAsyncioTransport:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
    sock.setblocking(False)
    sock.bind(("0.0.0.0", 0))
    transport = udp.UdpAsyncioTransport().open_server_mode(sock=sock)
    config.add_transport(engine, udp.DOMAIN_NAME, transport)
    return transport
