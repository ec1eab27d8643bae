"""The demo's credential profiles, created on first run so polling works out of the box.

Their secrets are generated per data folder (never a fixed string in the source) and go to the
OS keyring like any other profile; the simulated agents receive the community through a pipe.
"""

from __future__ import annotations

import secrets

from egovops.credentials.profiles import CredentialKind, CredentialProfile, Secret
from egovops.credentials.service import CredentialService
from egovops.demo.inventory import SNMP_PROFILE, SSH_PROFILE
from egovops.errors import CredentialError, NotFoundError

SSH_USER = "netadmin"


def _missing(service: CredentialService, name: str) -> bool:
    try:
        service.resolve(name)
    except (NotFoundError, CredentialError):
        return True
    return False


def _kept_or_new(service: CredentialService, profile: str, field: str) -> str:
    """The secret the keyring already holds for this profile, else a new random one.

    Keyring entries are named by profile, not by data folder: a second data folder's demo must
    reuse them, or it would change the community under a demo that is running from the first.
    """
    return service.secrets.get(profile, field) or secrets.token_urlsafe(12)


def ensure_demo_credentials(service: CredentialService) -> list[str]:
    """Create ``demo-snmp`` (v2c) and ``demo-ssh`` when absent or incomplete; returns those created."""
    created = []
    if _missing(service, SNMP_PROFILE):
        service.add(CredentialProfile(SNMP_PROFILE, CredentialKind.SNMP_V2C),
                    {"community": _kept_or_new(service, SNMP_PROFILE, "community")})
        created.append(SNMP_PROFILE)
    if _missing(service, SSH_PROFILE):
        service.add(
            CredentialProfile(SSH_PROFILE, CredentialKind.SSH, {"user": SSH_USER}),
            {"password": _kept_or_new(service, SSH_PROFILE, "password"),
             "enable_password": _kept_or_new(service, SSH_PROFILE, "enable_password")},
        )
        created.append(SSH_PROFILE)
    return created


def demo_community(service: CredentialService) -> Secret:
    resolved = service.resolve(SNMP_PROFILE)
    community = resolved.secret("community")
    if community is None:
        raise CredentialError(f"profile {SNMP_PROFILE!r} is not an SNMP v2c profile; remove it and run the demo again")
    return community
