"""How the history names what it shows, for the people who steer the plan.

The models' verbose names are written for the admin site and some fields have none
(`SharedPlacement.node` would read "Node"): the history names every field, object and
value here, in the words of a chargé·e de mission.
"""

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# Bookkeeping that says nothing to the reader of a change (the sheet or the indicator a
# row belongs to is said by the element the change is about).
HIDDEN_FIELDS = {
    "indicator",
    "id",
    "plan",
    "territory",
    "version",
    "created_at",
    "updated_at",
    "sheet",
    "added_at",
}

# What each kind of record is about (the keys of records.TRACKED).
SOURCE_LABELS = {
    "plan": _("Projet de territoire"),
    "challenge": _("Défi"),
    "node": _("Élément du projet"),
    "placement": _("Rattachement supplémentaire"),
    "link": _("Lien avec une commune"),
    "sheet": _("Fiche action"),
    "budget": _("Ligne budgétaire"),
    "funding": _("Financement"),
    "milestone": _("Étape d’une action"),
    "update": _("Point de suivi"),
    "document": _("Document ou lien d’une action"),
    "indicator": _("Indicateur"),
    "target": _("Cible d’un indicateur"),
    "value": _("Valeur mesurée"),
    "indicator_link": _("Élément mesuré par un indicateur"),
}

# Fields by model label ("plans.plannode") and field name.
FIELD_LABELS = {
    "plans.plan": {
        "title": _("Titre du projet"),
        "period_start": _("Première année"),
        "period_end": _("Dernière année"),
        "status": _("Statut"),
        "adopted_on": _("Date d’adoption"),
        "predecessor": _("Projet précédent"),
        "ambition_motto": _("Devise de l’ambition"),
        "ambition_text": _("Texte de l’ambition"),
        "source_name": _("Document source"),
    },
    "plans.challenge": {
        "position": _("Position parmi les défis"),
        "title": _("Intitulé du défi"),
        "points": _("Précisions"),
    },
    "plans.plannode": {
        "parent": _("Parent"),
        "kind": _("Type d’élément"),
        "number": _("Numéro"),
        "title": _("Intitulé"),
        "description": _("Description"),
        "position": _("Position parmi ses voisins"),
        "source_line": _("Ligne dans le document importé"),
        "is_published": _("Publié"),
        "internal_notes": _("Notes internes"),
        "follow_up": _("Note de suivi"),
        "follow_up_is_public": _("Lecteurs de la note de suivi"),
        "weight": _("Poids"),
        "pilots": _("Pilotes"),
    },
    "plans.sharedplacement": {
        "node": _("Élément du projet"),
        "parent": _("Affiché aussi sous"),
        "position": _("Position parmi ses voisins"),
    },
    "locations.communelink": {
        "node": _("Élément du projet"),
        "commune": _("Commune"),
        "origin": _("Origine du lien"),
        "evidence": _("Mots trouvés dans le texte"),
    },
    "actions.actionsheet": {
        "node": _("Action"),
        "progress_source": _("Calcul de l’avancement"),
        "continuous": _("Action en amélioration continue"),
        "pilot_names": _("Autres pilotes"),
        "referent_names": _("Autres élu·es référent·es"),
        "lead_structures": _("Structures pilotes"),
        "lead_services": _("Directions ou services pilotes"),
        "partners": _("Partenaires"),
        "elected_referents": _("Élu·es référent·es"),
        "programmes": _("Programmes et contrats"),
    },
    "actions.budgetline": {
        "kind": _("Section"),
        "nature": _("Prévisionnel ou réel"),
    },
    "actions.funding": {
        "position": _("Ordre parmi les financements"),
        "financers": _("Financeurs"),
    },
    "actions.milestone": {
        "position": _("Ordre parmi les étapes"),
        "title": _("Étape"),
        "done": _("Réalisée"),
    },
    "actions.actionupdate": {
        "on": _("Date du point"),
        "author": _("Écrit par"),
        "old_status": _("Statut avant"),
        "new_status": _("Nouveau statut"),
        "old_progress": _("Avancement avant (%)"),
        "new_progress": _("Nouvel avancement (%)"),
        "is_public": _("Lecteurs de la note"),
    },
    "indicators.indicator": {
        "kind": _("Type d’indicateur"),
        "pilots": _("Pilotes de l’indicateur"),
    },
    "indicators.indicatortarget": {"value": _("Cible")},
    "indicators.indicatorvalue": {"value": _("Valeur mesurée")},
    "indicators.indicatorlink": {"node": _("Élément mesuré")},
}

# Yes / no fields that read better in words of their own: (if false, if true).
READERS = (_("les membres du territoire seulement"), _("tout le monde, sur le site public"))
BOOLEAN_VALUES = {
    ("plans.plannode", "follow_up_is_public"): READERS,
    ("actions.actionupdate", "is_public"): READERS,
}
YES_NO = (_("non"), _("oui"))

# What a field points to when it no longer exists, by the related model's label.
GONE = {
    "plans.plannode": _("élément supprimé depuis (n° %s)"),
    "plans.plan": _("projet supprimé depuis (n° %s)"),
    "territories.commune": _("commune retirée depuis (n° %s)"),
    "accounts.user": _("compte supprimé (n° %s)"),
    "indicators.indicator": _("indicateur supprimé depuis (n° %s)"),
}


def field_label(model: type[models.Model], name: str) -> str:
    """The French name of a field of a tracked model."""
    label = FIELD_LABELS.get(model._meta.label_lower, {}).get(name)
    if label is None:
        label = capfirst(model._meta.get_field(name).verbose_name)
    return str(label)


def boolean_value(model: type[models.Model], name: str, value: bool) -> str:
    return str(BOOLEAN_VALUES.get((model._meta.label_lower, name), YES_NO)[bool(value)])


def gone(model_label: str, pk) -> str:
    """The name of an object that is not there any more."""
    return str(GONE.get(model_label, _("supprimé depuis (n° %s)"))) % pk
