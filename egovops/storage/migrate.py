"""Schema migrations through Alembic, run on open so every console and poller meets the same schema.

Areas of the product (inventory, monitoring, procedures, availability…) each own a branch of
revisions from the base; ``heads`` brings every branch up to date.
"""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("egovops.storage").joinpath("migrations")))
    return config


def upgrade_to_latest(engine: Engine) -> None:
    config = alembic_config()
    wanted = set(ScriptDirectory.from_config(config).get_heads())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    if current == wanted:
        return
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
