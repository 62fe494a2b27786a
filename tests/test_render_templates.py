"""The render functions write their HTML and Markdown through templates (issue 22, item 3),
tested in-process on the plan's model: text from data arrives escaped in every page that
shows it, and a unit page takes its results section as a parameter (no splice into the
finished page at «Xem thêm:»)."""

from dataclasses import replace

import pytest

from macros.loader import load_site
from macros.render import assignments, home, toolkit, units
from macros.render.progress import unit_section
from macros.results.load import results_of
from tests.sitebuild import ROOT

SITE = load_site(ROOT)
# Markdown and HTML in a name from data: shown as typed, never read as markup.
NAME = "Ban *Một* <i>hai</i> & [ba](x)"


@pytest.fixture(scope="module")
def odd() -> object:
    """The plan with the first department and the first unit so named."""
    org = SITE.org.model_copy(update={"ban": [SITE.org.ban[0].model_copy(update={"ten": NAME}), *SITE.org.ban[1:]]})
    first = SITE.units_file.don_vi[0].model_copy(update={"ten": "Ia *H* <b>x</b>"})
    units_file = SITE.units_file.model_copy(update={"don_vi": [first, *SITE.units_file.don_vi[1:]]})
    return replace(SITE, org=org, units_file=units_file)


def _code_of_first_department(site) -> str:
    return next(a.don_vi[0] for a in site.assignments if a.ban == site.departments[0].ma)


def test_names_from_data_reach_markdown_pages_escaped(odd):
    pages = {"home": home.home_page(odd), "assignments": assignments.assignments_page(odd),
             "unit": units.unit_page(odd, _code_of_first_department(odd)), "units": units.units_index(odd)}
    for name, text in pages.items():
        assert "<i>" not in text and "<b>" not in text, name
        assert "&lt;i&gt;" in text or "&lt;b&gt;" in text, name
        if name != "units":  # an HTML table (its <option>s and cells are not Markdown)
            assert "*Một*" not in text and "*H*" not in text, name  # would be read as emphasis
    # Markdown punctuation is backslash-escaped (text.md_escape, the templates' md filter).
    assert r"Ban \*Một\* &lt;i&gt;hai&lt;/i&gt; &amp; \[ba\](x)" in pages["unit"]
    assert r"Ia \*H\* &lt;b&gt;x&lt;/b&gt;" in pages["home"]


@pytest.mark.parametrize("slug", [f.slug for f in toolkit.FORMS])
def test_names_from_data_reach_the_forms_escaped(odd, slug):
    html = toolkit.form_page(odd, slug)
    assert "<i>" not in html and "<b>" not in html
    assert "Ban *Một* &lt;i&gt;hai&lt;/i&gt; &amp; [ba](x)" in html or "Ia *H* &lt;b&gt;x&lt;/b&gt;" in html


def test_a_unit_page_takes_its_results_section_before_see_also():
    code = SITE.units[0].ma
    section = unit_section(SITE, results_of(SITE), code)
    page = units.unit_page(SITE, code, section)
    head, see_also = page.split("\nXem thêm:", 1)
    assert head.endswith("\n\n" + section) and "Kết quả thực hiện" in section
    assert "Kết quả thực hiện" not in units.unit_page(SITE, code)


def test_only_a_template_s_output_goes_in_unescaped():
    page = units.unit_page(SITE, SITE.units[0].ma, "<p>not from a template</p>")
    assert "&lt;p&gt;not from a template&lt;/p&gt;" in page and "<p>not from" not in page


@pytest.mark.parametrize("slug", [f.slug for f in toolkit.FORMS])
def test_a_form_is_one_line_of_html_after_its_note(slug):
    """The forms' templates are written over lines but joined (templating.JOINED): a line
    break inside the sheet would end Markdown's raw HTML block and break the form."""
    note, sheet = toolkit.form_page(SITE, slug).split("\n\n")
    assert "\n" not in note and sheet.startswith(f'<div class="tk-sheet tk-{slug}">') and sheet.endswith("</div>\n")
    assert "\n" not in sheet.rstrip("\n") and "  <" not in sheet and ">  " not in sheet


def test_joined_templates_have_no_space_at_a_line_end():
    """In a joined template a line's trailing space is output (only the break and the
    next line's indentation vanish): a space that must stay is written {{ " " }}."""
    from macros.templating import JOINED, TEMPLATES

    joined = [p for p in TEMPLATES.rglob("*.*") if p.read_text(encoding="utf-8").startswith(JOINED)]
    assert len(joined) >= len(toolkit.FORMS) + 2
    for path in joined:
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            assert line == line.rstrip(), f"{path.name}:{n}"
