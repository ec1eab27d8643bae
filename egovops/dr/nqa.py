"""Inter-centre link figures from the devices' own probes: Huawei NQA, read-only over SNMP.

The Huawei counterpart of egovops.dr.ipsla: a Huawei router at one centre running an NQA test
instance towards the other centre measures the path between the centres itself. The test belongs
to a link when its target address is the management address of the link's other end.

Objects read, as NQA-MIB numbers them (nqa = hwDatacomm 111 = 1.3.6.1.4.1.2011.5.25.111; text
checked against librenms/librenms mibs/huawei/NQA-MIB, "Network Quality Analyse MIB" V1.1). Every
table is indexed by nqaAdminCtrlOwnerIndex and nqaAdminCtrlTestName, both SnmpAdminString
(SIZE(0..32)) and not IMPLIED, so each is length-prefixed in the index:

* nqaAdminCtrlType (…111.2.1.1.4, NqaType: jitterAppl 5, icmpAppl 6, icmpJitter 22);
* nqaAdminParaTargetAddress (…111.2.2.1.2, InetAddress: 4 or 16 octets);
* nqaScheduleLastFinishIndex (…111.2.3.1.8, the latest finished test, the result tables' index)
  and nqaScheduleOperStatus (…111.2.3.1.9; 4 = active);
* jitter tests, nqaJitterStatsTable (…111.4.3.1, index + nqaJitterStatsIndex): Completions (.2;
  0 noResult, 1 success, 2 failure, 3 negotiateFailed), RTTMin/Max (.8/.9), ProbeResponses (.40),
  SentProbes (.41), TestFinished (.43; 1 finish), RTTAvg (.46), AvgJitter (.48), TimeUnit (.67;
  1 us, 2 ms);
* other tests (icmp), nqaResultsTable (…111.4.1.1, index + nqaResultsIndex + nqaResultsHopIndex):
  Completions (.3; 0 noResult, 1 success, 2 failure), CompletionTimeMin/Max (.11/.12),
  ProbeResponses (.21), SentProbes (.22), LastGoodProbe (.23, DateAndTime), TestFinished (.25),
  RttAvg (.26).

Loss is computed from sent and answered probes, not read from nqa*LostPacketRatio, whose unit the
MIB does not state. A result is not used when no test has finished yet (nothing to show), when the
test instance is not active (a stopped test keeps its last result for ever), or when it is an icmp
result whose last answered probe is older than ``max_age`` (the result no longer describes the
link). The jitter table has no time column, so a jitter result's age cannot be checked beyond the
instance being active.
"""

from __future__ import annotations

import calendar
import ipaddress
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from egovops.credentials.service import CredentialService
from egovops.dr.model import LinkState, Measured
from egovops.dr.service import PROBE_FRESH_S
from egovops.inventory.model import Device
from egovops.snmp import SnmpClient, SnmpLoop, SnmpTarget
from egovops.snmp.target import target_from_credentials
from egovops.snmp.values import SnmpValue
from egovops.storage.database import Database

log = logging.getLogger(__name__)

NQA = "1.3.6.1.4.1.2011.5.25.111"
CTRL_TYPE, TARGET = f"{NQA}.2.1.1.4", f"{NQA}.2.2.1.2"
LAST_FINISH, OPER_STATUS = f"{NQA}.2.3.1.8", f"{NQA}.2.3.1.9"
RESULTS, JITTER = f"{NQA}.4.1.1", f"{NQA}.4.3.1"
R_COMPLETIONS, R_MIN, R_MAX, R_RESPONSES, R_SENT, R_LAST_GOOD, R_FINISHED, R_AVG = (
    f"{RESULTS}.{n}" for n in (3, 11, 12, 21, 22, 23, 25, 26))
J_COMPLETIONS, J_MIN, J_MAX, J_RESPONSES, J_SENT, J_FINISHED, J_AVG, J_JITTER, J_UNIT = (
    f"{JITTER}.{n}" for n in (2, 8, 9, 40, 41, 43, 46, 48, 67))
COLUMNS = (CTRL_TYPE, TARGET, LAST_FINISH, OPER_STATUS,
           R_COMPLETIONS, R_MIN, R_MAX, R_RESPONSES, R_SENT, R_LAST_GOOD, R_FINISHED, R_AVG,
           J_COMPLETIONS, J_MIN, J_MAX, J_RESPONSES, J_SENT, J_FINISHED, J_AVG, J_JITTER, J_UNIT)
JITTER_TYPES = (5, 22)  # jitterAppl, icmpJitter: their results are in nqaJitterStatsTable
ACTIVE, FINISHED, NO_RESULT, MICROSECONDS = 4, 1, 0, 1
# table entry OID -> (owner, test) -> the rest of the index -> {column: value}
Rows = dict[str, dict[tuple[str, str], dict[tuple[int, ...], dict[str, SnmpValue]]]]


@dataclass(frozen=True)
class NqaResult:
    owner: str
    test: str
    target: str  # dotted IPv4 or IPv6 text, "" when the agent gave none or another form
    measured: Measured | None  # None: not used, ``why`` says why
    rtt_min_ms: float | None = None
    rtt_max_ms: float | None = None
    why: str = ""  # "inactive", "no result", "stale" for a result not used


def _address(value: SnmpValue) -> str:
    if isinstance(value, bytes) and len(value) in (4, 16):
        return str(ipaddress.ip_address(value))
    return ""


def _int(value: SnmpValue) -> int | None:
    return value if isinstance(value, int) else None


def _text(numbers: list[int]) -> str:
    return bytes(numbers).decode("utf-8", "replace")


def split_index(index: str) -> tuple[str, str, tuple[int, ...]] | None:
    """(owner, test name, rest) of an NQA row index: two length-prefixed strings, then the table's own."""
    try:
        n = [int(x) for x in index.split(".")]
        owner_end = 1 + n[0]
        name_end = owner_end + 1 + n[owner_end]
        if name_end > len(n):
            return None
        return _text(n[1:owner_end]), _text(n[owner_end + 1:name_end]), tuple(n[name_end:])
    except (ValueError, IndexError):
        return None


def date_and_time(value: SnmpValue) -> float | None:
    """SNMPv2-TC DateAndTime as a Unix time. Without the 3 octets of offset from UTC the device's
    local time is taken to be the collector's (one province, one time zone). All zeros (no probe
    answered yet) and malformed values give None."""
    if not isinstance(value, bytes) or len(value) not in (8, 11):
        return None
    year = int.from_bytes(value[:2], "big")
    month, day, hour, minute, second, tenths = value[2:8]
    if year == 0 or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    fields = (year, month, day, hour, minute, min(second, 59), 0, 0, -1)
    if len(value) == 8:
        return time.mktime(fields) + tenths / 10
    sign = {ord("+"): 1, ord("-"): -1}.get(value[8])
    if sign is None:
        return None
    return calendar.timegm(fields) - sign * (value[9] * 3600 + value[10] * 60) + tenths / 10


def parse(columns: dict[str, dict[str, SnmpValue]], now: float, max_age: float = PROBE_FRESH_S) -> list[NqaResult]:
    """The test instances found in walked columns ({column: {index: value}}, octet strings raw),
    each with its latest finished result's figures or the reason it is not used."""
    rows: Rows = {}
    for column, values in columns.items():
        table = column.rsplit(".", 1)[0]
        for index, value in values.items():
            parts = split_index(index)
            if parts is not None:
                owner, test, rest = parts
                rows.setdefault(table, {}).setdefault((owner, test), {}).setdefault(rest, {})[column] = value
    tests = sorted(set(rows.get(CTRL_TYPE.rsplit(".", 1)[0], {})) | set(rows.get(TARGET.rsplit(".", 1)[0], {})))
    found = []
    for owner, test in tests:
        target = _address(_value(rows, TARGET, (owner, test)))
        result = _latest(rows, (owner, test), now, max_age)
        if isinstance(result, str):
            found.append(NqaResult(owner, test, target, None, why=result))
        else:
            measured, low, high = result
            found.append(NqaResult(owner, test, target, measured, low, high))
    return found


def _value(rows: Rows, column: str, key: tuple[str, str], rest: tuple[int, ...] = ()) -> SnmpValue:
    return rows.get(column.rsplit(".", 1)[0], {}).get(key, {}).get(rest, {}).get(column)


def _latest(rows: Rows, key: tuple[str, str], now: float, max_age: float
            ) -> tuple[Measured, float | None, float | None] | str:
    """The figures of a test's latest finished result, or why there are none to use."""
    if _int(_value(rows, OPER_STATUS, key)) != ACTIVE:
        return "inactive"
    jitter = _int(_value(rows, CTRL_TYPE, key)) in JITTER_TYPES
    finished = J_FINISHED if jitter else R_FINISHED
    mine = rows.get(JITTER if jitter else RESULTS, {}).get(key, {})
    own = [rest for rest in mine if rest[1:] in ((), (1,))]  # the results table's hop 1
    # the row of the latest finished test: the schedule names it; failing that the highest finished one
    last = _int(_value(rows, LAST_FINISH, key))
    named = [rest for rest in own if rest[:1] == (last,)]
    done = sorted(rest for rest in own if _int(mine[rest].get(finished)) == FINISHED)
    rest = named[0] if named else (done[-1] if done else None)
    if rest is None:
        return "no result"
    row = mine[rest]
    sent = _int(row.get(J_SENT if jitter else R_SENT)) or 0
    answered = min(_int(row.get(J_RESPONSES if jitter else R_RESPONSES)) or 0, sent)
    if _int(row.get(J_COMPLETIONS if jitter else R_COMPLETIONS)) in (None, NO_RESULT) or sent == 0:
        return "no result"
    if not jitter and answered:  # a test failing for an hour is current news, not a stale result
        good = date_and_time(row.get(R_LAST_GOOD))
        if good is None or now - good > max_age:
            return "stale"
    scale = 1000.0 if jitter and _int(row.get(J_UNIT)) == MICROSECONDS else 1.0

    def ms(column: str) -> float | None:
        value = _int(row.get(column))
        return value / scale if value is not None and answered else None
    measured = Measured(ms(J_AVG if jitter else R_AVG), ms(J_JITTER) if jitter else None,
                        100.0 * (sent - answered) / sent)
    return measured, ms(J_MIN if jitter else R_MIN), ms(J_MAX if jitter else R_MAX)


async def read_nqa(client: SnmpClient, target: SnmpTarget, now: float | None = None) -> list[NqaResult]:
    columns = await client.awalk_columns(target, COLUMNS, raw=True)
    return parse(columns, time.time() if now is None else now)


def device_probes(db: Database, devices: Sequence[Device], links: Sequence[LinkState]
                  ) -> list[tuple[str, str, Measured]]:
    """(link label, "near>far" addresses, figures) for each inter-centre link whose Huawei end runs
    an active NQA test towards the other end with a usable result. A device that fails (no
    credentials, no answer) is logged and skipped: the others are still read."""
    where = {d.name: d for d in devices}
    wanted: dict[str, list[tuple[LinkState, str]]] = {}
    for link in links:
        for near, far in ((link.a, link.b), (link.b, link.a)):
            if "huawei" in where[near].vendor.lower():
                wanted.setdefault(near, []).append((link, where[far].address))
    if not wanted:
        return []
    credentials, rows = CredentialService(db), []
    loop = SnmpLoop("egovops-dr-nqa").start()
    try:
        client = SnmpClient(loop)
        for name, ends in wanted.items():
            device = where[name]
            try:
                target = target_from_credentials(device, credentials.resolve(device.credential_profile))
                results = loop.run(read_nqa(client, target))
            except Exception as exc:  # noqa: BLE001 - one device's failure (keyring, timeout) spares the others
                log.warning("NQA of %s not read: %s", name, exc)
                continue
            for link, far in ends:
                match = next((r for r in results if r.target == far and r.measured is not None), None)
                if match is not None and match.measured is not None:
                    rows.append((link.label, f"{device.address}>{far}", match.measured))
    finally:
        loop.stop()
    return rows
