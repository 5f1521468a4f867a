"""Joins a language's per-feature modules into one catalog, refusing a key defined twice."""

from types import ModuleType


def merge(*parts: ModuleType) -> dict[str, str]:
    catalog: dict[str, str] = {}
    for part in parts:
        repeated = catalog.keys() & part.TEXTS.keys()
        if repeated:
            msg = f"{part.__name__} repeats keys {sorted(repeated)}"
            raise ValueError(msg)
        catalog.update(part.TEXTS)
    return catalog
