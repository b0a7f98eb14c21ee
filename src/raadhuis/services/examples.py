"""The seed examples shipped with the product, loaded on request or on first start."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from raadhuis.services.register import ImportResult, import_dataset, list_organisations
from raadhuis.store.database import Store

# Order matters only for readability of the changesets: Losser first, the richest case.
EXAMPLE_FILES = ("losser.yaml", "den-haag.yaml", "jaarverslag-2024.yaml", "wol.yaml")


def example_paths() -> list[Path]:
    folder = Path(str(resources.files("raadhuis").joinpath("examples")))
    found = [folder / name for name in EXAMPLE_FILES if (folder / name).exists()]
    extra = sorted(p for p in folder.glob("*.yaml") if p.name not in EXAMPLE_FILES)
    return found + extra


def load_examples(store: Store, who: str | None = None) -> list[ImportResult]:
    return [
        import_dataset(store, path, who=who, reason=f"voorbeeld {path.stem} (uit de meegeleverde brondocumenten)")
        for path in example_paths()
    ]


def load_examples_if_empty(store: Store) -> list[Path]:
    """On first start the register is empty: load the examples so a newcomer sees a real
    organisation at once."""
    if list_organisations(store):
        return []
    results = load_examples(store, who="raadhuis (voorbeelden)")
    return [Path(r.file) for r in results]
