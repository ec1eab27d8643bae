"""How long ``egovops demo init --devices N`` takes, against a reference floor.

The reference is the sqlite3 command-line tool importing the very same device rows (exported by
egovops as CSV) into a bare table: the least any tool could spend writing that many rows to SQLite
on this machine. The ratio says how much egovops adds for validation, the site tree, foreign keys,
indexes and links. Issue 2 asks for 10,000 devices in under 10 s.

    python -m benchmarks.demo_init [--devices 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(args: list[str], env: dict[str, str] | None = None, stdin: str | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, env=env, input=stdin, text=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=10_000)
    count = parser.parse_args().devices
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, EGOVOPS_HOME=folder)
        egovops = [sys.executable, "-m", "egovops"]
        ours = timed(egovops + ["demo", "init", "--devices", str(count)], env)
        csv = Path(folder) / "devices.csv"
        subprocess.run(egovops + ["inventory", "export", str(csv)], check=True, env=env, stdout=subprocess.DEVNULL)
        reference = timed(["sqlite3", str(Path(folder) / "reference.db")], stdin=f".mode csv\n.import {csv} devices\n")
    print(f"egovops demo init --devices {count}: {ours:.2f} s (goal < 10 s)")
    print(f"sqlite3 .import of the same {count} rows: {reference:.2f} s")
    print(f"ratio egovops / sqlite3: {ours / reference:.1f}x")


if __name__ == "__main__":
    main()
