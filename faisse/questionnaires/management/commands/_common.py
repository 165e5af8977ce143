"""What the questionnaire commands share: finding the questionnaire named on the line."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from faisse.questionnaires.models import Questionnaire


def questionnaire_or_error(value) -> Questionnaire:
    questionnaire = (
        Questionnaire.objects.select_related("territory").filter(pk=value).first()
        if str(value).isdecimal()
        else None
    )
    if questionnaire is None:
        raise CommandError(_("questionnaire inconnu : « %(id)s ».") % {"id": value})
    return questionnaire
