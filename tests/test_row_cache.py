"""Issue 24: macros/adapters/row_cache.py on its own (the serve build is in tests/test_serve_dirty.py):
a long list's rows are found, kept and put back exactly; what does not split as expected is
converted whole."""

import markdown as md

from macros.adapters import row_cache

HEAD = '# Danh sách\n\n<div markdown>\n<table markdown>\n<thead><tr><th>Tên</th></tr></thead>\n<tbody markdown>\n'
TAIL = '\n</tbody>\n</table>\n</div>\n'


def page(names) -> str:
    return HEAD + "\n".join(f'<tr data-x="{n}" markdown><td markdown>[{n}]({n}.md)</td></tr>' for n in names) + TAIL


def convert(text: str) -> str:
    return md.markdown(text, extensions=["md_in_html", "tables"])


def build(text: str, tables: dict) -> str:
    pending: dict = {}
    given = row_cache.markdown_to_convert(text, "ds.md", ("x",), tables, pending)
    return row_cache.after_content(convert(given), "ds.md", tables, pending, convert)


def test_rows_kept_and_put_back_as_converting_the_whole_page():
    names = [f"Xã {i}" for i in range(8)]
    tables: dict = {}
    assert build(page(names), tables) == convert(page(names))
    assert tables["ds.md"].converted == 8
    names[3], names[6] = "Xã Mới", "Xã Khác"
    names.append("Xã Thêm")
    assert build(page(names), tables) == convert(page(names))
    assert tables["ds.md"].converted == 3
    assert build(page(names), tables) == convert(page(names))
    assert tables["ds.md"].converted == 1  # nothing new: one row given to Markdown all the same


def test_a_page_without_one_run_of_rows_is_converted_whole():
    assert row_cache.split_rows("# A\n\n- một\n- hai\n") is None
    two = page(["a", "b", "c", "d", "e"]) + "\n" + page(["f", "g", "h", "i", "j"])
    assert row_cache.split_rows(two) is None  # two lists of rows: neither is kept
    tables: dict = {}
    assert build(two, tables) == convert(two)


def test_rows_that_do_not_come_out_as_rows_are_converted_whole():
    names = [f"Xã {i}" for i in range(6)]
    tables: dict = {}
    build(page(names), tables)
    names[2] = "Xã Mới"
    pending: dict = {}
    given = row_cache.markdown_to_convert(page(names), "ds.md", ("x",), tables, pending)
    assert given != page(names)
    # what Markdown made does not split (no body of rows): the page is converted whole instead
    out = row_cache.after_content("<p>khác</p>", "ds.md", tables, pending, convert)
    assert out == convert(page(names))
