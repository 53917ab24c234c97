"""The console (gateway/console) built when it is missing or stale, and what its tests need.

    python3 scripts/console.py deps      # npm ci from the lockfile, when the lockfile changed
    python3 scripts/console.py build     # deps, then the Vite build when its sources changed
    python3 scripts/console.py browser   # Debian's Chromium and a Chinese font, when missing

`make console`, `make run` and `make test` call these. Each step keeps a stamp of what it was
made from (a SHA-256 of its inputs): `node_modules/.shouhu-deps` (the lockfile and the Node
version) and `dist/.shouhu-build` (every source of the build), so a step whose inputs are
unchanged costs a hash of a few hundred kilobytes, and a changed branch rebuilds by content,
not by file times. Standard library only: it runs before the Python workspace is set up.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSOLE = ROOT / "gateway" / "console"
DEPS_STAMP = CONSOLE / "node_modules" / ".shouhu-deps"
BUILD_STAMP = CONSOLE / "dist" / ".shouhu-build"
# What the build reads: a change to any of them rebuilds.
BUILD_INPUTS = (
    "index.html",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
    "vite.config.ts",
    "scripts/compress.mjs",
    "public",
    "src",
)
CHROMIUM = Path("/usr/bin/chromium")
# Debian's packages for the browser tests: the browser, and a font with Chinese characters
# (without one every label of the screenshots is a row of boxes).
BROWSER_PACKAGES = ("chromium", "fonts-wqy-zenhei")
NPM_ENV = {"NPM_CONFIG_UPDATE_NOTIFIER": "false", "NPM_CONFIG_FUND": "false"}


def files(paths: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = CONSOLE / name
        if path.is_dir():
            found += [p for p in path.rglob("*") if p.is_file()]
        elif path.is_file():
            found.append(path)
    return sorted(found)


def digest(paths: Iterable[Path], *extra: str) -> str:
    sha = hashlib.sha256()
    for item in extra:
        sha.update(item.encode() + b"\0")
    for path in paths:
        sha.update(path.relative_to(CONSOLE).as_posix().encode() + b"\0")
        sha.update(path.read_bytes() + b"\0")
    return sha.hexdigest()


def stamped(stamp: Path, value: str) -> bool:
    return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == value


def run(command: list[str]) -> None:
    print(f"console: {' '.join(command)}", flush=True)
    subprocess.run(command, cwd=CONSOLE, check=True, env={**os.environ, **NPM_ENV})


def node_version() -> str:
    if shutil.which("node") is None or shutil.which("npm") is None:
        sys.exit("console: Node.js and npm are needed to build the console (Node 20 or later)")
    done = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def deps() -> None:
    """`npm ci` from the lockfile, unless node_modules was made from this very lockfile."""
    value = digest(files(["package-lock.json"]), node_version())
    if stamped(DEPS_STAMP, value):
        return
    run(["npm", "ci", "--no-audit", "--loglevel=error"])
    DEPS_STAMP.write_text(value + "\n", encoding="utf-8")


def build() -> None:
    """The Vite build into dist/, unless dist/ was built from these very sources."""
    deps()
    value = digest(files(BUILD_INPUTS))
    if stamped(BUILD_STAMP, value) and (CONSOLE / "dist" / "index.html").is_file():
        print("console: up to date (gateway/console/dist)", flush=True)
        return
    run(["npm", "run", "--silent", "build"])
    BUILD_STAMP.write_text(value + "\n", encoding="utf-8")


def has_chinese_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    done = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(done.stdout.strip())


def browser() -> None:
    """Debian's Chromium (the browser tests launch it; Playwright downloads none) and a font."""
    if CHROMIUM.exists() and has_chinese_font():
        return
    if os.geteuid() != 0:
        sys.exit(
            "console: the browser tests need Debian's Chromium and a Chinese font: "
            f"apt-get install -y {' '.join(BROWSER_PACKAGES)} (as root)"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"console: apt-get install {' '.join(BROWSER_PACKAGES)}", flush=True)
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-q", *BROWSER_PACKAGES], check=True, env=env)


def main() -> int:
    steps = {"deps": deps, "build": build, "browser": browser}
    if len(sys.argv) != 2 or sys.argv[1] not in steps:
        print(__doc__)
        return 2
    steps[sys.argv[1]]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
