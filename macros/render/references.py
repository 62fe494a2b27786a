"""How a document of data/van-ban.yaml is cited on a page, and the page listing them all."""

from ..dates import format_date
from ..handbook_model import Reference
from ..site import Site
from ..text import md_escape as m

def citation(ref: Reference) -> str:
    """"<loai> số <so> ngày <ngay> của <co_quan> về <ve>": "Quyết định số 919/QĐ-TTg ngày … của Thủ tướng Chính phủ về …" (plain text).

    A document whose date is not verified is cited by its number alone.
    """
    date = f" ngày {format_date(ref.ngay)}" if ref.ngay else ""
    return f"{ref.loai} số {ref.so}{date} của {ref.co_quan} về {ref.ve}"


def citation_md(ref: Reference) -> str:
    note = f" *(Lưu ý: {m(ref.luu_y)})*" if ref.luu_y else ""
    return f"{m(citation(ref))}.{note}"


def references_page(site: Site) -> str:
    items = "\n".join(f"{i}. {citation_md(r)}" for i, r in enumerate(site.cited_references, 1))
    return ("# Văn bản tham khảo\n\n"
            "Các văn bản được Sổ tay trích dẫn, đã đối chiếu số, ký hiệu; lưu ý về ngày ban hành (nếu có) "
            "ghi cạnh văn bản. Văn bản chưa đối chiếu được không đưa vào danh mục này.\n\n" + items + "\n")
