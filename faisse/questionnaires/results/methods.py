"""The counting methods of the results, as pure functions over counts (no database), so
that each is tested against values computed by hand.

- Borda (ranking questions): with `m` ranks asked, the option ranked r-th by a response
  gets m − r + 1 points, an option left unranked 0; the score is the sum over responses.
  The mean rank is taken over the responses that ranked the option.
- Majority judgment (Balinski and Laraki): each option's grades, best first; its majority
  grade is the lower median (for an even count, the worse of the two middle grades).
  Options with the same majority grade are separated by removing one majority grade from
  each and taking the majority grade again, until they differ ("majority value"); options
  whose grades are exactly the same stay tied.
- Places: competition ranking (1, 1, 3…): options tied share a place.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain


@dataclass(frozen=True)
class Place:
    key: object
    place: int  # 1 = first
    tied: bool  # shares its place with another option


def competition_places(ordered: list, same) -> list[Place]:
    """Places of keys already sorted best first; `same(a, b)` says two keys tie."""
    places = []
    for index, key in enumerate(ordered):
        place = places[-1].place if index and same(ordered[index - 1], key) else index + 1
        places.append(Place(key, place, False))
    shared = Counter(p.place for p in places)
    return [Place(p.key, p.place, shared[p.place] > 1) for p in places]


# --- Borda -------------------------------------------------------------------------


def borda_scores(rank_counts: dict[object, dict[int, int]], ranks: int) -> dict[object, int]:
    """`rank_counts[option][rank]` = responses that gave that rank (1 = first)."""
    return {
        option: sum((ranks - rank + 1) * count for rank, count in by_rank.items() if rank <= ranks)
        for option, by_rank in rank_counts.items()
    }


def mean_ranks(rank_counts: dict[object, dict[int, int]]) -> dict[object, float | None]:
    means = {}
    for option, by_rank in rank_counts.items():
        count = sum(by_rank.values())
        means[option] = sum(rank * n for rank, n in by_rank.items()) / count if count else None
    return means


def rank_by_borda(scores: dict, means: dict, order: list) -> list[Place]:
    """Best score first; equal scores are tied (the mean rank is shown, not used)."""
    position = {key: index for index, key in enumerate(order)}
    ordered = sorted(scores, key=lambda key: (-scores[key], position[key]))
    return competition_places(ordered, lambda a, b: scores[a] == scores[b])


# --- Majority judgment -------------------------------------------------------------


def majority_grade(grade_counts: list[int]) -> int | None:
    """Index (0 = best) of the lower median grade; None without any grade."""
    total = sum(grade_counts)
    if not total:
        return None
    position = total // 2 + 1  # 1-based, among grades sorted best first
    seen = 0
    for index, count in enumerate(grade_counts):
        seen += count
        if seen >= position:
            return index
    raise AssertionError("unreachable")


def majority_value(grade_counts: list[int]) -> Iterator[int]:
    """The successive majority grades as one majority grade is removed each time."""
    counts = list(grade_counts)
    while (grade := majority_grade(counts)) is not None:
        yield grade
        counts[grade] -= 1


def _run(counts: list[int], total: int) -> tuple[int, int]:
    """The majority grade and for how many removals in a row it stays the majority grade.

    After s removals of grade g (better grades: `before`), g is still the lower median
    while before < (total - s) // 2 + 1 <= before + counts[g] - s; both sides only fail
    from some s on, so the run is found by bisection rather than removal by removal."""
    grade = majority_grade(counts)
    before = sum(counts[:grade])

    def holds(s: int) -> bool:
        position = (total - s) // 2 + 1
        return before < position <= before + counts[grade] - s

    low, high = 1, counts[grade]
    while low < high:
        middle = (low + high + 1) // 2
        if holds(middle - 1):
            low = middle
        else:
            high = middle - 1
    return grade, low


def compare_majority(a: list[int], b: list[int]) -> int:
    """< 0 when `a` ranks before `b`, 0 when tied, > 0 after. Without grades, last.

    Compares the majority values (`majority_value`) run by run: as long as both have the
    same majority grade, as many of it as both can lose are removed at once, so that
    100,000 grades cost a few steps, not 100,000."""
    if a == b:
        return 0
    a, b = list(a), list(b)
    left, right = sum(a), sum(b)
    while left and right:
        (grade_a, run_a), (grade_b, run_b) = _run(a, left), _run(b, right)
        if grade_a != grade_b:
            return grade_a - grade_b  # a smaller index is a better grade
        step = min(run_a, run_b)
        a[grade_a] -= step
        b[grade_b] -= step
        left -= step
        right -= step
    return right - left  # one ran out first: the option graded more often goes first


def rank_by_majority(grades: dict[object, list[int]], order: list) -> list[Place]:
    """Options best first by majority value; identical distributions tie."""
    from functools import cmp_to_key

    position = {key: index for index, key in enumerate(order)}

    def compare(a, b) -> int:
        return compare_majority(grades[a], grades[b]) or position[a] - position[b]

    ordered = sorted(grades, key=cmp_to_key(compare))
    return competition_places(ordered, lambda a, b: compare_majority(grades[a], grades[b]) == 0)


def majority_gauge(grade_counts: list[int]) -> tuple[float, float]:
    """Shares of grades better and worse than the majority grade (shown beside it)."""
    total = sum(grade_counts)
    grade = majority_grade(grade_counts)
    if grade is None:
        return 0.0, 0.0
    return sum(grade_counts[:grade]) / total, sum(grade_counts[grade + 1 :]) / total


# --- Scores ------------------------------------------------------------------------


def rank_by_value(values: dict, order: list) -> list[Place]:
    """Highest value first (points totals), ties shared."""
    position = {key: index for index, key in enumerate(order)}
    ordered = sorted(values, key=lambda key: (-values[key], position[key]))
    return competition_places(ordered, lambda a, b: values[a] == values[b])


def mean_of_scale(distribution: list[int]) -> float | None:
    """Mean of points 1…N from the count of each point."""
    total = sum(distribution)
    if not total:
        return None
    return sum((index + 1) * count for index, count in enumerate(distribution)) / total


def percent(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


# --- Frequent words ----------------------------------------------------------------

# Words that say nothing of the subject: French function words and the most common verbs.
STOP_WORDS = frozenset(
    """
    a ai aie ainsi alors au aucun aussi autre autres aux avec avoir bien c ca car ce ceci
    cela celle celles celui ces cet cette chaque chez ci comme comment d dans de des deja
    donc dont du elle elles en encore entre est et etait etc ete etre eu faire fait faut
    il ils j je l la le les leur leurs lui m ma mais me meme mes moi moins mon n ne ni nos
    notre nous on ont ou par pas peu peut plus pour pourquoi qu quand que quel quelle
    quelles quels qui s sa sans se ses si son sont sous sur ta te tes toi ton tous tout
    toute toutes tres tu un une unes uns vers via voir vos votre vous y
    """.split()
)
SEPARATOR = "\x1e"
WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # after elisions (l', d', qu') are cut


# Accents of French folded by one str.translate (much faster than decomposing each text);
# elisions' apostrophes and punctuation become spaces.
FOLD = str.maketrans(
    {
        **dict.fromkeys("àâä", "a"),
        **dict.fromkeys("éèêë", "e"),
        **dict.fromkeys("îï", "i"),
        **dict.fromkeys("ôö", "o"),
        **dict.fromkeys("ùûü", "u"),
        "ç": "c",
        "ÿ": "y",
        "œ": "oe",
        "æ": "ae",
        "’": " ",
        "«": " ",
        "»": " ",
        "…": " ",
        **dict.fromkeys("–—“”\u00a0\u202f", " "),
        **dict.fromkeys("!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~", " "),
    }
)


def _fold(text: str) -> str:
    folded = text.lower().translate(FOLD)
    if folded.isascii():
        return folded
    # Other letters lose their accents; what has no ASCII form (dashes, symbols) goes.
    return unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()


def frequent_words(texts: Iterable[str], limit: int = 15) -> list[tuple[str, int]]:
    """The most frequent words (3 letters or more, not stop words), counted once per
    answer, accents and case folded; ties in alphabetical order."""
    # One fold of all the texts together (C speed), split again on a separator that texts
    # cannot hold (control characters are refused on the way in).
    folded = _fold(SEPARATOR.join(text.replace(SEPARATOR, " ") for text in texts))
    counter = Counter(chain.from_iterable(set(text.split()) for text in folded.split(SEPARATOR)))
    kept = (
        (word, count)
        for word, count in counter.items()
        if len(word) >= 3 and WORD.fullmatch(word) and word not in STOP_WORDS and not word.isdigit()
    )
    return sorted(kept, key=lambda item: (-item[1], item[0]))[:limit]
