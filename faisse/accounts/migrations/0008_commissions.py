"""Commissions become a model of their own: the free-text field of a membership
("Finances, Transports") gives one commission per name in its territory, with the élu in
it; then the text field goes (also from the members' journal)."""

import re

import django.db.models.deletion
from django.db import migrations, models

import faisse.core.text

SEPARATORS = re.compile(r"\s*[,;/\n]\s*")


def commissions_from_text(apps, schema_editor):
    Membership = apps.get_model("accounts", "Membership")
    Commission = apps.get_model("accounts", "Commission")
    for membership in Membership.objects.exclude(commissions_text=""):
        for name in filter(None, SEPARATORS.split(membership.commissions_text.strip())):
            commission, _created = Commission.objects.get_or_create(
                territory_id=membership.territory_id, name=name[:200]
            )
            commission.members.add(membership)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_apitoken_expires_at")]

    operations = [
        migrations.RenameField("membership", "commissions", "commissions_text"),
        migrations.RenameField("historicalmembership", "commissions", "commissions_text"),
        migrations.CreateModel(
            name="Commission",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200, validators=[faisse.core.text.TextValidator()], verbose_name="nom")),
                ("position", models.PositiveIntegerField(default=0, verbose_name="rang")),
                ("members", models.ManyToManyField(blank=True, related_name="commissions", to="accounts.membership", verbose_name="membres")),
                ("president", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="presided_commissions", to="accounts.membership", verbose_name="président·e")),
                ("territory", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="commissions", to="territories.territory", verbose_name="territoire")),
            ],
            options={
                "verbose_name": "commission",
                "verbose_name_plural": "commissions",
                "ordering": ["territory", "position", "name"],
                "constraints": [models.UniqueConstraint(fields=("territory", "name"), name="unique_commission_name_per_territory")],
            },
        ),
        migrations.RunPython(commissions_from_text, migrations.RunPython.noop),
        migrations.RemoveField("membership", "commissions_text"),
        migrations.RemoveField("historicalmembership", "commissions_text"),
    ]
