"""Issue 24: importing WeasyPrint reads the linker's cache once (macros/pdf/writer._one_ldconfig_read).

WeasyPrint 70 tries each library under several names; for every name cffi cannot
dlopen it asks ctypes.util.find_library, which on Linux runs `ldconfig -p`, gcc and
ld: 215 processes and about 0.6 CPU-s for each process that imports WeasyPrint.
Under writer._one_ldconfig_read the same names find the same libraries with one
`ldconfig -p`, and a missing library fails with cffi's message as before.
"""

import ctypes.util
import subprocess
import sys

import pytest

from macros.pdf import writer

# The names WeasyPrint 70 (text/ffi.py) tries, as many as a Linux build reaches, and
# names no machine has.
WEASYPRINT_NAMES = [
    "libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "libgobject-2.0.so.0",
    "libpango-1.0-0", "pango-1.0-0", "pango-1.0", "libpango-1.0.so.0",
    "libharfbuzz-0", "harfbuzz", "harfbuzz-0.0", "libharfbuzz.so.0",
    "libharfbuzz-subset-0", "harfbuzz-subset", "harfbuzz-subset-0.0", "libharfbuzz-subset.so.0",
    "libharfbuzz-vector-0", "harfbuzz-vector", "harfbuzz-vector-0.0", "libharfbuzz-vector.so.0",
    "libfontconfig-1", "fontconfig-1", "fontconfig", "libfontconfig.so.1",
    "libpangoft2-1.0-0", "pangoft2-1.0-0", "pangoft2-1.0", "libpangoft2-1.0.so.0",
    "c", "m", "kontum-absent",
]
ABSENT = ("libkontum-absent-0", "kontum-absent", "libkontum-absent.so.0")

linux_only = pytest.mark.skipif(not hasattr(ctypes.util, "_findSoname_ldconfig"),
                                reason="ctypes.util reads ldconfig on glibc Linux only")


@pytest.fixture
def spawned(monkeypatch):
    """The commands started through subprocess.Popen (ctypes.util starts ldconfig, gcc, ld so)."""
    commands = []
    real = subprocess.Popen.__init__

    def counting(self, args, *rest, **kwargs):
        commands.append(args if isinstance(args, str) else args[0])
        return real(self, args, *rest, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", counting)
    return commands


@linux_only
def test_the_same_answers_as_ctypes_from_one_read():
    find = writer._soname_finder()
    answers = {name: find(name) for name in WEASYPRINT_NAMES}
    assert answers == {name: ctypes.util._findSoname_ldconfig(name) for name in WEASYPRINT_NAMES}
    assert answers["c"] and answers["pango-1.0"] == "libpango-1.0.so.0"


@linux_only
def test_weasyprint_loads_its_libraries_with_one_process(spawned):
    if writer.unavailable_reason():
        pytest.skip("WeasyPrint cannot run here")
    from weasyprint.text import ffi as wffi  # imported above; its _dlopen is what import runs

    spawned.clear()
    with writer._one_ldconfig_read():
        libraries = [wffi._dlopen(wffi.ffi, *WEASYPRINT_NAMES[i:i + 4], allow_fail=i == 16)  # harfbuzz-vector
                     for i in range(0, 28, 4)]
        assert wffi._dlopen(wffi.ffi, *ABSENT, allow_fail=True) is None
    assert spawned == ["/sbin/ldconfig"]
    assert ctypes.util.find_library.__module__ == "ctypes.util"  # put back
    spawned.clear()
    with writer._one_ldconfig_read():  # nothing asked (Printer() after the import): nothing read
        pass
    assert spawned == []
    assert all(lib is not None for i, lib in enumerate(libraries) if i != 4)
    assert libraries[1].pango_version() > 0


@linux_only
def test_a_missing_library_fails_as_before(capsys):
    from cffi import FFI

    ffi = FFI()
    with pytest.raises(OSError) as before:
        ffi.dlopen(ABSENT[0])
    with writer._one_ldconfig_read(), pytest.raises(OSError) as after:
        ffi.dlopen(ABSENT[0])
    assert str(after.value) == str(before.value)
    assert f"did not manage to locate a library called '{ABSENT[0]}'" in str(after.value)
    assert ctypes.util.find_library.__module__ == "ctypes.util"


@linux_only
def test_the_finder_is_put_back_after_an_error():
    with pytest.raises(ZeroDivisionError), writer._one_ldconfig_read():
        assert ctypes.util.find_library.__module__ == writer.__name__
        1 / 0
    assert ctypes.util.find_library.__module__ == "ctypes.util"


def test_no_finder_replaced_off_linux(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    real = ctypes.util.find_library
    with writer._one_ldconfig_read():
        assert ctypes.util.find_library is real



def test_entered_twice_the_original_comes_back():
    """A second entry while the first is inside (another thread), the first leaving first: the
    original comes back (session 13 review: the second saved the fast finder as «original» and
    put it back for good)."""
    import ctypes.util

    from macros.pdf import writer

    original = ctypes.util.find_library
    first, second = writer._one_ldconfig_read(), writer._one_ldconfig_read()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    second.__exit__(None, None, None)
    assert ctypes.util.find_library is original
