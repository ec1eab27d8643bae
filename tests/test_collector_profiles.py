"""The credential profiles a collector's host holds, read from a real Secret Service and recorded
in its ``collectors`` row; the panel's "missing" follows from them (tests/test_collector_panel.py)."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import select

from egovops.collector.panel import CollectorsPanelService
from egovops.collector.profiles import held_profiles, record_profiles
from egovops.credentials.profiles import build_profile
from egovops.credentials.service import CredentialService
from egovops.inventory.model import Device, Site, SiteKind
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.collectors import collectors
from tests.test_collector_panel import add_collector

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]


V3 = {"auth_protocol": "sha", "priv_protocol": "aes-128"}


def profiles_on_this_host(database: Database) -> CredentialService:
    service = CredentialService(database)
    service.add(build_profile("snmp-all", "snmp-v3", {"user": "u1", **V3}),
                {"auth_key": "auth-secret-1", "priv_key": "priv-secret-1"})
    service.add(build_profile("ssh-core", "ssh", {"user": "ops"}), {"password": "ssh-secret"})  # enable: optional
    service.add(build_profile("snmp-half", "snmp-v3", {"user": "u2", **V3}),
                {"auth_key": "auth-secret-2", "priv_key": "priv-secret-2"})
    service.secrets.delete("snmp-half", "priv_key")  # its priv key was never given on this host
    service.add(build_profile("v2-elsewhere", "snmp-v2c", {}), {"community": "c0mmunity"})
    service.secrets.delete("v2-elsewhere", "community")  # defined at another desk: metadata only here
    return service


def test_a_profile_is_held_only_with_every_secret_it_needs(database: Database) -> None:
    assert held_profiles(CredentialService(database)) == []
    service = profiles_on_this_host(database)
    assert held_profiles(service) == ["snmp-all", "ssh-core"]


def test_the_collector_row_records_names_only_and_the_panel_says_what_it_lacks(database: Database) -> None:
    service = profiles_on_this_host(database)
    add_collector(database, "hf-1", time.time(), profiles=["stale-name"])
    assert record_profiles(database, "hf-1", service) == ["snmp-all", "ssh-core"]
    with database.read() as conn:
        stored = conn.scalar(select(collectors.c.profiles).where(collectors.c.name == "hf-1"))
    assert json.loads(stored) == ["snmp-all", "ssh-core"] and "secret" not in stored
    # The whole inventory (its zone is ""): a device for each profile, and one that names none.
    inventory = InventoryRepository(database)
    inventory.save_site(Site("安徽省", SiteKind.PROVINCE))
    inventory.save_devices([Device(f"D{i}", f"127.0.0.{i + 1}", "extranet", "安徽省", credential_profile=profile)
                            for i, profile in enumerate(["snmp-all", "snmp-half", "v2-elsewhere", ""])])
    row = CollectorsPanelService(database).load().rows[0]
    assert row.missing_profiles == ("snmp-half", "v2-elsewhere")
