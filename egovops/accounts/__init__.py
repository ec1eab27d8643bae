"""Operator identity and roles: the OS user by default, optional local accounts with scrypt hashes."""

from egovops.accounts.identity import Operator, os_user_name
from egovops.accounts.roles import PermissionDenied, Role, parse_role, require
from egovops.accounts.service import AccountService, AuthenticationError

__all__ = ["AccountService", "AuthenticationError", "Operator", "PermissionDenied", "Role", "os_user_name", "parse_role", "require"]
