"""Cross-cutting actions: pairs of actions of a plan that say the same thing.

A projet de territoire repeats itself: an action written under one axis comes back under
another, word for word ("Susciter la création de formations…") or in other words
("Développer le mécénat" / "Mobiliser de ressources supplémentaires par le développement
du mécénat"). This module ranks every pair of actions of a plan with a score in [0, 1],
so that an editor can merge the real repeats into one action shown in both places.

Each pair gets two measures:

* **wording**, to find word-for-word repeats: `difflib.SequenceMatcher` (Python's standard
  library) aligns the two titles as sequences of accent-folded words, stop words kept,
  and counts the words found in the same order. The measure is the mean of the Dice ratio
  (2 × matched / both lengths) and of the share of the shorter title found in the longer,
  so that a repeat cut short ("… médiathèques et bibliothèques" without "de
  l'agglomération (carte unique…)") is still a repeat.
* **meaning**, to find the same idea in other words: each title becomes a bag of Snowball
  stems (`snowballstemmer`, through `faisse.core.french`: accents folded, elisions and
  French stop words removed), a few synonyms that planning documents use interchangeably
  counting as one word, weighted by TF-IDF over the plan's actions — a word most actions
  use ("développer", "mettre en place") counts little, a rare one ("mécénat") a lot. The
  measure is the mean of the cosine of the two vectors and of their weighted containment
  (the share of the lighter vector found in the other): a short action often restates
  part of a longer one.

The score of a word-for-word repeat (wording at or above `VERBATIM`) is the larger of
its two measures, so repeats come first; any other pair scores its meaning. Two actions
under the same parent were written side by side on purpose: their meaning counts for
`SAME_PARENT_FACTOR` of itself. Method and measured precision and
recall on the Alès plan: docs/cross-cutting-actions.md.

Choices, measured on the Alès plan (see the document above):
- the planning themes of `faisse.plans.themes` and pairs of adjacent stems were tried as
  extra features and left out: they lowered the average precision of the ranking;
- no third-party similarity library: TF-IDF over a few hundred short titles is a few lines
  of arithmetic, and the standard library ranks the Alès plan (117 actions, 6,786 pairs)
  in a few tens of milliseconds. scikit-learn's `TfidfVectorizer` computes the same vectors
  but brings scipy; `rapidfuzz` would make the wording measure faster and tolerant of OCR
  damage inside words (which the importer repairs already). Either becomes worth it for
  plans of thousands of actions.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import cast

from django.conf import settings

from faisse.core.french import fold, stem, words
from faisse.plans.models import Plan, PlanNode, SimilarPairDecision
from faisse.plans.tree import PlanTree, TreeEntry

# A pair whose wording reaches this is a word-for-word repeat: it ranks above the others.
VERBATIM = 0.85
# Pairs below this score are not proposed (editor page, command without --min-score).
DEFAULT_MIN_SCORE = 0.35
# Actions under the same parent were meant to be distinct: their meaning counts less.
SAME_PARENT_FACTOR = 0.85
# Below this cosine two titles cannot be a word-for-word repeat, so their wording (the
# slowest measure) is not computed and counts as 0.
_WORDING_MIN_COSINE = 0.4

# Verbs and nouns every action uses to say what it does: a quarter of a word each.
GENERIC_WORDS = """
    développer développement créer création favoriser soutenir soutien promouvoir
    promotion mettre mise place œuvre améliorer amélioration accompagner accompagnement
    renforcer poursuivre poursuite aider aide organiser assurer inciter incitation valoriser
    valorisation encourager faciliter maintenir étendre susciter contribuer permettre
    engager intensifier conforter territoire agglomération communautaire
"""
GENERIC_WEIGHT = 0.25
# Words French planning documents use for the same thing: each group counts as one word.
SYNONYMS = (
    "manifestation manifestations événement événements festival festivals",
    "réhabilitation réhabiliter rénovation rénover",
    "logement logements habitat",
    "vélo vélos cyclable cyclables cycliste",
    "santé soins",
)

_TOKEN = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True)
class ActionText:
    """What the ranking needs of an action: no database, so that it can be tested alone."""

    id: int
    title: str
    parent_id: int | None = None


@dataclass(frozen=True)
class Match:
    """A candidate pair; `first_id` comes first in the list of actions given to `rank`."""

    first_id: int
    second_id: int
    score: float
    wording: float
    meaning: float
    same_parent: bool
    shared_words: tuple[str, ...] = ()

    @property
    def verbatim(self) -> bool:
        return self.wording >= VERBATIM

    @property
    def key(self) -> frozenset[int]:
        return frozenset((self.first_id, self.second_id))


def _synonym_stems() -> dict[str, str]:
    canonical = {}
    for group in SYNONYMS:
        stems = [stem(w) for w in group.split()]
        canonical.update((s, stems[0]) for s in stems)
    return canonical


_CANONICAL = _synonym_stems()
_GENERIC = frozenset(_CANONICAL.get(stem(w), stem(w)) for w in GENERIC_WORDS.split())


@dataclass
class _Profile:
    tokens: list[str]  # folded words, stop words kept: for the wording
    surface: dict[str, str]  # stem → first word that gave it: to show as evidence
    weights: dict[str, float]  # stem → TF-IDF weight
    norm: float = 0.0
    total: float = 0.0


def _profile(title: str) -> tuple[_Profile, Counter]:
    surface: dict[str, str] = {}
    counts: Counter = Counter()
    for word in words(title):
        if len(word) < 2:
            continue
        s = stem(word)
        s = _CANONICAL.get(s, s)
        counts[s] += 1
        surface.setdefault(s, word)
    return _Profile(tokens=_TOKEN.findall(fold(title)), surface=surface, weights={}), counts


def _profiles(titles: Sequence[str]) -> list[_Profile]:
    """Weighed profiles of titles; IDF smoothed as scikit-learn computes it."""
    built = [_profile(title) for title in titles]
    frequency: Counter = Counter()
    for _, counts in built:
        frequency.update(counts.keys())
    n = len(built)
    idf = {s: math.log((1 + n) / (1 + df)) + 1 for s, df in frequency.items()}
    result = []
    for profile, counts in built:
        profile.weights = {
            s: count * idf[s] * (GENERIC_WEIGHT if s in _GENERIC else 1)
            for s, count in counts.items()
        }
        profile.norm = math.sqrt(sum(w * w for w in profile.weights.values()))
        profile.total = sum(profile.weights.values())
        result.append(profile)
    return result


def wording(first: Sequence[str], second: Sequence[str]) -> float:
    """Word-for-word likeness of two word lists, in [0, 1] (see the module docstring)."""
    if not first or not second:
        return 0.0
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    dice = 2 * matched / (len(first) + len(second))
    return (dice + matched / min(len(first), len(second))) / 2


def _shared(a: _Profile, b: _Profile) -> tuple[str, ...]:
    """The words two titles share, the most telling first; synonyms as "santé ~ soins"."""
    shared = a.weights.keys() & b.weights.keys()
    ordered = sorted(shared, key=lambda s: (s in _GENERIC, -a.weights[s], s))
    found = []
    for s in ordered:
        first, second = a.surface[s], b.surface[s]
        found.append(first if stem(first) == stem(second) else f"{first} ~ {second}")
    return tuple(found)


def rank(
    actions: Sequence[ActionText],
    *,
    min_score: float = 0.0,
    skip: Iterable[frozenset[int]] = (),
) -> list[Match]:
    """The pairs of `actions` that share a word and score at least `min_score`, best first.

    `skip` holds pairs (frozensets of two ids) an editor already decided about. Ties keep
    the order of `actions`, which should be the plan's order.
    """
    skipped = set(skip)
    built = _profiles([action.title for action in actions])
    # Only pairs that share a stem can score: accumulate their dot product and overlap
    # from each stem's list of actions instead of comparing all n² pairs.
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, profile in enumerate(built):
        for s, weight in profile.weights.items():
            postings[s].append((index, weight))
    dot: dict[tuple[int, int], float] = defaultdict(float)
    overlap: dict[tuple[int, int], float] = defaultdict(float)
    for posting in postings.values():
        for k, (i, wi) in enumerate(posting):
            for j, wj in posting[k + 1 :]:
                dot[i, j] += wi * wj
                overlap[i, j] += min(wi, wj)
    matches: list[tuple[tuple[int, int], Match]] = []
    for (i, j), product in dot.items():
        a, b = actions[i], actions[j]
        if frozenset((a.id, b.id)) in skipped:
            continue
        match = _match(a, b, built[i], built[j], product, overlap[i, j], min_score)
        if match is not None:
            matches.append(((i, j), match))
    matches.sort(key=lambda found: (-found[1].score, found[0]))
    return [match for _place, match in matches]


def score_pair(actions: Sequence[ActionText], first_id: int, second_id: int) -> Match:
    """The match of two of `actions`, weighed against all of them as `rank` does."""
    built = _profiles([action.title for action in actions])
    index = {action.id: i for i, action in enumerate(actions)}
    i, j = sorted((index[first_id], index[second_id]))
    pa, pb = built[i], built[j]
    shared = pa.weights.keys() & pb.weights.keys()
    product = sum(pa.weights[s] * pb.weights[s] for s in shared)
    overlap = sum(min(pa.weights[s], pb.weights[s]) for s in shared)
    return cast(Match, _match(actions[i], actions[j], pa, pb, product, overlap))  # min 0


def _match(
    a: ActionText,
    b: ActionText,
    pa: _Profile,
    pb: _Profile,
    product: float,
    overlap: float,
    min_score: float = 0.0,
) -> Match | None:
    """The match of two profiled actions, or None if it scores below `min_score`."""
    if not pa.norm or not pb.norm:
        cosine = containment = 0.0
    else:
        cosine = product / (pa.norm * pb.norm)
        containment = overlap / min(pa.total, pb.total)
    meaning = min((cosine + containment) / 2, 1.0)
    same_parent = a.parent_id is not None and a.parent_id == b.parent_id
    said = 0.0
    if cosine >= _WORDING_MIN_COSINE:
        said = wording(pa.tokens, pb.tokens)
    if said >= VERBATIM:
        score = max(said, meaning)
    else:
        score = meaning * (SAME_PARENT_FACTOR if same_parent else 1)
    score = round(min(score, 1.0), 4)
    if score < min_score:
        return None
    return Match(
        first_id=a.id,
        second_id=b.id,
        score=score,
        wording=round(said, 4),
        meaning=round(meaning, 4),
        same_parent=same_parent,
        shared_words=_shared(pa, pb),
    )


# The plan in the database


@dataclass(frozen=True)
class SimilarPair:
    """A candidate pair of actions of a plan, the first one first in plan order."""

    first: PlanNode
    second: PlanNode
    match: Match
    first_place: tuple[PlanNode, ...]  # ancestors of the first, from its axis down
    second_place: tuple[PlanNode, ...]

    @property
    def score(self) -> float:
        return self.match.score


def plan_actions(tree: PlanTree) -> list[PlanNode]:
    """The actions of a plan in plan order, each once at its home place: an action shown in
    two places (a merged pair) is one action, never paired with itself."""
    found: list[PlanNode] = []

    def visit(entries: list[TreeEntry]) -> None:
        for entry in entries:
            if entry.shared:  # shown here too, with what it contains: seen at home
                continue
            if entry.node.kind == PlanNode.Kind.ACTION:
                found.append(entry.node)
            visit(entry.children)

    visit(tree.roots)
    return found


def action_texts(actions: Iterable[PlanNode]) -> list[ActionText]:
    """The titles compared, each cut at MAX_TITLE_LENGTH: a title stored before the limit
    existed (the probe's multi-megabyte word took 6 s to score) costs no more than any."""
    limit = settings.MAX_TITLE_LENGTH
    return [ActionText(node.pk, node.title[:limit], node.parent_id) for node in actions]


def decided_pairs(plan: Plan) -> set[frozenset[int]]:
    """Pairs an editor merged or dismissed (one query)."""
    rows = SimilarPairDecision.objects.filter(plan=plan).values_list("first_id", "second_id")
    return {frozenset(row) for row in rows}


def similar_pairs(
    plan: Plan,
    *,
    tree: PlanTree | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int | None = None,
) -> list[SimilarPair]:
    """The candidate pairs of a plan, best first, without those already decided.

    Three queries whatever the size of the plan: nodes and shared placements (unless the
    tree is given), and decisions.
    """
    tree = tree or PlanTree.load(plan, drafts=True)
    actions = plan_actions(tree)
    skip = decided_pairs(plan)
    matches = rank(action_texts(actions), min_score=min_score, skip=skip)
    if limit is not None:
        matches = matches[:limit]
    return [
        SimilarPair(
            first=tree.by_id[match.first_id],
            second=tree.by_id[match.second_id],
            match=match,
            first_place=tuple(tree.ancestors(tree.by_id[match.first_id])),
            second_place=tuple(tree.ancestors(tree.by_id[match.second_id])),
        )
        for match in matches
    ]
