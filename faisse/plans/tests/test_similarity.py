"""Ranking pairs of actions that say the same thing: French text, then the real Alès plan."""

import time

import pytest

from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import PlanNode, SharedPlacement, SimilarPairDecision
from faisse.plans.similarity import (
    DEFAULT_MIN_SCORE,
    VERBATIM,
    ActionText,
    plan_actions,
    rank,
    score_pair,
    similar_pairs,
)
from faisse.plans.tree import PlanTree
from faisse.territories.testing import make_territory

VERBATIM_LINES = [{279, 470}, {361, 513}, {369, 511}]
MECENAT, VOIES_VERTES = {359, 515}, {313, 420}


def texts(*titles, parents=None):
    parents = parents or [None] * len(titles)
    return [
        ActionText(i, title, parent)
        for i, (title, parent) in enumerate(zip(titles, parents, strict=True))
    ]


def pair_score(first, second, *others):
    """The score of the pair (first, second), weighed among a few other titles."""
    return score_pair(texts(first, second, *others), 0, 1).score


OTHERS = (
    "Créer une maison de santé",
    "Développer les transports à la demande",
    "Soutenir les associations sportives",
    "Organiser des salons régionaux",
)


# French text, on invented titles


def test_accents_case_and_elisions_do_not_matter():
    score = pair_score(
        "Développer l’économie sociale et solidaire à Alès",
        "DEVELOPPER L'ECONOMIE SOCIALE ET SOLIDAIRE A ALES",
        *OTHERS,
    )
    assert score == 1.0


def test_stems_match_inflected_words_and_stop_words_are_ignored():
    plural = pair_score("Créer des pistes cyclables", "Créer une piste cyclable", *OTHERS)
    unrelated = pair_score("Créer des pistes cyclables", "Créer une fromagerie", *OTHERS)
    assert plural >= 0.8
    assert unrelated < DEFAULT_MIN_SCORE


def test_a_verb_every_action_uses_is_not_enough():
    score = pair_score("Développer le mécénat", "Développer la lecture publique", *OTHERS)
    assert score < DEFAULT_MIN_SCORE


def test_a_short_action_restating_part_of_a_longer_one_scores_high():
    score = pair_score(
        "Développer le mécénat",
        "Mobiliser de ressources supplémentaires par le développement du mécénat",
        *OTHERS,
    )
    assert score >= 0.6


def test_synonyms_of_planning_documents_meet():
    score = pair_score(
        "Promouvoir les manifestations culturelles",
        "Promouvoir les grands événements culturels",
        *OTHERS,
    )
    housing = pair_score("Réhabiliter les logements anciens", "Rénover l’habitat ancien", *OTHERS)
    assert score >= 0.6 and housing >= 0.6
    evidence = score_pair(texts("Soutenir les manifestations", "Aider les événements"), 0, 1)
    assert evidence.shared_words == ("manifestations ~ événements",)


def test_a_word_for_word_repeat_outranks_the_same_idea_and_is_marked():
    actions = texts(
        "Développer la lecture publique par la mise en réseau des médiathèques de l’agglomération",
        "Développer le mécénat",
        "Mobiliser des ressources par le mécénat",
        "Développer la lecture publique par la mise en réseau des médiathèques",
        *OTHERS,
    )
    matches = rank(actions, min_score=0.3)
    assert matches[0].key == {0, 3} and matches[0].verbatim
    assert matches[0].wording >= VERBATIM
    assert matches[1].key == {1, 2} and not matches[1].verbatim
    assert "mécénat" in matches[1].shared_words


def test_pairs_under_the_same_parent_are_noted_and_weigh_less():
    titles = ("Créer des pistes cyclables", "Aménager des pistes cyclables sûres", *OTHERS)
    apart = score_pair(texts(*titles, parents=[1, 2, 3, 3, 3, 3]), 0, 1)
    together = score_pair(texts(*titles, parents=[1, 1, 3, 3, 3, 3]), 0, 1)
    assert together.same_parent and not apart.same_parent
    assert together.score < apart.score


def test_scores_are_between_0_and_1_best_first_and_decided_pairs_are_skipped():
    actions = texts("Créer des pistes cyclables", "Créer une piste cyclable", *OTHERS)
    matches = rank(actions)
    assert all(0 <= m.score <= 1 for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert {0, 1} not in [m.key for m in rank(actions, skip=[frozenset((1, 0))])]


def test_empty_titles_and_a_single_action_give_no_pair():
    assert rank(texts("", "Développer")) == []
    assert rank(texts("Développer le mécénat")) == []


# The real Alès plan


@pytest.fixture
def ales_plan(db, ales_parsed):
    return save_plan(ales_parsed, make_territory("Alès Agglomération"), PlanDetails())


def lines(pair):
    return {pair.first.source_line, pair.second.source_line}


def test_the_word_for_word_repeats_of_the_source_come_first(ales_plan):
    pairs = similar_pairs(ales_plan)
    assert [lines(p) for p in pairs[:3]] == VERBATIM_LINES
    assert all(p.match.verbatim for p in pairs[:3])
    assert not any(p.match.verbatim for p in pairs[3:])


def test_the_same_idea_in_other_words_ranks_in_the_top_six(ales_plan):
    top = [lines(p) for p in similar_pairs(ales_plan, limit=6)]
    assert MECENAT in top and VOIES_VERTES in top


def test_the_first_of_each_pair_comes_first_in_plan_order_with_its_place(ales_plan):
    order = {node.pk: i for i, node in enumerate(plan_actions(PlanTree.load(ales_plan)))}
    pairs = similar_pairs(ales_plan)
    assert len(order) == 117
    assert all(order[p.first.pk] < order[p.second.pk] for p in pairs)
    first = pairs[0]
    assert [node.kind for node in first.first_place] == ["axis", "orientation", "objective"]
    assert first.second_place[0].number == "3"


def test_decided_pairs_are_not_proposed_again(ales_plan):
    pairs = similar_pairs(ales_plan)
    for pair, decision in zip(pairs[:2], ("merged", "dismissed"), strict=True):
        SimilarPairDecision.objects.create(
            plan=ales_plan,
            territory=ales_plan.territory,
            first_id=pair.second.pk,  # either order
            second_id=pair.first.pk,
            decision=decision,
        )
    remaining = [lines(p) for p in similar_pairs(ales_plan)]
    assert VERBATIM_LINES[0] not in remaining and VERBATIM_LINES[1] not in remaining
    assert VERBATIM_LINES[2] == remaining[0]


def test_an_action_shown_in_two_places_is_not_paired_with_itself(ales_plan):
    action = PlanNode.objects.get(plan=ales_plan, source_line=515)
    elsewhere = PlanNode.objects.get(plan=ales_plan, source_line=354)  # an objective of axis 2
    SharedPlacement.objects.create(
        plan=ales_plan, territory=ales_plan.territory, node=action, parent=elsewhere
    )
    pairs = similar_pairs(ales_plan, min_score=0)
    assert all(p.first.pk != p.second.pk for p in pairs)
    assert len(plan_actions(PlanTree.load(ales_plan))) == 117


def test_the_whole_alès_plan_is_ranked_well_under_a_second(ales_plan):
    actions = [
        ActionText(n.pk, n.title, n.parent_id)
        for n in PlanNode.objects.filter(plan=ales_plan, kind="action")
    ]
    rank(actions)  # stems cached, as in a running server
    start = time.perf_counter()
    matches = rank(actions, min_score=0)
    assert time.perf_counter() - start < 0.5
    assert len(actions) * (len(actions) - 1) // 2 == 6786
    assert len(matches) > 1000  # every pair sharing a word was scored
