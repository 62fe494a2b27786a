"""The search worker as served (issue 13): the shim carries the scripts it
would otherwise fetch one after another. Built site: tests/test_weight.py
checks that opening search fetches nothing else."""

import pytest

from macros import searchworker
from macros.searchworker import Part

WORKER = "assets/javascripts/workers/search.a7633da7.min.js"


def test_parts_run_in_the_order_the_shim_needs():
    assert searchworker.part_paths(WORKER, ["vi"]) == [
        "assets/javascripts/vi-fold.js", WORKER,
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.vi.min.js"]
    # English needs no language script; two languages need lunr.multi
    assert searchworker.part_paths(WORKER, ["en"]) == ["assets/javascripts/vi-fold.js", WORKER]
    assert searchworker.part_paths(WORKER, ["vi", "en"])[-1].endswith("lunr.multi.min.js")


def test_material_worker_is_found_by_its_hashed_name():
    assert searchworker.material_worker(["a.js", WORKER, WORKER + ".map"]) == WORKER
    with pytest.raises(ValueError, match="thấy 0"):
        searchworker.material_worker(["assets/javascripts/bundle.js"])


def test_each_part_keeps_its_strict_mode_and_this():
    code = searchworker.bundle("(function () { })()", [
        Part(WORKER, '"use strict";(()=>{self.lunr=1})();\n//# sourceMappingURL=search.a7633da7.min.js.map\n'),
        Part("assets/javascripts/lunr/min/lunr.vi.min.js", "!function(e){e.lunr.vi=2}(this) // ends in a comment"),
    ])
    lines = code.split("\n")
    # "use strict" opens the function body (a directive), the shim's "})()" is not called with it
    start = lines.index(';(function () {')
    assert lines[start + 1].startswith('"use strict";')
    assert "sourceMappingURL" not in code
    # a part that ends in a line comment does not swallow its closing line
    assert lines[lines.index("!function(e){e.lunr.vi=2}(this) // ends in a comment") + 1] == "}).call(self);"
    assert lines[-2] == 'self.__viBundled = ["search.a7633da7.min.js", "../lunr/min/lunr.vi.min.js"];'
    assert searchworker.is_bundled(code) and not searchworker.is_bundled("(function () { })()")

