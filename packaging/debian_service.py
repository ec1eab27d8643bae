"""Puts the collector service into a .deb's tree: python3 debian_service.py TREE

The systemd unit and its start-up wrapper (packaging/systemd/, docs/collector.md), and the
maintainer scripts that give the service its dedicated system user and take everything of it away
again on purge. Written by hand, not by debhelper: the package is assembled by dpkg-deb from a
PyInstaller bundle (packaging/build-deb), not built from a Debian source package, so dh_installsystemd
and dh_sysuser have no debian/ folder to work from; the scripts below are the few lines they would
generate.

The service is installed, never enabled nor started: it needs a store and a zone in
/etc/egovops/collector.env and its keyring's unlock credential first (the unit's opening comment).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
USER = "egovops"
UNIT = "egovops-collector.service"
WRAPPER = "egovops-collector-start"
# Where each file goes in the package, and its mode.
FILES = {
    HERE / "systemd" / UNIT: (f"usr/lib/systemd/system/{UNIT}", 0o644),
    HERE / "systemd" / WRAPPER: (f"usr/lib/egovops/{WRAPPER}", 0o755),
}
STATE = f"/var/lib/{USER}"  # the unit's StateDirectory: its log, cache and keyring (its secrets)

# A system user and group of the same name, no login, home at the state directory, which systemd
# makes (StateDirectory=, mode 0700) at the first start. adduser is a no-op for a system user
# that already exists, so an upgrade or a reinstall keeps it and its files.
POSTINST = f"""#!/bin/sh
# egovops: the collector service's own system user; the service is installed, not enabled.
set -e
if [ "$1" = configure ]; then
    if ! getent passwd {USER} >/dev/null; then
        adduser --system --group --quiet --home {STATE} --no-create-home --shell /usr/sbin/nologin {USER}
    fi
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload || true
    fi
fi
exit 0
"""

# On remove (not on upgrade) the collector stops, which ends its cycle and gives its leases back to
# the zone's other collectors, and is disabled, so no dangling wants/ link is left behind.
PRERM = f"""#!/bin/sh
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
    systemctl stop {UNIT} >/dev/null 2>&1 || true
    systemctl disable {UNIT} >/dev/null 2>&1 || true
fi
exit 0
"""

# Purge takes the service's keyring with it (the secrets and the credential that unlocks them),
# its settings and its user: nothing of the service is left on the host.
POSTRM = f"""#!/bin/sh
set -e
if [ "$1" = purge ]; then
    rm -rf {STATE}
    rm -f /etc/egovops/collector.env /etc/credstore.encrypted/egovops-keyring-unlock
    rmdir /etc/egovops 2>/dev/null || true
    if getent passwd {USER} >/dev/null; then
        deluser --system --quiet {USER} || true
    fi
    if getent group {USER} >/dev/null; then
        delgroup --system --quiet {USER} || true
    fi
fi
if [ "$1" = remove ] || [ "$1" = purge ]; then
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload || true
    fi
fi
exit 0
"""

SCRIPTS = {"postinst": POSTINST, "prerm": PRERM, "postrm": POSTRM}


def add_service(tree: Path) -> None:
    """Copy the unit and the wrapper into ``tree`` and write its maintainer scripts in DEBIAN/."""
    for source, (target, mode) in FILES.items():
        path = tree / target
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)
        path.chmod(mode)
    (tree / "DEBIAN").mkdir(exist_ok=True)
    for name, text in SCRIPTS.items():
        path = tree / "DEBIAN" / name
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: debian_service.py TREE")
    add_service(Path(sys.argv[1]))
