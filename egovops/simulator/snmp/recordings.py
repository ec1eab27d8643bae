"""Lines taken from the real recordings in snmpsim-data, trimmed to what a family keeps.

The recordings are large (the S12704 one is 650,000 lines, 40 MB unpacked), so each family's kept
lines are extracted once and cached as a small file in the demo folder; the simulator never points
snmpsim at the snmpsim-data package itself.
"""

from __future__ import annotations

import bz2
import hashlib
import os
from importlib import metadata
from pathlib import Path

import platformdirs

from egovops.errors import EgovopsError
from egovops.simulator.snmp.families import SYSTEM_KEEP, Family


class RecordingError(EgovopsError):
    """A recording is missing from snmpsim-data or is not in snmprec format."""


def _data_root() -> Path:
    try:
        import snmpsim_data
    except ImportError:
        raise RecordingError("the snmpsim-data package is not installed; install egovops[demo]") from None
    return Path(snmpsim_data.__file__).parent / "data"


def _pattern(prefix: str) -> list[str]:
    return prefix.split(".")


def _matches(arcs: list[str], pattern: list[str]) -> bool:
    if len(arcs) < len(pattern):
        return False
    return all(p == "*" or p == a for p, a in zip(pattern, arcs))


def _extract(family: Family) -> list[str]:
    path = _data_root() / f"{family.recording}.snmprec.bz2"
    if not path.exists():
        raise RecordingError(f"snmpsim-data has no recording {family.recording} (needed for {family.name})")
    prefixes = SYSTEM_KEEP + family.keep + family.cpu + family.memory
    patterns = [_pattern(p) for p in prefixes]
    # str.startswith on the literal part before any '*' discards almost every line in C
    literal = tuple(p.split("*", 1)[0] for p in prefixes)
    kept: list[str] = []
    with bz2.open(path, "rt", encoding="latin-1") as text:
        for number, line in enumerate(text, 1):
            if not line.startswith(literal):
                continue
            oid, sep, _rest = line.partition("|")
            if not sep:
                raise RecordingError(f"{path.name} line {number} is not 'OID|tag|value'")
            arcs = oid.split(".")
            if any(_matches(arcs, p) for p in patterns):
                kept.append(line.rstrip("\r\n"))
    return kept


def _cache_key(family: Family) -> str:
    """snmpsim-data's version and what the family keeps: either changing makes a new cache file."""
    try:
        version = metadata.version("snmpsim-data")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"{version}-{hashlib.blake2b(repr(family).encode(), digest_size=4).hexdigest()}"


def default_cache_dir() -> Path:
    """Per user, not per data folder: the extracts depend only on snmpsim-data, and every new demo
    (each test, each benchmark) would otherwise unpack 40 MB recordings again."""
    return Path(platformdirs.user_cache_dir("egovops", appauthor=False)) / "snmpsim-recordings"


def base_lines(family: Family, cache_dir: Path) -> list[str]:
    """The family's kept recording lines as ``OID|tag|value`` text, from the cache when present."""
    cache = cache_dir / f"{family.name}-{_cache_key(family)}.snmprec"
    if cache.exists():
        return cache.read_text("latin-1").splitlines()
    lines = _extract(family)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cache.with_suffix(f".{os.getpid()}.part")
    partial.write_text("\n".join(lines) + "\n", "latin-1")
    partial.replace(cache)  # atomic, so parallel agents never read half a cache file
    return lines
