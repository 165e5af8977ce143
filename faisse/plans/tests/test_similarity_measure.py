"""Precision and recall of the ranking on the Alès plan, against a ground truth read by hand.

The figures asserted here are those measured when the ranking was written (see
docs/cross-cutting-actions.md): a change that lowers them must say why.
"""

import json
from pathlib import Path

import pytest

from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import PlanNode
from faisse.plans.similarity import DEFAULT_MIN_SCORE, similar_pairs
from faisse.territories.testing import make_territory

GROUND_TRUTH = Path(__file__).resolve().parents[1] / "data" / "similar-actions-ground-truth.json"


@pytest.fixture(scope="module")
def truth():
    data = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    return {
        "positives": {frozenset(p["lines"]): p["kind"] for p in data["pairs"]},
        "related": {frozenset(p["lines"]) for p in data["related"]},
    }


@pytest.fixture
def ranked(db, ales_parsed):
    """Pairs of the Alès plan, all scores, as sets of source lines, best first."""
    plan = save_plan(ales_parsed, make_territory("Alès Agglomération"), PlanDetails())
    pairs = similar_pairs(plan, min_score=0)
    return [
        (frozenset((p.first.source_line, p.second.source_line)), p.score, p.match.verbatim)
        for p in pairs
    ]


def test_the_ground_truth_names_actions_of_the_source(db, ales_parsed, truth):
    plan = save_plan(ales_parsed, make_territory(), PlanDetails())
    actions = set(
        PlanNode.objects.filter(plan=plan, kind="action").values_list("source_line", flat=True)
    )
    named = set().union(*truth["positives"], *truth["related"])
    assert named <= actions
    assert not truth["related"] & truth["positives"].keys()
    assert set(truth["positives"].values()) == {"verbatim", "same idea"}


def test_precision_and_recall_at_the_default_threshold(ranked, truth):
    proposed = [pair for pair, score, _ in ranked if score >= DEFAULT_MIN_SCORE]
    found = [pair for pair in proposed if pair in truth["positives"]]
    related = [pair for pair in proposed if pair in truth["related"]]
    precision = len(found) / len(proposed)
    recall = len(found) / len(truth["positives"])
    # Measured: 29 pairs proposed, 10 true (11 more related): P 0.34, R 1.00.
    assert recall >= 1.0
    assert precision >= 0.34
    assert (len(found) + len(related)) / len(proposed) >= 0.72
    assert len(proposed) <= 30  # a list an editor reads in a few minutes


def test_precision_at_k(ranked, truth):
    def precision_at(k):
        return sum(pair in truth["positives"] for pair, _, _ in ranked[:k]) / k

    # Measured: P@3 = P@5 = 1.0, P@10 = 0.7, P@20 = 0.45.
    assert precision_at(3) == 1.0
    assert precision_at(5) == 1.0
    assert precision_at(10) >= 0.7
    assert precision_at(20) >= 0.45


def test_average_precision_and_verbatim_marks(ranked, truth):
    ranks = sorted(i for i, (pair, _, _) in enumerate(ranked, 1) if pair in truth["positives"])
    average_precision = sum(n / rank for n, rank in enumerate(ranks, 1)) / len(ranks)
    # Measured: 0.84 (ranks 1, 2, 3, 4, 5, 6, 10, 11, 14, 28).
    assert average_precision >= 0.84
    verbatim = {pair for pair, kind in truth["positives"].items() if kind == "verbatim"}
    assert {pair for pair, _, marked in ranked if marked} == verbatim
