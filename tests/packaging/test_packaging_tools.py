"""The installers' helpers, without building anything (fast: part of the ordinary suite)."""

from __future__ import annotations

import configparser
import platform
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from check_wheels import glibc_needed, platforms, wrong_processor  # noqa: E402
from launcher import module_to_run  # noqa: E402


def test_the_bundle_runs_modules_as_python_would_and_anything_else_as_egovops() -> None:
    exe = "/opt/egovops/egovops"
    assert module_to_run([exe, "-m", "egovops", "--data-dir", "/d", "poll"]) == (
        "egovops", ["--data-dir", "/d", "poll"])
    assert module_to_run([exe, "-S", "-m", "egovops.simulator.shell", "--vendor", "huawei"]) == (
        "egovops.simulator.shell", ["--vendor", "huawei"])
    assert module_to_run([exe, "-m"]) is None  # no module named: egovops says what is wrong
    assert module_to_run([exe, "console", "-m"]) is None  # only in first place
    assert module_to_run([exe, "--version"]) is None and module_to_run([exe]) is None


def test_the_desktop_entry_has_the_chinese_name_and_the_installed_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  (keys such as Name[zh_CN] keep their case)
    entry.read(ROOT / "packaging" / "egovops.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name[zh_CN]"] == "电子政务运维" and desktop["Exec"] == "egovops console"
    assert desktop["Icon"] == "egovops" and (ROOT / "packaging" / "icons" / "egovops.svg").exists()
    assert (ROOT / "packaging" / "icons" / "egovops-256.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_platform_tags_name_every_glibc_level_down_to_manylinux2014() -> None:
    tags = platforms("aarch64", "2.28")
    assert tags[0] == "manylinux_2_28_aarch64" and tags[-2:] == ["manylinux_2_17_aarch64", "manylinux2014_aarch64"]
    assert len(tags) == 13 and platforms("win_amd64", None) == ["win_amd64"]


@pytest.mark.parametrize(("name", "needed"), [
    ("pyside6_essentials-6.9.3-cp39-abi3-manylinux_2_39_aarch64.whl", (2, 39)),
    ("pyyaml-6.0.4-cp311-cp311-manylinux2014_aarch64.manylinux_2_17_aarch64.manylinux_2_28_aarch64.whl", (2, 17)),
    ("numpy-2.4.6-cp311-cp311-manylinux_2_27_aarch64.manylinux_2_28_aarch64.whl", (2, 27)),
    ("click-8.3.1-py3-none-any.whl", None),
    ("pyside6_essentials-6.9.3-cp39-abi3-win_amd64.whl", None),
])
def test_a_wheel_needs_the_glibc_of_its_lowest_tag(name: str, needed: tuple[int, int] | None) -> None:
    assert glibc_needed(Path(name)) == needed


def _pe(machine: int) -> bytes:
    head = bytearray(512)
    head[:2] = b"MZ"
    struct.pack_into("<I", head, 0x3C, 0x80)
    head[0x80:0x84] = b"PE\0\0"
    struct.pack_into("<H", head, 0x84, machine)
    return bytes(head)


def test_binaries_are_told_apart_by_processor() -> None:
    this_python = Path(sys.executable).resolve().read_bytes()[:4096]  # an ELF for this machine's processor
    here = platform.machine()
    other = "aarch64" if here == "x86_64" else "x86_64"
    assert wrong_processor(this_python, here) is False and wrong_processor(this_python, other) is True
    assert wrong_processor(this_python, "win_amd64") is True
    assert wrong_processor(_pe(0x8664), "win_amd64") is False
    assert wrong_processor(_pe(0x014C), "win_amd64") is True  # x86
    assert wrong_processor(_pe(0xAA64), "win_amd64") is True  # Windows on ARM
    assert wrong_processor(b"#!/bin/sh\n", "x86_64") is None
