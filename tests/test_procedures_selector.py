"""Target selectors: keys, wildcards, site subtrees, OR within a key and AND across keys."""

from __future__ import annotations

import pytest

from egovops.errors import ValidationError
from egovops.inventory.model import Device, DeviceRole
from egovops.procedures.selector import parse_selector, select_devices

DEVICES = [
    Device("HF-CORE-01", "127.0.0.1", "intranet", "安徽省/合肥市", role=DeviceRole.CORE, vendor="huawei", tags=("dc",)),
    Device("HF-ACC-02", "127.0.0.2", "extranet", "安徽省/合肥市/肥东县", role=DeviceRole.ACCESS, vendor="h3c"),
    Device("WH-ACC-01", "127.0.0.3", "private:医保专网", "安徽省/芜湖市", role=DeviceRole.ACCESS, vendor="cisco"),
    Device("HFX-01", "127.0.0.4", "intranet", "安徽省/合肥市x", role=DeviceRole.ACCESS, vendor="ruijie"),
]


def names(text: str) -> list[str]:
    return [d.name for d in select_devices(parse_selector(text), DEVICES)]


def test_selector_semantics() -> None:
    assert names("all") == [d.name for d in DEVICES]
    assert names("HF-*") == ["HF-CORE-01", "HF-ACC-02"]
    assert names("site:安徽省/合肥市") == ["HF-CORE-01", "HF-ACC-02"]  # the subtree, not 合肥市x
    assert names("vendor:huawei,vendor:h3c") == ["HF-CORE-01", "HF-ACC-02"]
    assert names("role:access network:intranet") == ["HFX-01"]
    assert names("network:private") == ["WH-ACC-01"]
    assert names("network:private:医保专网") == ["WH-ACC-01"]
    assert names("tag:dc") == ["HF-CORE-01"]


@pytest.mark.parametrize("text,message", [("", "empty"), ("colour:red", "unknown key"), ("vendor:", "has no value"), ("vendor:juniper", "matches no device")])
def test_bad_selectors_are_named(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        names(text)
