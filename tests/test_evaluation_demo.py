"""`demo history`: the same seed writes the same past, a second run is refused instead of doubling
the outages, and the month it writes ranks well-run and poorly-run units far apart."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.fixtures.store import Cli


def _pack(cli: Cli, out: Path) -> list[dict[str, str]]:
    done = cli(
        "report",
        "evaluation",
        "--month",
        "2026-11",
        "--tz",
        "Asia/Shanghai",
        "--out",
        str(out),
        env={"EGOVOPS_LANG": "en"},
    )
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(out.read_text("utf-8-sig").splitlines()))


def test_demo_history_is_deterministic_and_spreads_the_units(tmp_path: Path) -> None:
    packs = []
    for n in (1, 2):
        cli = Cli(tmp_path / f"d{n}")
        cli.data_dir.mkdir()
        assert cli("demo", "init", "--devices", "60").returncode == 0
        done = cli(
            "demo",
            "history",
            "--month",
            "2026-11",
            "--months",
            "2",
            "--tz",
            "Asia/Shanghai",
            env={"EGOVOPS_LANG": "en"},
        )
        assert done.returncode == 0 and "demo history: 2 months" in done.stdout, done.stderr
        packs.append(_pack(cli, tmp_path / f"p{n}.csv"))
    assert packs[0] == packs[1]
    totals = [float(r["total"]) for r in packs[0]]
    assert max(totals) - min(totals) > 30
    assert all(r["total_2026-10"] for r in packs[0])  # the month before is there for the trend
    again = cli(
        "demo", "history", "--month", "2026-11", "--months", "2", "--tz", "Asia/Shanghai", env={"EGOVOPS_LANG": "en"}
    )
    assert (
        again.returncode == 1 and again.stderr.strip() == "Error: the store already holds state history in those months"
    )
