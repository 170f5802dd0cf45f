"""One owner for each transaction: the service that opened it commits, queries never do."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker

from localpro_desktop.store.engine import WRITER


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """Commit when the block ends normally; roll back everything on any error.

    This is what makes imports atomic and keeps a crash from leaving half a change.
    """
    session = factory()
    try:
        # Writer from the first statement (BEGIN IMMEDIATE): see engine._on_begin.
        session.connection(execution_options={WRITER: True})
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_session(factory: sessionmaker[Session]) -> Iterator[Session]:
    session = factory()
    try:
        yield session
    finally:
        # close() ends the read transaction without expiring the rows handed to callers.
        session.close()
