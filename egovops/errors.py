"""The project's own exception hierarchy.

Library errors (SQLAlchemy, pysnmp, paramiko, keyring) are translated into these at the edge of the
core so that callers, the command line and the console handle one family of errors, each naming
what was wrong.
"""


class EgovopsError(Exception):
    """Base of every error that egovops reports to an operator."""


class ValidationError(EgovopsError):
    """Input that does not describe a valid object (a field, a row, a parameter)."""


class NotFoundError(EgovopsError):
    """A named object (device, site, profile, network) is not in the store."""


class CredentialError(EgovopsError):
    """A credential profile or the keyring behind it cannot be used."""


class KeyringUnavailableError(CredentialError):
    """No secure keyring backend is available; egovops never falls back to a plaintext file."""
