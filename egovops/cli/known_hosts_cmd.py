"""``egovops known-hosts``: the SSH host keys operators trusted, and forgetting one after a change.

Trusting happens where a connection is made (``--trust-new-host-key`` on commands that use SSH, a
fingerprint dialog in the console); this group only shows decisions and removes them.
"""

from __future__ import annotations

import time

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.ssh.known_hosts import KnownHostsStore


@click.group("known-hosts", help=tr("SSH host keys trusted for devices (egovops's own known-hosts store)."))
def known_hosts() -> None:
    pass


def _address(app: AppContext, target: str) -> tuple[str, int]:
    """A device name from the inventory, or HOST:PORT."""
    try:
        device = app.inventory.device(target)
        return device.address, device.ssh_port
    except NotFoundError:
        host, sep, port = target.rpartition(":")
        if not sep or not port.isdigit() or not host:
            raise ValidationError(tr("{target} is neither a device in the inventory nor HOST:PORT", target=target)) from None
        return host.strip("[]"), int(port)


@known_hosts.command("list", help=tr("List trusted host keys."))
@click.option("--json", "as_json", is_flag=True, help=tr("Print JSON."))
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    keys = KnownHostsStore(app.database).keys()
    if as_json:
        emit_json([{"host": k.host, "port": k.port, "key_type": k.key_type, "fingerprint": k.fingerprint_sha256,
                    "first_seen": k.first_seen, "trusted_by": k.trusted_by} for k in keys])
        return
    emit_table(
        [tr("host"), tr("port"), tr("key type"), tr("fingerprint"), tr("first seen"), tr("trusted by")],
        [(k.host, k.port, k.key_type, k.fingerprint_sha256, time.strftime("%Y-%m-%d %H:%M", time.localtime(k.first_seen)),
          k.trusted_by) for k in keys],
    )


@known_hosts.command("forget", help=tr("Forget the trusted keys of a device (name or HOST:PORT), e.g. after it was replaced."))
@click.argument("target")
@operator_options
@pass_app
def forget_command(app: AppContext, target: str, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    host, port = _address(app, target)
    removed = KnownHostsStore(app.database).forget_as(operator, host, port)
    if not removed:
        raise NotFoundError(tr("no trusted host key for {host}:{port}", host=host, port=port))
    click.echo(tr("forgot {count} host key(s) of {host}:{port}; the next connection needs a trust decision",
                  count=removed, host=host, port=port))


commands = [known_hosts]
