"""API tokens expire. Tokens made before this migration get the default lifetime, counted
from the migration: they keep working for 90 days, and their owners see the date on their
tokens page (no token is left without an end)."""

from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone


def in_ninety_days():
    return timezone.now() + timedelta(days=90)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_text_validators"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(default=in_ninety_days, verbose_name="expire le"),
            preserve_default=False,
        ),
    ]
