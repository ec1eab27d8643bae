"""Inter-centre link figures from the devices' own probes: Cisco IP SLA, read-only over SNMP.

A Cisco router at one centre running an IP SLA operation towards the other centre measures the
path between the centres itself, which the collector's ICMP (egovops.dr.probe) cannot. The
operation belongs to a link when its target address is the management address of the link's other
end. Objects read (CISCO-RTTMON-MIB, columns as the MIB numbers them):

* rttMonCtrlAdminTag (…42.1.2.1.1.3), rttMonEchoAdminTargetAddress (…42.1.2.2.1.2, 4 octets);
* rttMonLatestRttOperCompletionTime (…42.1.2.10.1.1, ms) and …Sense (.2; 1 = ok);
* for udp-jitter operations, rttMonLatestJitterOperTable (…42.1.5.2.1): NumOfRTT (.1),
  PacketLossSD (.26), PacketLossDS (.27), PacketMIA (.29), AvgJitter (.46, ms).

Huawei NQA (NQA-MIB, 2011.5.25.111) is read the same way by egovops.dr.nqa.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from egovops.credentials.service import CredentialService
from egovops.dr.model import LinkState, Measured
from egovops.inventory.model import Device
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget
from egovops.snmp.target import target_from_credentials
from egovops.snmp.values import SnmpValue
from egovops.storage.database import Database

log = logging.getLogger(__name__)

RTTMON = "1.3.6.1.4.1.9.9.42.1"
TAG, TARGET = f"{RTTMON}.2.1.1.3", f"{RTTMON}.2.2.1.2"
COMPLETION, SENSE = f"{RTTMON}.2.10.1.1", f"{RTTMON}.2.10.1.2"
JITTER = f"{RTTMON}.5.2.1"
NUM_RTT, LOSS_SD, LOSS_DS, MIA, AVG_JITTER = (f"{JITTER}.{n}" for n in (1, 26, 27, 29, 46))
COLUMNS = (TAG, TARGET, COMPLETION, SENSE, NUM_RTT, LOSS_SD, LOSS_DS, MIA, AVG_JITTER)
SENSE_OK = 1


@dataclass(frozen=True)
class SlaResult:
    entry: str  # rttMonCtrlAdminIndex
    tag: str
    target: str  # dotted IPv4, "" when the agent gave none or another form
    measured: Measured


def _address(value: SnmpValue) -> str:
    if isinstance(value, bytes) and len(value) in (4, 16):
        return str(ipaddress.ip_address(value))
    return ""


def _int(value: SnmpValue) -> int | None:
    return value if isinstance(value, int) else None


def parse(columns: dict[str, dict[str, SnmpValue]]) -> list[SlaResult]:
    """The operations found in walked columns ({column: {index: value}}, octet strings raw)."""
    found = []
    entries = set(columns.get(TARGET, {})) | set(columns.get(SENSE, {}))
    for entry in sorted(entries, key=lambda e: [int(x) for x in e.split(".")]):
        def col(name: str, entry: str = entry) -> SnmpValue:
            return columns.get(name, {}).get(entry)
        ok = _int(col(SENSE)) == SENSE_OK
        latency = _int(col(COMPLETION))
        rtts = _int(col(NUM_RTT))
        if rtts is not None:  # a jitter operation: its own loss and jitter
            lost = sum(_int(col(c)) or 0 for c in (LOSS_SD, LOSS_DS, MIA))
            loss = 100.0 * lost / (rtts + lost) if rtts + lost else 100.0
            jitter = _int(col(AVG_JITTER))
        else:  # an echo operation: one probe, answered or not
            loss, jitter = (0.0 if ok else 100.0), None
        tag = col(TAG)
        text = tag.decode("utf-8", "replace") if isinstance(tag, bytes) else str(tag or "")
        found.append(SlaResult(entry, text, _address(col(TARGET)),
                               Measured(float(latency) if ok and latency is not None else None,
                                        float(jitter) if jitter is not None else None, loss)))
    return found


async def read_ip_sla(client: SnmpClient, target: SnmpTarget) -> list[SlaResult]:
    return parse(await client.awalk_columns(target, COLUMNS, raw=True))


def device_probes(db: Database, devices: Sequence[Device], links: Sequence[LinkState]
                  ) -> list[tuple[str, str, Measured]]:
    """(link label, "near>far" addresses, figures) for each inter-centre link whose Cisco end runs an
    IP SLA operation towards the other end. A device that fails (no credentials, no answer) is
    logged and skipped: the others are still read."""
    where = {d.name: d for d in devices}
    wanted: dict[str, list[tuple[LinkState, str]]] = {}
    for link in links:
        for near, far in ((link.a, link.b), (link.b, link.a)):
            if "cisco" in where[near].vendor.lower():
                wanted.setdefault(near, []).append((link, where[far].address))
    if not wanted:
        return []
    credentials, rows = CredentialService(db), []
    loop = SnmpLoop("egovops-dr-ipsla").start()
    try:
        client = SnmpClient(loop)
        for name, ends in wanted.items():
            device = where[name]
            try:
                target = target_from_credentials(device, credentials.resolve(device.credential_profile))
                results = loop.run(read_ip_sla(client, target))
            except Exception as exc:  # noqa: BLE001 - one device's failure (keyring, timeout) spares the others
                log.warning("IP SLA of %s not read: %s", name, exc)
                continue
            for link, far in ends:
                match = next((r for r in results if r.target == far), None)
                if match is not None:
                    rows.append((link.label, f"{device.address}>{far}", match.measured))
    finally:
        loop.stop()
    return rows
