"""DR readiness on a real store: drift between DR peers from their backups, the verdict's rules and
history, and the ``egovops dr`` command line (role-checked, audited, one-line errors)."""

from __future__ import annotations

import json
import time

import pytest

from egovops.accounts import Operator, Role
from egovops.audit.log import AuditLog
from egovops.configs.store import ConfigStore
from egovops.demo.inventory import build_demo, store_demo
from egovops.dr.model import NOT_READY, READY
from egovops.dr.readiness import STALE_S
from egovops.dr.repo import DrRepository
from egovops.dr.service import DrService
from egovops.errors import EgovopsError
from egovops.storage.inventory_repo import InventoryRepository

pytestmark = pytest.mark.stores("sqlite", "postgresql")

ENGINEER = Operator("zhao.lei", Role.ENGINEER, "local")
PROD, SAME_CITY, REMOTE = "AH-DC1-EXT-CORE-01", "AH-DC2-EXT-CORE-01", "AH-DC3-EXT-CORE-01"
CONFIG = """#
sysname {name}
#
vlan batch 10 20 30
#
interface GigabitEthernet0/0/1
 description to-{name}
 port link-type trunk
#
ip route-static 0.0.0.0 0.0.0.0 10.1.1.1
#
return
"""


@pytest.fixture
def centres(inventory: InventoryRepository, database) -> DrService:  # type: ignore[no-untyped-def]
    demo = build_demo(17)
    store_demo(inventory, demo)
    for device, peer in demo.dr_peers:
        DrRepository(database).set_peer(device, peer)
    return DrService(database)


def _backup(database, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    ConfigStore(database).save(name, text, run_id="test", command="display current-configuration")


def test_drift_is_found_between_two_differing_backups_and_not_in_the_host_name(centres, database) -> None:
    _backup(database, PROD, CONFIG.format(name=PROD))
    _backup(database, SAME_CITY, CONFIG.format(name=SAME_CITY).replace("vlan batch 10 20 30", "vlan batch 10 20"))
    _backup(database, REMOTE, CONFIG.format(name=PROD).replace(f"sysname {PROD}", f"sysname {REMOTE}"))
    drift = {d.peer: d for d in centres.readiness(record=False).drift}
    assert drift[SAME_CITY].changed_lines == 4  # the vlan line and the interface description, both ways
    assert "-vlan batch 10 20 30\n+vlan batch 10 20\n" in drift[SAME_CITY].diff
    assert drift[REMOTE].changed_lines == 0 and drift[REMOTE].diff == ""  # only the sysname differs
    texts = [r.text() for r in centres.readiness(record=False).reasons]
    assert f"the configurations of {PROD} and its DR peer {SAME_CITY} differ (4 lines)" in texts
    assert not any(REMOTE in t and "differ" in t for t in texts)


def test_missing_and_stale_backups_put_readiness_at_risk(centres, database) -> None:
    _backup(database, PROD, CONFIG.format(name=PROD))
    _backup(database, SAME_CITY, CONFIG.format(name=PROD))
    result = centres.readiness(now=time.time() + STALE_S + 86400, record=False)
    texts = [r.text() for r in result.reasons]
    assert f"no configuration backup of {REMOTE}" in texts
    assert f"the latest backup of {PROD} is 8 days old" in texts


def test_verdicts_follow_the_centres_and_only_changes_are_kept(centres, database) -> None:
    repo = DrRepository(database)
    first = centres.readiness()
    assert first.verdict == NOT_READY  # nothing polled: no centre has a core up
    assert centres.readiness().verdict == NOT_READY and len(repo.history(0)) == 1  # unchanged: not stored again
    centres.set_centre(ENGINEER, "安徽省/省同城灾备中心", None)
    centres.set_centre(ENGINEER, "安徽省/芜湖市/异地灾备中心", None)
    texts = [r.text() for r in centres.readiness().reasons]
    assert "no site is marked as a DR centre" in texts
    assert len(repo.history(0)) == 2
    rows = [(r.action, r.subject) for r in AuditLog(database).repo.rows()]
    assert rows.count(("dr.centre", "安徽省/省同城灾备中心")) == 1 and [a for a, _ in rows].count("dr.centre") == 2


def test_centre_and_peer_edits_are_role_checked(centres, database) -> None:
    operator = Operator("li.na", Role.OPERATOR, "local")
    with pytest.raises(EgovopsError, match="engineer"):
        centres.set_centre(operator, "安徽省", "production")
    with pytest.raises(EgovopsError, match="production, same-city-dr or remote-dr"):
        centres.set_centre(ENGINEER, "安徽省", "backup")
    with pytest.raises(EgovopsError, match="own DR peer"):
        centres.set_peer(ENGINEER, PROD, PROD)
    with pytest.raises(EgovopsError, match="NO-SUCH"):
        centres.set_peer(ENGINEER, PROD, "NO-SUCH")
    assert centres.set_peer(ENGINEER, PROD, SAME_CITY) is False  # already its peer
    assert centres.set_peer(ENGINEER, PROD, SAME_CITY, remove=True) is True
    assert DrRepository(database).peers() == [(PROD, REMOTE)]


def test_the_command_line_sets_peers_shows_status_and_refuses_bad_input_in_one_line(centres, database, cli) -> None:
    done = cli("dr", "peer", "set", PROD, "NO-SUCH-DEVICE")
    assert done.returncode == 1 and done.stderr.strip().count("\n") == 0 and "NO-SUCH-DEVICE" in done.stderr
    assert "Traceback" not in done.stderr
    done = cli("dr", "centre", "set", "安徽省/没有这个中心", "--role", "remote-dr")
    assert done.returncode == 1 and "没有这个中心" in done.stderr and "Traceback" not in done.stderr
    done = cli("dr", "status", "--json")
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert [c["role"] for c in status["centres"]] == ["production", "same-city-dr", "remote-dr"]
    assert {(x["a"], x["b"]) for x in status["links"]} == {(SAME_CITY, PROD), (REMOTE, PROD)}
    assert status["verdict"] == NOT_READY  # nothing polled yet
    assert "no inter-centre link is up" in [r["text"] for r in status["reasons"]]
    done = cli("dr", "drill", "start", "--scope", "安徽省/省同城灾备中心", "--notes", "季度演练")
    assert done.returncode == 0, done.stderr
    done = cli("dr", "drill", "end", "--outcome", "failed")
    assert done.returncode == 0, done.stderr
    listed = json.loads(cli("dr", "drill", "list", "--json").stdout)
    assert [(d["outcome"], d["scope"]) for d in listed] == [("failed", ["安徽省/省同城灾备中心"])]
    status = json.loads(cli("dr", "status", "--json").stdout)
    assert "the last drill failed" in [r["text"] for r in status["reasons"]]
    assert status["verdict"] != READY


def test_a_device_in_two_pairs_is_named_once_for_its_missing_backup(centres) -> None:
    texts = [r.text() for r in centres.readiness(record=False).reasons]
    assert texts.count(f"no configuration backup of {PROD}") == 1  # it is the peer of two DR cores
