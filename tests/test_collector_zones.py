"""Zones: the selector a collector serves, its matching and its one-line errors."""

from __future__ import annotations

import pytest

from egovops.collector.zones import parse_zone
from egovops.errors import ValidationError
from egovops.inventory.model import Device
from tests.fixtures.store import Cli

HF_CORE = Device("HF-CORE", "10.0.0.1", "extranet", "安徽省/合肥市", tags=("core",))
HF_ACCESS = Device("HF-ACC", "10.0.0.2", "extranet", "安徽省/合肥市/肥东县")
HF_INTRA = Device("HF-IN", "10.1.0.1", "intranet", "安徽省/合肥市", tags=("core",))
HFX = Device("HFX", "10.0.0.9", "extranet", "安徽省/合肥市区")  # a sibling whose name starts alike
WH = Device("WH-CORE", "10.2.0.1", "extranet", "安徽省/芜湖市", tags=("core",))
PRIVATE = Device("TAX-1", "10.3.0.1", "private:税务专网", "安徽省/合肥市")
ALL = [HF_CORE, HF_ACCESS, HF_INTRA, HFX, WH, PRIVATE]


def chosen(text: str) -> list[str]:
    zone = parse_zone(text)
    return [d.name for d in ALL if zone(d)]


def test_an_empty_zone_or_all_is_the_whole_inventory() -> None:
    assert chosen("") == chosen("all") == [d.name for d in ALL]
    assert parse_zone("").everything and not parse_zone("intranet").everything


def test_network_by_kind_bare_or_keyed() -> None:
    assert chosen("network=intranet") == chosen("intranet") == ["HF-IN"]
    assert chosen("private") == chosen("network=private:税务专网") == ["TAX-1"]


def test_a_site_is_its_subtree_and_not_a_sibling_with_the_same_prefix() -> None:
    assert chosen("site=安徽省/合肥市") == ["HF-CORE", "HF-ACC", "HF-IN", "TAX-1"]
    assert chosen("安徽省/合肥市/肥东县") == ["HF-ACC"]


def test_different_keys_must_all_hold_and_same_keys_are_alternatives() -> None:
    assert chosen("network=extranet site=安徽省/合肥市 tag=core") == ["HF-CORE"]
    assert chosen("network=extranet,tag=core") == ["HF-CORE", "WH-CORE"]
    assert chosen("site=安徽省/合肥市/肥东县 site=安徽省/芜湖市") == ["HF-ACC", "WH-CORE"]


def test_one_zone_written_two_ways_has_one_text() -> None:
    assert parse_zone(" tag:core,extranet  tag=core ").text == parse_zone("network=extranet tag=core").text \
        == "network=extranet tag=core"
    two_sites = parse_zone("site=安徽省/芜湖市 安徽省/合肥市").text
    assert two_sites == parse_zone("site=安徽省/合肥市 site=安徽省/芜湖市").text
    assert parse_zone("all").text == ""


@pytest.mark.parametrize("text,message", [
    ("vendor=huawei", "unknown key 'vendor'"),
    ("network=internet", "'internet' is not intranet, extranet"),
    ("site=", "has no value"),
    ("site=安徽省//合肥市", "empty part"),
    ("hefei", "write it as key=value"),
])
def test_bad_zones_are_refused_with_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_zone(text)


def test_a_bad_zone_on_the_command_line_is_one_line_and_exit_1(cli: Cli) -> None:
    done = cli("collector", "--zone", "network=internet", timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: zone network 'internet' is not intranet, extranet, private or private:NAME"]
