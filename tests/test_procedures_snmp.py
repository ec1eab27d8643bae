"""The interface error sweep against a real net-snmp snmpd whose ifInErrors climb.

A ``pass`` script registered for the ifInErrors column answers for ifIndex 1 (no errors) and
ifIndex 2 (40 errors a second, from the clock), so two samples a second apart give real rates
through the whole SNMP path: keyring community, pysnmp, the agent, the procedure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from egovops.credentials import CredentialService
from egovops.credentials.profiles import build_profile
from egovops.inventory.model import Device
from egovops.procedures import Status
from tests.procedures_helpers import outcomes, run_here

pytestmark = pytest.mark.usefixtures("secret_service")

IF_IN_ERRORS = ".1.3.6.1.2.1.2.2.1.14"
PASS_SCRIPT = f"""#!/bin/sh
BASE={IF_IN_ERRORS}
ms=$(date +%s%N | cut -c1-13)
errors=$(( (ms / 25) % 4294967296 ))
answer() {{ echo "$1"; echo counter; echo "$2"; }}
case "$1" in
  -g) case "$2" in $BASE.1) answer $BASE.1 0;; $BASE.2) answer $BASE.2 $errors;; *) echo NONE;; esac;;
  -n) case "$2" in $BASE.1) answer $BASE.2 $errors;; $BASE.2*|$BASE.[3-9]*) echo NONE;; *) answer $BASE.1 0;; esac;;
esac
"""


def test_sweep_reports_the_interface_whose_errors_climb(snmpd_factory, database, inventory, data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "if_in_errors.sh"
    script.write_text(PASS_SCRIPT)
    script.chmod(0o755)
    agent = snmpd_factory(extra_config=f"pass {IF_IN_ERRORS} /bin/sh {script}\n")
    CredentialService(database).add(build_profile("lab-snmp", "snmp-v2c", {}), {"community": agent.community})
    inventory.save_devices([Device("SNMP-01", agent.address, "intranet", "安徽省", snmp_port=agent.port, vendor="linux",
                                   credential_profile="lab-snmp")])
    report = run_here(database, data_dir, "interface-errors", "SNMP-01", ssh_profile=None, params={"interval": "1", "threshold": "5"})
    [result] = report.outcomes
    assert result.status is Status.FAILED, result.message
    flagged = {o["if_index"]: o for o in result.data["over_threshold"]}
    assert set(flagged) == {"2"}
    assert 25 < flagged["2"]["rates"]["in_errors"] < 60
    assert result.data["interfaces_checked"] >= 2
    assert report.summary["devices_with_errors"] == 1

    quiet = outcomes(run_here(database, data_dir, "interface-errors", "SNMP-01", ssh_profile=None,
                              params={"interval": "1", "threshold": "1000"}))["SNMP-01"]
    assert quiet.status is Status.OK and quiet.data["over_threshold"] == []


def test_sweep_without_an_snmp_profile_names_the_problem(database, inventory, data_dir: Path) -> None:
    inventory.save_devices([Device("NO-PROFILE", "127.0.0.1", "intranet", "安徽省", snmp_port=1, vendor="huawei")])
    [result] = run_here(database, data_dir, "interface-errors", "NO-PROFILE", ssh_profile=None,
                        params={"interval": "1"}).outcomes
    assert result.status is Status.FAILED and "NO-PROFILE: there is no SNMP v2c / SNMP v3 credential profile" in result.message
