"""PyYAML with libyaml (its C loader and dumper) for test helpers that only need the data: the same
data as yaml.safe_load, the same text as yaml.safe_dump, about 10 times faster (issue 22: ~15 CPU-s
of pure-Python PyYAML in a suite run). The loader is the product's own (macros/yamlsrc.SAFE_LOADER).
Without libyaml, the pure-Python classes (the same results, slower)."""

import yaml

from macros.yamlsrc import SAFE_LOADER as LOADER
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def safe_load(text: str):
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader (CSafeLoader or SafeLoader)


def safe_dump(data, **options) -> str:
    return yaml.dump(data, Dumper=DUMPER, **options)
