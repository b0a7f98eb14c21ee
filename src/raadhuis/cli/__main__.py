"""``python -m raadhuis.cli``: the same as the ``raadhuis`` command."""

from raadhuis.cli import main

main()
