"""Joins a language's per-feature modules into one catalog, refusing a key defined twice."""

from collections.abc import Mapping
from types import ModuleType

# A text, or its plural forms by CLDR category ({"one": …, "other": …}), chosen by `count`.
Entry = str | Mapping[str, str]


def merge(*parts: ModuleType) -> dict[str, Entry]:
    catalog: dict[str, Entry] = {}
    for part in parts:
        repeated = catalog.keys() & part.TEXTS.keys()
        if repeated:
            msg = f"{part.__name__} repeats keys {sorted(repeated)}"
            raise ValueError(msg)
        catalog.update(part.TEXTS)
    return catalog
