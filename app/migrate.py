"""Run the Alembic revisions in `migrations/` against a database URL."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from app.db import make_engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# Any fixed number: the key of the PostgreSQL advisory lock that lets one replica migrate at a time.
MIGRATION_LOCK = 421_014


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser interpolation would eat a '%' in a password.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_to_head(url: str) -> None:
    """Migrate; on PostgreSQL under an advisory lock, since several replicas and workers start at once."""
    config = alembic_config(url)
    if not url.startswith("postgres"):
        command.upgrade(config, "head")
        return
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            connection.commit()
            try:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                connection.commit()
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                connection.commit()
    finally:
        engine.dispose()
