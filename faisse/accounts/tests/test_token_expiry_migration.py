"""Migration 0007: tokens made before expiry existed get 90 days from the migration, and no
token is left without an end."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from faisse.accounts.testing import make_user
from faisse.territories.testing import make_territory

BEFORE = [("accounts", "0006_text_validators")]
AFTER = [("accounts", "0007_apitoken_expires_at")]


@pytest.mark.django_db(transaction=True)
def test_tokens_from_before_expire_in_ninety_days():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        # Only accounts went back: the other tables have their current columns.
        user, territory = make_user(), make_territory()
        apps = executor.loader.project_state(BEFORE).apps
        apps.get_model("accounts", "ApiToken").objects.create(
            user_id=user.pk,
            territory_id=territory.pk,
            name="ancien",
            scope="read",
            token_hash="x" * 64,
        )
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(AFTER)
        token = executor.loader.project_state(AFTER).apps.get_model("accounts", "ApiToken")
        expires_at = token.objects.get().expires_at
        now = timezone.now()
        assert now + timedelta(days=89) < expires_at <= now + timedelta(days=90)
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
