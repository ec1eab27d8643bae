"""``egovops store volume``: rows and bytes a day of the time series, measured on a scratch store of
the store's own kind and scaled to a province (issue 17, item 7)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def test_volume_scales_measured_rows_to_the_province_and_leaves_the_store_untouched(cli, database) -> None:
    done = cli("store", "volume", "--devices", "5000", "--interfaces", "48", "--interval", "300",
               "--sample-devices", "1", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    tables = {t["table"]: t for t in found["tables"]}
    assert {name: t["rows_per_day"] for name, t in tables.items()} == {
        "interface_samples": 5000 * 48 * 288, "health_samples": 5000 * 288,
        "interface_hourly": 5000 * 48 * 24, "health_hourly": 5000 * 24,
    }
    for t in tables.values():
        # A row of 5-8 floats and ints is 40-100 bytes before its indexes; more than 400 is a miscount.
        assert 40 < t["bytes_per_row"] < 400, t
        assert t["bytes_per_day"] == pytest.approx(t["rows_per_day"] * t["bytes_per_row"])
    hourly = tables["interface_hourly"]["bytes_per_day"] + tables["health_hourly"]["bytes_per_day"]
    assert found["hourly_bytes_per_year"] == pytest.approx(365 * hourly)
    assert found["kind"] == ("sqlite" if database.is_sqlite else "postgresql")
    with database.read() as conn:  # measured elsewhere: nothing written here, no scratch schema left
        assert conn.scalar(text("SELECT count(*) FROM interface_samples")) == 0
        assert conn.scalar(text("SELECT count(*) FROM devices")) == 0
        if not database.is_sqlite:
            assert conn.scalar(text("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'egovops_volume_%'")) == 0


def test_volume_refuses_a_province_without_devices_in_one_line(cli, database) -> None:
    done = cli("store", "volume", "--devices", "0")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "--devices" in done.stderr
