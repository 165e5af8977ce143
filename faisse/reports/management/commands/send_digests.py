"""faisse send_digests [--territory SLUG] [--site-url URL] [--dry-run]: the weekly e-mail
of each person who leads actions or indicators (run it once a week from cron; a second
run in the same ISO week sends nothing)."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.reports.digest_mail import no_site_url_message, send_territory_digests
from faisse.territories.models import Territory


class Command(BaseCommand):
    help = (
        "Envoie le courriel hebdomadaire de suivi : à chaque personne qui pilote des "
        "actions ou des indicateurs, un seul courriel par territoire, s’il y a quelque "
        "chose à lui dire."
    )

    def add_arguments(self, parser):
        parser.add_argument("--territory", help="identifiant (slug) d’un seul territoire")
        parser.add_argument(
            "--site-url",
            default=os.environ.get("FAISSE_SITE_URL", ""),
            help="adresse du site dans les liens (à défaut : FAISSE_SITE_URL)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="compter les courriels sans les envoyer ni rien enregistrer",
        )

    def handle(self, *args, **options):
        site = options["site_url"].strip().rstrip("/")
        if not site.startswith(("http://", "https://")):
            raise CommandError(no_site_url_message())
        territories = Territory.objects.order_by("name")
        if options["territory"]:
            territories = territories.filter(slug=options["territory"])
            if not territories.exists():
                raise CommandError(
                    _("Territoire inconnu : « %(slug)s ».") % {"slug": options["territory"]}
                )
        failed = 0
        for territory in territories:
            report = send_territory_digests(territory, site, dry_run=options["dry_run"])
            self.stdout.write(report.message(dry_run=options["dry_run"]))
            failed += report.failed
        if failed:
            raise CommandError(
                _("Certains courriels n’ont pas pu partir : la prochaine exécution les réessaiera.")
            )
