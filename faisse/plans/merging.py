"""What an editor decides about two actions that say the same thing: merge or dismiss.

Merging keeps one action — the first in plan order — and shows it also at the place of
the other through a `SharedPlacement`, so the plan reads the same in both places while its
data (status, communes, later indicators) lives once. Dismissing remembers that the two
actions are distinct, so they are not proposed again. Both record a `SimilarPairDecision`.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from faisse.core.errors import Refusal
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode, SharedPlacement, SimilarPairDecision
from faisse.plans.signals import actions_merging
from faisse.plans.similarity import action_texts, plan_actions, score_pair
from faisse.plans.structure import check_structure, lock_plan
from faisse.plans.tree import PlanTree


class PairError(Refusal):
    """A merge or dismissal that cannot be done; the message says why, in French."""


def _check(first: PlanNode, second: PlanNode) -> None:
    if first.plan_id != second.plan_id:
        raise PairError(
            _("« %(first)s » et « %(second)s » appartiennent à deux projets différents.")
            % {"first": first.label, "second": second.label}
        )
    for node in (first, second):
        if node.kind != PlanNode.Kind.ACTION:
            raise PairError(
                _(
                    "« %(label)s » est un élément de nature « %(kind)s » : seules des "
                    "actions se fusionnent ou s’écartent."
                )
                % {"label": node.label, "kind": node.kind_label}
            )


def _in_plan_order(first: PlanNode, second: PlanNode) -> tuple[PlanNode, PlanNode, list[PlanNode]]:
    """The two actions read again and locked, checked, the first in plan order first."""
    if first.pk == second.pk:
        raise PairError(_("Une action ne peut pas être fusionnée avec elle-même."))
    locked = {
        node.pk: node
        for node in PlanNode.objects.select_for_update().filter(pk__in=[first.pk, second.pk])
    }
    if len(locked) < 2:
        raise PairError(_("L’une des deux actions n’existe plus : rechargez la page."))
    first, second = locked[first.pk], locked[second.pk]
    _check(first, second)
    tree = PlanTree.load(first.plan, drafts=True)
    lineage = {a.pk for node in (first, second) for a in tree.ancestors(node)}
    if first.pk in lineage or second.pk in lineage:
        raise PairError(_("L’une des deux actions est une sous-action de l’autre."))
    public = PlanTree.load(first.plan).by_id  # published, under published parents
    if (first.pk in public) != (second.pk in public):
        # A draft's text must not become public through the published action it joins.
        raise PairError(
            _(
                "L’une des deux actions est un brouillon (ou sous un élément en brouillon) et "
                "l’autre est publiée : publiez ou dépubliez-en une d’abord, puis "
                "fusionnez-les."
            )
        )
    actions = plan_actions(tree)
    order = {node.pk: position for position, node in enumerate(actions)}
    a, b = sorted((first, second), key=lambda node: (order.get(node.pk, len(order)), node.pk))
    return a, b, actions


def _record(first: PlanNode, second: PlanNode, score: float, decision: str) -> SimilarPairDecision:
    """The decision about a pair, replacing any earlier one whatever the order of its ids."""
    SimilarPairDecision.objects.filter(
        Q(first_id=first.pk, second_id=second.pk) | Q(first_id=second.pk, second_id=first.pk),
        plan_id=first.plan_id,
    ).delete()
    return SimilarPairDecision.objects.create(
        plan_id=first.plan_id,
        territory_id=first.territory_id,
        first_id=first.pk,
        second_id=second.pk,
        first_title=first.title,
        second_title=second.title,
        score=score,
        decision=decision,
    )


def _score(actions: list[PlanNode], first: PlanNode, second: PlanNode) -> float:
    texts = action_texts(actions)
    known = {text.id for text in texts}
    if first.pk not in known or second.pk not in known:
        return 0.0
    return score_pair(texts, first.pk, second.pk).score


def merge(first: PlanNode, second: PlanNode, editor=None) -> PlanNode:
    """Merge two actions of a plan into the first in plan order; return it (see _merge).

    The pair's similarity is scored before the write transaction opens: scoring reads
    the whole plan's texts and must not hold the database's write lock meanwhile."""
    score = _score_now(first, second)
    return _merge(first, second, editor, score)


def _score_now(first: PlanNode, second: PlanNode) -> float:
    if first.plan_id != second.plan_id:
        return 0.0
    return _score(plan_actions(PlanTree.load(first.plan, drafts=True)), first, second)


@transaction.atomic
def _merge(first: PlanNode, second: PlanNode, editor, score: float) -> PlanNode:
    """Merge two actions of a plan into the first in plan order; return it.

    The kept action is shown under the removed one's parent, at its position; the removed
    one's shared placements, sub-actions and pilots move to the kept one, and the domains
    built on the plan move theirs (`signals.actions_merging`: commune links, places); its
    description, follow-up and internal notes are appended when they say something else;
    then it is deleted. Two actions of which one only is published are not merged (the
    draft's text would become public). All or nothing.
    """
    lock_plan(first.plan_id)
    kept, removed, _actions = _in_plan_order(first, second)
    if removed.parent_id is not None and removed.parent_id != kept.parent_id:
        SharedPlacement.objects.get_or_create(
            node=kept,
            parent_id=removed.parent_id,
            defaults={
                "plan_id": kept.plan_id,
                "territory_id": kept.territory_id,
                "position": removed.position,
            },
        )
    taken = set(kept.shared_placements.values_list("parent_id", flat=True))
    taken.add(kept.parent_id)
    for placement in SharedPlacement.objects.filter(node=removed):
        if placement.parent_id in taken:
            placement.delete()
        else:
            placement.node = kept
            placement.save(update_fields=["node"])
            taken.add(placement.parent_id)
    actions_merging.send(PlanNode, kept=kept, removed=removed, editor=editor)
    _take_over_children(kept, removed, editor)
    for name in ("description", "follow_up", "internal_notes"):
        extra = getattr(removed, name).strip()
        if extra and extra not in getattr(kept, name):
            setattr(kept, name, "\n\n".join(filter(None, [getattr(kept, name).strip(), extra])))
    where = _("ligne %s") % removed.source_line if removed.source_line else f"#{removed.pk}"
    kept.save_change(
        editor, _reason(_("Fusion avec « %(title)s » (%(where)s)"), removed.title, where=where)
    )
    kept.pilots.add(*removed.pilots.all())
    _record(kept, removed, score, SimilarPairDecision.Decision.MERGED)
    removed._history_user = editor
    removed._change_reason = _reason(_("Fusionnée dans « %(title)s »"), kept.title)
    removed.delete()
    try:
        check_structure(kept.plan)
    except EditError as error:
        raise PairError(str(error)) from error
    return kept


def _reason(template: str, title: str, **values) -> str:
    """A change reason naming an action, its title shortened so that the whole fits the
    history's column (100 characters)."""
    room = 100 - len(template % {"title": "", **values})
    return template % {"title": Truncator(title).chars(max(room, 10)), **values}


def _take_over_children(kept: PlanNode, removed: PlanNode, editor) -> None:
    """The removed action's sub-actions, and what is shown under it through shared
    placements, move under the kept one, after its own."""
    position = max(kept.children.values_list("position", flat=True), default=0)
    for child in removed.children.order_by("position", "pk"):
        position += 1
        child.parent, child.position = kept, position
        child.save_change(editor, _("Fusion d’actions similaires"))
    shown = set(kept.children.values_list("pk", flat=True))
    shown |= set(SharedPlacement.objects.filter(parent=kept).values_list("node_id", flat=True))
    for placement in SharedPlacement.objects.filter(parent=removed).order_by("position", "pk"):
        if placement.node_id in shown or placement.node_id == kept.pk:
            placement.delete()
            continue
        position += 1
        placement.parent, placement.position = kept, position
        placement.save()
        shown.add(placement.node_id)


def dismiss(first: PlanNode, second: PlanNode) -> SimilarPairDecision:
    """Remember that two actions are distinct: the pair is not proposed again."""
    score = _score_now(first, second)
    with transaction.atomic():
        a, b, _actions = _in_plan_order(first, second)
        return _record(a, b, score, SimilarPairDecision.Decision.DISMISSED)
