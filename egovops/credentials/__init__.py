"""Credential profiles: non-secret settings in the store, secrets only in the OS keyring."""

from egovops.credentials.profiles import CredentialKind, CredentialProfile, Secret
from egovops.credentials.service import CredentialService, ResolvedCredentials

__all__ = ["CredentialKind", "CredentialProfile", "CredentialService", "ResolvedCredentials", "Secret"]
