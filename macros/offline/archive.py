"""A deterministic ZIP: sorted entries, fixed timestamps and permissions, so two
builds of the same content give the same bytes."""

import zipfile
import zlib
from pathlib import Path

# ZIP stores local time without a zone; 1980-01-01 is its earliest date.
DEFAULT_DATE = (1980, 1, 1, 0, 0, 0)


def write_zip(dest: Path, files: dict[str, Path], date_time: tuple = DEFAULT_DATE, top: str = "",
              stop_above: int | None = None) -> int | None:
    """files: name inside the ZIP -> file on disk. Returns the ZIP's size.
    `top`: a folder every entry is put in, so unpacking makes one folder (named like
    the ZIP) instead of scattering the site's files where the reader unpacks it.
    `stop_above`: once the entries written pass this many bytes the ZIP can only be
    larger: stop, remove it and return None (its size: zip_size of the entries' sizes)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    prefix = top.strip("/") + "/" if top.strip("/") else ""
    with zipfile.ZipFile(dest, "w") as archive:
        for name in sorted(files):
            add(archive, prefix + name, files[name].read_bytes(), date_time)
            if stop_above is not None and archive.fp.tell() > stop_above:
                break
        else:
            stop_above = None
    if stop_above is not None:
        dest.unlink()
        return None
    return dest.stat().st_size


# Sizes of what every entry adds besides its compressed data (zipfile, no zip64, no extra
# field, no comment, no data descriptor: a seekable file and entries below 4 GB).
_LOCAL_HEADER = 30
_CENTRAL_HEADER = 46
_END_RECORD = 22
_SMALL = 0xFFFFFFFF // 2  # well below where zipfile switches to zip64 fields


def zip_size(compressed: dict[str, int]) -> int | None:
    """The size of the ZIP write_zip would write with these entries (full name inside
    the ZIP -> compressed size, as add() compresses it), without writing it; None where
    zip64 fields could come in (then write it to know)."""
    total = _END_RECORD
    for name, size in compressed.items():
        n = len(name.encode("utf-8"))
        total += _LOCAL_HEADER + _CENTRAL_HEADER + 2 * n + size
    return total if total < _SMALL and len(compressed) < 0xFFFF else None


def deflated_size(data: bytes) -> int:
    """How many bytes add() stores for `data` (raw deflate at level 9, zipfile's own settings)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return len(packer.compress(data)) + len(packer.flush())


def add(archive: zipfile.ZipFile, name: str, data: bytes, date_time: tuple = DEFAULT_DATE) -> None:
    """One entry, as every entry of our ZIPs is written (fixed time and permissions)."""
    info = zipfile.ZipInfo(name, date_time=date_time)
    info.create_system = 3  # Unix, whatever machine builds it
    info.external_attr = 0o100644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data, compresslevel=9)


def zip_date(epoch: int | None) -> tuple:
    """The ZIP timestamp for SOURCE_DATE_EPOCH (UTC), or 1980-01-01."""
    if epoch is None:
        return DEFAULT_DATE
    import time

    t = time.gmtime(max(epoch, 315532800))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec - t.tm_sec % 2)
