"""The console's TypeScript API types are what openapi-typescript makes of the committed OpenAPI
documents (console/openapi, kept current by tests/unit/shared/test_openapi_export.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.browser.support import CONSOLE, require_node_modules

REGENERATE = "run `make openapi` (or `npm run gen:api` in console/) and commit console/src/api"


def test_the_committed_types_are_generated_from_the_committed_documents(tmp_path: Path) -> None:
    require_node_modules()
    subprocess.run(
        ["node", "scripts/gen-api.mjs", str(tmp_path)],
        cwd=CONSOLE, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    documents = sorted(p.stem for p in (CONSOLE / "openapi").glob("*.json"))
    generated = sorted(p.name for p in tmp_path.glob("*.d.ts"))
    assert generated == [f"{name}.d.ts" for name in documents]
    for name in generated:
        committed = CONSOLE / "src" / "api" / name
        assert committed.exists(), f"{committed} is missing: {REGENERATE}"
        assert committed.read_text(encoding="utf-8") == (tmp_path / name).read_text(
            encoding="utf-8"
        ), f"{committed} is stale: {REGENERATE}"
