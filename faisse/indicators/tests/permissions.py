"""The indicators' rows of the permission matrix (faisse/tests/test_permission_matrix.py),
also documented in docs/indicators.md.

Editors and administrators define indicators, their targets and links. Values are
entered by editors, by the indicator's own pilots and by the pilots of an action linked
to it; the matrix's pilot pilots the first action, so they enter the values of the
indicator linked to it and of the one they lead, and of no other (403). An unpublished
indicator is seen by members who read drafts; the others get 404.
"""

from django.urls import reverse

from faisse.indicators.testing import make_indicator
from faisse.tests.matrix import ACTORS, EDITORS, PUBLIC, only

NOT_FOUND = dict.fromkeys(ACTORS, 404)
DRAFT = NOT_FOUND | {"elected": 200, "pilot": 200, "editor": 200, "admin": 200}
VALUE_WRITERS = only({"pilot": 200, "editor": 200, "admin": 200})
VALUE_WRITERS_POST = only({"pilot": 302, "editor": 302, "admin": 302})

ROWS = {
    "indicators_public:list": ("get", PUBLIC),
    "indicators_public:detail": ("get", PUBLIC),
    "indicators_public:detail (unpublished)": ("get", DRAFT),
    "indicators:list": ("get", EDITORS),
    "indicators:create": ("get", EDITORS),
    "indicators:edit": ("get", EDITORS),
    "indicators:delete (the question asked first)": ("post", EDITORS),
    "indicators:links": ("get", EDITORS),
    "indicators:values (linked to the pilot's action)": ("get", VALUE_WRITERS),
    "indicators:values (led by the pilot)": ("get", VALUE_WRITERS),
    "indicators:values (another indicator)": ("get", EDITORS),
    "indicators:value_add (linked to the pilot's action)": ("post", VALUE_WRITERS_POST),
    "indicators:value_add (led by the pilot)": ("post", VALUE_WRITERS_POST),
    "indicators:value_add (another indicator)": ("post", only({"editor": 302, "admin": 302})),
    "indicators:value_delete (the question asked first)": ("post", VALUE_WRITERS),
}


def prepare(world: dict) -> None:
    territory, plan = world["territory"], world["plan"]
    pilot = world["people"]["pilot"]
    targets = {2020: 120, 2025: 200}
    world["indicator"] = make_indicator(
        territory,
        plan=plan,
        baseline=(2019, 100),
        targets=targets,
        values={2022: 140},
        nodes=[world["actions"][0]],
    )
    world["indicator_led"] = make_indicator(territory, plan=plan, targets=targets, pilots=[pilot])
    world["indicator_other"] = make_indicator(
        territory, plan=plan, targets=targets, nodes=[world["actions"][1]]
    )
    world["indicator_draft"] = make_indicator(territory, plan=plan, is_published=False)


def request(name: str, world: dict) -> tuple[str, dict]:
    slug = world["territory"].slug
    base = name.split(" ")[0]
    indicator = world["indicator"]
    if "(led by the pilot)" in name:
        indicator = world["indicator_led"]
    elif "(another indicator)" in name:
        indicator = world["indicator_other"]
    elif "(unpublished)" in name:
        indicator = world["indicator_draft"]
    if base in ("indicators_public:list", "indicators:list", "indicators:create"):
        return reverse(base, args=[slug]), {}
    if base == "indicators:value_delete":
        value = indicator.values.get()
        return reverse(base, args=[slug, indicator.pk, value.pk]), {}
    data = {}
    if base == "indicators:value_add":
        data = {"on": "2023-12-31", "value": "150,5", "replace": "on"}
    return reverse(base, args=[slug, indicator.pk]), data
