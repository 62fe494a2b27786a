"""What the plan is about, in its own words, for the documents the website compiles from it
(the compiled report, the conference forms): its trích yếu as written (van_ban › trich_yeu).

The trích yếu is cut only at pieces the data names itself, never reworded: the campaign's
name in quotes (cuoc_van_dong › ten), after which the trích yếu's own words up to its year
(van_ban › nam) are left off, as a sentence that names the place or the year by itself does.
A plan without a campaign, or whose trích yếu does not hold the campaign's name, is named by
its trích yếu whole: nothing of another plan's subject is ever added.
"""

from ..site import Site

# The quotes a document may put around the campaign's name, tried in turn; the name bare last.
_QUOTES = (("“", "”"), ("«", "»"), ('"', '"'), ("", ""))


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def whole(site: Site) -> str:
    """The trích yếu as written ("" when the document has none)."""
    return (site.plan.van_ban.trich_yeu or "").strip()


def _split(site: Site) -> tuple[str, str, str] | None:
    """(the words before the campaign's name, the name with its quotes, the words after) of the
    trích yếu; None when there is no campaign or the trích yếu does not hold its name."""
    text, campaign = whole(site), site.plan.cuoc_van_dong
    if campaign is None or not campaign.ten.strip():
        return None
    for left, right in _QUOTES:
        name = f"{left}{campaign.ten.strip()}{right}"
        at = text.find(name)
        if at >= 0:
            return text[:at].rstrip(), name, text[at + len(name):]
    return None


def _year(site: Site, after: str) -> str:
    """" năm <year>" when the trích yếu's words after the campaign's name give the plan's year."""
    year = site.plan.van_ban.nam
    return f" năm {year}" if year and f"năm {year}" in after else ""


def with_campaign(site: Site) -> str:
    """"Tuyên truyền, vận động thực hiện Cuộc vận động “…”": the trích yếu to the campaign's
    name; the whole trích yếu when it does not hold it."""
    parts = _split(site)
    return " ".join(p for p in parts[:2] if p) if parts else whole(site)


def dated(site: Site, name: bool = True, area: str = "") -> str:
    """"Tuyên truyền, vận động thực hiện Cuộc vận động “…” năm <year>": the trích yếu to the
    campaign's name (`name`), or to the campaign's short name before it (name=False: «… Cuộc
    vận động», when the short name ends those words), then `area` (the sentence's own, e.g.
    " trên địa bàn tỉnh"), then the plan's year if the trích yếu gives it. The whole trích
    yếu when it does not hold the campaign's name."""
    parts = _split(site)
    if parts is None:
        return whole(site)
    before, quoted, after = parts
    if name or not before.endswith(site.plan.cuoc_van_dong.ten_ngan.strip()):
        head = " ".join(p for p in (before, quoted) if p)
    else:
        head = before
    return f"{head}{area}{_year(site, after)}"


def results_of(phrase: str) -> str:
    """"Kết quả tổ chức " + the phrase lower-cased at its start; a phrase that already starts
    with «Tổ chức» (a Ngày hội's plan) is not given the words twice."""
    rest = lower_first(phrase)
    return f"Kết quả {rest}" if rest.startswith("tổ chức ") else f"Kết quả tổ chức {rest}"
