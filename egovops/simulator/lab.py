"""A lab of emulated devices behind real OpenSSH sshd processes, for the tests, the demo and benchmarks.

Each emulated device is one listening port of an sshd started with its own config and host key
(generated with ssh-keygen); ``Match LocalPort`` picks the emulator's vendor and hostname as
ForceCommand. One sshd listens on at most 16 ports (OpenSSH's limit), so larger labs start several.
Logins are as the current user with a key the lab generates; everything listens on loopback only
(127.0.0.1 by default, or a device's own 127.x.y.z address, e.g. the demo province's).
"""

from __future__ import annotations

import os
import pwd
import shlex
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import egovops
from egovops.inventory.model import Device

SSHD = "/usr/sbin/sshd"
KEY_PASSPHRASE = "lab-key-Passphrase-5821"
ENABLE_SECRET = "lab-Enable-Secret-3390"
PORTS_PER_SSHD = 16


def free_ports(count: int) -> list[int]:
    """Ports the kernel says are free right now (held open together so they differ)."""
    holders = []
    for _ in range(count):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        holders.append(s)
    ports = [s.getsockname()[1] for s in holders]
    for s in holders:
        s.close()
    return ports


def keygen(path: Path, passphrase: str = "", kind: str = "ed25519") -> Path:
    for old in (path, path.with_suffix(".pub")):
        old.unlink(missing_ok=True)
    subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", passphrase, "-C", "egovops-test", "-f", str(path)],
                   check=True, capture_output=True, timeout=60)
    return path


def host_fingerprint(key: Path) -> str:
    out = subprocess.run(["ssh-keygen", "-lf", str(key)], check=True, capture_output=True, text=True).stdout
    return out.split()[1]


@dataclass(frozen=True)
class LabDevice:
    """An emulated device behind one sshd port."""

    name: str
    vendor: str
    weak: str = ""
    clock_offset: float = 0.0
    enable: bool = False  # starts unprivileged; enable/super asks for ENABLE_SECRET
    port: int = 0  # 0: a free port is chosen when the lab starts
    address: str = "127.0.0.1"

    def __post_init__(self) -> None:
        if not self.address.startswith("127."):
            raise ValueError(f"{self.name}: the lab listens on loopback only, not {self.address}")

    def device(self) -> Device:
        return Device(self.name, self.address, "intranet", "安徽省", ssh_port=self.port, vendor=self.vendor)


def lab_devices_for(devices: list[Device], weak_every: int = 0) -> list[LabDevice]:
    """Emulate inventory devices at their own loopback address and SSH port (vendors the emulator
    knows only); with ``weak_every`` N, every Nth fails the whole baseline."""
    from egovops.simulator.spec import VENDORS

    chosen = [d for d in devices if d.vendor in VENDORS and d.address.startswith("127.")]
    return [LabDevice(d.name, d.vendor, weak="all" if weak_every and i % weak_every == 0 else "", port=d.ssh_port,
                      address=d.address) for i, d in enumerate(chosen)]


@dataclass
class Sshd:
    """One sshd process serving up to 16 emulated devices."""

    root: Path
    devices: list[LabDevice]
    authorized_keys: Path
    extra_config: tuple[str, ...] = ()  # sshd_config lines that take precedence over the lab's own
    host_key: Path = field(init=False)
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.host_key = self.root / "ssh_host_ed25519_key"
        keygen(self.host_key)
        (self.root / "enable_secret").write_text(ENABLE_SECRET)

    def command_log(self, name: str) -> list[str]:
        path = self.root / f"{name}.log"
        return path.read_text("utf-8").splitlines() if path.exists() else []

    def _force_command(self, d: LabDevice) -> str:
        args = [sys.executable, "-S", "-m", "egovops.simulator.shell", "--vendor", d.vendor, "--hostname", d.name,
                "--log", str(self.root / f"{d.name}.log")]
        if d.weak:
            args += ["--weak", d.weak]
        if d.clock_offset:
            args += ["--clock-offset", str(d.clock_offset)]
        if d.enable:
            args += ["--enable-secret-file", str(self.root / "enable_secret")]
        return shlex.join(args)

    def _write_config(self) -> Path:
        lines = [f"ListenAddress {d.address}:{d.port}" for d in self.devices] + [
            f"HostKey {self.host_key}", f"PidFile {self.root / 'sshd.pid'}", "UsePAM no", "StrictModes no",
            "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "PubkeyAuthentication yes", f"AuthorizedKeysFile {self.authorized_keys}",
            # The default 10:30:100 drops 20-40 % of 50 concurrent logins.
            "MaxStartups 200:30:400", "PrintMotd no", "PrintLastLog no", "UseDNS no", "X11Forwarding no",
            "AllowTcpForwarding no", "LogLevel ERROR",
            # The emulator (run with -S: stdlib only, faster logins) comes from this source tree.
            # HOME points into the lab: bash, run by sshd for ForceCommand, sources ~/.bashrc, and a
            # developer's rc (pyenv init, conda…) can cost seconds per login and serialise on locks.
            f"SetEnv PYTHONPATH={Path(egovops.__file__).resolve().parent.parent} HOME={self.root}",
        ]
        lines = list(self.extra_config) + lines  # sshd keeps the first value of each keyword
        for d in self.devices:
            lines += [f"Match LocalPort {d.port}", f"    ForceCommand {self._force_command(d)}"]
        config = self.root / "sshd_config"
        config.write_text("\n".join(lines) + "\n")
        return config

    def start(self) -> None:
        if os.geteuid() == 0:
            os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # sshd's privilege separation directory
        config = self._write_config()
        log = open(self.root / "sshd.stderr", "ab")
        self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + 15
        for d in self.devices:
            while not _answers_ssh(d.address, d.port):
                if self.process.poll() is not None or time.monotonic() > deadline or "Bind to port" in self._errors():
                    self.stop()
                    raise RuntimeError(f"sshd did not start: {self._errors()}")
                time.sleep(0.05)
        # sshd carries on when only some of its ports could be bound; another server (a running
        # demo, say) may be answering on the others, so a lab with a missing port is refused.
        if "Bind to port" in self._errors():
            self.stop()
            raise RuntimeError(f"sshd could not listen on every device's port: {self._errors()}")

    def _errors(self) -> str:
        return (self.root / "sshd.stderr").read_text(errors="replace")[-2000:]

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None

    def restart_with_new_host_key(self) -> None:
        self.stop()
        keygen(self.host_key)
        self.start()

    @property
    def fingerprint(self) -> str:
        return host_fingerprint(self.host_key)


def _answers_ssh(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=1) as s:
            return s.recv(16).startswith(b"SSH-2.0-OpenSSH")
    except OSError:
        return False


@dataclass
class SshLab:
    """Emulated devices over real sshd processes, and the client key that logs in to them."""

    root: Path
    client_key: Path
    servers: list[Sshd] = field(default_factory=list)

    @property
    def user(self) -> str:
        # The account sshd logs in as is the one running it: the real uid, not LOGNAME/USER.
        return pwd.getpwuid(os.getuid()).pw_name

    def start(self, devices: list[LabDevice], extra_config: tuple[str, ...] = ()) -> list[LabDevice]:
        """Start sshd processes for ``devices`` (ports assigned here); returns them with their ports."""
        placed = [replace(d, port=d.port or port) for d, port in zip(devices, free_ports(len(devices)))]
        for i in range(0, len(placed), PORTS_PER_SSHD):
            server = Sshd(self.root / f"sshd{len(self.servers)}", placed[i:i + PORTS_PER_SSHD], self.root / "authorized_keys",
                          extra_config)
            server.start()
            self.servers.append(server)
        return placed

    def server_of(self, name: str) -> Sshd:
        return next(s for s in self.servers if any(d.name == name for d in s.devices))

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


def make_lab(root: Path, passphrase: str = KEY_PASSPHRASE) -> SshLab:
    root.mkdir(parents=True, exist_ok=True)
    key = keygen(root / "id_ed25519", passphrase)
    (root / "authorized_keys").write_text(key.with_suffix(".pub").read_text())
    return SshLab(root, key)
