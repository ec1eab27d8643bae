"""Creating, editing and removing credential profiles on an operator's behalf (the console's path).

An edit may leave a secret empty to mean "keep the one in the keyring": the console never shows a
stored secret back, so the operator cannot retype it. Changes need the engineer role (a profile
decides what every poller and procedure logs in with) and go to the audit trail, without secrets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.accounts.roles import ACTION_ROLE
from egovops.audit.log import AuditLog
from egovops.credentials.profiles import CredentialProfile
from egovops.credentials.service import CredentialService
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.storage.database import Database

MANAGE_ROLE = ACTION_ROLE["credentials.manage"]
ALL_SECRET_FIELDS = ("community", "auth_key", "priv_key", "password", "passphrase", "enable_password")


@dataclass(frozen=True)
class ProfileSummary:
    """What a list of profiles may show: never a secret, only which secrets are stored."""

    name: str
    kind: str
    user: str
    protocols: str
    key_file: str


def summarise(profile: CredentialProfile) -> ProfileSummary:
    settings = profile.settings
    protocols = ""
    if "auth_protocol" in settings:
        protocols = f"{settings['auth_protocol']}/{settings.get('priv_protocol', 'none')}"
    return ProfileSummary(profile.name, profile.kind.value, settings.get("user", ""), protocols, settings.get("key_file", ""))


class CredentialEditor:
    def __init__(self, database: Database, service: CredentialService | None = None) -> None:
        self.service = service or CredentialService(database)
        self.audit = AuditLog(database)

    def summaries(self) -> list[ProfileSummary]:
        return [summarise(p) for p in self.service.profiles()]

    def exists(self, name: str) -> bool:
        try:
            self.service.profile(name)
        except NotFoundError:
            return False
        return True

    def save(self, by: Operator, profile: CredentialProfile, typed: Mapping[str, str], editing: bool) -> list[str]:
        """Store ``profile``; ``typed`` holds the secrets the operator typed (empty = keep stored).

        Returns the names of the secret fields that were written to the keyring.
        """
        authorize(self.audit, by, "credentials.manage", profile.name,
                  attempted="credentials.edit" if editing else "credentials.add")
        if not editing and self.exists(profile.name):
            raise ValidationError(tr("a credential profile named {name!r} already exists", name=profile.name))
        if editing and not self.exists(profile.name):
            raise NotFoundError(tr("no credential profile named {name!r}", name=profile.name))
        wanted = profile.secret_fields() + profile.optional_secret_fields()
        secrets = {f: typed[f] for f in wanted if typed.get(f)}
        missing = []
        for field in profile.secret_fields():
            if field not in secrets:
                kept = self.service.secrets.get(profile.name, field) if editing else None
                if not kept:
                    missing.append(field)
                else:
                    secrets[field] = kept  # add() writes it back unchanged
        if missing:
            raise ValidationError(tr("profile {name!r} needs {fields}", name=profile.name, fields=", ".join(missing)))
        written = sorted(f for f in wanted if typed.get(f))
        self.service.add(profile, secrets)
        # A kind or protocol change can leave secrets the profile no longer uses: drop them.
        for field in ALL_SECRET_FIELDS:
            if field not in wanted:
                self.service.secrets.delete(profile.name, field)
        self.audit.record(
            actor=by.label(), role=by.role.value, action="credentials.edit" if editing else "credentials.add",
            subject=profile.name, details={"kind": profile.kind.value, "settings": dict(profile.settings),
                                           "replaced_fields": written},
        )
        return written

    def remove(self, by: Operator, name: str) -> None:
        authorize(self.audit, by, "credentials.manage", name, attempted="credentials.remove")
        profile = self.service.profile(name)
        self.service.remove(name)
        self.audit.record(actor=by.label(), role=by.role.value, action="credentials.remove", subject=name,
                          details={"kind": profile.kind.value})
