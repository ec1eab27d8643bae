"""Schema migrations through Alembic, run on open so every console and poller meets the same schema.

Areas of the product (inventory, monitoring, procedures, availability…) each own a branch of
revisions from the base; ``heads`` brings every branch up to date. Importing Alembic costs about a
quarter of a second, so the usual case (schema already current) is decided from the revision files'
own ``revision``/``down_revision`` lines, and Alembic is loaded only when there is work to do.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config


def _versions_dir():  # type: ignore[no-untyped-def]
    return resources.files("egovops.storage").joinpath("migrations", "versions")


def _assigned(module: ast.Module, name: str) -> object:
    for node in module.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    return None


@lru_cache(maxsize=1)
def expected_heads() -> frozenset[str]:
    """The head revisions, read from the revision files without importing Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for entry in _versions_dir().iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("__"):
            continue
        module = ast.parse(entry.read_text("utf-8"))
        revision = _assigned(module, "revision")
        if isinstance(revision, str):
            revisions.add(revision)
        down = _assigned(module, "down_revision")
        parents.update([down] if isinstance(down, str) else list(down or ()))  # type: ignore[arg-type]
    return frozenset(revisions - parents)


def current_heads(engine: Engine) -> frozenset[str]:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return frozenset()
        return frozenset(connection.scalars(text("SELECT version_num FROM alembic_version")))


def alembic_config() -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("egovops.storage").joinpath("migrations")))
    return config


def upgrade_to_latest(engine: Engine) -> None:
    if current_heads(engine) == expected_heads():
        return
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
