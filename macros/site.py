"""The validated data as values: one Site per plan, and the Website that holds them.

Built by macros/loader.py; the render functions take a Site and never read
files. Lookups by code are dictionaries made once, so that a plan of 3,321
units costs the same per unit as a plan of 10.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .crosschecks import PLACEHOLDER, unmade_pages
from .dates import format_date
from .handbook_model import Chapter, Reference, Term, ToolkitFile
from .model import Assignment, Department, OrgFile, PlanEntry, PlanFile, Report, Unit, UnitsFile, WebsiteFile
from . import conferences, plan_amounts
from .numbers import money_in_words


# Site.extra's key for draft_differences (set by loader.load_plan).
DRAFT_DIFFERENCES = "khac_van_ban_goc"


@dataclass(frozen=True)
class Site:
    """One plan and everything its pages show, validated."""

    root: Path
    units_file: UnitsFile
    org: OrgFile
    plan: PlanFile
    sources: dict  # name -> YamlSource, for positions in cross-check errors
    # The handbook's data: "references", "glossary", "toolkit" models and
    # "chapters" ({file stem: Chapter}, in file-name order).
    extra: dict = field(default_factory=dict)
    # name ("plan", "units", …, "chapters/<stem>") -> repository path of its file.
    files: dict = field(default_factory=dict)
    # Where the plan sits on the website (data/website.yaml); None for a plan loaded alone.
    entry: PlanEntry | None = None
    # The plan's results (macros/results/load.Results), set by the loader; None when
    # the Site was made without them (render code then shows "no data").
    results: object = None
    # What the files' names carry when another plan of the website already names its files by the same year
    # (set by the loader: "<năm>-<thư mục>"); "" otherwise (year_tag).
    file_tag: str = ""

    @cached_property
    def qr_codes(self) -> dict:
        """Address -> its QR code, encoded once per build for a page and its PDF (macros/qr.py, issue 24)."""
        return {}

    @property
    def key(self) -> str:
        """The plan's folder name in data/ (its entry's thu_muc), e.g. "ke-hoach-mau"."""
        return self.entry.thu_muc if self.entry else ""

    @property
    def prefix(self) -> str:
        """Path prefix of the plan's pages ("" or its entry's duong_dan, e.g. "ke-hoach-mau/")."""
        return self.entry.duong_dan if self.entry else ""

    @property
    def sample_date(self) -> dt.date | None:
        """The date an editor's examples show for this plan (how to write a date in a
        results file or the Excel template): the plan's own report deadline, never
        a date of another plan; None when the plan writes none (no report asked, no structured period,
        no date of issue): the examples then show none."""
        plan = self.plan
        if self.report is not None:
            return self.report.han
        if plan.thoi_gian_dia_diem is not None:
            return plan.thoi_gian_dia_diem.ket_thuc.last_day
        return plan.van_ban.ngay_ban_hanh

    @property
    def title(self) -> str:
        if self.entry:
            return self.entry.ten
        doc = self.plan.van_ban
        return f"{doc.loai} năm {doc.nam}" if doc.nam else (doc.trich_yeu or doc.loai)

    @property
    def year_tag(self) -> str:
        """What the files' names carry for the plan: its year (van_ban › nam), or, for a document
        without one, its folder ("ke-hoach-xa"); a later plan of the same year on the website: the year and
        its folder ("<năm>-<thư mục>", file_tag), so a cadre who downloads both plans' files gets two names
        (review r19o, defect 12)."""
        if self.file_tag:
            return self.file_tag
        return str(self.plan.van_ban.nam) if self.plan.van_ban.nam else (self.key or "ke-hoach")

    # -- which computed pages the plan has (PLAN-FORMAT.md): each needs the structured
    # sections whose facts it states; without them it is not made, nor linked.
    @property
    def report(self) -> Report | None:
        """The report the plan asks for (to_chuc_thuc_hien › bao_cao: its receiver and deadline); None when
        it asks for none, or has no organisation section: no deadline is then written anywhere."""
        org = self.plan.to_chuc_thuc_hien
        return org.bao_cao if org is not None else None

    @property
    def units_assigned(self) -> bool:
        """The plan gives its units to bodies (phan_cong › don_vi; then each unit to one, crosschecks); False
        when it names its units but assigns none: their pages have no assignment part (Site.assignment_of: None)."""
        return bool(self.units) and bool(self._assignment_of)

    @property
    def has_assignments(self) -> bool:
        """Assignments (page, .xlsx, .csv): each department's units, and their money when the plan has a
        structured budget (has_budget; without one, no money column: review r19n, defect 5)."""
        return self.plan.to_chuc_thuc_hien is not None and self.units_assigned

    @property
    def has_budget(self) -> bool:
        """Budget (page, .xlsx, .csv): each unit's amount, and its department when the plan gives its units to
        bodies (units_assigned; else no such column)."""
        return bool(self.units) and self.plan.kinh_phi is not None

    @property
    def has_timeline(self) -> bool:
        """Timeline and calendar: the period (the report deadline and the steps' dates on them when the plan
        writes them)."""
        return self.plan.thoi_gian_dia_diem is not None

    @property
    def has_units(self) -> bool:
        """A page, a handout, a calendar and a report template per unit, their list and the results
        pages: a unit's page states who is assigned to it, its period and who reports; the compiled report
        names the year (and the campaign only when the plan has one: cuoc_van_dong may be absent). Its
        money and the steps come from the budget and steps sections when they are structured (has_budget,
        cac_buoc), its period and calendar from the time section (has_timeline): without them those parts
        are simply absent (review r19n, defect 5; r19o, defect 1)."""
        return bool(self.units) and self.plan.van_ban.nam is not None

    @property
    def has_report(self) -> bool:
        """The compiled report (page and PDF): the units' results gathered into the report the plan asks for
        (bao_cao); a plan that asks for none has none."""
        return self.has_units and self.report is not None

    @property
    def has_report_templates(self) -> bool:
        """A unit's Excel report template: its column of topics is the structured content section's
        (numbers standing for topic codes); a plan that keeps that section verbatim has none (review r19k)."""
        return self.has_units and self.plan.noi_dung is not None

    @property
    def has_toolkit(self) -> bool:
        """The conference forms: bo-cong-cu.yaml, the units' facts, the topics and the campaign."""
        p = self.plan
        return ("toolkit" in self.extra and self.has_report and self.has_assignments and self.has_timeline and self.has_budget and p.cac_buoc is not None
                and p.noi_dung is not None and p.cuoc_van_dong is not None)

    @property
    def unmade_pages(self) -> list[str]:
        """Data given that no page shows (crosschecks.unmade_pages): an error unless the plan is a draft."""
        return unmade_pages({"plan": self.plan, "units": self.units_file, **self.extra}, self.files)

    @property
    def has_handbook(self) -> bool:
        """The handbook index and a page per content topic."""
        return self.plan.noi_dung is not None and self.plan.cuoc_van_dong is not None

    @property
    def draft(self):
        """The import's record (model.Draft) while no editor has checked the plan; else None."""
        return self.plan.draft

    @property
    def draft_differences(self) -> tuple[str, ...]:
        """An unchecked import's differences from its document's text (macros/plan_words.py), each as its
        error would read: printed with the draft's checklist, never on a page (loader.load_plan)."""
        return self.extra.get(DRAFT_DIFFERENCES) or ()

    # -- handbook ---------------------------------------------------------
    @property
    def references(self) -> list[Reference]:
        return list(self.extra["references"].van_ban)

    def reference(self, code: str) -> Reference:
        return self._references[code]

    @cached_property
    def _references(self) -> dict[str, Reference]:
        return {r.ma: r for r in self.references}

    @property
    def cited_references(self) -> list[Reference]:
        """The documents the plan's handbook cites (tai_lieu of its chapters with a page: a general
        one, or one of a content topic of this plan), in data/van-ban.yaml's order. The shared list
        holds other plans' documents too: only these are «được Sổ tay trích dẫn»."""
        topics = {t.ma for t in self.topics}
        cited = {code for c in self.chapters.values() if c.chu_de is None or c.chu_de in topics for code in c.tai_lieu}
        return [r for r in self.references if r.ma in cited] if self.has_handbook else []

    @property
    def glossary(self) -> list[Term]:
        return list(self.extra["glossary"].thuat_ngu)

    @property
    def toolkit(self) -> ToolkitFile | None:
        return self.extra.get("toolkit")

    @property
    def chapters(self) -> dict[str, Chapter]:
        return dict(self.extra["chapters"])

    @property
    def topics(self) -> list:
        """The content topics of the structured content section (a handbook page each); [] without one."""
        return list(self.plan.noi_dung.muc) if self.plan.noi_dung is not None else []

    def chapter_of(self, topic_code: str) -> tuple[str, Chapter] | None:
        """The chapter written for a content topic of the plan, if any."""
        return next(((k, c) for k, c in self.chapters.items() if c.chu_de == topic_code), None)

    def topic_title(self, topic) -> str:
        """The title of a topic's handbook page (its heading, the handbook's contents, the nav): the topic's short
        name (ten_ngan); without one, the name its chapter's editor wrote (so-tay/<file> › ten: written to be
        seen); else the plan's own words for it (Topic.display_name), never a name the site makes up."""
        if topic.ten_ngan:
            return topic.ten_ngan
        found = self.chapter_of(topic.ma)
        return found[1].ten if found is not None and found[1].ten else topic.display_name

    # -- units and departments ------------------------------------------
    @property
    def units(self) -> list[Unit]:
        return list(self.units_file.don_vi)

    def unit(self, code: str) -> Unit:
        return self._units[code]

    @cached_property
    def _units(self) -> dict[str, Unit]:
        return {u.ma: u for u in self.units_file.don_vi}

    @property
    def departments(self) -> list[Department]:
        return list(self.org.ban)

    def department(self, code: str) -> Department:
        return self._departments[code]

    @cached_property
    def _departments(self) -> dict[str, Department]:
        return {d.ma: d for d in self.org.ban}

    @property
    def assignments(self) -> list[Assignment]:
        org = self.plan.to_chuc_thuc_hien
        return list(org.phan_cong) if org is not None else []

    def report_senders(self, before: str = "", after: str = "", escape=str) -> str:
        """Who sends the report, as the data says it (bao_cao › nguoi_gui), between `before` and `after`:
        «các ban, văn phòng» (the departments' name, co-quan.yaml › ten_goi_cac_ban) / «từng thôn, làng» /
        "" when the data does not say (never the departments' name for a report the units send: review
        r19m). `escape` applies to the data's words."""
        report = self.report
        if report is not None and report.ben_gui:  # the sender as the plan writes it (bao_cao › ben_gui)
            return f"{before}{escape(report.ben_gui)}{after}"
        who = report.nguoi_gui if report is not None else None
        if who == "don_vi":
            return f"{before}từng {escape(self.plan.ten_goi_don_vi)}{after}"
        return self.org.departments_together(before, after, escape) if who == "ban" else ""

    @property
    def relation(self) -> str:
        """What an assignee does with its units, in the plan's word (to_chuc_thuc_hien › quan_he: «phụ trách»);
        «phối hợp» (the departments working with units) when the data gives none."""
        org = self.plan.to_chuc_thuc_hien
        return (org.quan_he if org is not None else "") or "phối hợp"

    @property
    def partner_word(self) -> str:
        """«ban phối hợp», or the plan's own word alone («phụ trách»): who a unit works with, in a sentence."""
        org = self.plan.to_chuc_thuc_hien
        return org.quan_he if org is not None and org.quan_he else "ban phối hợp"

    @property
    def partner_column(self) -> str:
        """«Ban phối hợp» / «Phụ trách»: the head of a table's column of assignees."""
        return self.partner_word[:1].upper() + self.partner_word[1:]

    @property
    def partner_label(self) -> str:
        """«Ban phối hợp của tỉnh» (the issuing body's department working with a unit), or the plan's own word
        («Phụ trách») when the data gives one: the label before a unit's assignee."""
        org = self.plan.to_chuc_thuc_hien
        return self.partner_column if org is not None and org.quan_he else self.org.partner_label

    @property
    def report_receiver(self) -> str:
        """Who receives the reports (bao_cao › noi_nhan), named: a department's name for its code, else the
        receiver as the plan writes it (a body that is no department of the issuing body)."""
        code = self.report.noi_nhan
        return self._departments[code].ten if code in self._departments else code

    @property
    def receiver_code(self) -> str | None:
        """The code of the department receiving the reports; None when the receiver is written as a name."""
        return self.report.noi_nhan if self.report is not None and self.report.noi_nhan in self._departments else None

    def assignment_of(self, unit_code: str) -> Assignment | None:
        """The assignment giving the unit to a body; None when the plan gives it to none (units_assigned)."""
        return self._assignment_of.get(unit_code)

    def department_of(self, unit_code: str) -> Department | None:
        """The department (or person) the unit is given to; None when the plan gives it to none."""
        a = self.assignment_of(unit_code)
        return self.department(a.ban) if a is not None else None

    @cached_property
    def _assignment_of(self) -> dict[str, Assignment]:
        out: dict[str, Assignment] = {}
        for a in self.assignments:
            for code in a.don_vi:
                out.setdefault(code, a)
        return out

    # -- money ------------------------------------------------------------
    def amount(self, unit_code: str) -> int:
        budget = self.plan.kinh_phi
        if budget is None:
            return 0
        # A unit with neither its own amount nor a flat rate is refused by the check (crosschecks.check_budget).
        return budget.rieng.get(unit_code, budget.dinh_muc if budget.dinh_muc is not None else 0)

    @property
    def flat_rate(self) -> int | None:
        """The plan's one amount per unit (kinh_phi › dinh_muc) when at least one unit gets it; None when the
        plan gives each unit its own amount: the site then writes no «… mỗi đơn vị», a rate nobody wrote."""
        budget = self.plan.kinh_phi
        if budget is None or budget.dinh_muc is None:
            return None
        return budget.dinh_muc if any(u.ma not in budget.rieng for u in self.units) else None

    @property
    def rate_for_all(self) -> bool:
        """True when every unit gets the plan's flat rate (the plan's «5.000.000đ/01 đơn vị x 10 …» form)."""
        rate = self.flat_rate
        return rate is not None and all(self.amount(u.ma) == rate for u in self.units)

    @property
    def total_is_sum(self) -> bool:
        """True when the total is the site's own sum of the units' amounts: the data records no total of
        the plan (kinh_phi › tong) and no rate every unit gets. Pages then say the site added it up."""
        budget = self.plan.kinh_phi
        if budget is None or budget.tong is not None:
            return False
        # Every unit gets the rate: the plan's «x N = total» form, unless its own words (doan) are kept and
        # write no such total (review r19n, defect 4: «3.000.000 đồng» each, no total written).
        return not self.rate_for_all or (bool(budget.doan) and not plan_amounts.states(budget, self.total))

    @property
    def total_beyond_units(self) -> bool:
        """True when the plan's total (kinh_phi › tong) is more than its units' amounts: lines for no unit, or
        another source, that its words (doan) write (review r19n, defect 3). Pages then print that total only
        as the plan's sentence (total_sentence), and no sum of their own (`total` is the units' sum)."""
        budget = self.plan.kinh_phi
        return budget is not None and budget.tong is not None and budget.tong != self.total

    @property
    def total_sentence(self) -> str | None:
        """The line of the budget's words (doan) that writes the plan's total, as written; None without one."""
        budget = self.plan.kinh_phi
        if budget is None or budget.tong is None:
            return None
        return plan_amounts.line_with(budget, budget.tong)

    @cached_property
    def total(self) -> int:
        return sum(self.amount(u.ma) for u in self.units)

    @property
    def total_in_words(self) -> str | None:
        """The total in words as the plan writes it (kinh_phi › tong_bang_chu, checked to read as the total:
        «Chín triệu đồng» stays so, with no «chẵn» the plan does not write; else as its words (doan) write it);
        None when they write none (review r19q #10). A budget without its words is printed on the plan page as
        the sentence made from its fields, which writes the total in words: that reading."""
        budget = self.plan.kinh_phi
        written = budget.tong_bang_chu if budget is not None else None
        if written:
            return written.strip().rstrip(".").strip()
        return self.amount_in_words(self.total) if budget is not None and budget.doan else money_in_words(self.total)

    def amount_in_words(self, n: int) -> str | None:
        """An amount in words as the plan's budget words (doan) write them with that amount («(Ba triệu
        đồng)» stays so); None when they write none: never the site's own reading printed beside the plan's
        figure (review r19q #10)."""
        return plan_amounts.words(self.plan.kinh_phi, n)

    @property
    def uniform_amount(self) -> bool:
        """True when every unit gets the same amount (the plan's "x 10 = …" form)."""
        return len({self.amount(u.ma) for u in self.units}) == 1

    # -- text -------------------------------------------------------------
    @cached_property
    def placeholders(self) -> dict[str, str]:
        out = {}
        if self.plan.cac_buoc is not None and self.plan.cac_buoc.hoi_nghi is not None:
            out["so_hoi_nghi"] = conferences.filled(self.plan)  # as the plan writes it (review r19q #4)
        if self.report is not None:
            report = self.report
            out["noi_nhan_bao_cao"] = self.report_receiver
            out["han_bao_cao"] = format_date(report.han)
        return out

    def fill(self, text: str) -> str:
        """Replace {name} placeholders (checked at load time) with their values."""
        return PLACEHOLDER.sub(lambda m: self.placeholders[m.group(1)], text)

    def data_file(self, name: str) -> str:
        """"plan" -> "data/<plan>/ke-hoach.yaml": where an editor changes that content."""
        return self.files[name]


@dataclass(frozen=True)
class Website:
    """The whole site: its name (data/website.yaml) and its plans, in the order listed."""

    root: Path
    info: WebsiteFile
    plans: list[Site]
    file: str = "data/website.yaml"

    @property
    def name(self) -> str:
        return self.info.ten

    @property
    def several(self) -> bool:
        return len(self.plans) > 1
