"""``egovops duty`` from a real shell: two engineers hand over, the summary is printed and exported."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from egovops.accounts import AccountService, Operator, Role
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository

pytestmark = pytest.mark.stores("sqlite", "postgresql")

PASSWORD = "Duty#Desk2026"


def test_two_engineers_hand_over_from_the_command_line(cli, database, inventory, tmp_path: Path) -> None:
    from egovops.demo.inventory import build_demo, store_demo

    store_demo(inventory, build_demo(20))
    device = inventory.devices()[0].name
    accounts = AccountService(database)
    accounts.add(accounts.os_operator(), "boss", "admin", PASSWORD)  # on a shared store only the first by the OS user
    admin = Operator("boss", Role.ADMIN, "local")
    accounts.add(admin, "zhao", "engineer", PASSWORD)
    accounts.add(admin, "qian", "operator", PASSWORD)

    def as_(name: str, *args: str):  # type: ignore[no-untyped-def]
        return cli("duty", *args, "--operator", name, "--password-stdin", input=PASSWORD + "\n")

    assert as_("zhao", "start").returncode == 0
    AlarmRepository(database).reconcile({device: [AlarmCondition("device-down", "critical", "no answer")]}, time.time())
    assert as_("zhao", "note", "电源模块告警", "已报修").returncode == 0
    refused = as_("qian", "start")
    assert refused.returncode == 1 and "local:zhao has been on duty since" in refused.stderr
    handed = as_("qian", "start", "--take-over")
    assert handed.returncode == 0 and "local:qian" in handed.stdout

    shifts = json.loads(cli("duty", "list", "--json").stdout)
    assert [(s["operator"], s["ended_by"]) for s in shifts] == [("local:qian", None), ("local:zhao", "local:qian")]
    first = str(shifts[1]["id"])
    summary = json.loads(cli("duty", "handover", "--shift", first, "--json").stdout)
    assert [n["text"] for n in summary["notes"]] == ["电源模块告警 已报修"]
    assert [(a["device"], a["kind"]) for a in summary["raised"]] == [(device, "device-down")]
    assert [a["device"] for a in summary["open_critical"]] == [device]

    exported = cli("duty", "handover", "--shift", first, "--export", str(tmp_path / "交接.md"), env={"EGOVOPS_LANG": "zh_CN"})
    assert exported.returncode == 0, exported.stderr
    text = (tmp_path / "交接.md").read_text("utf-8")
    assert "值班交接摘要" in text and "电源模块告警 已报修" in text and device in text and PASSWORD not in text
    bad = cli("duty", "handover", "--export", str(tmp_path / "h.docx"))
    assert bad.returncode == 1 and ".docx" in bad.stderr
    shown = cli("duty", "show")
    assert shown.returncode == 0 and "local:qian" in shown.stdout
