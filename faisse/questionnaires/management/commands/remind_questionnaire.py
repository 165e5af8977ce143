"""faisse remind_questionnaire ID [--site-url URL]: one reminder to each person of the list
who has not answered and got nothing for REMINDER_GAP (never a flood)."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.questionnaires.management.commands._common import questionnaire_or_error
from faisse.questionnaires.respondents import send_links


class Command(BaseCommand):
    help = "Relance les personnes interrogées qui n’ont pas répondu (un courriel chacune)."

    def add_arguments(self, parser):
        parser.add_argument("questionnaire", help="numéro du questionnaire")
        parser.add_argument(
            "--site-url",
            default=os.environ.get("FAISSE_SITE_URL", ""),
            help="adresse du site dans les liens (à défaut : FAISSE_SITE_URL)",
        )

    def handle(self, *args, **options):
        questionnaire = questionnaire_or_error(options["questionnaire"])
        site = options["site_url"].strip()
        if not site.startswith(("http://", "https://")):
            raise CommandError(
                _(
                    "Donnez l’adresse du site, dont les liens personnels partent : "
                    "--site-url https://… (ou la variable FAISSE_SITE_URL)."
                )
            )
        if questionnaire.is_public:
            raise CommandError(_("Ce questionnaire est public : il n’a pas de liste à relancer."))
        if not questionnaire.is_open():
            raise CommandError(
                _("Ce questionnaire n’est pas ouvert (%(status)s) : aucune relance.")
                % {"status": questionnaire.get_status_display()}
            )
        report = send_links(questionnaire, site, reminder=True)
        self.stdout.write(report.message(reminder=True))
        if report.failed:
            raise CommandError(_("Certains courriels n’ont pas pu partir."))
