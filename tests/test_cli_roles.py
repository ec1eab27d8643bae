"""Every command-line write goes through the core's role check, and a refusal is audited.

The walk covers the whole command tree: a new command must be classified below (as a write with
the role it needs, a write any operator may make, or a read), so a write added without a role
check fails here rather than in a security review.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest

from egovops.accounts import AccountService
from egovops.accounts.identity import os_user_name
from egovops.audit.repo import AuditRepository
from egovops.cli.main import cli as root
from egovops.demo.inventory import build_demo, store_demo

PASSWORD = "Olga#Desk2026"

# command path -> (arguments after it, refusal action expected in the audit trail)
NEEDS_MORE_THAN_OPERATOR: dict[str, tuple[list[str], str]] = {
    "inventory import": (["{csv}"], "inventory.refused"),
    "network set": (["extranet", "--description", "x"], "network.refused"),
    "polling set": (["thresholds.cpu_percent", "80"], "polling.refused"),
    "credentials add": (["p1", "--kind", "snmp-v2c", "--secret-stdin"], "credentials.refused"),
    "credentials remove": (["p0"], "credentials.refused"),
    "known-hosts forget": (["127.0.0.1:22"], "known-hosts.refused"),
    "demo init": (["--devices", "10"], "demo.refused"),
    "demo history": (["--month", "2026-11", "--months", "1"], "demo.refused"),
    "maintenance add": (["--device", "{device}", "--start", "2026-10-03 22:00", "--duration", "1h", "--reason", "r"],
                        "maintenance.refused"),
    "maintenance remove": (["1"], "maintenance.refused"),
    "report sla": (["99.5"], "availability.refused"),
    "report evaluation-weights": (["--set", "availability=35", "--set", "coverage=0"], "evaluation.refused"),
    "audit export": (["{tmp}/audit.jsonl"], "audit.refused"),
    "accounts add": (["mallory", "--role", "admin", "--new-password-stdin"], "accounts.refused"),
    "accounts remove": (["{me}"], "accounts.refused"),
    "accounts unlock": (["{me}"], "accounts.refused"),
    "topology poller-location": (["{device}"], "topology.refused"),
    "topology layout": ([], "topology.refused"),
    "run": (["save-config", "--targets", "{device}", "--yes"], "procedure.refused"),
    "notify channel-add": (["hook", "--kind", "webhook", "--set", "url=http://127.0.0.1:9/", "--secret", "token"],
                           "notify.refused"),
    "notify recipient-add": (["zhang", "--address", "hook=x"], "notify.refused"),
    "notify rule-add": (["r", "--level", "oncall"], "notify.refused"),
    "notify rota-add": (["zhang", "--from", "2026-12-01 08:00"], "notify.refused"),
    "notify test": (["hook"], "notify.refused"),
    "notify remove": (["rule", "r"], "notify.refused"),
    "notify rota-end": (["1"], "notify.refused"),
    "notify resend": (["1"], "notify.refused"),
    "events retention": (["90"], "events.refused"),
    "events engine-id": (["{device}", "0x80001f8880aabbccdd"], "events.refused"),
    "collector schedule set": (["nightly", "--action", "discovery", "--at", "02:00"], "collector.refused"),
    "collector schedule remove": (["nightly-discovery"], "collector.refused"),
    "dr centre set": (["安徽省", "--role", "production"], "dr.refused"),
    "dr peer set": (["{device}", "{device}"], "dr.refused"),
    "dr drill start": (["--scope", "{device}"], "dr.refused"),
    "dr drill end": (["--outcome", "passed"], "dr.refused"),
}
# Writes an operator on duty makes as part of the job; each is audited by its own service.
OPERATOR_WRITES = {"alarms ack", "duty start", "duty end", "duty note", "poll", "topology discover", "topology move",
                   "signin", "signout",  # a shared store's sign-in: anyone with an account, audited (signin.py)
                   "notify run",  # the notifier, as the collector runs it: its decisions audited as egovops-notify
                   "events listen"}  # the receivers: what devices say, stored as events and alarms
# Commands that only read the store (or write files and the demo's own simulator state).
READS = {
    "inventory export", "inventory list", "inventory show", "network list", "credentials list", "known-hosts list",
    "demo run", "demo stop", "demo status", "demo fault device-down", "demo fault link-down", "demo fault cpu-high",
    "demo fault interface-errors", "demo fault cross-connect", "demo fault clear", "demo fault list",
    "demo storm",  # sends syslog lines to a receiver; writes nothing
    "report availability", "report evaluation", "plugins list", "plugins show", "configs list", "configs show",
    "configs diff",
    "audit verify", "audit list", "accounts list", "accounts whoami", "topology show", "topology candidates",
    "topology export", "alarms list", "status", "polling show", "console", "duty list", "duty show", "duty handover",
    "maintenance list", "plugins check", "store info", "notify channels", "notify rules", "notify rota", "notify log",
    "events list", "events export", "events counters",
    "collector schedule list", "collectors list", "store volume",
    "dr status", "dr drift", "dr drill list",
    # Writes this machine's keyring (the shared store's login), not the store, which it never opens.
    "store password",
}


def _leaves(group: click.Group, ctx: click.Context, prefix: str = "") -> list[str]:
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            found += _leaves(command, ctx, path + " ")
        else:
            found.append(path)
    return found


def test_every_command_is_classified() -> None:
    with click.Context(root) as ctx:
        leaves = set(_leaves(root, ctx))
    classified = set(NEEDS_MORE_THAN_OPERATOR) | OPERATOR_WRITES | READS
    assert leaves - classified == set(), "classify these commands: do they change the store, and with which role?"
    assert classified - leaves == set()


@pytest.fixture
def operator_desk(cli, database, inventory, secret_service):  # type: ignore[no-untyped-def]
    store_demo(inventory, build_demo(20))
    accounts = AccountService(database)
    admin = accounts.os_operator()
    accounts.add(admin, os_user_name(), "admin", PASSWORD)  # the OS user keeps admin once accounts exist
    accounts.add(admin, "olga", "operator", PASSWORD)
    return inventory.devices()[0].name


@pytest.mark.parametrize("command", sorted(NEEDS_MORE_THAN_OPERATOR))
def test_an_operator_is_refused_and_the_refusal_audited(command, cli, database, operator_desk, tmp_path: Path) -> None:
    args, refusal = NEEDS_MORE_THAN_OPERATOR[command]
    csv_file = tmp_path / "devices.csv"
    csv_file.write_text("name,address\n", encoding="utf-8")
    fill = {"csv": str(csv_file), "device": operator_desk, "tmp": str(tmp_path), "me": os_user_name()}
    filled = [a.format(**fill) for a in args]
    before = {r.id for r in AuditRepository(database).rows()}
    done = cli(*command.split(), *filled, "--operator", "olga", "--password-stdin",
               input=f"{PASSWORD}\nsecret-for-the-next-prompt\n", timeout=120)
    assert done.returncode != 0, done.stdout
    assert "may not" in done.stderr and "Traceback" not in done.stderr, done.stderr
    new = [r for r in AuditRepository(database).rows() if r.id not in before]
    assert [(r.actor, r.action) for r in new] == [("local:olga", refusal)], [r.action for r in new]
    if command == "audit export":
        assert not (tmp_path / "audit.jsonl").exists()


def test_a_spoofed_login_name_is_not_an_identity(cli, database, inventory) -> None:
    """LOGNAME/USER are the caller's to set; the real uid decides who runs egovops. ``boss`` is an
    admin account; the real OS user has none, so it is an operator however it names itself."""
    import pwd

    store_demo(inventory, build_demo(20))
    accounts = AccountService(database)
    accounts.add(accounts.os_operator(), "boss", "admin", PASSWORD)
    me = pwd.getpwuid(os.getuid()).pw_name
    assert os_user_name() == me != "boss"
    spoofed = dict(LOGNAME="boss", USER="boss", LNAME="boss", USERNAME="boss")
    assert cli("accounts", "whoami", env=spoofed).stdout.strip() == f"{me} (operator)"
    refused = cli("network", "set", "extranet", "--description", "x", env=spoofed)
    assert refused.returncode != 0 and "may not" in refused.stderr
    rows = list(AuditRepository(database).rows())
    assert [(r.actor, r.action) for r in rows[-1:]] == [(me, "network.refused")]
    assert "boss" not in {r.actor for r in rows[1:]}
