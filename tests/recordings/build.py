"""Writes the small recordings of this folder (run: python tests/recordings/build.py).

These families have no recording in snmpsim-data. Each is built from its vendor's published MIB
objects (named per line below) in the shape real walks of those devices have: sysDescr in the
vendor's format, an ENTITY-MIB chassis, the vendor's health objects — including the sentinels
those agents report for parts they do not have (65535, 0), which is what these tests are about.
The values themselves are invented; nothing here is a capture of a real device. See README.md.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
SYS, IF, IFX, ENT = "1.3.6.1.2.1.1", "1.3.6.1.2.1.2.2.1", "1.3.6.1.2.1.31.1.1.1", "1.3.6.1.2.1.47.1.1.1.1"


def text(value: str) -> tuple[str, str]:
    return ("4x", value.encode().hex()) if any(c in value for c in "\r\n|") or not value.isascii() else ("4", value)


def system(descr: str, object_id: str, name: str) -> list[tuple[str, str, str]]:
    return [(f"{SYS}.1.0", *text(descr)), (f"{SYS}.2.0", "6", object_id), (f"{SYS}.3.0", "67", "123456789"),
            (f"{SYS}.5.0", "4", name)]


def interfaces(names: list[str]) -> list[tuple[str, str, str]]:
    rows = []
    for i, n in enumerate(names, 1):
        rows += [(f"{IF}.2.{i}", "4", n), (f"{IF}.3.{i}", "2", "6"), (f"{IF}.5.{i}", "66", "1000000000"),
                 (f"{IF}.7.{i}", "2", "1"), (f"{IF}.8.{i}", "2", "1" if i == 1 else "2"), (f"{IFX}.1.{i}", "4", n)]
    return rows


def entities(rows: list[tuple[int, int, str, str, str, str]]) -> list[tuple[str, str, str]]:
    """(index, class, descr, name, serial, model) per entity."""
    found = []
    for index, cls, descr, name, serial, model in rows:
        found += [(f"{ENT}.2.{index}", *text(descr)), (f"{ENT}.5.{index}", "2", str(cls)),
                  (f"{ENT}.7.{index}", *text(name)),
                  (f"{ENT}.11.{index}", *text(serial)), (f"{ENT}.13.{index}", *text(model))]
    return found


def column(base: str, values: dict[str, int]) -> list[tuple[str, str, str]]:
    return [(f"{base}.{index}", "2", str(v)) for index, v in values.items()]


def write(name: str, rows: list[tuple[str, str, str]]) -> None:
    key = lambda row: tuple(int(a) for a in row[0].split("."))  # noqa: E731 - snmpsim wants OID order
    (HERE / f"{name}.snmprec").write_text("".join(f"{o}|{t}|{v}\n" for o, t, v in sorted(rows, key=key)), "utf-8")


HW = "1.3.6.1.4.1.2011.5.25.31.1.1.1.1"      # HUAWEI-ENTITY-EXTENT-MIB hwEntityStateEntry: .5 CPU, .7 memory, .11 °C
HH3C = "1.3.6.1.4.1.25506.2.6.1.1.1.1"       # HH3C-ENTITY-EXT-MIB hh3cEntityExtStateEntry: .6 CPU, .8 memory, .12 °C

# Huawei S5735 on YunShan OS: its sysDescr no longer says "VRP".
write("huawei-yunshan-s5735", system(
    "S5735-L24T4S-A1\r\nHuawei YunShan OS\r\nVersion 1.22.0.1 (S5735 V600R022C10SPC500)\r\n"
    "Copyright (C) 2021-2023 Huawei Technologies Co., Ltd.", "1.3.6.1.4.1.2011.2.23.700", "AH-YS-AS01")
    + interfaces(["GE1/0/1", "GE1/0/2"])
    + entities([(67108867, 3, "HUAWEI S5735-L24T4S-A1", "S5735-L24T4S-A1 Chassis", "2102353170DMP3000123", ""),
                (67108873, 9, "S5735-L24T4S-A1 main board", "MPU Board 0", "2102353170DMP3000124", ""),
                (67174401, 7, "FAN", "FAN 1", "", "")])
    + column(f"{HW}.5", {"67108867": 0, "67108873": 11, "67174401": 0})
    + column(f"{HW}.7", {"67108867": 0, "67108873": 38, "67174401": 0})
    + column(f"{HW}.11", {"67108867": 0, "67108873": 41, "67174401": 65535})
    + column("1.3.6.1.4.1.2011.6.3.4.1.4", {"0.0.0": 9}))  # HUAWEI-CPU-MIB hwAvgDuty5min, frame.slot.cpu

# Huawei USG6300 firewall (VRP): sysDescr's parenthesis names the image family, the chassis the model.
write("huawei-usg6330", system(
    "Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version 5.160 (USG6300 V500R001C30SPC600)\r\n"
    "Copyright (C) 2014-2018 Huawei Technologies Co., Ltd", "1.3.6.1.4.1.2011.2.239.40", "AH-FW-01")
    + interfaces(["GigabitEthernet0/0/0", "GigabitEthernet1/0/0"])
    + entities([(16777216, 3, "HUAWEI USG6330", "USG6330", "210235G7LN10H5000034", ""),
                (16842753, 9, "USG6330 main board", "MPU", "", "")])
    + column(f"{HW}.5", {"16777216": 0, "16842753": 17})
    + column(f"{HW}.7", {"16777216": 0, "16842753": 52})
    + column(f"{HW}.11", {"16777216": 0, "16842753": 46})
    + column("1.3.6.1.4.1.2011.6.3.4.1.4", {"0.0.0": 15}))

# Huawei MA5600T GPON OLT: sysObjectID 2011.2.80.8; boards in hwEntityStateTable, an empty slot at 0.
write("huawei-ma5600t", system("Huawei Integrated Access Software", "1.3.6.1.4.1.2011.2.80.8", "HF-C01-OLT01")
      + interfaces(["ethernet0/9/0", "GPON 0/1/0"])
      + entities([(1, 3, "MA5600T", "MA5600T Frame 0", "21023518320000001", "MA5600T"),
                  (4194304001, 9, "H802SCUN", "SCUN 0/7", "", ""), (4194304002, 9, "H806GPBD", "GPBD 0/1", "", ""),
                  (4194304003, 5, "slot", "Slot 0/2", "", "")])
      + column(f"{HW}.5", {"1": 0, "4194304001": 23, "4194304002": 8, "4194304003": 0})
      + column(f"{HW}.7", {"1": 0, "4194304001": 45, "4194304002": 30, "4194304003": 0})
      + column(f"{HW}.11", {"1": 0, "4194304001": 42, "4194304002": 48, "4194304003": 0}))

# H3C SecPath firewall on Comware 7: the product on sysDescr's second line.
write("h3c-secpath-f1000", system(
    "H3C Comware Platform Software, Software Version 7.1.064, Release 9333P25\r\nH3C SecPath F1000-AK1110\r\n"
    "Copyright (c) 2004-2020 New H3C Technologies Co., Ltd. All rights reserved.", "1.3.6.1.4.1.25506.1.1789",
    "AH-FW-02")
    + interfaces(["GigabitEthernet1/0/0", "GigabitEthernet1/0/1"])
    + entities([(2, 3, "H3C SecPath F1000-AK1110", "chassis", "210235A1Y4H19C000011", "SecPath F1000-AK1110"),
                (12, 9, "Board", "board 1", "", ""), (40, 8, "Sensor", "hotspot 1", "", ""),
                (60, 6, "Power", "PSU 1", "", "")])
    + column(f"{HH3C}.6", {"2": 0, "12": 15, "40": 0, "60": 0})
    + column(f"{HH3C}.8", {"2": 0, "12": 47, "40": 0, "60": 0})
    + column(f"{HH3C}.12", {"2": 65535, "12": 45, "40": 52, "60": 65535}))

# HP-branded Comware 5 (A5120 EI): sysDescr says "HP …", entPhysicalModelName is a part number.
write("hp-a5120", system(
    "HP Comware Platform Software, Software Version 5.20.99 Release 2221P05\r\n"
    "HP A5120-24G EI Switch with 2 Interface Slots\r\n"
    "Copyright (c) 2010-2014 Hewlett-Packard Development Company, L.P.", "1.3.6.1.4.1.25506.11.1.101", "AH-HP-AS01")
    + interfaces(["GigabitEthernet1/0/1", "GigabitEthernet1/0/2"])
    + entities([(2, 3, "HP A5120-24G EI Switch with 2 Interface Slots", "A5120-24G EI", "CN12BYH0F1", "JE068A"),
                (30, 9, "HP A5120-24G EI Switch with 2 Interface Slots", "board", "", "JE068A"),
                (33, 7, "Fan", "fan", "", "")])
    + column(f"{HH3C}.6", {"2": 0, "30": 21, "33": 0})
    + column(f"{HH3C}.8", {"2": 0, "30": 44, "33": 0})
    + column(f"{HH3C}.12", {"2": 65535, "30": 39, "33": 65535}))

# Hillstone SG-6000 (StoneOS): HILLSTONE-SYSTEM-MIB sysCPU (.2.2.1.3), sysMemRatio (.2.2.1.17), serial (.2.2.1.1),
# and the temperature table hillstoneTemperatureEntry (.2.28.1.2.1: .2 descr, .3 value).
write("hillstone-sg6000", system("SG-6000-E3960 Hillstone StoneOS Software Version 5.5R8P9", "1.3.6.1.4.1.28557.1.63",
                                 "AH-FW-03")
      + interfaces(["ethernet0/0", "ethernet0/1"])
      + [("1.3.6.1.4.1.28557.2.2.1.1.0", "4", "0010123456789012"), ("1.3.6.1.4.1.28557.2.2.1.3.0", "2", "27"),
         ("1.3.6.1.4.1.28557.2.2.1.17.0", "2", "61"),
         ("1.3.6.1.4.1.28557.2.28.1.2.1.2.1", "4", "CPU"), ("1.3.6.1.4.1.28557.2.28.1.2.1.2.2", "4", "Board"),
         ("1.3.6.1.4.1.28557.2.28.1.2.1.2.3", "4", "Absent"),
         ("1.3.6.1.4.1.28557.2.28.1.2.1.3.1", "2", "58"), ("1.3.6.1.4.1.28557.2.28.1.2.1.3.2", "2", "44"),
         ("1.3.6.1.4.1.28557.2.28.1.2.1.3.3", "2", "-1")])

# ZTE ZXA10 C320 GPON OLT: ZXAN-EQUIPMENT-MIB zxAnCardTable (.1015.2.1.1.3.1, index rack.shelf.slot):
# .4 card type, .9 CPU %, .11 memory %; chassis temperature .1015.2.1.3.2.0.
CARD = "1.3.6.1.4.1.3902.1015.2.1.1.3.1"
write("zte-c320", system("ZXA10 C320, ZTE ZXA10 Software Version: V2.1.0", "1.3.6.1.4.1.3902.1082.1001.320.1",
                         "HF-C02-OLT01")
      + interfaces(["gei_1/3/1", "gpon_1/1/1"])
      + [(f"{CARD}.4.1.1.1", "4", "GTGO"), (f"{CARD}.4.1.1.2", "4", "GTGO"), (f"{CARD}.4.1.1.3", "4", "SMXA")]
      + column(f"{CARD}.9", {"1.1.1": 12, "1.1.2": 9, "1.1.3": 31})
      + column(f"{CARD}.11", {"1.1.1": 40, "1.1.2": 41, "1.1.3": 57})
      + [("1.3.6.1.4.1.3902.1015.2.1.3.2.0", "2", "43")])
