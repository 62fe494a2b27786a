"""The name a phone shows under the installed site's icon (manifest short_name): the plans'
year only when every plan has that year (review r19p: a site of a 2015 and a 2024 plan
was installed as «Kế hoạch 2015»)."""

from macros.offline.manifest import app_short_name


def test_one_year_is_named_and_several_or_none_are_not():
    assert app_short_name([2023]) == "Kế hoạch 2023"
    assert app_short_name([2026, 2026]) == "Kế hoạch 2026"
    assert app_short_name([2015, 2024, 2015]) == "Kế hoạch"
    assert app_short_name([None]) == "Kế hoạch"
    assert app_short_name([2024, None]) == "Kế hoạch"
    assert app_short_name(y for y in [2015]) == "Kế hoạch 2015"  # any iterable
