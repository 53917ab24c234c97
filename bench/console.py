"""The console's bundle budget (issue 13): the JavaScript a first visit to the home page loads,
compressed, under 1 MB.

    uv run python bench/console.py        # after `make console`

Reads the build's manifest (gateway/console/dist/.vite/manifest.json): the entry `index.html`
and the chunks of the home route (the layout and the home page, lazy-loaded), with every chunk
each of them imports statically, counted once. Sizes are gzip at level 9, as the gateway sends
them to a browser that takes no Brotli (the .br files are smaller). Prints each figure beside
its budget and exits non-zero when one misses.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from harness import Verdict, report

DIST = Path(__file__).resolve().parents[1] / "gateway" / "console" / "dist"
# The home route's own chunks, loaded as it opens (src/router.ts).
HOME = ("index.html", "src/layout/ConsoleLayout.vue", "src/pages/home/HomePage.vue")
BUDGET_KB = 1024.0


def closure(manifest: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    """The files of the chunks `keys` and of every chunk they import statically."""
    seen: set[str] = set()
    files: list[str] = []
    todo = list(keys)
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        chunk = manifest[key]
        files.append(chunk["file"])
        todo.extend(chunk.get("imports", []))
    return files


def gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=9)) / 1024


def main() -> int:
    manifest_path = DIST / ".vite" / "manifest.json"
    if not manifest_path.is_file():
        print("no build: run `make console` first")
        return 1
    manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
    home = [f for f in closure(manifest, HOME) if f.endswith(".js")]
    every = sorted({c["file"] for c in manifest.values() if c["file"].endswith(".js")})
    for name in sorted(home):
        print(f"  {name:<48} {gzip_kb(DIST / name):8.1f} KB gzip")
    first_load = sum(gzip_kb(DIST / f) for f in home)
    total = sum(gzip_kb(DIST / f) for f in every)
    print(f"every chunk of the console together: {total:.1f} KB gzip (information)")
    verdicts = [Verdict("home page, first load: JavaScript, gzip", first_load, BUDGET_KB, "KB")]
    return report(verdicts)


if __name__ == "__main__":
    raise SystemExit(main())
