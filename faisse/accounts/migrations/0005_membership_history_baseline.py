"""Give every membership that existed before its history a first record (« reçoit le
rôle »), dated from its creation, so that the journal reads right from the start."""

from django.db import migrations


def record_existing_memberships(apps, schema_editor):
    Membership = apps.get_model("accounts", "Membership")
    HistoricalMembership = apps.get_model("accounts", "HistoricalMembership")
    known = set(HistoricalMembership.objects.values_list("id", flat=True))
    # The free-text commissions existed when this migration was written (0008 made them a
    # model): copied only where the models given still have that field.
    with_text = "commissions" in {field.name for field in HistoricalMembership._meta.fields}
    HistoricalMembership.objects.bulk_create(
        HistoricalMembership(
            id=membership.pk,
            user_id=membership.user_id,
            territory_id=membership.territory_id,
            role=membership.role,
            commune_id=membership.commune_id,
            **({"commissions": membership.commissions} if with_text else {}),
            history_date=membership.created_at,
            history_type="+",
            history_change_reason="Rôle existant avant l’historique",
        )
        for membership in Membership.objects.exclude(pk__in=known).iterator()
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_membership_history")]

    operations = [migrations.RunPython(record_existing_memberships, migrations.RunPython.noop)]
