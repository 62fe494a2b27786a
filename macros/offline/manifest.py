"""The web app manifest: lets a phone install the site ("Thêm vào màn hình chính")."""

import json

from .icons import ICONS


def app_short_name(years) -> str:
    """The name under the icon on the phone's home screen: «Kế hoạch» and the plans' year
    when every plan of the website has that one year, «Kế hoạch» alone otherwise (a site
    of plans of two years is not named after the first one, review r19p)."""
    distinct = set(years)
    return f"Kế hoạch {distinct.pop()}" if len(distinct) == 1 and None not in distinct else "Kế hoạch"


def web_manifest(name: str, short_name: str, description: str, theme_color: str, icon_dir: str) -> str:
    data = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": "vi",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": "#ffffff",
        "icons": [
            {"src": f"{icon_dir}/{file}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for file, size, purpose in ICONS
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
