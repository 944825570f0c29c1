"""Memberships made before states existed become active from when they were made."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("organisations", "0001_initial")]
AFTER = [("organisations", "0003_existing_memberships_active")]


@pytest.fixture
def migrator():
    """A migration executor; afterwards every app is migrated forward again, so
    the tests after this one find the whole schema (going back to BEFORE also
    unapplies the other apps' migrations that depend on it)."""
    yield MigrationExecutor(connection)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_existing_memberships_become_active_in_the_default_group(migrator):
    executor = migrator
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User = old.get_model("accounts", "User")
    Partnership = old.get_model("organisations", "Partnership")
    Organisation = old.get_model("organisations", "Organisation")
    Membership = old.get_model("organisations", "Membership")
    partnership = Partnership.objects.create(name="Old partnership")
    organisation = Organisation.objects.create(
        partnership=partnership, name="Old school", sector="education"
    )
    user = User.objects.create(email="old@example.org", full_name="Old Member")
    made = Membership.objects.create(user=user, organisation=organisation).created_at

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    membership = new.get_model("organisations", "Membership").objects.get()
    assert membership.state == "active"
    assert membership.joined_at == made
    assert membership.group.is_default
    assert membership.group.partnership_id == partnership.pk
