"""What a credential profile is, which settings and secrets each kind has, and their validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Mapping

from egovops.errors import ValidationError
from egovops.i18n import tr

AUTH_PROTOCOLS = ("MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512")
PRIV_PROTOCOLS = ("none", "DES", "AES-128", "AES-192", "AES-256")


class CredentialKind(str, Enum):
    SNMP_V2C = "snmp-v2c"
    SNMP_V3 = "snmp-v3"
    SSH = "ssh"


class Secret:
    """A secret value that never shows itself in a repr, a log line or a traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class CredentialProfile:
    """A named profile: its kind and non-secret settings (user, protocols, key file path)."""

    name: str
    kind: CredentialKind
    settings: Mapping[str, str] = field(default_factory=dict)

    def secret_fields(self) -> tuple[str, ...]:
        """Which secrets this profile keeps in the keyring, in the order ``--secret-stdin`` reads them."""
        if self.kind is CredentialKind.SNMP_V2C:
            return ("community",)
        if self.kind is CredentialKind.SNMP_V3:
            if self.settings.get("priv_protocol", "none") == "none":
                return ("auth_key",)
            return ("auth_key", "priv_key")
        return ("passphrase",) if self.settings.get("key_file") else ("password",)

    def optional_secret_fields(self) -> tuple[str, ...]:
        return ("enable_password",) if self.kind is CredentialKind.SSH else ()


def _choice(value: str, choices: tuple[str, ...], what: str) -> str:
    for choice in choices:
        if value.upper() == choice.upper():
            return choice
    raise ValidationError(tr("{what} {value!r} is not one of {choices}", what=what, value=value, choices=", ".join(choices)))


def build_profile(name: str, kind: str, settings: Mapping[str, str | None]) -> CredentialProfile:
    """A validated profile from user input (command line or dialog)."""
    if not name.strip() or "/" in name:
        raise ValidationError(tr("profile name {name!r} must be non-empty and contain no '/'", name=name))
    try:
        chosen = CredentialKind(kind)
    except ValueError:
        raise ValidationError(tr("kind {kind!r} is not one of {choices}", kind=kind,
                                 choices=", ".join(k.value for k in CredentialKind))) from None
    given = {k: v for k, v in settings.items() if v}
    clean: dict[str, str] = {}
    if chosen is CredentialKind.SNMP_V3:
        if "user" not in given:
            raise ValidationError(tr("an snmp-v3 profile needs a user (--user)"))
        clean["user"] = given["user"]
        clean["auth_protocol"] = _choice(given.get("auth_protocol", "SHA"), AUTH_PROTOCOLS, tr("auth protocol"))
        clean["priv_protocol"] = _choice(given.get("priv_protocol", "AES-128"), PRIV_PROTOCOLS, tr("priv protocol"))
    elif chosen is CredentialKind.SSH:
        if "user" not in given:
            raise ValidationError(tr("an ssh profile needs a user (--user)"))
        clean["user"] = given["user"]
        if "key_file" in given:
            clean["key_file"] = given["key_file"]
    return CredentialProfile(name.strip(), chosen, clean)
