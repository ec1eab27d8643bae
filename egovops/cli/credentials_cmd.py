"""``egovops credentials``: profiles whose secrets go straight into the OS keyring.

Secrets are never taken from command-line arguments (they would land in shell history and in the
process list); they come from a hidden prompt or, for scripts, one per line on standard input.
"""

from __future__ import annotations

import getpass
import sys

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.credentials.editing import CredentialEditor
from egovops.credentials.profiles import AUTH_PROTOCOLS, PRIV_PROTOCOLS, CredentialKind, build_profile
from egovops.errors import ValidationError
from egovops.i18n import tr

_PROMPTS = {
    "community": "SNMP community",
    "auth_key": "SNMPv3 authentication key",
    "priv_key": "SNMPv3 privacy key",
    "password": "SSH password",
    "passphrase": "Private key passphrase",
    "enable_password": "Enable/super password",
}


@click.group(help=tr("Credential profiles (secrets are kept only in the OS keyring)."))
def credentials() -> None:
    pass


def _read_secrets(fields: tuple[str, ...], from_stdin: bool) -> dict[str, str]:
    values: dict[str, str] = {}
    for field in fields:
        if from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise ValidationError(tr("standard input ended before {field} was read", field=field))
            values[field] = line.rstrip("\r\n")
        else:
            values[field] = getpass.getpass(tr(_PROMPTS[field]) + ": ")
        if not values[field]:
            raise ValidationError(tr("{field} is empty", field=field))
    return values


@credentials.command("add", help=tr("Add or replace a credential profile."))
@click.argument("name")
@click.option("--kind", required=True, type=click.Choice([k.value for k in CredentialKind]))
@click.option("--user", help=tr("SNMPv3 or SSH user name."))
@click.option("--auth-protocol", type=click.Choice(AUTH_PROTOCOLS, case_sensitive=False))
@click.option("--priv-protocol", type=click.Choice(PRIV_PROTOCOLS, case_sensitive=False))
@click.option("--key-file", type=click.Path(dir_okay=False), help=tr("SSH private key file (its passphrase is asked)."))
@click.option("--enable", "with_enable", is_flag=True, help=tr("Also ask for an enable/super password (SSH)."))
@click.option("--secret-stdin", is_flag=True, help=tr("Read the secrets from standard input, one per line."))
@operator_options
@pass_app
def add_command(
    app: AppContext, name: str, kind: str, user: str | None, auth_protocol: str | None,
    priv_protocol: str | None, key_file: str | None, with_enable: bool, secret_stdin: bool,
    operator_login: tuple[str | None, bool],
) -> None:
    operator = current_operator(app, operator_login)  # its password, if any, is the first line of stdin
    profile = build_profile(
        name, kind, {"user": user, "auth_protocol": auth_protocol, "priv_protocol": priv_protocol, "key_file": key_file}
    )
    from egovops.credentials.keyring_store import KeyringSecrets

    KeyringSecrets()  # fail before prompting when there is no keyring to put the answers in
    fields = profile.secret_fields() + (("enable_password",) if with_enable and profile.kind is CredentialKind.SSH else ())
    editor = CredentialEditor(app.database, app.credentials)
    editor.save(operator, profile, _read_secrets(fields, secret_stdin), editing=editor.exists(name))
    click.echo(tr("credential profile {name} saved; its secrets are in the keyring", name=name))


@credentials.command("list", help=tr("List credential profiles (never their secrets)."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    profiles = app.credentials.profiles()
    if as_json:
        emit_json([{"name": p.name, "kind": p.kind.value, **p.settings} for p in profiles])
        return
    rows = [(p.name, p.kind.value, " ".join(f"{k}={v}" for k, v in p.settings.items())) for p in profiles]
    emit_table([tr("name"), tr("kind"), tr("settings")], rows)


@credentials.command("remove", help=tr("Remove a profile and its secrets from the keyring."))
@click.argument("name")
@operator_options
@pass_app
def remove_command(app: AppContext, name: str, operator_login: tuple[str | None, bool]) -> None:
    CredentialEditor(app.database, app.credentials).remove(current_operator(app, operator_login), name)
    click.echo(tr("credential profile {name} removed", name=name))


commands = [credentials]
