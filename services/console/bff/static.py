"""The built web console's files, from the console's own origin.

Every path that is neither an API nor a file of the build gets `index.html`, so the client-side
router's deep links (/register/points/...) work after a reload. Without a build the console says
so plainly (503) rather than showing a blank page. The pages forbid framing and foreign scripts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

if TYPE_CHECKING:
    from pathlib import Path

    from starlette.responses import Response

SECURITY_HEADERS = {
    # Element Plus sets inline styles; scripts come only from this origin.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

NOT_BUILT = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>廉防 · 控制台尚未构建</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.6">
<h1>控制台尚未构建</h1>
<p>The web console has not been built on this server: its files are missing from
<code>{dist}</code>.</p>
<p>Build it with <code>make console</code> (or <code>npm ci &amp;&amp; npm run build</code> in
<code>console/</code>; Node 20 or later), then reload this page. <code>make run</code> builds it
for you. The APIs under <code>/api/</code> work meanwhile.</p>
</body></html>
"""


def console_file(dist_dir: Path, path: str) -> Response:
    """The file of the build at `path`, else index.html; 503 when the console is not built."""
    if path == "api" or path.startswith(("api/", ".well-known/")):
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    index = dist_dir / "index.html"
    if not index.is_file():
        return HTMLResponse(
            NOT_BUILT.format(dist=dist_dir), status_code=503, headers=SECURITY_HEADERS
        )
    root = dist_dir.resolve()
    wanted = (root / path).resolve() if path else index
    if path and wanted.is_relative_to(root) and wanted.is_file():
        # Vite names built assets by their content hash: they never change, cache them long.
        cache = "public, max-age=31536000, immutable" if path.startswith("assets/") else "no-cache"
        return FileResponse(wanted, headers={**SECURITY_HEADERS, "Cache-Control": cache})
    return FileResponse(index, headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})
