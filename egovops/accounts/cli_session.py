"""The command line's sign-in on a shared store, kept in the OS keyring between commands.

``egovops signin`` puts a session token in the keyring of the user who typed it (service
``egovops-session``, one entry per store, named by the store's UUID), later commands read it and
``egovops signout`` deletes it. Not an environment variable or a file: those are readable by every
process of the user, logged by shells and copied into bug reports; the keyring is locked with the
desktop session. The store holds only the token's SHA-256 (signin.py).
"""

from __future__ import annotations

import contextlib

import keyring.errors

from egovops.accounts.identity import Operator
from egovops.accounts.signin import SignIn, SignInRequired
from egovops.errors import KeyringUnavailableError
from egovops.i18n import tr
from egovops.keyring_access import secure_backend
from egovops.storage.database import Database
from egovops.storage.identity_repo import store_uuid

SERVICE = "egovops-session"


def _entry(database: Database) -> str:
    return store_uuid(database)


def _stored(database: Database) -> str | None:
    try:
        return secure_backend().get_password(SERVICE, _entry(database))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(tr("the keyring refused to read the sign-in: {error}",
                                         error=type(exc).__name__)) from None


def sign_in(database: Database, name: str, password: str) -> Operator:
    backend = secure_backend()  # before the password is checked: no session the keyring cannot hold
    operator, token = SignIn(database).open_session(name, password)
    try:
        backend.set_password(SERVICE, _entry(database), token)
    except keyring.errors.KeyringError as exc:
        SignIn(database).close_session(token)
        raise KeyringUnavailableError(tr("the keyring refused to store the sign-in: {error}",
                                         error=type(exc).__name__)) from None
    return operator


def signed_in(database: Database) -> Operator:
    """The operator this user signed in as on ``database``, or SignInRequired saying how to sign in."""
    token = _stored(database)
    if token is None:
        raise SignInRequired(tr("this store is shared: sign in with a local account first "
                                "('egovops signin NAME', or --operator NAME)"))
    return SignIn(database).resume(token)


def sign_out(database: Database) -> Operator | None:
    """End this user's session on ``database``; the operator it was, None if there was none."""
    token = _stored(database)
    if token is None:
        return None
    operator = SignIn(database).close_session(token)  # first the store: a keyring copy alone is worthless
    with contextlib.suppress(keyring.errors.PasswordDeleteError):  # already gone: the aim is reached
        secure_backend().delete_password(SERVICE, _entry(database))
    return operator
