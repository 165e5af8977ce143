"""Merging two actions into one shown in both places, and dismissing a pair."""

import pytest
from django.contrib.auth import get_user_model

from faisse.locations.models import CommuneLink, OutsidePlace
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.merging import PairError, dismiss, merge
from faisse.plans.models import PlanNode, SharedPlacement, SimilarPairDecision
from faisse.plans.similarity import similar_pairs
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db
Decision = SimilarPairDecision.Decision
MOBILISER = "Mobiliser de ressources supplémentaires par le développement du mécénat"


@pytest.fixture
def ales_plan(ales_parsed):
    return save_plan(ales_parsed, make_territory("Alès Agglomération"), PlanDetails())


def action(plan, line):
    return PlanNode.objects.get(plan=plan, source_line=line)


def link(node, commune, origin=CommuneLink.Origin.DETECTED):
    return CommuneLink.objects.create(
        territory_id=node.territory_id,
        plan_id=node.plan_id,
        node=node,
        commune=commune,
        origin=origin,
        evidence=commune.name,
    )


def pair_lines(plan):
    return [{p.first.source_line, p.second.source_line} for p in similar_pairs(plan)]


def test_merge_keeps_the_first_in_plan_order_and_shows_it_in_both_places(ales_plan, client):
    first, second = action(ales_plan, 359), action(ales_plan, 515)  # mécénat
    communes = list(ales_plan.territory.communes.order_by("insee"))
    link(first, communes[0], CommuneLink.Origin.CONFIRMED)
    link(second, communes[0])  # the same commune: not moved twice
    link(second, communes[1], CommuneLink.Origin.MANUAL)
    OutsidePlace.objects.create(
        territory=ales_plan.territory, plan=ales_plan, node=second, name="Nîmes"
    )
    second.description = "Avec les entreprises mécènes du territoire."
    second.save()
    elsewhere = PlanNode.objects.get(plan=ales_plan, source_line=474)
    SharedPlacement.objects.create(
        plan=ales_plan, territory=ales_plan.territory, node=second, parent=elsewhere, position=9
    )
    nodes_before = PlanNode.objects.filter(plan=ales_plan).count()

    kept = merge(second, first)  # given in any order

    assert kept.pk == first.pk
    assert PlanNode.objects.filter(plan=ales_plan).count() == nodes_before - 1
    assert not PlanNode.objects.filter(pk=second.pk).exists()
    placements = {(p.parent_id, p.position) for p in SharedPlacement.objects.filter(node=kept)}
    assert placements == {(second.parent_id, second.position), (elsewhere.pk, 9)}
    links = {(li.commune_id, li.origin) for li in CommuneLink.objects.filter(node=kept)}
    assert links == {(communes[0].pk, "confirmed"), (communes[1].pk, "manual")}
    assert list(kept.outside_places.values_list("name", flat=True)) == ["Nîmes"]
    kept.refresh_from_db()
    assert kept.description == "Avec les entreprises mécènes du territoire."
    decision = SimilarPairDecision.objects.get(plan=ales_plan)
    assert (decision.first_id, decision.second_id, decision.decision) == (
        first.pk,
        second.pk,
        Decision.MERGED,
    )
    assert decision.second_title == "Développer le mécénat"
    assert 0.7 < decision.score <= 1
    assert {359, 515} not in pair_lines(ales_plan)

    html = client.get(f"/{ales_plan.territory.slug}/plan/").content.decode()
    assert html.count(MOBILISER) >= 2 and "Développer le mécénat" not in html
    assert "Action transversale" in html
    assert client.get(kept.url_for(ales_plan.territory.slug)).status_code == 200


def test_merge_under_the_same_parent_adds_no_placement(ales_plan):
    first, second = action(ales_plan, 245), action(ales_plan, 246)
    merge(first, second)
    assert not SharedPlacement.objects.filter(plan=ales_plan).exists()
    assert SimilarPairDecision.objects.get().decision == Decision.MERGED


def test_a_description_already_there_is_not_repeated(ales_plan):
    first, second = action(ales_plan, 313), action(ales_plan, 420)
    first.description = "Relier les communes à vélo."
    first.save()
    second.description = "Relier les communes à vélo."
    second.save()
    assert merge(first, second).description == "Relier les communes à vélo."


def test_merge_is_recorded_in_the_history_of_the_editor(ales_plan):
    editor = get_user_model().objects.create_user("agent@example.org")
    kept = merge(action(ales_plan, 279), action(ales_plan, 470), editor=editor)
    change = PlanNode.history.filter(id=kept.pk).first()
    assert change.history_user == editor and "ligne 470" in change.history_change_reason
    deletion = PlanNode.history.filter(history_type="-").get()
    assert deletion.history_user == editor and "Fusionnée dans" in deletion.history_change_reason


def test_dismiss_remembers_the_pair_and_it_is_not_proposed_again(ales_plan):
    first, second = action(ales_plan, 305), action(ales_plan, 476)
    assert {305, 476} in pair_lines(ales_plan)
    decision = dismiss(second, first)
    assert (decision.first_id, decision.second_id) == (first.pk, second.pk)
    assert decision.decision == Decision.DISMISSED and decision.score > 0.5
    assert {305, 476} not in pair_lines(ales_plan)
    assert PlanNode.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    dismiss(first, second)  # twice: still one decision
    assert SimilarPairDecision.objects.count() == 1


def test_merging_a_dismissed_pair_replaces_the_decision(ales_plan):
    first, second = action(ales_plan, 305), action(ales_plan, 476)
    dismiss(first, second)
    merge(first, second)
    assert list(SimilarPairDecision.objects.values_list("decision", flat=True)) == ["merged"]


def test_nodes_of_two_plans_or_that_are_not_actions_are_refused(ales_plan):
    other = make_plan(make_territory())
    mine, theirs = action(ales_plan, 359), PlanNode.objects.filter(plan=other, kind="action")[0]
    objective = PlanNode.objects.get(plan=ales_plan, source_line=354)
    with pytest.raises(PairError, match="deux projets différents"):
        merge(mine, theirs)
    with pytest.raises(PairError, match="seules des actions"):
        dismiss(mine, objective)
    with pytest.raises(PairError, match="elle-même"):
        merge(mine, mine)
    assert PlanNode.objects.filter(pk=mine.pk).exists()
    assert not SimilarPairDecision.objects.exists()


def test_a_pair_whose_action_was_deleted_meanwhile_is_refused(ales_plan):
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    PlanNode.objects.filter(pk=second.pk).delete()
    with pytest.raises(PairError, match="n’existe plus"):
        merge(first, second)
    assert PlanNode.objects.filter(pk=first.pk).exists()


def test_a_draft_and_a_published_action_are_not_merged(ales_plan):
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    second.is_published = False
    second.description = "Texte interne du brouillon."
    second.save()
    with pytest.raises(PairError, match="brouillon"):
        merge(first, second)
    assert PlanNode.objects.filter(pk=second.pk).exists()
    first.refresh_from_db()
    assert "Texte interne" not in first.description


def test_merge_keeps_sub_actions_follow_up_notes_and_pilots(ales_plan):
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    editor = get_user_model().objects.create_user("editrice@example.org", "x")
    pilot = get_user_model().objects.create_user("pilote@example.org", "x")
    sub = PlanNode.objects.create(
        plan=ales_plan, territory=ales_plan.territory, parent=second, kind="action", title="Sous"
    )
    second.follow_up, second.internal_notes = "Convention signée.", "À voir en bureau."
    second.save()
    second.pilots.add(pilot)
    version = first.version

    kept = merge(first, second, editor=editor)

    sub.refresh_from_db()
    assert sub.parent_id == kept.pk
    kept.refresh_from_db()
    assert "Convention signée." in kept.follow_up
    assert "À voir en bureau." in kept.internal_notes
    assert list(kept.pilots.all()) == [pilot]
    assert kept.version == version + 1  # an edit form opened before now meets a conflict
    assert PlanNode.history.filter(id=kept.pk).first().history_user == editor


def test_an_action_under_a_draft_is_not_merged_into_a_public_one(ales_plan):
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    hidden_parent = second.parent
    hidden_parent.is_published = False
    hidden_parent.save()
    second.description = "Texte d’une partie encore interne."
    second.save()
    with pytest.raises(PairError, match="brouillon"):
        merge(first, second)
    first.refresh_from_db()
    assert "encore interne" not in first.description


def test_an_action_is_not_merged_with_its_own_sub_action(ales_plan):
    first = action(ales_plan, 359)
    sub = PlanNode.objects.create(
        plan=ales_plan, territory=ales_plan.territory, parent=first, kind="action", title="Sous"
    )
    with pytest.raises(PairError, match="sous-action"):
        merge(first, sub)


def test_what_was_shown_under_the_removed_action_is_shown_under_the_kept_one(ales_plan):
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    elsewhere = action(ales_plan, 474)
    placement = SharedPlacement.objects.create(
        plan=ales_plan, territory=ales_plan.territory, node=elsewhere, parent=second, position=1
    )
    kept = merge(first, second)
    placement.refresh_from_db()
    assert placement.parent_id == kept.pk


def test_long_titles_fit_the_history_s_reason_column(ales_plan):
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    second.title = "Une action au très long intitulé " * 10
    second.source_line = None
    second.save()
    kept = merge(first, second)
    reasons = PlanNode.history.filter(id__in=[kept.pk, second.pk]).values_list(
        "history_change_reason", flat=True
    )
    assert all(len(reason or "") <= 100 for reason in reasons)


def test_scoring_a_pair_is_bounded_by_the_title_limit(plan, settings):
    """A title stored before the limits (a multi-megabyte word) is compared by its first
    MAX_TITLE_LENGTH characters: scoring, done before the merge's write transaction,
    stays as quick as for any title."""
    from faisse.plans.similarity import action_texts

    first, second, legacy = plan.nodes.filter(kind="action")[:3]
    PlanNode.objects.filter(pk=legacy.pk).update(title="x" * 2_000_000)
    texts = action_texts(PlanNode.objects.filter(plan=plan, kind="action"))
    assert max(len(text.title) for text in texts) == settings.MAX_TITLE_LENGTH
    kept = merge(first, second)
    assert PlanNode.objects.filter(pk=kept.pk).exists()
