"""faisse locate_actions --territory SLUG [--json] [--dry-run]"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.locations.detection import Detection, apply_detection, detect
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree
from faisse.territories.models import Commune, Territory


def located_actions(detection: Detection, tree: PlanTree) -> list[dict]:
    """Per action, the communes it applies to (its own or its ancestors') and places named."""
    names = {c.pk: c for c in Commune.objects.filter(territory=detection.plan.territory_id)}
    rows = []
    for entry in tree.walk():
        action = entry.node
        if action.kind != PlanNode.Kind.ACTION or entry.shared:
            continue
        communes, outside = [], []
        for place in [action, *reversed(tree.ancestors(action))]:
            found = detection.nodes.get(place.pk)
            if found is None:
                continue
            for commune_id, evidence in found.communes.items():
                commune = names[commune_id]
                communes.append(
                    {
                        "insee": commune.insee,
                        "name": commune.name,
                        "evidence": evidence,
                        "from": {
                            "kind": place.kind,
                            "title": place.title,
                            "line": place.source_line,
                        },
                    }
                )
            if place is action:
                outside = [
                    {"name": name, "insee": insee, "evidence": evidence}
                    for name, (insee, evidence) in found.outside.items()
                ]
        if communes or outside:
            rows.append(
                {
                    "id": action.pk,
                    "title": action.title,
                    "line": action.source_line,
                    "communes": communes,
                    "outside": outside,
                }
            )
    return rows


class Command(BaseCommand):
    help = _("Repère les communes et les lieux que cite chaque action du projet.")

    def add_arguments(self, parser):
        parser.add_argument("--territory", required=True)
        parser.add_argument("--json", action="store_true", help=_("écrire le résultat en JSON"))
        parser.add_argument("--dry-run", action="store_true", help=_("repérer sans rien écrire"))

    def handle(self, *args, **options):
        territory = Territory.objects.filter(slug=options["territory"]).first()
        if territory is None:
            raise CommandError(_("territoire inconnu : « %s ».") % options["territory"])
        plan = Plan.objects.of_territory(territory).current()
        if plan is None:
            raise CommandError(_("le territoire %s n’a pas encore de projet.") % territory.name)
        detection = detect(plan)
        rows = located_actions(detection, PlanTree.load(plan, drafts=True))
        roles = [
            {"insee": c.insee, "name": c.name, "role": role, "evidence": evidence}
            for c, role, evidence in detection.roles
        ]
        changes = {} if options["dry_run"] else apply_detection(detection)
        if options["json"]:
            data = {"actions": rows, "roles": roles, "changes": changes}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(f"• {row['title']} (ligne {row['line']})")
            for commune in row["communes"]:
                where = (
                    ""
                    if commune["from"]["title"] == row["title"]
                    else _(" — par « %s »") % commune["from"]["title"][:60]
                )
                evidence = " ; ".join(commune["evidence"])
                self.stdout.write(f"    {commune['name']} : « {evidence} »{where}")
            for place in row["outside"]:
                self.stdout.write(_("    hors du territoire : %(name)s") % {"name": place["name"]})
        self.stdout.write(
            _("%(count)s actions localisées sur %(total)s ; rôles : %(roles)s.")
            % {
                "count": sum(bool(r["communes"]) for r in rows),
                "total": plan.nodes.filter(kind=PlanNode.Kind.ACTION).count(),
                "roles": len(roles),
            }
        )
