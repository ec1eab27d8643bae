"""Masking secrets in device configurations (Huawei VRP, H3C Comware, Cisco IOS, Ruijie, ZTE).

Configurations are masked before they are stored, diffed, shown or exported, so neither the
store nor an export ever holds a password, community or key — even one the device only keeps in
its reversible "cipher" form, which is as good as plaintext to anyone with the vendor's tools.
Masking errs on the side of hiding too much: an over-masked word costs nothing, a missed one leaks.
"""

from __future__ import annotations

import re

MASK = "******"

# Words that introduce a secret value, possibly after qualifiers such as "cipher", "7" or "read".
# securityname: VRP/Comware name the community of a trap target so; pass-phrase, preshared-key,
# wpa-psk and set-key: Wi-Fi keys; area-/domain-password: IS-IS.
_KEYWORDS = (r"password|secret|shared-key|pre-shared-key|preshared-key|key-string|community|key|cipher|md5|"
             r"authentication-key|securityname|pass-phrase|wpa-psk|set-key|area-password|domain-password")
# Qualifiers between the keyword and the value: the stored form (cipher, 7, plain…), what the key is
# for (Comware "key authentication simple …", IKEv2 "pre-shared-key local …"), its algorithm
# ("ntp authentication-key 1 md5 …") or its encoding (Wi-Fi "ascii 0 …", "raw-key").
_QUALIFIERS = (r"(?:(?:cipher|irreversible-cipher|simple|plain|encrypted|hidden|hash|read|write|\d|level\s+\d+|role\s+\S+|"
               r"authentication|authorization|accounting|local|remote|md5|sha\S*|hmac-\S+|ascii|hex|raw-key|pass-phrase)\s+)*+")
# Words after "password" that start a policy setting, not a value (VRP "password expire 90").
_POLICY_WORDS = r"(?:history|expire|policy|alert|complexity|control|length|aging|composition|min-length|retry|recovery|encryption)\b"
_KEYWORD_VALUE = re.compile(rf"(?<![\w-])((?:{_KEYWORDS})\s+{_QUALIFIERS})(?!\*|{_POLICY_WORDS})(\S+)", re.IGNORECASE)
# SNMPv3 users: "auth sha KEY priv aes 128 KEY" (Cisco/Ruijie/ZTE), "authentication-mode sha cipher KEY" (VRP/Comware).
_AUTH_VALUE = re.compile(r"(?<![\w-])((?:auth|authentication-mode)\s+(?:md5|sha\S*)\s+(?:cipher\s+|simple\s+)?)(?!\*)(\S+)", re.IGNORECASE)
_PRIV_VALUE = re.compile(
    r"(?<![\w-])((?:priv|privacy-mode)\s+(?:des\S*|3des|aes\S*)(?:\s+\d+)?\s+(?:cipher\s+|simple\s+)?)(?!\*)(\S+)", re.IGNORECASE
)
# Cisco, Ruijie, ZTE trap/inform targets:
# "snmp-server host ADDR [traps|informs] [vrf X] [version 1|2c|3 LEVEL] COMMUNITY".
_TRAP_HOST = re.compile(
    r"(?<![\w-])(snmp-server\s+host\s+\S+(?:\s+(?:traps?|informs?|vrf\s+\S+))*"
    r"(?:\s+version\s+(?:1|2c|3(?:\s+(?:auth|noauth|priv))?))?\s+)(?!\*|udp-port\b)(\S+)",
    re.IGNORECASE,
)
# Algorithms with a numeric key id between them and the key ("authentication-mode md5 1 plain KEY").
_MODE_ID_VALUE = re.compile(
    r"(?<![\w-])((?:authentication-mode|area-authentication-mode|domain-authentication-mode)\s+(?:md5|hmac-\S+|sha\S*|simple|text|keychain)"
    r"(?:\s+\d+)?\s+(?:cipher\s+|plain\s+|simple\s+)?)(?!\*)(\S+)",
    re.IGNORECASE,
)
# VRP's reversible cipher text is delimited (%^%#…%^%#, %@%@…%@%@, %$%$…%$%$) and may hold spaces.
_VRP_CIPHER = re.compile(r"(%\^%#|%@%@|%\$%\$).*?(\1|$)")
_PEM_BEGIN = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")
_PEM_END = re.compile(r"-----END [A-Z ]*PRIVATE KEY-----")

# Lines that change on every read without any change of configuration (clocks, counters).
_VOLATILE = re.compile(
    r"^\s*(!\s*Last configuration change|!\s*NVRAM config last updated|!Time:|ntp clock-period|"
    r"!Software Version|#\s*Current time|Building configuration|Current configuration\s*:)",
    re.IGNORECASE,
)


def _mask_line(line: str) -> str:
    line = _VRP_CIPHER.sub(MASK, line)
    for pattern in (_TRAP_HOST, _MODE_ID_VALUE, _AUTH_VALUE, _PRIV_VALUE, _KEYWORD_VALUE):
        line = pattern.sub(lambda m: m.group(1) + MASK, line)
    return line


def mask_secrets(text: str) -> str:
    """The configuration with every secret value replaced by ``******``."""
    out: list[str] = []
    in_pem = False
    for line in text.splitlines():
        if _PEM_BEGIN.search(line):
            in_pem = True
            out.append(line)
            continue
        if in_pem:
            if _PEM_END.search(line):
                in_pem = False
                out.append(line)
            else:
                out.append(MASK)
            continue
        out.append(_mask_line(line))
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def normalise_config(text: str) -> str:
    """Drop lines that change on every read (timestamps, clock drift) and trailing blanks."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [line for line in lines if not _VOLATILE.match(line)]
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return "\n".join(kept) + "\n"


def prepare_for_store(text: str) -> str:
    return mask_secrets(normalise_config(text))
