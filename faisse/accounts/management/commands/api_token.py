"""faisse api_token create --email E --territory SLUG [--write] [--name N] [--days N]

Prints a new API token for a person, under the rules of the tokens page (a role in the
territory, a name, an expiry: 90 days by default, a year at most): for scripts and
operators who cannot open the site.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.accounts.models import ApiToken, User
from faisse.territories.models import Territory


class Command(BaseCommand):
    help = _("Crée un jeton d’API pour une personne et un territoire, et l’affiche.")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help=_("créer un jeton"))
        create.add_argument("--email", required=True, help=_("adresse de la personne"))
        create.add_argument("--territory", required=True, help=_("identifiant du territoire"))
        create.add_argument(
            "--write", action="store_true", help=_("lecture et écriture (défaut : lecture)")
        )
        create.add_argument("--name", default=_("Ligne de commande"), help=_("nom du jeton"))
        create.add_argument(
            "--days",
            type=int,
            default=ApiToken.DEFAULT_DAYS,
            help=_("jours de validité, de 1 à %(max)s (défaut : %(default)s)")
            % {"max": ApiToken.MAX_DAYS, "default": ApiToken.DEFAULT_DAYS},
        )

    def handle(self, *args, action: str, **options):
        user = User.objects.filter(email__iexact=options["email"].strip(), is_active=True).first()
        if user is None:
            raise CommandError(_("aucun compte actif pour « %s ».") % options["email"])
        territory = Territory.objects.filter(slug=options["territory"]).first()
        if territory is None:
            raise CommandError(_("territoire inconnu : « %s ».") % options["territory"])
        scope = ApiToken.Scope.READ_WRITE if options["write"] else ApiToken.Scope.READ
        try:
            token, secret = ApiToken.create(
                user, territory, options["name"], scope, days=options["days"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stderr.write(
            _(
                "Jeton « %(name)s » (%(scope)s) créé pour %(email)s dans %(territory)s, "
                "valable jusqu’au %(date)s :"
            )
            % {
                "name": token.name,
                "scope": token.get_scope_display().lower(),
                "email": user.email,
                "territory": territory.name,
                "date": token.expiry_text(),
            }
        )
        self.stdout.write(secret)
