"""The web app manifest: lets a phone install the site ("Thêm vào màn hình chính")."""

import json

from .icons import ICONS


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
