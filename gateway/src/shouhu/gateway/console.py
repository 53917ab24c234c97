"""The console's built files at `/console/` (gateway/console; docs/console.md).

Vite names every file under `assets/` by a hash of its content, so those are cached for a year
and never asked again; `index.html`, which names them, is revalidated on every load, so a new
build is picked up at the next visit. A path under `/console/` that is no file is one of the
app's routes: it answers `index.html` and the app's router takes it from there. The build step
writes a `.br` and a `.gz` beside each text file; the smallest one the browser accepts is sent.

The gateway starts without a build (it only says so in its log): `/console/` then answers 503
with a page saying how to build it.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse

from shouhu.gateway.settings import GatewaySettings

log = logging.getLogger(__name__)

# gateway/console/dist, beside this package in the repository and in the image (/app/gateway/…).
DEFAULT_DIST = Path(__file__).resolve().parents[3] / "console" / "dist"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Content encodings in the order tried, with the suffix of the file the build wrote.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

NOT_BUILT_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>控制台尚未构建 · 守护</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.7">
<h1>控制台尚未构建</h1>
<p>网关正在运行，但控制台的前端文件还没有构建。请在代码目录中运行
<code>make console</code>（或 <code>make run</code>，它会先构建控制台），然后刷新本页。</p>
<p>GraphQL 接口不受影响：<a href="/graphql">/graphql</a>。</p>
</body></html>
"""


def console_config(settings: GatewaySettings) -> dict[str, Any]:
    """What the app needs to sign in: the realm as the browser reaches it and its client."""
    return {
        "authority": (settings.console_authority or settings.oidc_issuer).rstrip("/"),
        "clientId": settings.console_client_id,
        "graphqlPath": "/graphql",
    }


def security_headers(authority: str) -> dict[str, str]:
    """The page's own: scripts and styles from here only, calls to here and the realm."""
    parts = urlsplit(authority)
    realm = f"{parts.scheme}://{parts.netloc}"
    csp = "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            # Element Plus positions popups with style attributes.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            f"connect-src 'self' ws: wss: {realm}",
            f"form-action 'self' {realm}",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
    }


class ConsoleFiles:
    """The built app in `root`, read at each request (a rebuild is served without a restart)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    @property
    def index(self) -> Path:
        return self.root / "index.html"

    @property
    def built(self) -> bool:
        return self.index.is_file()

    def find(self, relative: str) -> Path | None:
        """The file at `relative` inside the build, or None; nothing outside it is reachable."""
        if not relative or "\\" in relative or "\0" in relative:
            return None
        if any(part.startswith(".") for part in relative.split("/")):
            return None  # the build's own records (.vite/manifest.json, the build stamp)
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            return None
        return candidate

    def response(self, path: Path, request: Request, cache: str, **headers: str) -> Response:
        """The file, precompressed if the browser takes it and the build wrote one."""
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media_type.startswith("text/") or media_type == "application/javascript":
            media_type += "; charset=utf-8"
        accepted = _accepted_encodings(request.headers.get("accept-encoding", ""))
        out = {"Cache-Control": cache, "Vary": "Accept-Encoding", **headers}
        for encoding, suffix in ENCODINGS:
            compressed = path.with_name(path.name + suffix)
            if encoding in accepted and compressed.is_file():
                out["Content-Encoding"] = encoding
                return FileResponse(compressed, media_type=media_type, headers=out)
        return FileResponse(path, media_type=media_type, headers=out)


def _accepted_encodings(header: str) -> set[str]:
    accepted = set()
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        if params.strip().replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        accepted.add(name.strip().lower())
    return accepted


def router(settings: GatewaySettings) -> APIRouter:
    """`/console/`: the app, its configuration and its files."""
    files = ConsoleFiles(Path(settings.console_dir) if settings.console_dir else DEFAULT_DIST)
    if not files.built:
        log.warning(
            "the console is not built (%s is missing): /console/ answers 503 until it is; "
            "`make console` builds it",
            files.index,
        )
    config = console_config(settings)
    page_headers = security_headers(config["authority"])
    api = APIRouter(tags=["console"], include_in_schema=False)

    @api.get("/console")
    def console_root() -> Response:
        return RedirectResponse("/console/", status_code=308)

    @api.get("/console/config.json")
    def console_settings() -> Response:
        return JSONResponse(config, headers={"Cache-Control": REVALIDATE})

    @api.api_route("/console/{path:path}", methods=["GET", "HEAD"])
    def console_file(path: str, request: Request) -> Response:
        if not files.built:
            return HTMLResponse(
                NOT_BUILT_PAGE, status_code=503, headers={"Cache-Control": "no-store"}
            )
        if path.startswith("assets/"):
            found = files.find(path)
            if found is None:
                return Response("Not Found", status_code=404, media_type="text/plain")
            return files.response(found, request, IMMUTABLE)
        found = files.find(path)
        if found is not None and found != files.index:
            return files.response(found, request, REVALIDATE)  # favicon and the like
        if "." in path.rsplit("/", 1)[-1]:
            # A file that is not there (the app's routes have no dots): not the app.
            return Response("Not Found", status_code=404, media_type="text/plain")
        return files.response(files.index, request, REVALIDATE, **page_headers)

    return api
