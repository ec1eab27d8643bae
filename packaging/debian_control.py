"""Writes the .deb's DEBIAN/control for a package tree: python3 debian_control.py TREE VERSION ARCH

Depends is what the bundle's ELF files need from the system, as Debian's own dpkg-shlibdeps
computes it (versioned glibc included, so a desk whose glibc is too old is told by dpkg at install,
not by a crash at start), plus what no ELF file names: CJK fonts, a Secret Service provider, and
what the collector service's maintainer scripts and wrapper use.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

# Any one of each group will do; Kylin and UOS ship the first ones, other Debian-based desks the rest.
FONTS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"
SECRET_SERVICE = "gnome-keyring | kwalletmanager | keepassxc"  # egovops refuses to keep secrets without one
# The collector service (packaging/debian_service.py): postinst makes its user with adduser; its
# start-up wrapper runs a private dbus-daemon (dbus-send too) and gnome-keyring-daemon. Only
# Recommends for those two: a desk that never runs the service needs neither.
SERVICE_DEPENDS = "adduser"
SERVICE_RECOMMENDS = "dbus, gnome-keyring"
ELF_MAGIC = b"\x7fELF"


def elf_files(tree: Path) -> list[Path]:
    found = []
    for path in sorted(tree.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def unresolved(path: Path, bundle_dirs: list[Path]) -> list[str]:
    """Libraries ``path`` needs that neither the bundle nor this system provides (ldd's "not found")."""
    env = {"LD_LIBRARY_PATH": ":".join(map(str, bundle_dirs))}
    text = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
    return [line.split()[0] for line in text.splitlines() if "not found" in line]


def shlibs_depends(tree: Path) -> tuple[str, list[str]]:
    """dpkg-shlibdeps' Depends for the tree's ELF files, and the files left out (optional Qt
    plugins for libraries the desk would not have either, e.g. database client drivers)."""
    files = elf_files(tree)
    bundle_dirs = sorted({f.parent for f in files})
    usable, skipped = [], []
    for f in files:
        (skipped if unresolved(f, bundle_dirs) else usable).append(f)
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text("Source: egovops\n\nPackage: egovops\nArchitecture: any\n")
        args = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *(f"-l{d}" for d in bundle_dirs), *map(str, usable)]
        out = subprocess.run(args, cwd=work, capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("shlibs:Depends="))
    return line.split("=", 1)[1], [str(f.relative_to(tree)) for f in skipped]


def installed_size_kib(tree: Path) -> int:
    return sum(p.stat().st_size for p in tree.rglob("*") if p.is_file() and not p.is_symlink()) // 1024 + 1


def control(tree: Path, version: str, arch: str) -> str:
    shlibs, skipped = shlibs_depends(tree)
    for name in skipped:
        print(f"debian_control: {name} needs a library this system lacks; not counted in Depends", file=sys.stderr)
    return "\n".join([
        "Package: egovops",
        f"Version: {version}",
        f"Architecture: {arch}",
        "Maintainer: egovops maintainers <egovops@localhost>",
        f"Installed-Size: {installed_size_kib(tree)}",
        f"Depends: {shlibs}, {FONTS}, {SECRET_SERVICE}, {SERVICE_DEPENDS}",
        f"Recommends: {SERVICE_RECOMMENDS}",
        "Section: net",
        "Priority: optional",
        "Description: 电子政务运维 — operations console for a provincial e-government network",
        " egovops monitors and maintains the e-government intranet and extranet: inventory, SNMP",
        " polling, topology map, alarms, SSH procedures, availability reports and the duty log.",
        " It carries its own Python and Qt in /opt/egovops.",
        "",
    ])


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: debian_control.py TREE VERSION ARCH")
    print(control(Path(sys.argv[1]), sys.argv[2], sys.argv[3]), end="")
