"""Is the device there at all? ICMP echo where the OS allows it unprivileged, else the SNMP answer.

Linux grants unprivileged ICMP "datagram" sockets only to groups in net.ipv4.ping_group_range
(often "1 0", i.e. nobody). The console never asks for root or CAP_NET_RAW: where the socket is
refused it falls back to "did SNMP answer", and the status records which method decided.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import socket
import struct
import time

_ECHO_REQUEST, _ECHO_REPLY = 8, 0


def icmp_allowed() -> bool:
    try:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP)
    except OSError:
        return False
    sock.close()
    return True


def _checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\x00"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    total = (total >> 16) + (total & 0xFFFF)
    total += total >> 16
    return ~total & 0xFFFF


class Pinger:
    """Many concurrent echo requests over one unprivileged ICMP socket on the running loop."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP)
        self._sock.setblocking(False)
        self._sequence = itertools.count(1)
        self._waiting: dict[tuple[str, int], asyncio.Future[float]] = {}
        self._loop = asyncio.get_running_loop()
        self._loop.add_reader(self._sock.fileno(), self._receive)
        self._payload = os.urandom(16)

    def _receive(self) -> None:
        while True:
            try:
                data, (address, _port) = self._sock.recvfrom(2048)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            if len(data) < 8 or data[0] != _ECHO_REPLY:
                continue
            sequence = struct.unpack("!H", data[6:8])[0]
            future = self._waiting.pop((address, sequence), None)
            if future is not None and not future.done():
                future.set_result(time.monotonic())

    async def ping(self, address: str, timeout: float) -> float | None:
        """Round-trip seconds, or None when no echo reply came within ``timeout``."""
        sequence = next(self._sequence) & 0xFFFF
        header = struct.pack("!BBHHH", _ECHO_REQUEST, 0, 0, 0, sequence)  # the kernel sets the identifier
        packet = header[:2] + struct.pack("!H", _checksum(header + self._payload)) + header[4:] + self._payload
        future: asyncio.Future[float] = self._loop.create_future()
        self._waiting[(address, sequence)] = future
        started = time.monotonic()
        try:
            self._sock.sendto(packet, (address, 0))
            return (await asyncio.wait_for(future, timeout)) - started
        except (asyncio.TimeoutError, OSError):
            return None
        finally:
            self._waiting.pop((address, sequence), None)

    def close(self) -> None:
        self._loop.remove_reader(self._sock.fileno())
        self._sock.close()
