"""A deterministic ZIP: sorted entries, fixed timestamps and permissions, so two
builds of the same content give the same bytes."""

import zipfile
from pathlib import Path

# ZIP stores local time without a zone; 1980-01-01 is its earliest date.
DEFAULT_DATE = (1980, 1, 1, 0, 0, 0)


def write_zip(dest: Path, files: dict[str, Path], date_time: tuple = DEFAULT_DATE, top: str = "") -> int:
    """files: name inside the ZIP -> file on disk. Returns the ZIP's size.
    `top`: a folder every entry is put in, so unpacking makes one folder (named like
    the ZIP) instead of scattering the site's files where the reader unpacks it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    prefix = top.strip("/") + "/" if top.strip("/") else ""
    with zipfile.ZipFile(dest, "w") as archive:
        for name in sorted(files):
            add(archive, prefix + name, files[name].read_bytes(), date_time)
    return dest.stat().st_size


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
