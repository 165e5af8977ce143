"""The `faisse` console script: Django's command line with Faïsse's settings preset."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faisse.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["faisse", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
