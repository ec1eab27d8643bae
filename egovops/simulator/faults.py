"""Faults injected into the running demo: what they are and the file the agents read them from.

Faults live in ``<data dir>/demo/faults.json``, never in egovops's store: they change what the
simulated agents answer, and the console has to discover them the way it would on a real network.
Every writer (the ``demo fault`` command, the chaos loop) takes an exclusive lock around its
read-modify-write, and replaces the file atomically so an agent never reads half of it.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from egovops.errors import NotFoundError, ValidationError

# kind -> number of targets (device names, or a device name and a port name)
KINDS = {
    "device-down": 1,
    "link-down": 2,
    "cpu-high": 1,
    "interface-errors": 2,
    "cross-connect": 2,
}


@dataclass(frozen=True)
class Fault:
    id: int
    kind: str
    targets: tuple[str, ...]
    since: float

    def describe(self) -> str:
        return f"{self.kind} {' '.join(self.targets)}"


@dataclass(frozen=True)
class FaultSet:
    """The active faults as the agents need them: quick membership tests by device and port."""

    faults: tuple[Fault, ...] = ()

    def of_kind(self, kind: str) -> list[Fault]:
        return [f for f in self.faults if f.kind == kind]

    def down_devices(self) -> set[str]:
        return {f.targets[0] for f in self.of_kind("device-down")}

    def down_links(self) -> set[frozenset[str]]:
        return {frozenset(f.targets) for f in self.of_kind("link-down")}

    def cpu_high(self) -> dict[str, float]:
        return {f.targets[0]: f.since for f in self.of_kind("cpu-high")}

    def error_ports(self) -> dict[tuple[str, str], float]:
        return {(f.targets[0], f.targets[1]): f.since for f in self.of_kind("interface-errors")}

    def cross_connects(self) -> list[tuple[str, str]]:
        return [(f.targets[0], f.targets[1]) for f in self.of_kind("cross-connect")]

    def touching(self, device: str) -> bool:
        return any(device in f.targets for f in self.faults)


def faults_path(demo_dir: Path) -> Path:
    return demo_dir / "faults.json"


def read_faults(demo_dir: Path) -> FaultSet:
    """The active faults; an absent file means none. A garbled file is an error naming the file."""
    path = faults_path(demo_dir)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return FaultSet()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValidationError(f"fault file {path} is not valid JSON: {exc}") from None
    try:
        return FaultSet(tuple(Fault(int(f["id"]), str(f["kind"]), tuple(f["targets"]), float(f["since"])) for f in data["faults"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(f"fault file {path} has a malformed entry: {exc!r}") from None


@contextmanager
def _locked(demo_dir: Path) -> Iterator[None]:
    demo_dir.mkdir(parents=True, exist_ok=True)
    with open(demo_dir / "faults.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write(demo_dir: Path, faults: tuple[Fault, ...], next_id: int) -> None:
    path = faults_path(demo_dir)
    partial = path.with_name(f"faults.{os.getpid()}.part")
    body = {"next_id": next_id, "faults": [asdict(f) for f in faults]}
    partial.write_text(json.dumps(body, ensure_ascii=False, indent=1), "utf-8")
    partial.replace(path)


def _next_id(demo_dir: Path, current: FaultSet) -> int:
    try:
        stored = int(json.loads(faults_path(demo_dir).read_text("utf-8")).get("next_id", 1))
    except (FileNotFoundError, ValueError, AttributeError):
        stored = 1
    return max([stored] + [f.id + 1 for f in current.faults])


def add_fault(demo_dir: Path, kind: str, targets: tuple[str, ...]) -> Fault:
    """Record a fault (already validated against the demo). The same fault twice is refused."""
    if KINDS.get(kind) != len(targets):
        raise ValidationError(f"fault {kind!r} needs {KINDS.get(kind, '?')} target(s), got {len(targets)}")
    with _locked(demo_dir):
        current = read_faults(demo_dir)
        for existing in current.faults:
            same = existing.targets == targets or (kind in ("link-down", "cross-connect") and set(existing.targets) == set(targets))
            if existing.kind == kind and same:
                raise ValidationError(f"fault {existing.id} ({existing.describe()}) is already active")
        number = _next_id(demo_dir, current)
        fault = Fault(number, kind, targets, time.time())
        _write(demo_dir, current.faults + (fault,), number + 1)
        return fault


def clear_faults(demo_dir: Path, fault_id: int | None = None) -> list[Fault]:
    """Clear one fault by id, or all of them; returns what was cleared."""
    with _locked(demo_dir):
        current = read_faults(demo_dir)
        if fault_id is None:
            cleared, kept = list(current.faults), ()
        else:
            cleared = [f for f in current.faults if f.id == fault_id]
            if not cleared:
                raise NotFoundError(f"no active fault with id {fault_id}")
            kept = tuple(f for f in current.faults if f.id != fault_id)
        _write(demo_dir, kept, _next_id(demo_dir, current))
        return cleared


class FaultWatch:
    """The active faults, re-read only when the file changed (cheap enough to ask per connection)."""

    def __init__(self, demo_dir: Path) -> None:
        self.demo_dir = demo_dir
        self._stamp = -1
        self._faults = FaultSet()

    def current(self) -> FaultSet:
        try:
            stamp = faults_path(self.demo_dir).stat().st_mtime_ns
        except FileNotFoundError:
            stamp = 0
        if stamp != self._stamp:
            try:
                self._faults = read_faults(self.demo_dir)
                self._stamp = stamp
            except ValidationError:
                pass  # keep the last good faults; the agents log the garbled file
        return self._faults

    def is_down(self, device: str) -> bool:
        return device in self.current().down_devices()
