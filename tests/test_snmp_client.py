"""The SNMP access layer against a real net-snmp agent, compared with net-snmp's own tools."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from typing import Iterator

import pytest

from egovops.credentials import Secret
from egovops.snmp import (
    SnmpAuthError, SnmpClient, SnmpLoop, SnmpMalformedReply, SnmpNoSuchObject, SnmpTarget, SnmpTimeout, decode_text,
)

SYS_DESCR, SYS_NAME, SYS_LOCATION = "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0"
IF_DESCR, IF_HC_IN = "1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.31.1.1.1.6"


@pytest.fixture(scope="module")
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("test-snmp").start()
    yield SnmpClient(loop)
    loop.stop()


def v2c(agent, **kw) -> SnmpTarget:
    return SnmpTarget("core-1", agent.address, agent.port, community=Secret(agent.community), **kw)


def v3(agent, user: str, **kw) -> SnmpTarget:
    auth, auth_key, priv, priv_key = agent.v3_users[user]
    values = dict(auth_protocol=auth, auth_key=Secret(auth_key), priv_protocol=priv, priv_key=Secret(priv_key))
    values.update(kw)
    return SnmpTarget("core-3", agent.address, agent.port, version="3", user=user, **values)


def net_snmp(tool: str, agent, *args: str, version: str = "2c", user: str | None = None) -> str:
    done = subprocess.run(
        [tool, "-On", "-Oq", "-Oe", *agent.net_snmp_args(version, user), f"{agent.address}:{agent.port}", *args],
        capture_output=True, text=True, check=True, env=dict(os.environ, MIBS=""),
    )
    return done.stdout


def parse_net_snmp(text: str) -> dict[str, str]:
    rows = {}
    for line in text.splitlines():
        oid, _, value = line.partition(" ")
        rows[oid.lstrip(".")] = value.strip().strip('"')
    return rows


@pytest.mark.parametrize("version,user", [("2c", None), ("3", "egov-sha"), ("3", "egov-sha256")])
def test_get_and_walk_match_net_snmp(client: SnmpClient, snmpd, version: str, user: str | None) -> None:
    target = v2c(snmpd) if version == "2c" else v3(snmpd, user)
    ours = client.get(target, [SYS_DESCR, SYS_NAME])
    theirs = parse_net_snmp(net_snmp("snmpget", snmpd, SYS_DESCR, SYS_NAME, version=version, user=user))
    assert ours[SYS_NAME] == theirs[SYS_NAME] == snmpd.sys_name
    assert ours[SYS_DESCR] == theirs[SYS_DESCR]
    names = client.walk(target, IF_DESCR)
    assert dict(names) == parse_net_snmp(net_snmp("snmpbulkwalk", snmpd, IF_DESCR, version=version, user=user))
    assert any(name == "lo" for _, name in names)


def test_counters_are_ints_and_match_within_drift(client: SnmpClient, snmpd) -> None:
    ours = dict(client.walk(v2c(snmpd), IF_HC_IN))
    theirs = {oid: int(v) for oid, v in parse_net_snmp(net_snmp("snmpbulkwalk", snmpd, IF_HC_IN)).items()}
    assert ours.keys() == theirs.keys()
    for oid, value in ours.items():
        assert isinstance(value, int)
        assert 0 <= theirs[oid] - value < 10_000_000  # the same counter read a moment later


def test_walk_stays_inside_the_subtree(client: SnmpClient, snmpd) -> None:
    rows = client.walk(v2c(snmpd), "1.3.6.1.2.1.1.9.1.2")  # sysORID: followed by sysORDescr
    assert rows and all(oid.startswith("1.3.6.1.2.1.1.9.1.2.") for oid, _ in rows)
    assert client.walk(v2c(snmpd), "1.3.6.1.4.1.99999") == []


def test_utf8_text_is_decoded(client: SnmpClient, snmpd) -> None:
    assert client.get(v2c(snmpd), [SYS_LOCATION])[SYS_LOCATION] == "安徽省合肥市政务云机房"


def test_gbk_text_is_decoded_and_binary_stays_bytes() -> None:
    assert decode_text("华为交换机".encode("gbk")) == "华为交换机"
    assert decode_text(b"\x00\x1e\x73\xa0\x01\x02") == b"\x00\x1e\x73\xa0\x01\x02"


def test_missing_object(client: SnmpClient, snmpd) -> None:
    with pytest.raises(SnmpNoSuchObject) as caught:
        client.get(v2c(snmpd), [SYS_NAME, "1.3.6.1.2.1.1.99.0"])
    assert caught.value.oids == ["1.3.6.1.2.1.1.99.0"] and "core-1" in str(caught.value)
    assert client.get(v2c(snmpd), [SYS_NAME, "1.3.6.1.2.1.1.99.0"], missing_ok=True) == {SYS_NAME: snmpd.sys_name}


def test_wrong_community_is_a_timeout_naming_the_device(client: SnmpClient, snmpd) -> None:
    target = SnmpTarget("county-7", snmpd.address, snmpd.port, community=Secret("not-the-community"), timeout=0.5, retries=0)
    started = time.monotonic()
    with pytest.raises(SnmpTimeout) as caught:
        client.get(target, [SYS_NAME])
    assert time.monotonic() - started < 2.0
    assert "county-7" in str(caught.value) and "not-the-community" not in str(caught.value)


def test_wrong_v3_key_says_authentication_and_others_keep_working(client: SnmpClient, snmpd) -> None:
    wrong = v3(snmpd, "egov-sha", auth_key=Secret("a-wrong-auth-key"))
    with pytest.raises(SnmpAuthError) as caught:
        client.get(wrong, [SYS_NAME])
    assert "authentication" in str(caught.value) and "a-wrong-auth-key" not in str(caught.value)
    assert client.get(v3(snmpd, "egov-sha"), [SYS_NAME]) == {SYS_NAME: snmpd.sys_name}


def _udp_server(reply: bytes | None) -> tuple[socket.socket, int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                _data, peer = sock.recvfrom(65535)
            except OSError:
                return
            if reply is not None:
                sock.sendto(reply, peer)

    threading.Thread(target=serve, daemon=True).start()
    return sock, sock.getsockname()[1]


def test_garbled_reply_is_named_as_such(client: SnmpClient) -> None:
    sock, port = _udp_server(b"\x30\x05not-an-snmp-message")
    try:
        with pytest.raises(SnmpMalformedReply, match="not an SNMP message"):
            client.get(SnmpTarget("fw-2", "127.0.0.1", port, community=Secret("x"), timeout=0.5, retries=0), [SYS_NAME])
    finally:
        sock.close()


def test_a_hung_agent_does_not_delay_the_others(client: SnmpClient, snmpd) -> None:
    sock, port = _udp_server(None)  # reads requests, never answers
    hung = SnmpTarget("hung", "127.0.0.1", port, community=Secret("public"), timeout=1.5, retries=0)
    live = v2c(snmpd)

    async def both() -> tuple[object, float]:
        import asyncio

        started = time.monotonic()
        hung_task = asyncio.ensure_future(client.aget(hung, [SYS_NAME]))
        await client.aget(live, [SYS_NAME])
        live_done = time.monotonic() - started
        try:
            await hung_task
        except SnmpTimeout as exc:
            return exc, live_done
        return None, live_done

    try:
        error, live_time = client.snmp_loop.run(both())
    finally:
        sock.close()
    assert isinstance(error, SnmpTimeout)
    assert live_time < 0.5


def test_loop_stops_and_starts_again(snmpd) -> None:
    loop = SnmpLoop("restartable")
    for _ in range(2):
        loop.start()
        assert SnmpClient(loop).get(v2c(snmpd), [SYS_NAME]) == {SYS_NAME: snmpd.sys_name}
        loop.stop()
        assert not loop.running


def test_columns_walked_together_equal_single_walks(client: SnmpClient, snmpd) -> None:
    columns = [IF_DESCR, "1.3.6.1.2.1.2.2.1.3", "1.3.6.1.2.1.1.9.1.3"]  # ifDescr, ifType, sysORDescr (longer)
    together = client.walk_columns(v2c(snmpd), columns)
    for column in columns:
        single = {oid[len(column) + 1:]: value for oid, value in client.walk(v2c(snmpd), column)}
        assert together[column] == single and single
