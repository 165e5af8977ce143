"""Give each objective of a slide table to its orientation.

A slide laid out as a table (orientations in the left column, their objectives in the
right one) comes out of OCR as all orientation titles, then all objectives in order,
without saying where one orientation's objectives end. The split is recovered by:

1. evidence: a summary page that lists objectives under "Orientation X.Y :" pins the
   objectives it names (matched by their words) to that orientation;
2. meaning: each objective (its title, and more faintly its actions) is compared with
   each orientation title by TF-IDF weighted cosine on French stems;
3. order: objectives keep their order, each orientation takes a non-empty run of them;
   the best-scoring split is found by dynamic programming.
"""

import math
from collections import Counter

from faisse.core.french import stems
from faisse.plans.importer.outline import ParsedNode
from faisse.plans.themes import themes_of

PIN_BONUS = 100.0
PIN_THRESHOLD = 0.6  # share of a summary item's stems found in the objective title
ACTION_WEIGHT = 0.3  # how much the actions of an objective count beside its title


def _bag(text: str) -> Counter:
    """Stems of a text, and the themes they touch."""
    words = stems(text)
    return Counter(words + themes_of(words))


def _objective_bag(objective: ParsedNode) -> Counter:
    bag = _bag(objective.title)
    for node in objective.walk():
        if node is not objective:
            for word, count in _bag(node.title).items():
                bag[word] += ACTION_WEIGHT * count
    return bag


def _cosine(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    dot = sum(a[w] * b[w] * idf[w] ** 2 for w in a.keys() & b.keys())
    if not dot:
        return 0.0
    norm_a = math.sqrt(sum((v * idf[w]) ** 2 for w, v in a.items()))
    norm_b = math.sqrt(sum((v * idf[w]) ** 2 for w, v in b.items()))
    return dot / (norm_a * norm_b)


def _containment(item: str, title: str) -> float:
    item_stems = set(stems(item))
    return len(item_stems & set(stems(title))) / len(item_stems) if item_stems else 0.0


def pins(objectives: list[ParsedNode], evidence: dict[str, list[str]], numbers: list[str]):
    """{objective index: orientation index} from summary items that name an objective."""
    pinned = {}
    for j, number in enumerate(numbers):
        for item in evidence.get(number, []):
            scores = [_containment(item, objective.title) for objective in objectives]
            best = max(range(len(objectives)), key=scores.__getitem__, default=None)
            if best is not None and scores[best] >= PIN_THRESHOLD:
                pinned[best] = j
    return pinned


def score_matrix(orientations: list[ParsedNode], objectives: list[ParsedNode]):
    bags_o = [_bag(o.title) for o in orientations]
    bags_b = [_objective_bag(b) for b in objectives]
    documents = bags_o + bags_b
    frequency = Counter(word for bag in documents for word in bag)
    idf = {w: math.log((1 + len(documents)) / (1 + n)) + 1 for w, n in frequency.items()}
    return [[_cosine(bag, o, idf) for o in bags_o] for bag in bags_b]


def assign(
    orientations: list[ParsedNode],
    objectives: list[ParsedNode],
    evidence: dict[str, list[str]] | None = None,
) -> list[int]:
    """The orientation index of each objective, in order, each orientation non-empty."""
    n, m = len(orientations), len(objectives)
    if n == 0:
        return []
    if n == 1 or m <= n:
        return [min(i, n - 1) for i in range(m)]
    scores = score_matrix(orientations, objectives)
    for i, j in pins(objectives, evidence or {}, [o.number for o in orientations]).items():
        scores[i][j] += PIN_BONUS
    # best[i][j]: best total for objectives 0..i with objective i under orientation j.
    best = [[-math.inf] * n for _ in range(m)]
    came_from = [[0] * n for _ in range(m)]
    best[0][0] = scores[0][0]
    for i in range(1, m):
        for j in range(min(i + 1, n)):
            stay = best[i - 1][j]
            step = best[i - 1][j - 1] if j else -math.inf
            came_from[i][j] = j if stay >= step else j - 1
            best[i][j] = scores[i][j] + max(stay, step)
    path = [n - 1]
    for i in range(m - 1, 0, -1):
        path.append(came_from[i][path[-1]])
    return list(reversed(path))
