"""A build with nothing changed reuses what it made before (issue 24, item 2): in-process
checks on small inputs that an output whose inputs did not change is read from its cache,
and that the bytes are those of a build from an empty cache."""

from macros.offline import icons, package


def test_app_icons_are_drawn_once(tmp_path, monkeypatch):
    app = package.AppInfo(name="Kế hoạch mẫu", short_name="Kế hoạch", description="Mẫu", theme_color="#b71c1c")
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    package.write_app_files(cold, app, package.ZipCache(tmp_path / "cache"))

    def drawn_again(*args, **kwargs):
        raise AssertionError("icon drawn again although icons.py, Pillow and the colour are unchanged")

    monkeypatch.setattr(icons, "icon_png", drawn_again)
    package.write_app_files(warm, app, package.ZipCache(tmp_path / "cache"))
    for name, _size, _purpose in icons.ICONS:
        assert (warm / package.ICON_DIR / name).read_bytes() == (cold / package.ICON_DIR / name).read_bytes()
    monkeypatch.undo()
    fresh = icons.icons(app.theme_color)
    assert {n: (warm / package.ICON_DIR / n).read_bytes() for n in fresh} == fresh
