"""The counting methods against values computed by hand (see the module's docstring)."""

from faisse.questionnaires.results import methods


def test_borda_gives_m_minus_rank_plus_one_points_and_the_mean_rank():
    # Four responses ranking A, B, C: A>B>C, B>A>C, C>A>B, B>C>A.
    ranks = {"A": {1: 1, 2: 2, 3: 1}, "B": {1: 2, 2: 1, 3: 1}, "C": {1: 1, 2: 1, 3: 2}}
    scores = methods.borda_scores(ranks, 3)
    assert scores == {"A": 8, "B": 9, "C": 7}
    assert methods.mean_ranks(ranks) == {"A": 2.0, "B": 1.75, "C": 2.25}
    places = methods.rank_by_borda(scores, methods.mean_ranks(ranks), ["A", "B", "C"])
    assert [(p.key, p.place, p.tied) for p in places] == [
        ("B", 1, False),
        ("A", 2, False),
        ("C", 3, False),
    ]


def test_borda_ties_share_their_place():
    ranks = {"A": {1: 1, 2: 1}, "B": {1: 1, 2: 1}, "C": {2: 0}}
    scores = methods.borda_scores(ranks, 2)
    assert scores == {"A": 3, "B": 3, "C": 0}
    places = methods.rank_by_borda(scores, methods.mean_ranks(ranks), ["A", "B", "C"])
    assert [(p.key, p.place, p.tied) for p in places] == [
        ("A", 1, True),
        ("B", 1, True),
        ("C", 3, False),
    ]
    assert methods.mean_ranks(ranks)["C"] is None


def test_borda_of_a_partial_ranking_counts_only_the_ranks_asked():
    # Top 2 of three options: (A, B) and (C, A).
    ranks = {"A": {1: 1, 2: 1}, "B": {2: 1}, "C": {1: 1}}
    assert methods.borda_scores(ranks, 2) == {"A": 3, "B": 1, "C": 2}


def test_majority_grade_is_the_lower_median():
    assert methods.majority_grade([2, 1, 2]) == 1  # 5 grades: the 3rd
    assert methods.majority_grade([2, 2, 0]) == 1  # 4 grades: the worse middle one
    assert methods.majority_grade([3, 1, 0]) == 0
    assert methods.majority_grade([0, 0, 0]) is None


def test_majority_judgment_breaks_ties_by_removing_majority_grades():
    # Same majority grade (Passable) for X and Y; removing it once leaves X with Rejet
    # and Y with Passable: Y is ahead. Z has Y's grades exactly: tied with Y.
    grades = {"X": [2, 1, 2], "Y": [1, 3, 1], "Z": [1, 3, 1], "W": [0, 1, 4]}
    assert list(methods.majority_value([2, 1, 2])) == [1, 2, 0, 2, 0]
    places = methods.rank_by_majority(grades, ["X", "Y", "Z", "W"])
    assert [(p.key, p.place, p.tied) for p in places] == [
        ("Y", 1, True),
        ("Z", 1, True),
        ("X", 3, False),
        ("W", 4, False),
    ]
    assert methods.majority_gauge([2, 1, 2]) == (0.4, 0.4)


def test_majority_judgment_puts_options_without_grades_last():
    places = methods.rank_by_majority({"A": [0, 0], "B": [0, 1]}, ["A", "B"])
    assert [p.key for p in places] == ["B", "A"]


def test_likert_mean_and_percentages():
    assert methods.mean_of_scale([1, 0, 1, 2]) == 3.0
    assert methods.mean_of_scale([0, 0]) is None
    assert methods.percent(2, 3) == 66.7
    assert methods.percent(1, 0) == 0.0


def test_frequent_words_counted_once_per_answer_without_accents_nor_stop_words():
    texts = ["L’eau de la rivière, l'eau !", "La Rivière et l'eau potable", "Potable ? 2024"]
    assert methods.frequent_words(texts) == [("eau", 2), ("potable", 2), ("riviere", 2)]
    assert methods.frequent_words(texts, limit=1) == [("eau", 2)]


def test_frequent_words_of_texts_with_dashes_symbols_and_other_letters():
    texts = ["Montagne — forêt 🌲", "España : forêt « vive »", "Cœur de ville ; cœur"]
    assert methods.frequent_words(texts) == [
        ("foret", 2),
        ("coeur", 1),
        ("espana", 1),
        ("montagne", 1),
        ("ville", 1),
        ("vive", 1),
    ]


def test_majority_comparison_by_runs_is_the_removal_one_by_one():
    """The fast comparison agrees with removing majority grades one at a time, on many
    random distributions (ties, empty grades, different counts)."""
    import random

    def slow(a, b):
        if a == b:
            return 0
        for grade_a, grade_b in zip(
            methods.majority_value(a), methods.majority_value(b), strict=False
        ):
            if grade_a != grade_b:
                return grade_a - grade_b
        return sum(b) - sum(a)

    def sign(value):
        return (value > 0) - (value < 0)

    rng = random.Random(2018)
    for _ in range(3000):
        size = rng.randint(1, 6)
        a = [rng.choice([0, 0, 1, 2, 3, 5, 8, 13]) for _ in range(size)]
        b = list(a) if rng.random() < 0.1 else [rng.randint(0, 9) for _ in range(size)]
        assert sign(methods.compare_majority(a, b)) == sign(slow(a, b)), (a, b)
