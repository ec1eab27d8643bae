"""Password hashing for local accounts with scrypt (RFC 7914) from the standard library.

scrypt is memory-hard, so a stolen store resists GPU guessing better than PBKDF2; the parameters
are stored with each hash so they can be raised later without invalidating existing accounts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from egovops.errors import ValidationError
from egovops.i18n import tr

N, R, P = 2**14, 8, 1  # ~16 MiB and ~50 ms per check: fine for a login, costly for a guesser
SALT_BYTES = 16
KEY_BYTES = 32
MIN_LENGTH = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def check_strength(password: str) -> None:
    """等保 2.0 asks for complex passwords: at least 8 characters of at least three kinds."""
    kinds = sum((
        any(c.islower() for c in password), any(c.isupper() for c in password),
        any(c.isdigit() for c in password), any(not c.isalnum() for c in password),
    ))
    if len(password) < MIN_LENGTH or kinds < 3:
        raise ValidationError(
            tr("the password must have at least {n} characters of at least three kinds (lower case, upper case, digits, symbols)", n=MIN_LENGTH)
        )


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=KEY_BYTES)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(expected), maxmem=128 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)
