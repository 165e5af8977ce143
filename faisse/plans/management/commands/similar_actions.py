"""faisse similar_actions --territory SLUG [--json] [--limit N] [--min-score X]"""

import json
from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.core.posted import posted_id
from faisse.plans.models import Plan, PlanNode
from faisse.plans.similarity import DEFAULT_MIN_SCORE, SimilarPair, similar_pairs
from faisse.territories.models import Territory


def _score(value: str) -> float:
    try:
        score = float(value.replace(",", "."))
    except ValueError:
        score = -1
    if not 0 <= score <= 1:
        raise ArgumentTypeError(_("--min-score attend un nombre entre 0 et 1, pas « %s ».") % value)
    return score


def _limit(value: str) -> int:
    limit = posted_id(value)
    if limit is None:
        raise ArgumentTypeError(_("--limit attend un nombre entier positif, pas « %s ».") % value)
    return limit


def _action(node: PlanNode, place: tuple[PlanNode, ...]) -> dict:
    return {
        "id": node.pk,
        "title": node.title,
        "line": node.source_line,
        "place": [ancestor.label for ancestor in place],
    }


def as_dict(pair: SimilarPair) -> dict:
    match = pair.match
    return {
        "score": match.score,
        "kind": "verbatim" if match.verbatim else "same idea",
        "wording": match.wording,
        "meaning": match.meaning,
        "same_parent": match.same_parent,
        "shared_words": list(match.shared_words),
        "first": _action(pair.first, pair.first_place),
        "second": _action(pair.second, pair.second_place),
    }


class Command(BaseCommand):
    help = _("Classe les paires d’actions du projet qui disent la même chose.")

    def add_arguments(self, parser):
        parser.add_argument("--territory", required=True, help=_("identifiant du territoire"))
        parser.add_argument("--json", action="store_true", help=_("écrire le résultat en JSON"))
        parser.add_argument("--limit", type=_limit, help=_("nombre de paires au plus"))
        parser.add_argument(
            "--min-score",
            type=_score,
            default=DEFAULT_MIN_SCORE,
            help=_("score minimal, entre 0 et 1 (%s par défaut)") % DEFAULT_MIN_SCORE,
        )

    def handle(self, *args, **options):
        territory = Territory.objects.filter(slug=options["territory"]).first()
        if territory is None:
            raise CommandError(_("territoire inconnu : « %s ».") % options["territory"])
        plan = Plan.objects.of_territory(territory).current()
        if plan is None:
            raise CommandError(_("le territoire %s n’a pas encore de projet.") % territory.name)
        pairs = similar_pairs(plan, min_score=options["min_score"], limit=options["limit"])
        if options["json"]:
            data = {
                "territory": territory.slug,
                "plan": plan.title,
                "min_score": options["min_score"],
                "pairs": [as_dict(pair) for pair in pairs],
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for rank, pair in enumerate(pairs, start=1):
            match = pair.match
            kind = _("mot pour mot") if match.verbatim else _("même idée")
            note = _(", même objectif") if match.same_parent else ""
            self.stdout.write(f"{rank:>3}. {match.score:.2f} ({kind}{note})")
            for node in (pair.first, pair.second):
                line = _("ligne %s") % node.source_line if node.source_line else f"#{node.pk}"
                self.stdout.write(f"     {line} : {node.title}")
            if match.shared_words:
                words = ", ".join(match.shared_words[:6])
                self.stdout.write("     " + _("mots communs : %s") % words)
        self.stdout.write(
            _("%(count)s paires d’actions similaires (score ≥ %(min)s) dans « %(plan)s ».")
            % {"count": len(pairs), "min": options["min_score"], "plan": plan.title}
        )
