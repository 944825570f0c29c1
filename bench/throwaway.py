"""The shared start of the benchmarks that run on PostgreSQL.

Importing this module sets Django up on ``DATABASE_URL`` (default
postgres://postgres@127.0.0.1:5432/lms_bench) with the test settings;
``throwaway_database`` then makes a fresh ``test_`` database, points Celery at
a Redis broker that no worker reads, and afterwards empties that queue and
drops the database, however the benchmark ends.
"""

import os
import sys
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lms_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


@contextmanager
def throwaway_database(*, broker_url: str):
    setup_test_environment()
    from lms.celery import app

    app.conf.update(task_always_eager=False, broker_url=broker_url)
    name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        yield
    finally:
        with app.connection_for_write() as broker:
            broker.default_channel.queue_purge(app.conf.task_default_queue)
        # Dropping the test database points the connection back at ``name``,
        # so a second throwaway database gets the same name as the first.
        connection.creation.destroy_test_db(name, verbosity=0)
