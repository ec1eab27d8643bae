"""Who is operating: the OS user by default, or a local account on a shared ops-centre desktop.

Policy (documented in the README):
- with no local accounts, the OS user is trusted with every role: a single-user install, where
  whoever can run egovops can edit its store anyway;
- once local accounts exist, an OS user with an account of the same name gets that account's role
  (the OS login authenticated them), any other OS user is an operator, and anyone else signs in
  with a local account name and password.
"""

from __future__ import annotations

import getpass
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
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers): still name someone
        return "unknown"
