"""Numeric OIDs of the standard MIBs the poller reads (SNMPv2-MIB, IF-MIB, ENTITY-MIB)."""

SYS_DESCR = "1.3.6.1.2.1.1.1.0"
SYS_OBJECT_ID = "1.3.6.1.2.1.1.2.0"
SYS_UPTIME = "1.3.6.1.2.1.1.3.0"
SYS_NAME = "1.3.6.1.2.1.1.5.0"
SYSTEM = (SYS_DESCR, SYS_OBJECT_ID, SYS_UPTIME, SYS_NAME)

# ifTable / ifXTable columns, by the field name the poller gives them.
IF_COLUMNS = {
    "descr": "1.3.6.1.2.1.2.2.1.2",
    "type": "1.3.6.1.2.1.2.2.1.3",
    "speed": "1.3.6.1.2.1.2.2.1.5",
    "admin_status": "1.3.6.1.2.1.2.2.1.7",
    "oper_status": "1.3.6.1.2.1.2.2.1.8",
    "in_octets32": "1.3.6.1.2.1.2.2.1.10",
    "in_discards": "1.3.6.1.2.1.2.2.1.13",
    "in_errors": "1.3.6.1.2.1.2.2.1.14",
    "out_octets32": "1.3.6.1.2.1.2.2.1.16",
    "out_discards": "1.3.6.1.2.1.2.2.1.19",
    "out_errors": "1.3.6.1.2.1.2.2.1.20",
    "name": "1.3.6.1.2.1.31.1.1.1.1",
    "in_octets": "1.3.6.1.2.1.31.1.1.1.6",
    "out_octets": "1.3.6.1.2.1.31.1.1.1.10",
    "high_speed": "1.3.6.1.2.1.31.1.1.1.15",
    "alias": "1.3.6.1.2.1.31.1.1.1.18",
}
# What changes between cycles; the rest (names, aliases, types, speeds) is read again only when
# the agent says its table changed (``polling.interfaces.StaticColumns``).
IF_DYNAMIC = ("admin_status", "oper_status", "in_errors", "out_errors", "in_discards", "out_discards")
IF_COUNTERS_64 = ("in_octets", "out_octets")
IF_COUNTERS_32 = ("in_octets32", "out_octets32")
IF_NUMBER = "1.3.6.1.2.1.2.1.0"
IF_TABLE_LAST_CHANGE = "1.3.6.1.2.1.31.1.5.0"  # ifTableLastChange: sysUpTime of the last row added/removed
IF_TABLE_MARKS = (IF_NUMBER, IF_TABLE_LAST_CHANGE)

ENT_PHYSICAL_DESCR = "1.3.6.1.2.1.47.1.1.1.1.2"
ENT_PHYSICAL_CLASS = "1.3.6.1.2.1.47.1.1.1.1.5"
ENT_PHYSICAL_NAME = "1.3.6.1.2.1.47.1.1.1.1.7"
ENT_PHYSICAL_SERIAL = "1.3.6.1.2.1.47.1.1.1.1.11"
ENT_PHYSICAL_MODEL = "1.3.6.1.2.1.47.1.1.1.1.13"
ENT_CLASS_CHASSIS = 3
