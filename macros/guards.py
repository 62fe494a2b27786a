"""The last guard: an exception that is not a DataErrors is a bug in the program,
not a mistake of the editor. It still must not end in a traceback: it becomes a
short Vietnamese "lỗi nội bộ" message naming the file being read, and the check
and the build stop with a non-zero exit status."""

from contextlib import contextmanager

from .errors import DataErrors

# Exit status of the check and the build on an internal error (1 = bad data).
INTERNAL_EXIT = 2


class InternalError(Exception):
    """An unexpected exception while reading `file` (the path an editor sees)."""

    def __init__(self, file: str, cause: BaseException, others=()):
        super().__init__(file, cause)
        self.file = file
        self.cause = cause
        self.others = list(others)  # data errors found elsewhere (another plan): said with it, not hidden

    def __str__(self) -> str:
        text = internal_message(self.file, self.cause)
        return f"{text}\n\n{DataErrors(self.others)}" if self.others else text


def cause_detail(cause: BaseException) -> str:
    """The exception's name and text for the technician, at most 200 characters."""
    detail = f"{type(cause).__name__}: {cause}"
    return detail[:200] + "…" if len(detail) > 200 else detail


def _internal(what: str, cause: BaseException, fix: str) -> str:
    detail = cause_detail(cause)
    return (f"Lỗi nội bộ khi {what} ({detail}).\n"
            "    Đây là lỗi của chương trình, không phải của người biên tập: website chưa được tạo, "
            "bản tốt gần nhất giữ nguyên.\n"
            f"    Cách sửa: {fix}")


def internal_message(file: str, cause: BaseException) -> str:
    return _internal(f"đọc {file}", cause, "thử hoàn tác thay đổi gần nhất trong tệp này, và báo cho "
                     "người phụ trách kỹ thuật kèm tên tệp và dòng trên.")


@contextmanager
def reading(file: str):
    """Turn any exception other than DataErrors raised inside into InternalError(file)."""
    try:
        yield
    except (DataErrors, InternalError):
        raise
    except RecursionError as exc:  # before Exception: it is one
        raise InternalError(file, exc) from exc
    except Exception as exc:  # noqa: BLE001 - the point of a last guard
        raise InternalError(file, exc) from exc


def internal_build_message(step: str, cause: BaseException) -> str:
    """A bug met while the website is made (after the data were read and checked)."""
    return _internal(step, cause, "báo cho người phụ trách kỹ thuật kèm các dòng trên; chạy lại với "
                     "KONTUM_VERBOSE=1 để xem chi tiết.")
