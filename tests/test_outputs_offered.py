"""Issue 24: the files a page offers (Outputs.offered_on) are looked up, not found by scanning
every output of the plan for each page: every page of a plan of 3,321 units asked, and each
question went through all ~17,000 outputs twice (7.7 s of a 27 s `serve --dirty` save,
cProfile). Counted here on the real plan: the outputs are gone through once, however many
pages ask."""

import dataclasses

from macros import outputs as registry
from macros.loader import load_website
from tests.sitebuild import ROOT


class _Counted(tuple):
    """A tuple that counts how often it is gone through."""

    passes = 0

    def __iter__(self):
        type(self).passes += 1
        return super().__iter__()


def test_every_page_asks_what_it_offers_in_one_pass_over_the_outputs():
    site = load_website(ROOT).plans[0]
    made = registry.outputs(site)
    expected = {o.path: [f.path for f in made.files if f.page == o.path] for o in made.pages}
    counted = dataclasses.replace(made, all=_Counted(made.all))
    _Counted.passes = 0
    got = {o.path: [f.path for f in counted.offered_on(o.path)] for o in made.pages}
    assert got == expected and any(got.values())
    assert _Counted.passes <= 1, _Counted.passes
    assert [f.path for f in counted.offered_on(made.pages[0].path, "pdf")] == \
        [p for p in expected[made.pages[0].path] if p.endswith(".pdf")]
