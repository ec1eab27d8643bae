"""SSH for the demo's network devices: an in-process paramiko server speaking each vendor's CLI.

Every simulated switch and router gets its own listening socket (its loopback address and SSH
port); a login with the ``demo-ssh`` profile's user and password gets the vendor CLI emulator of
``egovops.simulator`` (the same one the procedures' tests use), as an interactive shell with paging,
or one command per exec request. The host key is generated once per data folder and kept, so
egovops's known-hosts check works across runs. Some devices deliberately fail parts of the
graded-protection baseline. A ``device-down`` fault makes a device drop new connections at once.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import selectors
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import paramiko

from egovops.credentials.profiles import Secret
from egovops.simulator.cli import VendorCli
from egovops.simulator.shell import Shell
from egovops.simulator.spec import VENDORS, WEAKNESSES, DeviceSpec
from egovops.simulator.snmp.responder import raise_file_limit
from egovops.simulator.snmp.topology import Province, SimDevice

log = logging.getLogger("egovops.demo.ssh")
HANDSHAKE_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class SshLogin:
    user: str
    password: Secret
    enable_password: Secret | None = None


def host_key(folder: Path) -> paramiko.PKey:
    """The demo's SSH host key, generated on first use and kept (owner-only) in the demo folder."""
    path = folder / "ssh_host_rsa_key"
    if path.exists():
        return paramiko.RSAKey.from_private_key_file(str(path))
    key = paramiko.RSAKey.generate(2048)
    partial = path.with_suffix(".part")
    with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as out:
        key.write_private_key(out)
    partial.replace(path)
    return key


def weaknesses_of(name: str) -> frozenset[str]:
    """About a third of the devices pass the baseline; the others fail one to three items."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    if digest[0] % 3 == 0:
        return frozenset()
    items = sorted(WEAKNESSES)
    return frozenset(items[b % len(items)] for b in digest[1:2 + digest[0] % 3])


def device_spec(device: SimDevice, province: Province) -> DeviceSpec:
    return DeviceSpec(
        device.vendor, device.name, ports=province.port_count(device.name),
        used_ports=len(province.cables.get(device.name, [])), weaknesses=weaknesses_of(device.name),
    )


class _Login(paramiko.ServerInterface):
    def __init__(self, login: SshLogin) -> None:
        self.login = login
        self.ready = threading.Event()
        self.command: str | None = None

    def get_allowed_auths(self, username: str) -> str:
        return "password"

    def check_auth_password(self, username: str, password: str) -> int:
        ok = hmac.compare_digest(username.encode(), self.login.user.encode())
        ok &= hmac.compare_digest(password.encode(), self.login.password.reveal().encode())
        return paramiko.AUTH_SUCCESSFUL if ok else paramiko.AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        return paramiko.OPEN_SUCCEEDED if kind == "session" else paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_pty_request(self, *_args: object) -> bool:
        return True

    def check_channel_shell_request(self, channel: paramiko.Channel) -> bool:
        self.ready.set()
        return True

    def check_channel_exec_request(self, channel: paramiko.Channel, command: bytes) -> bool:
        self.command = command.decode("utf-8", "replace")
        self.ready.set()
        return True


class _ChannelTerminal:
    """The emulator's shell expects a terminal; this one is an SSH channel with a pty."""

    interactive = True

    def __init__(self, channel: paramiko.Channel) -> None:
        self.channel = channel

    def write(self, data: bytes) -> None:
        self.channel.sendall(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))

    def read(self) -> bytes:
        return self.channel.recv(4096)


class SshEndpoints:
    """Listening sockets for every device with a vendor CLI, served from one selector thread."""

    def __init__(self, folder: Path, province: Province, login: SshLogin, is_down: Callable[[str], bool]) -> None:
        self.key = host_key(folder)
        self.province = province
        self.login = login
        self.is_down = is_down
        self.selector = selectors.DefaultSelector()
        self.listeners: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> int:
        raise_file_limit(len(self.province.devices) + 256)  # one listening socket per device, plus sessions
        for device in self.province.devices.values():
            if device.vendor not in VENDORS:
                continue  # servers have no vendor CLI
            listener = socket.create_server((device.address, device.ssh_port), backlog=16)
            listener.setblocking(False)
            self.selector.register(listener, selectors.EVENT_READ, device)
            self.listeners.append(listener)
        self._thread = threading.Thread(target=self._accept_loop, name="demo-ssh", daemon=True)
        self._thread.start()
        return len(self.listeners)

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            for event, _mask in self.selector.select(timeout=0.5):
                device: SimDevice = event.data
                try:
                    conn, _addr = event.fileobj.accept()  # type: ignore[union-attr]
                except OSError:
                    continue
                if self.is_down(device.name):
                    conn.close()  # a device that is down ends every connection at once
                    continue
                threading.Thread(target=self._session, args=(conn, device), daemon=True).start()

    def _session(self, conn: socket.socket, device: SimDevice) -> None:
        conn.setblocking(True)
        transport = paramiko.Transport(conn)
        transport.add_server_key(self.key)
        login = _Login(self.login)
        try:
            transport.start_server(server=login)
            channel = transport.accept(HANDSHAKE_TIMEOUT_S)
            if channel is None or not login.ready.wait(HANDSHAKE_TIMEOUT_S):
                return
            enable = self.login.enable_password.reveal() if self.login.enable_password else None
            cli = VendorCli(device_spec(device, self.province), enable_secret=enable)
            if login.command is not None:  # exec: one command, no paging, then the exit status
                cli.paging = False
                channel.sendall((cli.handle(login.command).text + "\n").replace("\n", "\r\n").encode())
                channel.send_exit_status(0)
            else:
                Shell(cli, _ChannelTerminal(channel), lambda _line: None).run()
            channel.close()
        except (paramiko.SSHException, OSError, EOFError) as exc:
            log.info("%s: SSH session ended: %s", device.name, type(exc).__name__)
        finally:
            transport.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        for listener in self.listeners:
            self.selector.unregister(listener)
            listener.close()
        self.selector.close()
