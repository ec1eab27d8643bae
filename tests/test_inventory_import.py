"""Inventory import and export through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.stores("sqlite", "postgresql")

HEADER = "name,address,snmp_port,ssh_port,network,site,vendor,model,role,security_domain,protection_level,owner_unit,contact,credential_profile,tags"
GOOD_1 = "HF-CORE-01,127.30.0.1,20161,20022,extranet,安徽省/合肥市,huawei,S12704,core,核心交换域,3,合肥市数据资源局,张伟 0551-6000001,city-v2c,core;合肥"
GOOD_2 = "FD-AS-01,127.30.0.2,,,intranet,安徽省/合肥市/肥东县,h3c,S5130,access,接入域,2,肥东县政府办,李娜,,"
BAD_LEVEL = "FD-AS-02,127.30.0.3,161,22,extranet,安徽省/合肥市/肥东县,h3c,S5130,access,接入域,5,肥东县政府办,李娜,,"
BAD_NET = "FD-AS-03,127.30.0.4,161,22,gov-net,安徽省/合肥市/肥东县,h3c,S5130,access,,2,,,,"
BAD_ADDR_PORT = "FD-AS-04,300.1.2.3,70000,22,extranet,安徽省/合肥市/肥东县,h3c,S5130,access,,2,,,,"
DUPLICATE = "HF-CORE-01,127.30.0.9,161,22,extranet,安徽省/合肥市,huawei,S12704,core,,3,,,,"
SHORT_ROW = "FD-AS-05,127.30.0.5"


def _write(path: Path, lines: list[str], encoding: str) -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _names(cli) -> list[str]:
    return [d["name"] for d in json.loads(cli("inventory", "list", "--json").stdout)]


def _check_bad_rows_report(done) -> None:
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["added"] == 2 and report["rejected"] == 5
    by_row = {}
    for p in report["problems"]:
        by_row.setdefault(p["row"], []).append((p["column"], p["reason"]))
    assert [c for c, _ in by_row[4]] == ["protection_level"] and "1-4" in by_row[4][0][1]
    assert by_row[5] == [("network", "unknown network 'gov-net'")]
    assert {c for c, _ in by_row[6]} == {"address", "snmp_port"}
    assert by_row[7][0][0] == "name" and "duplicate" in by_row[7][0][1] and "row 2" in by_row[7][0][1]
    assert "fields" in by_row[8][0][1]


def test_utf8_csv_with_bad_rows_imports_the_good_ones(cli, tmp_path: Path) -> None:
    rows = [HEADER, GOOD_1, GOOD_2, BAD_LEVEL, BAD_NET, BAD_ADDR_PORT, DUPLICATE, SHORT_ROW]
    done = cli("inventory", "import", str(_write(tmp_path / "inv.csv", rows, "utf-8")), "--json")
    _check_bad_rows_report(done)
    assert _names(cli) == ["FD-AS-01", "HF-CORE-01"]
    shown = json.loads(cli("inventory", "show", "HF-CORE-01", "--json").stdout)
    assert shown["site"] == "安徽省/合肥市" and shown["tags"] == ["core", "合肥"] and shown["snmp_port"] == 20161
    assert json.loads(cli("inventory", "show", "FD-AS-01", "--json").stdout)["snmp_port"] == 161


def test_gbk_csv_from_excel_is_read(cli, tmp_path: Path) -> None:
    rows = [HEADER, GOOD_1, GOOD_2, BAD_LEVEL, BAD_NET, BAD_ADDR_PORT, DUPLICATE, SHORT_ROW]
    done = cli("inventory", "import", str(_write(tmp_path / "inv-gbk.csv", rows, "gbk")), "--json")
    _check_bad_rows_report(done)
    assert json.loads(done.stdout)["encoding"] == "gbk"
    assert json.loads(cli("inventory", "show", "HF-CORE-01", "--json").stdout)["owner_unit"] == "合肥市数据资源局"


def test_bom_csv_and_human_report_name_each_bad_row(cli, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join([HEADER, GOOD_1, BAD_LEVEL]).encode())
    done = cli("inventory", "import", str(path))
    assert done.returncode == 1
    assert "row 3, protection_level" in done.stderr
    assert _names(cli) == ["HF-CORE-01"]


def test_chinese_messages_follow_the_language(cli, tmp_path: Path) -> None:
    path = _write(tmp_path / "zh.csv", [HEADER, BAD_LEVEL], "utf-8")
    done = cli("inventory", "import", str(path), env={"EGOVOPS_LANG": "zh_CN"})
    assert done.returncode == 1
    assert "第 2 行" in done.stderr and "等保级别" in done.stderr


def test_dry_run_changes_nothing(cli, tmp_path: Path) -> None:
    done = cli("inventory", "import", str(_write(tmp_path / "d.csv", [HEADER, GOOD_1, GOOD_2], "utf-8")), "--dry-run", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["added"] == 2
    assert _names(cli) == []


def test_missing_required_column_rejects_the_file(cli, tmp_path: Path) -> None:
    done = cli("inventory", "import", str(_write(tmp_path / "m.csv", ["name,address", "a,127.0.0.9"], "utf-8")))
    assert done.returncode == 1 and "network" in done.stderr and "site" in done.stderr


def test_private_network_must_be_declared_first(cli, tmp_path: Path) -> None:
    row = "SB-AS-01,127.30.1.1,161,22,private:社保专网,安徽省/合肥市,ruijie,S5750,access,,2,,,,"
    path = _write(tmp_path / "p.csv", [HEADER, row], "utf-8")
    assert cli("inventory", "import", str(path)).returncode == 1
    assert cli("network", "set", "private:社保专网", "--cidr", "10.88.0.0/16").returncode == 0
    assert cli("inventory", "import", str(path)).returncode == 0
    nets = {n["name"]: n for n in json.loads(cli("network", "list", "--json").stdout)}
    assert nets["private:社保专网"]["migration_state"] == "planned"
    assert nets["private:社保专网"]["cidrs"] == ["10.88.0.0/16"]


def _inventory_snapshot(cli) -> dict:
    devices = json.loads(cli("inventory", "list", "--json").stdout)
    return {d["name"]: d for d in devices}


def test_csv_export_then_import_into_an_empty_store_round_trips(cli, tmp_path: Path, data_dir: Path) -> None:
    assert cli("demo", "init", "--devices", "120").returncode == 0
    before = _inventory_snapshot(cli)
    out = tmp_path / "export.csv"
    assert cli("inventory", "export", str(out)).returncode == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    other = tmp_path / "other"
    other.mkdir()
    done = cli("--data-dir", str(other), "inventory", "import", str(out), "--json")
    assert done.returncode == 0, done.stderr
    after = json.loads(cli("--data-dir", str(other), "inventory", "list", "--json").stdout)
    assert {d["name"]: d for d in after} == before


def test_yaml_export_round_trips_sites_networks_and_links(cli, tmp_path: Path) -> None:
    assert cli("network", "set", "private:医保专网", "--migration", "migrating", "--cidr", "10.9.0.0/16").returncode == 0
    assert cli("demo", "init", "--devices", "60").returncode == 0
    out = tmp_path / "export.yaml"
    assert cli("inventory", "export", str(out)).returncode == 0
    document = yaml.safe_load(out.read_text("utf-8"))
    # an uplink for every device but the two networks' roots, and the two DR centres' cores cabled
    # to the production centre's core
    assert len(document["links"]) == (60 - 2) + 2
    dcs = [s for s in document["sites"] if s["kind"] == "datacentre"]
    assert {s["dr_role"] for s in dcs} == {"production", "same-city-dr", "remote-dr"}
    other = tmp_path / "other"
    other.mkdir()
    assert cli("--data-dir", str(other), "inventory", "import", str(out)).returncode == 0
    again = tmp_path / "again.yaml"
    assert cli("--data-dir", str(other), "inventory", "export", str(again)).returncode == 0
    assert yaml.safe_load(again.read_text("utf-8")) == document


def test_list_filters_by_site_and_network(cli) -> None:
    cli("demo", "init", "--devices", "300")
    hefei = json.loads(cli("inventory", "list", "--json", "--site", "安徽省/合肥市", "--network", "intranet").stdout)
    assert hefei and all(d["site"].startswith("安徽省/合肥市") and d["network"] == "intranet" for d in hefei)
    assert "HF-INT-AGG-01" in {d["name"] for d in hefei}
    # a prefix of a name is not a parent site
    assert json.loads(cli("inventory", "list", "--json", "--site", "安徽省/合").stdout) == []
