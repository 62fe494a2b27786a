"""Every page (and every file) the build writes has its own address.

Two pages with one address means one silently replaces the other: a unit whose
name slugs like another's ("Đăk Glei" and "Đăk-Glei"), a chapter saved as
data/so-tay/index.yaml (the handbook index) or as the references page. The
check is a pure function over the list of outputs and where each comes from,
so it does not depend on how the pages are generated.
"""

from dataclasses import dataclass

from .errors import DataError


@dataclass(frozen=True)
class Origin:
    """One output of the build and the data that makes it."""

    path: str  # Markdown source path ("don-vi/huyen-sa-thay.md") or output file ("pdf/x.pdf")
    file: str  # the file an editor changes: "data/don-vi.yaml", "docs/so-tay/index.md"
    line: int = 0
    column: int = 0
    field: str = ""  # "don_vi › mục 8 › ten"
    what: str = ""  # "Huyện Sa Thầy"

    def where(self) -> str:
        at = f"{self.file}:{self.line}" if self.line else self.file
        return at + (f" («{self.field}»{', ' + self.what if self.what else ''})" if self.field else
                     (f" ({self.what})" if self.what else ""))


def address(path: str) -> str:
    """The address a source path is served at, case-folded: "so-tay/index.md" and
    "so-tay.md" are both "/so-tay/" (MkDocs' directory URLs); "pdf/a.pdf" stays."""
    if not path.endswith(".md"):
        return "/" + path.lower()
    stem = path[: -len(".md")].lower()
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return "/" + stem + "/"


def written(path: str) -> str:
    """The file an output writes, case-folded: a page "x.md" writes "x/index.html",
    "index.md" and "x/index.md" write "index.html" and "x/index.html"; a file is itself.
    Two outputs clash when they write one file, whatever their kinds."""
    folded = path.lower()
    if not folded.endswith(".md"):
        return folded
    stem = address(path).strip("/")
    return f"{stem}/index.html" if stem else "index.html"


def collisions(outputs: list[Origin]) -> list[DataError]:
    """An error for each output that writes a file another output already writes, or
    writes into a folder the build fills itself (an origin whose path ends with "/",
    listed first; only docs/ may add to it), positioned at the later one, naming both."""
    errors, seen, folders = [], {}, []
    for out in outputs:
        if out.path.endswith("/"):  # a folder the build fills itself (the theme's assets/)
            folders.append(out)
            continue
        file = written(out.path)
        first = seen.setdefault(file, out)
        if first is out:
            # Only what docs/ copies as is may go into such a folder.
            first = next((f for f in folders if file.startswith(f.path.lower())
                          and out.file != f"docs/{out.path}"), None)
            if first is None:
                continue
        key = address(out.path)
        errors.append(DataError(
            out.file, out.line, out.column, out.field,
            f"Hai trang cùng một địa chỉ «{key}» (tệp «{written(out.path)}»): {first.where()} và {out.where()}. "
            "Một trang sẽ ghi đè trang kia.",
            hint="đổi tên (hoặc tên tệp) để mỗi trang có địa chỉ riêng; địa chỉ được tạo từ tên, "
                 "bỏ dấu và dấu câu, nên «Hòa Bình» và «Hoà-Binh» là một."))
    return errors


def across(groups: list[list[Origin]]) -> list[DataError]:
    """Like collisions, over several plans: only clashes between outputs of two
    different groups (each group's own clashes are reported with the group)."""
    errors, seen = [], {}
    for number, outputs in enumerate(groups):
        mine = {}
        for out in outputs:
            key = written(out.path)
            mine.setdefault(key, out)
            first = seen.get(key)
            if first is None or first[0] == number:
                continue
            errors.append(DataError(
                out.file, out.line, out.column, out.field,
                f"Hai kế hoạch có trang cùng một địa chỉ «{address(out.path)}»: {first[1].where()} và {out.where()}. "
                "Trang của kế hoạch sau sẽ ghi đè trang của kế hoạch trước.",
                hint="đổi «duong_dan» của kế hoạch trong data/website.yaml để mỗi kế hoạch có tiền tố địa chỉ "
                     "riêng, không trùng tên một trang (như «so-tay/», «don-vi/»)."))
        for key, out in mine.items():
            seen.setdefault(key, (number, out))
    return errors
