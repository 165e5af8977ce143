"""Files over the import limits are refused in little memory; the largest plan allowed
still renders. Peak memory is the whole `faisse import_plan` process's (its maximum
resident set, as /usr/bin/time -v reports it), Python and Django included.

    pytest bench/test_bench_limits.py --benchmark-enable -s
"""

import os
import subprocess
import sys

import pytest

from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

MARKDOWN_HEAD = "# Projet\n\n## Axe 1 : Un axe\n\n### Orientation 1.1 : O\n\n#### Objectif\n\n"
FILES = {
    # 50 MB, over the 5 MB size limit: refused before being read.
    "50 MB file": lambda path: path.open("wb").truncate(50 << 20),
    # 5 MB of Markdown list items (1.3 million actions): refused at the 5,001st element.
    "5 MB Markdown, 1.3 M items": lambda path: path.write_text(MARKDOWN_HEAD + "- x\n" * 1_290_000),
    # 5 MB of plain text bullets: refused at the line limit.
    "5 MB text, 1.3 M bullets": lambda path: path.write_text(
        "Projet\n\nAxe 1 : Un axe\n\nObjectif\n" + "- x\n" * 1_290_000
    ),
    # 3,000 nested list levels: refused at the first level too deep.
    "3,000 nested levels": lambda path: path.write_text(
        MARKDOWN_HEAD + "".join(" " * level + "- x\n" for level in range(3000))
    ),
}


# The command in a child process that reports its own peak resident memory when it ends
# (VmHWM: getrusage's ru_maxrss would keep the parent's peak across exec).
CHILD = """
import re, sys
from faisse.cli import main
sys.argv = ["faisse", "import_plan", sys.argv[1], "--territory", "x"]
try:
    main()
except SystemExit:
    pass
finally:
    status = open("/proc/self/status").read()
    print("peak", int(re.search(r"VmHWM:\\s+(\\d+)", status)[1]) // 1024, file=sys.stderr)
"""
SETUP = """
from faisse.territories.models import Territory
Territory.objects.get_or_create(slug="x", defaults={"name": "X"})
"""


def peak_of_import(path, data_dir) -> tuple[int, str]:
    """Import the file in a child process; its peak memory in MB and its error output."""
    env = {**os.environ, "FAISSE_DATA_DIR": str(data_dir)}
    subprocess.run([sys.executable, "-m", "faisse", "migrate", "-v0"], env=env, check=True)
    subprocess.run([sys.executable, "-m", "faisse", "shell", "-c", SETUP], env=env, check=True)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], env=env, capture_output=True, text=True
    )
    peak_line = [line for line in result.stderr.splitlines() if line.startswith("peak ")][-1]
    return int(peak_line.split()[1]), result.stderr.replace(peak_line, "").strip()


@pytest.mark.parametrize("name", FILES)
def test_peak_memory_of_a_refused_import(tmp_path, name, benchmark):
    path = tmp_path / ("plan.md" if "Markdown" in name or "nested" in name else "plan.txt")
    FILES[name](path)
    peak, error = benchmark.pedantic(peak_of_import, args=(path, tmp_path), rounds=1)
    benchmark.extra_info["peak_mb"] = peak
    assert "CommandError" in error  # refused, not imported
    print(f"\n{name}: {path.stat().st_size / 1e6:.1f} MB, peak {peak} MB — {error.strip()[:160]}")
    assert peak < 100


def test_plan_page_at_the_element_limit(benchmark, client, db):
    territory = make_territory()
    # 5 axes, 25 orientations, 250 objectives, 4,500 actions: 4,780 elements, near the limit.
    make_plan(territory, axes=5, orientations=5, objectives=10, actions=18)
    response = benchmark(client.get, f"/{territory.slug}/plan/")
    assert response.status_code == 200
    benchmark.extra_info["html_mb"] = round(len(response.content) / 1e6, 2)
