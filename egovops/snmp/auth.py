"""Building pysnmp's credential objects from a target, revealing secrets only here."""

from __future__ import annotations

from pysnmp.hlapi.v3arch.asyncio import auth as hl_auth
from pysnmp.hlapi.v3arch.asyncio import CommunityData, UsmUserData

from egovops.errors import CredentialError
from egovops.snmp.target import SnmpTarget

_AUTH = {
    "MD5": hl_auth.usmHMACMD5AuthProtocol,
    "SHA": hl_auth.usmHMACSHAAuthProtocol,
    "SHA-224": hl_auth.usmHMAC128SHA224AuthProtocol,
    "SHA-256": hl_auth.usmHMAC192SHA256AuthProtocol,
    "SHA-384": hl_auth.usmHMAC256SHA384AuthProtocol,
    "SHA-512": hl_auth.usmHMAC384SHA512AuthProtocol,
}
# AES-192/256 follow net-snmp (the Blumenthal key extension), which most of our agents run.
_PRIV = {
    "none": hl_auth.usmNoPrivProtocol,
    "DES": hl_auth.usmDESPrivProtocol,
    "AES-128": hl_auth.usmAesCfb128Protocol,
    "AES-192": hl_auth.usmAesBlumenthalCfb192Protocol,
    "AES-256": hl_auth.usmAesBlumenthalCfb256Protocol,
}


def auth_data(target: SnmpTarget) -> CommunityData | UsmUserData:
    if target.version != "3":
        assert target.community is not None  # checked by SnmpTarget
        return CommunityData(target.community.reveal(), mpModel=0 if target.version == "1" else 1)
    try:
        auth_proto = _AUTH[target.auth_protocol] if target.auth_key else hl_auth.usmNoAuthProtocol
        priv_proto = _PRIV[target.priv_protocol] if target.priv_key else hl_auth.usmNoPrivProtocol
    except KeyError as exc:
        raise CredentialError(f"{target.name}: unsupported SNMPv3 protocol {exc.args[0]!r}") from None
    return UsmUserData(
        target.user,
        authKey=target.auth_key.reveal() if target.auth_key else None,
        privKey=target.priv_key.reveal() if target.priv_key else None,
        authProtocol=auth_proto,
        privProtocol=priv_proto,
    )
