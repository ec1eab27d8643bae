"""Who is operating: the OS user by default, or a local account on a shared ops-centre desktop.

Policy (documented in the README):
- with no local accounts, the OS user is trusted with every role: a single-user install, where
  whoever can run egovops can edit its store anyway;
- once local accounts exist, an OS user with an account of the same name gets that account's role
  (the OS login authenticated them), any other OS user is an operator, and anyone else signs in
  with a local account name and password.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from egovops.accounts.roles import Role


@dataclass(frozen=True)
class Operator:
    name: str
    role: Role
    source: str  # "os" or "local"

    def label(self) -> str:
        return self.name if self.source == "os" else f"local:{self.name}"


def os_user_name() -> str:
    """The user the process runs as, from its real uid (POSIX) or its access token (Windows).

    Never ``getpass.getuser()``: it reads ``LOGNAME``/``USER`` first, which any local user can set
    to ``root`` to be taken for that account, pass its role checks and sign the audit trail as it.
    """
    if sys.platform == "win32":  # pragma: no cover - no Windows runner; the token names the user
        return _windows_token_user()
    import pwd

    uid = os.getuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # no passwd entry (containers): name the uid, which nobody can choose
        return f"uid:{uid}"


def _windows_token_user() -> str:  # pragma: no cover - Windows only
    import ctypes

    size = ctypes.c_ulong(256)
    buffer = ctypes.create_unicode_buffer(size.value)
    # GetUserNameW asks the process token, not the environment (USERNAME can be set by anyone).
    if not ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):  # type: ignore[attr-defined]
        return "unknown"
    return buffer.value
