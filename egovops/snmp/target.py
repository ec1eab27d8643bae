"""Who to ask and how: an SNMP target (address, port, version, credentials, timeout, retries).

A target is plain data; the client turns it into pysnmp's configuration once, when it is
registered, and reuses that configuration for every later request.
"""

from __future__ import annotations

from dataclasses import dataclass

from egovops.credentials.profiles import CredentialKind, Secret
from egovops.credentials.service import CredentialService, ResolvedCredentials
from egovops.errors import CredentialError
from egovops.inventory.model import Device

DEFAULT_TIMEOUT_S = 2.0
DEFAULT_RETRIES = 1


@dataclass(frozen=True)
class SnmpTarget:
    """One agent. ``name`` is the inventory device name and appears in every error.

    v2c needs ``community``; v3 needs ``user`` and, by security level, ``auth_key``/``priv_key``
    with ``auth_protocol`` (MD5, SHA, SHA-224…SHA-512) and ``priv_protocol`` (none, DES, AES-128…).
    """

    name: str
    address: str
    port: int = 161
    version: str = "2c"
    community: Secret | None = None
    user: str = ""
    auth_protocol: str = "SHA"
    auth_key: Secret | None = None
    priv_protocol: str = "AES-128"
    priv_key: Secret | None = None
    timeout: float = DEFAULT_TIMEOUT_S
    retries: int = DEFAULT_RETRIES

    def __post_init__(self) -> None:
        if self.version not in ("1", "2c", "3"):
            raise CredentialError(f"{self.name}: SNMP version {self.version!r} is not 1, 2c or 3")
        if self.version == "3" and not self.user:
            raise CredentialError(f"{self.name}: an SNMPv3 target needs a user")
        if self.version != "3" and not self.community:
            raise CredentialError(f"{self.name}: an SNMPv{self.version} target needs a community")

    @property
    def total_wait(self) -> float:
        """Longest a request can take before it counts as timed out (every try, every timeout)."""
        return self.timeout * (self.retries + 1)


def target_from_credentials(
    device: Device, credentials: ResolvedCredentials, timeout: float = DEFAULT_TIMEOUT_S, retries: int = DEFAULT_RETRIES
) -> SnmpTarget:
    profile = credentials.profile
    common = dict(name=device.name, address=device.address, port=device.snmp_port, timeout=timeout, retries=retries)
    if profile.kind is CredentialKind.SNMP_V2C:
        return SnmpTarget(version="2c", community=credentials.secret("community"), **common)  # type: ignore[arg-type]
    if profile.kind is CredentialKind.SNMP_V3:
        settings = profile.settings
        return SnmpTarget(
            version="3", user=settings["user"],
            auth_protocol=settings.get("auth_protocol", "SHA"), auth_key=credentials.secret("auth_key"),
            priv_protocol=settings.get("priv_protocol", "AES-128"), priv_key=credentials.secret("priv_key"),
            **common,  # type: ignore[arg-type]
        )
    raise CredentialError(f"{device.name}: credential profile {profile.name!r} is {profile.kind.value}, not an SNMP profile")


def target_for_device(
    device: Device, service: CredentialService, timeout: float = DEFAULT_TIMEOUT_S, retries: int = DEFAULT_RETRIES
) -> SnmpTarget:
    """The target for an inventory device, its secrets fetched from the keyring through its profile."""
    if not device.credential_profile:
        raise CredentialError(f"{device.name}: no credential profile is set, so it cannot be polled over SNMP")
    return target_from_credentials(device, service.resolve(device.credential_profile), timeout, retries)
