"""Builders of territories for tests and benchmarks (real rows, no mocks)."""

from itertools import count

from faisse.territories.models import Commune, Territory

_serial = count(1)


def make_territory(name: str = "", *, communes: int = 3) -> Territory:
    n = next(_serial)
    name = name or f"Communauté de test {n}"
    territory = Territory.objects.create(
        name=name, slug=f"territoire-{n}", siren=f"{200000000 + n:09d}", kind=Territory.Kind.CC
    )
    Commune.objects.bulk_create(
        Commune(
            territory=territory, insee=f"{99000 + i:05d}", name=f"Commune {i}", population=100 * i
        )
        for i in range(1, communes + 1)
    )
    return territory
