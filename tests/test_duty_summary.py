"""Acceptance: a duty handover summary lists every alarm and procedure of the shift, and nothing else.

Alarms go through the real AlarmRepository (as the poller raises and clears them) and are
acknowledged as the console does; procedures run through the real runner over real OpenSSH sshd
servers with the vendor CLI emulator, their SSH secrets in the real keyring.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from egovops.accounts import Operator, Role
from egovops.duty import DutyService, to_csv, to_markdown, to_text, write_summary
from egovops.overview.service import OverviewService
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.inventory_repo import InventoryRepository
from tests.fixtures.sshd import ENABLE_SECRET, KEY_PASSPHRASE
from tests.procedures_helpers import run_here

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

ON_DUTY = Operator("wang.wei", Role.ENGINEER, "local")
LAB = ("HW-OK", "HW-WEAK", "H3C-OK", "CISCO-OK", "RUIJIE-OK", "ZTE-OK")


def condition(kind: str, severity: str, subject: str = "") -> AlarmCondition:
    return AlarmCondition(kind, severity, f"{kind} on {subject or 'device'}", subject)


@pytest.fixture
def lab(sshd, ssh_credentials, inventory: InventoryRepository) -> None:  # type: ignore[no-untyped-def]
    inventory.save_devices([sshd.device(name) for name in LAB])


def test_summary_lists_every_alarm_and_procedure_of_the_shift_and_nothing_else(lab, database, data_dir: Path) -> None:
    alarms, duty = AlarmRepository(database), DutyService(database)
    now = time.time()
    # Before the shift: an alarm raised and cleared, a critical one that stays, and a (dry) run.
    alarms.reconcile({"HW-OK": [condition("cpu-high", "minor")]}, now - 3600)
    alarms.reconcile({"HW-OK": []}, now - 1800)
    old_critical = alarms.reconcile({"RUIJIE-OK": [condition("device-down", "critical")]}, now - 600)[0][0]
    before_run = run_here(database, data_dir, "config-backup", "HW-OK", dry_run=True)

    shift = duty.start(ON_DUTY)
    link = alarms.reconcile({"H3C-OK": [condition("link-down", "major", "GigabitEthernet1/0/3")]}, time.time())[0][0]
    core = alarms.reconcile({"CISCO-OK": [condition("device-down", "critical")]}, time.time())[0][0]
    OverviewService(database).acknowledge([link.id], ON_DUTY, "光纤跳线松动，已安排现场")
    alarms.reconcile({"H3C-OK": []}, time.time())
    backup = run_here(database, data_dir, "config-backup", "HW-OK,H3C-OK", operator=ON_DUTY)
    baseline = run_here(database, data_dir, "baseline-check", "HW-OK,HW-WEAK", operator=ON_DUTY)
    duty.note(ON_DUTY, "合肥外网汇聚 CISCO-OK 仍未恢复，已报厂家")
    ended = duty.end(ON_DUTY)

    # After the shift: another alarm, an acknowledgement of the old critical one, another run.
    time.sleep(0.01)
    after = alarms.reconcile({"ZTE-OK": [condition("fan-failure", "major")]}, time.time())[0][0]
    OverviewService(database).acknowledge([old_critical.id], ON_DUTY, "after the shift")
    after_run = run_here(database, data_dir, "config-backup", "ZTE-OK", dry_run=True)

    summary = duty.summary(ended)
    assert summary.until == ended.ended_at
    assert [a.id for a in summary.raised] == [link.id, core.id]
    assert [(a.id, a.by, a.comment) for a in summary.acknowledged] == [(link.id, "local:wang.wei", "光纤跳线松动，已安排现场")]
    assert [a.id for a in summary.cleared] == [link.id]
    assert {a.id for a in summary.open_critical} == {old_critical.id, core.id}
    runs = {p.run_id: p for p in summary.procedures}
    assert set(runs) == {backup.run_id, baseline.run_id}
    assert runs[backup.run_id].outcome == "ok" and runs[backup.run_id].counts == {"ok": 2, "failed": 0, "skipped": 0}
    assert runs[baseline.run_id].outcome == "partial" and runs[baseline.run_id].failed_devices == ("HW-WEAK",)
    assert runs[backup.run_id].audit_id == backup.audit_id and runs[backup.run_id].actor == "local:wang.wei"
    assert [n.text for n in summary.notes] == ["合肥外网汇聚 CISCO-OK 仍未恢复，已报厂家"]
    # Acknowledgements and runs have sections of their own; what else was done is the runs' first
    # contact with each device: trusting its SSH host key.
    assert {a.action for a in summary.actions} <= {"ssh.trust-host-key", "ssh.host-key.trust"}
    assert {a.subject for a in summary.actions if a.action == "ssh.trust-host-key"} == {"HW-OK", "H3C-OK", "HW-WEAK"}

    text = to_markdown(summary)
    for alarm in (link, core, old_critical):
        assert alarm.device in text
    for run in (backup, baseline):
        assert f"| {run.audit_id} |" in text
    assert "ZTE-OK" not in text and str(after.id) not in {str(a.id) for a in summary.raised}
    assert before_run.run_id not in runs and after_run.run_id not in runs
    for export in (text, to_text(summary), to_csv(summary)):
        assert KEY_PASSPHRASE not in export and ENABLE_SECRET not in export


def test_an_open_shift_is_summarised_up_to_now_with_unfinished_and_refused_runs(lab, database, data_dir: Path) -> None:
    from egovops.audit.log import AuditLog

    duty = DutyService(database)
    shift = duty.start(ON_DUTY)
    # A run whose end never reached the audit trail (the console was killed mid-run).
    AuditLog(database).record(actor=ON_DUTY.label(), role="engineer", action="procedure.start", subject="config-backup",
                              details={"run_id": "deadbeef", "targets": ["HW-OK", "H3C-OK"]})
    operator = Operator("li.na", Role.OPERATOR, "local")
    with pytest.raises(Exception, match="may not"):
        run_here(database, data_dir, "save-config", "HW-OK", operator=operator)
    AuditLog(database).record(actor=ON_DUTY.label(), role="engineer", action="ssh.host-key.trust", subject="127.0.0.1:40001")

    summary = duty.summary(shift, now=time.time())
    outcomes = {p.outcome: p for p in summary.procedures}
    assert outcomes["unfinished"].run_id == "deadbeef" and outcomes["unfinished"].devices == 2
    assert outcomes["refused"].procedure == "save-config" and "operator" in outcomes["refused"].reason
    assert [(a.action, a.subject) for a in summary.actions] == [("ssh.host-key.trust", "127.0.0.1:40001")]
    assert "open (summary up to" in to_text(summary)


def test_export_formats_follow_the_file_name(database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from egovops import i18n

    duty = DutyService(database)
    duty.start(ON_DUTY)
    duty.note(ON_DUTY, "值班交接：无|异常")
    shift = duty.end(ON_DUTY)
    summary = duty.summary(shift)
    monkeypatch.setattr(i18n, "_current", "zh_CN")
    assert write_summary(summary, tmp_path / "h.md") == "markdown"
    markdown = (tmp_path / "h.md").read_text("utf-8")
    assert markdown.startswith("# 值班交接摘要") and "值班交接：无\\|异常" in markdown
    assert write_summary(summary, tmp_path / "h.csv") == "csv"
    raw = (tmp_path / "h.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "note" in raw.decode("utf-8-sig")
    assert write_summary(summary, tmp_path / "h.txt") == "text"
    with pytest.raises(Exception, match=r"\.pdf"):
        write_summary(summary, tmp_path / "h.pdf")
