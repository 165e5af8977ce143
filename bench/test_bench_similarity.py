"""Ranking the pairs of similar actions of the whole Alès plan (117 actions, 6,786 pairs)."""

from pathlib import Path

import pytest

import faisse
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import PlanNode
from faisse.plans.similarity import action_texts, rank, similar_pairs
from faisse.plans.tree import PlanTree
from faisse.territories.testing import make_territory

SOURCE = Path(faisse.__file__).parent / "plans" / "data" / "projet-de-territoire-ales-2018.txt"


@pytest.fixture
def ales_plan(db):
    return save_plan(parse_path(SOURCE), make_territory("Alès Agglomération"), PlanDetails())


def test_rank_every_pair_of_the_alès_plan(benchmark, ales_plan):
    """The ranking alone, in memory: every pair that shares a word is scored."""
    actions = action_texts(PlanNode.objects.filter(plan=ales_plan, kind="action"))
    assert len(actions) == 117
    matches = benchmark(rank, actions)
    assert matches[0].verbatim
    assert benchmark.stats.stats.max < 1.0


def test_similar_pairs_from_the_database(benchmark, ales_plan):
    """What the editor page and the command do: load the tree, the decisions, rank."""
    pairs = benchmark(similar_pairs, ales_plan)
    assert len(pairs) >= 10
    assert benchmark.stats.stats.max < 1.0


def test_rank_a_plan_ten_times_larger(benchmark, ales_plan):
    """1,170 actions (683,865 pairs): every Alès title ten times, a worst case, since each
    word is shared by ten times more actions and each action has nine verbatim repeats."""
    titles = [
        node.title for node in PlanTree.load(ales_plan).by_id.values() if node.kind == "action"
    ]
    actions = action_texts(
        PlanNode(pk=copy * 1000 + i, title=title, parent_id=copy)
        for copy in range(10)
        for i, title in enumerate(titles)
    )
    benchmark.pedantic(rank, args=(actions,), kwargs={"min_score": 0.35}, rounds=3)
