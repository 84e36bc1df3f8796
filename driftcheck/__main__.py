"""`python -m driftcheck` runs the command-line interface."""

from .cli import main

main()
