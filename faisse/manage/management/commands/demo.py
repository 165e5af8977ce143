"""faisse demo [--port N] [--no-serve]: install the Alès demo, then serve it."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from faisse.manage.demo import install_demo


class Command(BaseCommand):
    help = "Installe la démonstration d’Alès Agglomération puis la sert sur 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="port (8000 par défaut)")
        parser.add_argument("--no-serve", action="store_true", help="installer sans servir")

    def handle(self, *args, port: int, no_serve: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        report = install_demo()
        done, kept = _("créé"), _("déjà présent")
        lines = [
            _("Territoire : %(name)s, %(count)s communes.")
            % {"name": report.territory, "count": report.communes},
            _("Projet : %(title)s (%(state)s).")
            % {"title": report.plan, "state": done if report.plan_created else kept},
            _("Étapes de la démarche enregistrées : %(count)s.") % {"count": report.steps_created},
            _("Réunions : %(count)s (%(created)s créées).")
            % {"count": report.meetings, "created": report.meetings_created},
            _("Questionnaires : %(count)s, %(responses)s réponses (%(created)s créées).")
            % {
                "count": report.questionnaires,
                "responses": report.responses,
                "created": report.responses_created,
            },
            _("Propositions des élus : %(count)s (%(created)s créées).")
            % {"count": report.proposals, "created": report.proposals_created},
            _("Suivi des actions (illustratif) : %(count)s fiches (%(created)s créées).")
            % {"count": report.action_sheets, "created": report.action_sheets_created},
            _("Indicateurs (illustratifs) : %(count)s (%(created)s créés).")
            % {"count": report.indicators, "created": report.indicators_created},
            _("Comptes de démonstration, mot de passe : %(password)s")
            % {"password": report.password},
            *(f"  {email} ({role})" for email, role in report.accounts),
        ]
        for line in lines:
            self.stdout.write(line)
        if no_serve:
            return
        site = _("Site : http://127.0.0.1:%(port)s/") % {"port": port}
        self.stdout.write(f"{site} ({_('connexion : /connexion/, administration : /admin/')})")
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
