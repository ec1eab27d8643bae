"""内外网串接: an intranet switch cabled (veth) to an extranet switch raises a critical alarm."""

from __future__ import annotations

import secrets
import time

import pytest

from egovops.credentials.profiles import CredentialKind, CredentialProfile
from egovops.credentials.service import CredentialService
from egovops.inventory.model import Device, DeviceRole
from egovops.polling.poller import Poller
from egovops.storage.alarms_repo import AlarmRepository
from egovops.topology.service import TopologyService

pytestmark = pytest.mark.stores("sqlite", "postgresql")

INTRA, EXTRA = "AH-INT-CORE-01", "AH-EXT-CORE-01"


def test_intranet_cabled_to_extranet_raises_a_critical_alarm_naming_both_ends(netlab_factory, inventory, database, secret_service, cli):
    community = "lab-" + secrets.token_hex(8)
    lab = netlab_factory(community)
    for name in (INTRA, EXTRA):
        lab.node(name)
        lab.console(name)
    lab.cable(INTRA, "eth9", EXTRA, "eth7", routed=False)  # the forbidden cable: LLDP sees it, nothing routes over it
    lab.start()
    CredentialService(database).add(CredentialProfile("lab-snmp", CredentialKind.SNMP_V2C), {"community": community})
    inventory.save_devices([
        Device(INTRA, lab.nodes[INTRA].address, "intranet", "安徽省", DeviceRole.CORE, credential_profile="lab-snmp"),
        Device(EXTRA, lab.nodes[EXTRA].address, "extranet", "安徽省", DeviceRole.CORE, credential_profile="lab-snmp"),
    ])

    done = cli("topology", "discover")
    assert done.returncode == 1, done.stderr  # a cross-network link is a failure the shell must see
    assert "CRITICAL" in done.stdout and all(part in done.stdout for part in (INTRA, "eth9", EXTRA, "eth7"))
    alarms = AlarmRepository(database)
    [alarm] = alarms.list(active_only=True)
    assert (alarm.kind, alarm.severity, alarm.device) == ("cross_network_link", "critical", INTRA)
    assert all(part in alarm.message for part in (INTRA, "eth9", "intranet", EXTRA, "eth7", "extranet"))

    # The poller's own alarm reconcile for these devices must not clear topology's alarm.
    Poller(database).run_cycle()
    assert [a.id for a in alarms.list(active_only=True) if a.kind == "cross_network_link"] == [alarm.id]

    lab.set_cable(INTRA, "eth9", up=False)  # someone pulls the cable
    deadline = time.monotonic() + 20
    while any(n[1] == EXTRA for n in lab.neighbours(INTRA)):
        assert time.monotonic() < deadline, "lldpd kept the neighbour after the cable went dark"
        time.sleep(0.2)
    report = TopologyService(database).discover()
    assert report.cross_links == [] and report.summary.links_missing == 1
    assert [a for a in alarms.list(active_only=True) if a.kind == "cross_network_link"] == []
