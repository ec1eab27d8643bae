"""Downloads every wheel an installer for another platform needs and checks what it would carry.

    python packaging/check_wheels.py aarch64 [--glibc 2.28] [--dest DIR]
    python packaging/check_wheels.py x86_64 --glibc 2.28
    python packaging/check_wheels.py win_amd64

PyInstaller builds only for the machine it runs on, so the aarch64 and Windows bundles cannot be
built on an x86_64 Linux machine. What can be checked here is the payload: that pip finds a binary
wheel of every dependency for that platform (the PySide6 pin of scripts/oldest-supported.txt
included), that each binary in them is for that processor, and the oldest glibc the set runs on.
Prints one line per binary wheel and a summary; exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

from packaging.utils import parse_wheel_filename

ROOT = Path(__file__).resolve().parents[1]
ELF_MACHINES = {"x86_64": 62, "aarch64": 183}
PE_AMD64 = 0x8664
NEWEST_GLIBC_MINOR = 39  # PySide6's aarch64 wheels ask for 2.39: offer tags up to there


def platforms(target: str, glibc: str | None) -> list[str]:
    if target == "win_amd64":
        return ["win_amd64"]
    top = int(glibc.split(".")[1]) if glibc else NEWEST_GLIBC_MINOR
    # pip takes --platform tags literally: every manylinux level the desk accepts is named.
    return [f"manylinux_2_{minor}_{target}" for minor in range(top, 16, -1)] + [f"manylinux2014_{target}"]


def download(target: str, glibc: str | None, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.whl"):
        old.unlink()
    pip = [sys.executable, "-m", "pip", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(dest), str(ROOT)], check=True, capture_output=True)
    own = next(dest.glob("egovops-*.whl"))
    args = [*pip, "download", "--only-binary=:all:", "--python-version", "3.11", "--implementation", "cp",
            "-c", str(ROOT / "scripts" / "oldest-supported.txt"), "-d", str(dest), f"{own}[gui,demo]"]
    for platform in platforms(target, glibc):
        args += ["--platform", platform]
    subprocess.run(args, check=True)
    return sorted(dest.glob("*.whl"))


def glibc_needed(wheel: Path) -> tuple[int, int] | None:
    """The oldest glibc the wheel runs on (its lowest manylinux tag), None for a non-Linux one."""
    found = []
    for tag in parse_wheel_filename(wheel.name)[3]:
        if tag.platform.startswith("manylinux_"):
            major, minor = tag.platform.split("_")[1:3]
            found.append((int(major), int(minor)))
        elif tag.platform.startswith("manylinux2014"):
            found.append((2, 17))
    return min(found) if found else None


def wrong_processor(head: bytes, target: str) -> bool | None:
    """For the first 4 KiB of a file: whether it is a binary for another processor, None if no binary."""
    if head[:4] == b"\x7fELF":
        return target == "win_amd64" or struct.unpack_from("<H", head, 18)[0] != ELF_MACHINES[target]
    if head[:2] == b"MZ":
        offset = struct.unpack_from("<I", head, 0x3C)[0]
        if offset + 6 > len(head):
            return True
        return target != "win_amd64" or struct.unpack_from("<H", head, offset + 4)[0] != PE_AMD64
    return None


def wrong_binaries(wheel: Path, target: str) -> tuple[int, list[str]]:
    """(binaries in the wheel, those built for another processor)."""
    count, wrong = 0, []
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if name.endswith((".so", ".pyd", ".dll", ".exe")) or ".so." in name:
                verdict = wrong_processor(archive.open(name).read(4096), target)
                count += verdict is not None
                if verdict:
                    wrong.append(name)
    return count, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=["aarch64", "x86_64", "win_amd64"])
    parser.add_argument("--glibc", help="oldest glibc the desks have, e.g. 2.28 (Kylin V10)")
    parser.add_argument("--dest", type=Path, default=None)
    options = parser.parse_args()
    dest = options.dest or ROOT / "build" / "packaging" / f"wheels-{options.target}"
    try:
        wheels = download(options.target, options.glibc, dest)
    except subprocess.CalledProcessError:
        print(f"check_wheels: pip found no complete set of wheels for {options.target}"
              + (f" with glibc {options.glibc}" if options.glibc else ""), file=sys.stderr)
        return 1
    failures, floor = 0, (2, 17)
    for wheel in wheels:
        count, wrong = wrong_binaries(wheel, options.target)
        needed = glibc_needed(wheel)
        floor = max(floor, needed) if needed else floor
        if count:
            glibc = f"glibc {needed[0]}.{needed[1]}" if needed else "windows"
            print(f"{wheel.name}: {count} binaries, {glibc}" + (f", WRONG PROCESSOR: {wrong[:3]}" if wrong else ""))
        failures += bool(wrong)
    size = sum(w.stat().st_size for w in wheels) / 2**20
    print(f"{len(wheels)} wheels, {size:.0f} MiB" + ("" if options.target == "win_amd64"
                                                     else f", need glibc >= {floor[0]}.{floor[1]}"))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
