"""mkdocs-macros entry point: each macro is one render function over a plan, for
pages written by hand in docs/ (the pages made from data need none). A macro
shows the first plan of data/website.yaml, or the plan named: {{ kinh_phi("ke-hoach-mau") }}.

mkdocs.yml: plugins › macros › module_name: macros/adapters/macros_env
"""

from macros.adapters import build_state
from macros.render import assignments, budget, handbook, home, plan, timeline, units

MACROS = {
    "trang_chu": home.home_page,
    "toan_van_ke_hoach": plan.plan_page,
    "phan_cong": assignments.assignments_page,
    "danh_sach_don_vi": units.units_index,
    "tien_do": timeline.timeline_html,
    "kinh_phi": budget.budget_page,
    "so_tay": handbook.handbook_index,
}


def define_env(env):
    def bind(render):
        def macro(plan_folder: str | None = None):
            state = build_state.of(env.conf)  # made by the kontum plugin's on_config, never loaded here
            site = state.default_site if plan_folder is None else next(
                s for s in state.website.plans if s.key == plan_folder)
            return render(site)
        return macro

    for name, render in MACROS.items():
        env.macro(bind(render), name)
    env.variables["ten_website"] = env.conf.get("site_name")
