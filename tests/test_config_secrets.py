"""Every place a secret appears in a running configuration of each of the five vendors (and Cisco
IOS, which Ruijie and ZTE follow closely), masked before it reaches the store, a run's files,
``configs show`` or ``configs diff``.

Each configuration below holds one secret of every kind the vendor's manuals list: communities
(read, write, trap and inform targets), SNMPv3 auth and priv keys, local-user passwords in each
stored form, enable/super passwords, TACACS+/RADIUS/HWTACACS keys, OSPF/BGP/IS-IS keys and
keychains, NTP keys, IKE/IPsec pre-shared keys and Wi-Fi keys. Every secret is spelt with ``Zq``
so the check is one search, and a secret the corpus forgets to mark is still a failure.
"""

from __future__ import annotations

import re

import pytest

from egovops.configs import ConfigStore, mask_secrets
from egovops.storage.database import Database

HUAWEI_VRP = """\
snmp-agent community read cipher %^%#ZqRead1 w1th space%^%# mib-view all
snmp-agent community write ZqWrite1 acl 2000
snmp-agent target-host trap address udp-domain 10.1.1.1 params securityname ZqTrap1 v2c
snmp-agent target-host inform address udp-domain 10.1.1.2 vpn-instance mgmt params securityname cipher ZqInform1 v2c
snmp-agent usm-user v3 ops authentication-mode sha ZqAuth1 privacy-mode aes128 ZqPriv1
snmp-agent usm-user v3 ops2 authentication-mode sha cipher ZqAuth2 privacy-mode aes256 cipher ZqPriv2
 local-user admin password irreversible-cipher ZqIrrev1
 local-user ops password cipher ZqCipher1
 local-user tmp password simple ZqSimple1
super password level 15 cipher ZqSuper1
hwtacacs-template ht1
 hwtacacs-server shared-key cipher ZqHwtac1
radius-server template rt1
 radius-server shared-key cipher ZqRadius1
 radius-server authentication 10.1.1.5 1812 shared-key cipher ZqRadius2
ospf 1
 area 0.0.0.0
  authentication-mode md5 1 cipher ZqOspfArea1
interface GigabitEthernet0/0/1
 ospf authentication-mode hmac-sha256 1 cipher ZqOspfIf1
 isis authentication-mode md5 cipher ZqIsisIf1
bgp 65001
 peer 10.2.2.2 password cipher ZqBgp1
 peer 10.2.2.3 password simple ZqBgp2
isis 1
 area-authentication-mode md5 cipher ZqIsisArea1
 domain-authentication-mode md5 cipher ZqIsisDomain1
keychain kc1 mode absolute
 key-id 1
  key-string cipher ZqKeychain1
ntp-service authentication-keyid 1 authentication-mode md5 cipher ZqNtp1
ike peer branch
 pre-shared-key cipher ZqIke1
wlan
 security-profile name office
  security wpa2 psk pass-phrase ZqWifi1 aes
  security wpa-wpa2 psk pass-phrase cipher ZqWifi2 aes-tkip
"""

H3C_COMWARE = """\
snmp-agent community read simple ZqRead1
snmp-agent community write cipher $c$3$ZqWrite1==
snmp-agent target-host trap address udp-domain 10.1.1.1 params securityname ZqTrap1 v2c
snmp-agent usm-user v3 ops g1 simple authentication-mode sha ZqAuth1 privacy-mode aes128 ZqPriv1
local-user admin class manage
 password hash $h$6$ZqHash1
local-user ops class manage
 password simple ZqLocal1
local-user tmp class manage
 password cipher $c$3$ZqCipher1
super password role network-admin simple ZqSuper1
hwtacacs scheme hw1
 key authentication simple ZqHwtac1
 key authorization cipher $c$3$ZqHwtac2
radius scheme r1
 key authentication simple ZqRadius1
 key accounting cipher $c$3$ZqRadius2
ospf 1
 area 0.0.0.0
  authentication-mode md5 1 plain ZqOspfArea1
interface GigabitEthernet1/0/1
 ospf authentication-mode md5 1 cipher $c$3$ZqOspfIf1
 isis authentication-mode md5 plain ZqIsisIf1
bgp 65001
 peer 10.2.2.2 password simple ZqBgp1
isis 1
 area-authentication-mode md5 plain ZqIsisArea1
 domain-authentication-mode md5 cipher $c$3$ZqIsisDomain1
keychain kc1 mode absolute
 key 1
  key-string plain ZqKeychain1
ntp-service authentication-keyid 1 authentication-mode md5 simple ZqNtp1
ike keychain k1
 pre-shared-key address 10.3.3.3 255.255.255.255 key simple ZqIke1
wlan service-template 1
 preshared-key pass-phrase simple ZqWifi1
 preshared-key raw-key cipher $c$3$ZqWifi2
"""

CISCO_IOS = """\
snmp-server community ZqRead1 RO 10
snmp-server community ZqWrite1 RW
snmp-server host 10.1.1.1 version 2c ZqTrap1
snmp-server host 10.1.1.2 traps version 2c ZqTrap2 udp-port 162
snmp-server host 10.1.1.3 informs version 2c ZqInform1
snmp-server host 10.1.1.4 vrf mgmt ZqTrap3
snmp-server host 10.1.1.5 ZqTrap4 config
snmp-server user ops grp v3 auth sha ZqAuth1 priv aes 128 ZqPriv1
username admin privilege 15 secret 9 $9$ZqSecret1
username bob password 7 ZqType7x1
username carl password ZqPlain1
enable secret 9 $9$ZqEnable1
enable password ZqEnable2
tacacs-server key ZqTacacs1
tacacs server T1
 key 7 ZqTacacs2
radius-server key ZqRadius1
radius-server host 10.1.1.6 auth-port 1812 key ZqRadius2
radius server R1
 key ZqRadius3
aaa group server tacacs+ G1
interface GigabitEthernet0/1
 ip ospf authentication-key ZqOspf1
 ip ospf message-digest-key 1 md5 ZqOspf2
 isis password ZqIsisIf1
router bgp 65001
 neighbor 10.2.2.2 password ZqBgp1
 neighbor 10.2.2.3 password 7 ZqBgp2
router isis
 area-password ZqIsisArea1
 domain-password ZqIsisDomain1
key chain kc1
 key 1
  key-string ZqKeychain1
ntp authentication-key 1 md5 ZqNtp1 7
crypto isakmp key ZqIke1 address 10.3.3.3
crypto ikev2 keyring kr1
 peer p1
  pre-shared-key local ZqIke2
  pre-shared-key remote ZqIke3
crypto keyring kr2
 pre-shared-key address 10.3.3.4 key ZqIke4
dot11 ssid office
 wpa-psk ascii 0 ZqWifi1
"""

RUIJIE = """\
snmp-server community ZqRead1 ro
snmp-server community 7 ZqWrite1 rw
snmp-server host 10.1.1.1 traps version 2c ZqTrap1
snmp-server host 10.1.1.2 informs version 2c ZqInform1
snmp-server user ops grp v3 auth sha ZqAuth1 priv aes128 ZqPriv1
username admin password 0 ZqLocal1
username ops password 7 ZqLocal2
enable secret 5 $1$ZqEnable1
enable password ZqEnable2
tacacs-server key ZqTacacs1
radius-server key 7 ZqRadius1
radius-server host 10.1.1.6 key ZqRadius2
interface GigabitEthernet 0/1
 ip ospf message-digest-key 1 md5 ZqOspf1
 ip ospf authentication-key 0 ZqOspf2
router bgp 65001
 neighbor 10.2.2.2 password ZqBgp1
router isis
 area-password ZqIsisArea1
 domain-password ZqIsisDomain1
key chain kc1
 key 1
  key-string ZqKeychain1
ntp authentication-key 1 md5 ZqNtp1
crypto isakmp key 0 ZqIke1 address 10.3.3.3
wlansec 1
 security wpa enable
 security wpa akm psk set-key ascii ZqWifi1
 security rsn akm psk set-key hex ZqWifi2
"""

ZTE_ZXR10 = """\
snmp-server community ZqRead1 view AllView ro
snmp-server community encrypted ZqWrite1 view AllView rw
snmp-server host 10.1.1.1 trap version 2c ZqTrap1 udp-port 162
snmp-server host 10.1.1.2 inform version 2c ZqInform1
snmp-server user ops grp v3 encrypted auth md5 ZqAuth1 priv des56 ZqPriv1
username admin password ZqLocal1 privilege 15
username ops password encrypted ZqLocal2 privilege 15
enable secret level 15 5 ZqEnable1
tacacs-server key ZqTacacs1
radius authentication-group 1
 server 1 10.1.1.6 master key ZqRadius1
interface gei-0/1/0/1
 ip ospf authentication-key ZqOspf1
 ip ospf message-digest-key 1 md5 ZqOspf2
router bgp 65001
 neighbor 10.2.2.2 password ZqBgp1
router isis 1
 area-password ZqIsisArea1
 domain-password ZqIsisDomain1
 isis password ZqIsisIf1
key-chain kc1
 key 1
  key-string ZqKeychain1
ntp authentication-key 1 md5 ZqNtp1
ipsec
 ike peer p1
  pre-shared-key cipher ZqIke1
wlan ssid-profile office
 wpa-psk ZqWifi1
"""

VENDORS = {"huawei": HUAWEI_VRP, "h3c": H3C_COMWARE, "cisco": CISCO_IOS, "ruijie": RUIJIE, "zte": ZTE_ZXR10}
SECRET = re.compile(r"\S*Zq\w+\S*")


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_every_secret_kind_of_each_vendor_is_masked(vendor: str) -> None:
    text = VENDORS[vendor]
    assert len(SECRET.findall(text)) >= 20  # the corpus really holds a secret of each kind
    masked = mask_secrets(text)
    leaked = [line for line in masked.splitlines() if "Zq" in line]
    assert leaked == [], f"{vendor}: secrets left in {leaked}"
    assert len(masked.splitlines()) == len(text.splitlines())


@pytest.mark.parametrize("line", [
    "snmp-server host 10.1.1.1",  # no community yet: nothing to mask, nothing mangled
    "snmp-agent sys-info version v3",
    "ntp-service unicast-server 10.1.1.1",
    "ntp server 10.1.1.1 key 1",
    "interface GigabitEthernet0/0/1",
    "wlan ssid-profile office",
])
def test_lines_without_secrets_stay_readable(line: str) -> None:
    assert mask_secrets(line).split()[:2] == line.split()[:2]


def test_a_backup_of_every_secret_kind_stores_none_of_them(database: Database) -> None:
    store = ConfigStore(database)
    for vendor, text in VENDORS.items():
        store.save(vendor, text, run_id="r1", command="display current-configuration")
        store.save(vendor, text.replace("10.1.1.1", "10.1.1.9"), run_id="r2", command="display current-configuration")
        assert "Zq" not in store.show(vendor).text
        assert "Zq" not in store.diff(vendor)
