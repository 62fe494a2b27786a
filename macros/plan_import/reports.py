"""Who reports to whom by when, as an imported document writes it: the checklist's lines for the report
(bao_cao › nguoi_gui, noi_nhan, han; bao_cao › bao_cao_tiep for a report sent on to a higher body).

The import writes every section as written (no structured `bao_cao`); what it reads here is said in the editor's
checklist, in the document's own words. The sender is given only when the words name it: the subject the
sentence opens with («Ban Công tác Mặt trận các khu phố chủ động …; báo cáo kết quả về …», «Đề nghị các Ban, Văn
phòng báo cáo …»), never a body guessed from elsewhere; a report whose sentence names none is listed as such."""

import re

from .blocks import excerpt

# «báo cáo (kết quả (thực hiện)) (gửi) (về) <to> trước ngày <date>», optionally after «tổng hợp,»
_REPORT = re.compile(r"(?P<verb>(?:tổng hợp,?\s+)?báo cáo(?:\s+kết quả(?:\s+thực hiện)?)?)\s+(?:gửi\s+)?(?:về\s+)?"
                     r"(?P<to>[^;]+?)\s+trước\s+ngày\s+(?P<by>\d{1,2}/\d{1,2}(?:/\d{4})?)", re.IGNORECASE)
# A sentence opening with a body: its name ends where its first verb starts.
_BODY_START = re.compile(r"^(?:Đề nghị\s+|Giao\s+)?(?P<who>(?:các\s+)?(?:Ban|Văn phòng|Ủy ban|Uỷ ban|Hội|Đoàn|[Đđ]ồng chí|Đ/c|"
                         r"BTT|UBMTTQ|UBND|HĐND|Sở|Phòng|Chi hội|Tổ)\b.*?)"
                         r"(?=\s*:|\s+(?:chủ động|phối hợp|tổng hợp|báo cáo|triển khai|tổ chức|có trách nhiệm|thực hiện|chỉ đạo|"
                         r"hướng dẫn|căn cứ|xây dựng|tuyên truyền|phụ trách|theo dõi|kiểm tra|giám sát|lựa chọn|gửi|nắm)\b)")


def _title_body(text: str) -> str:
    """An item's title that is a body's name alone («Ban Thường trực Ủy ban MTTQ Việt Nam xã», «Văn phòng:»), the
    subject of the lines under it; "" for any other title."""
    text = " ".join(text.split()).rstrip(" :.")
    if _BODY_START.match(text + " báo cáo") and not _BODY_START.match(text):
        return text
    return ""


def section_texts(blocks: list, plain, title: str = "") -> list[tuple[str, str]]:
    """(text, the title of the item it stands under when that title is a body's name alone) of each paragraph and
    item of a section's blocks (`plain`: a block's text), tables left out."""
    out = []
    for b in blocks:
        if isinstance(b, (str, list)):
            out.append((plain(b), title))
        elif "bang" in b or "ghi_chu" in b:
            continue
        else:
            text = plain(b.get("van_ban", ""))
            out.append((text, title))
            out += section_texts(b.get("doan", []), plain, _title_body(text) or title)
    return out


def report_lines(where: str, texts: list[tuple[str, str]]) -> list[str]:
    """The checklist's lines for each report a text of the section writes (`where`: how the checklist names the
    section; `texts`: section_texts)."""
    out = []
    for text, title in texts:
        text = " ".join(text.split())
        previous = None
        for m in _REPORT.finditer(text):
            to, by = m.group("to").strip(" ,"), m.group("by")
            # «Báo cáo kết quả tổ chức Hội thi cấp huyện về Hội Nông dân tỉnh»: what is reported comes first, the
            # receiver after its «về» (review r19s defect 9)
            to = re.split(r"\s(?:gửi\s+)?về\s+", to)[-1]
            words = text[m.start():m.end()]
            # «… về <A> trước ngày D1 để tổng hợp, báo cáo <B> trước ngày D2»: the receiver of the first report
            # (A) sends the onward one, as the words say with «để»
            if previous is not None and re.fullmatch(r"\s*để\s*", text[previous.end():m.start()]):
                sender = re.sub(r"\s*\([^)]*\)$", "", previous.group("to").strip(" ,"))  # «(qua Văn phòng)»: the way, not who
                out.append(f"{where} ghi báo cáo tiếp lên cấp trên: «{words}»: người gửi như văn bản viết là nơi nhận "
                           f"báo cáo trước đó, «{sender}»; nơi nhận «{to}»; hạn «trước ngày {by}» (khi ghi mục dạng có "
                           "cấu trúc: bao_cao › bao_cao_tiep › ben_gui, noi_nhan, han, loi_van): kiểm tra")
            else:
                opening = _BODY_START.match(text)
                who = opening.group("who").strip(" ,") if opening and opening.end() <= m.start() else ""
                if not who and title and not opening:  # a line under «1. Ban Thường trực …»: that title's body
                    who = title
                if who:
                    out.append(f"{where} ghi báo cáo «{excerpt(words, 160)}»: người gửi như văn bản viết «{who}», nơi "
                               f"nhận «{to}», hạn «trước ngày {by}» (khi ghi mục dạng có cấu trúc: bao_cao › noi_nhan, "
                               "han; ben_gui: đúng chữ đó; nguoi_gui: don_vi khi người gửi là các đơn vị, ban khi là các ban được "
                               "giao): kiểm tra")
                else:
                    out.append(f"{where} ghi báo cáo «{excerpt(words, 160)}» nhưng câu không viết ai gửi: khi ghi mục "
                               "dạng có cấu trúc, để trống bao_cao › ben_gui và nguoi_gui (website không nói ai gửi báo cáo), "
                               "không tự điền")
            previous = m
    return out
