"""Syslog over UDP and TCP (octet-counted per RFC 6587 §3.4.1, or newline-framed) on loopback or
any address the operator gives; every message goes to ``handler(raw, source, received_at)``."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Callable

from egovops.events.loop_thread import LoopThread

log = logging.getLogger(__name__)
Handler = Callable[[bytes, str, float], None]
RECEIVE_BUFFER = 8 * 2**20  # a burst of lines waits here while the loop is busy (capped by rmem_max)
MAX_MESSAGE = 64 * 1024  # a longer "frame" is a broken or hostile sender: the connection is closed


class _Udp(asyncio.DatagramProtocol):
    def __init__(self, handler: Handler) -> None:
        self.handler = handler

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.handler(data, addr[0], time.time())


async def _frames(reader: asyncio.StreamReader) -> bytes | None:
    """One message from a TCP stream, None at its end; the first byte tells the framing."""
    first = await reader.read(1)
    if not first:
        return None
    if first.isdigit():
        length = first + await reader.readuntil(b" ")
        size = int(length[:-1])
        if size > MAX_MESSAGE:
            raise ValueError(f"frame of {size} bytes")
        return await reader.readexactly(size)
    line = first + await reader.readuntil(b"\n")
    return line


class SyslogReceiver:
    """UDP and TCP syslog on ``host``; port 0 picks a free one (see ``udp_port``/``tcp_port``)."""

    def __init__(self, handler: Handler, host: str = "0.0.0.0", udp_port: int | None = 514,
                 tcp_port: int | None = 514) -> None:
        self.handler, self.host = handler, host
        self.udp_port, self.tcp_port = udp_port, tcp_port
        self._thread = LoopThread("egovops-syslog")
        self._udp: asyncio.DatagramTransport | None = None
        self._tcp: asyncio.AbstractServer | None = None

    def start(self) -> None:
        self._thread.start()
        try:
            self._thread.call(self._open())
        except BaseException:
            self._thread.stop()
            raise

    async def _open(self) -> None:
        loop = asyncio.get_running_loop()
        if self.udp_port is not None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
            sock.bind((self.host, self.udp_port))
            self._udp, _ = await loop.create_datagram_endpoint(lambda: _Udp(self.handler), sock=sock)
            self.udp_port = self._udp.get_extra_info("sockname")[1]
        if self.tcp_port is not None:
            self._tcp = await asyncio.start_server(self._serve, self.host, self.tcp_port, limit=MAX_MESSAGE)
            self.tcp_port = self._tcp.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        source = writer.get_extra_info("peername")[0]
        try:
            while (message := await _frames(reader)) is not None:
                self.handler(message, source, time.time())
        except asyncio.IncompleteReadError as end:
            if end.partial.strip():  # the last line of a sender that closed without a newline
                self.handler(end.partial, source, time.time())
        except (ValueError, asyncio.LimitOverrunError, ConnectionError) as exc:
            log.warning("syslog from %s: connection closed: %s", source, exc)
        finally:
            writer.close()

    async def _close(self) -> None:
        if self._udp is not None:
            self._udp.close()
        if self._tcp is not None:
            self._tcp.close()
            await self._tcp.wait_closed()

    def stop(self) -> None:
        if self._thread.loop is not None:
            self._thread.call(self._close())
        self._thread.stop()
