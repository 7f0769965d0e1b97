"""Alembic environment of smtui.

The app runs migrations itself (``smtui.store.migrate``) and hands a connection in
``config.attributes["connection"]``; the ``alembic`` command line also works from the
repository root with ``-x db=PATH``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from smtui.store.engine import make_engine, sqlite_url
from smtui.store.tables import Base, UTCDateTime

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Write UTCDateTime as a plain DateTime so that revisions never import smtui code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or sqlite_url(context.get_x_argument(True)["db"])
    engine = make_engine(url, foreign_keys=False)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("smtui migrations run online only")
run_migrations_online()
