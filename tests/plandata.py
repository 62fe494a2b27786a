"""Where a data file of the published plan lives, for tests that change one."""

from pathlib import Path

PLAN_FOLDER = "ke-hoach-2023"
# Files of a plan folder (macros/loader.py PLAN_FILES and PLAN_FOLDERS); the
# others (website.yaml, thuat-ngu.yaml, van-ban.yaml) sit in data/ itself.
_IN_PLAN = ("ke-hoach.yaml", "don-vi.yaml", "co-quan.yaml", "bo-cong-cu.yaml", "so-tay/", "thay-doi-hanh-chinh.yaml")


def data_file(root: Path, name: str) -> Path:
    """"ke-hoach.yaml" -> <root>/data/ke-hoach-2023/ke-hoach.yaml; "thuat-ngu.yaml" -> <root>/data/thuat-ngu.yaml."""
    if name.startswith(_IN_PLAN):
        return Path(root) / "data" / PLAN_FOLDER / name
    return Path(root) / "data" / name
