"""Writing snmpsim's ``.snmprec`` format: one ``OID|tag|value`` line per object, sorted by OID.

Tags are ASN.1 type numbers (2 Integer, 4 OctetString, 6 OID, 64 IpAddress, 65 Counter32,
66 Gauge32, 67 TimeTicks, 70 Counter64); a tag ending in ``x`` carries the value in hex, and
``TAG:numeric|options`` hands the value to snmpsim's numeric variation module, which is how
counters advance and loads move while the agent runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

INTEGER, OCTETS, OID, IPADDR, COUNTER32, GAUGE32, TIMETICKS, COUNTER64 = 2, 4, 6, 64, 65, 66, 67, 70


class Records:
    """The objects of one simulated agent, keyed by OID so later values replace earlier ones."""

    def __init__(self) -> None:
        self._lines: dict[tuple[int, ...], str] = {}

    def add_raw(self, line: str) -> None:
        """A line already in snmprec form (copied from a recording)."""
        oid = line.split("|", 1)[0]
        self._lines[_key(oid)] = line

    def add(self, oid: str, tag: int, value: object) -> None:
        self._lines[_key(oid)] = f"{oid}|{tag}|{value}"

    def text(self, oid: str, value: str | bytes) -> None:
        """An OctetString: plain when printable ASCII, else hex (UTF-8 for text)."""
        raw = value.encode("utf-8") if isinstance(value, str) else value
        if all(0x20 <= b < 0x7F for b in raw) and b"|" not in raw:
            self._lines[_key(oid)] = f"{oid}|4|{raw.decode('ascii')}"
        else:
            self._lines[_key(oid)] = f"{oid}|4x|{raw.hex()}"

    def numeric(self, oid: str, tag: int | str, **options: float | str) -> None:
        """A value computed at each request by snmpsim's numeric variation module."""
        spec = ",".join(f"{k}={_fmt(v)}" for k, v in options.items())
        self._lines[_key(oid)] = f"{oid}|{tag}:numeric|{spec}"

    def get(self, oid: str) -> str | None:
        return self._lines.get(_key(oid))

    def __len__(self) -> int:
        return len(self._lines)

    def lines(self) -> Iterable[str]:
        for key in sorted(self._lines):
            yield self._lines[key]

    def write(self, path: Path) -> None:
        """Write atomically: the agent may be indexing the previous version at this moment."""
        partial = path.with_name(path.name + ".part")
        partial.write_text("\n".join(self.lines()) + "\n", "latin-1")  # recorded bytes round-trip
        partial.replace(path)


def _key(oid: str) -> tuple[int, ...]:
    return tuple(map(int, oid.split(".")))


def _fmt(value: float | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
