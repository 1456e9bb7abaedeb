"""The services' OpenAPI documents the web console's types are generated from: current with the
code, one per service, each describing the routes the console calls."""

from __future__ import annotations

import json
from pathlib import Path

from services.registry import NAMES
from shared.openapi_export import export_openapi, main

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "console" / "openapi"
REGENERATE = (
    "run `python -m shared.openapi_export` then `npm run gen:api` in console/, and commit "
    "console/openapi and console/src/api"
)


def test_the_committed_documents_are_what_the_code_exports(tmp_path: Path) -> None:
    written = export_openapi(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{name}.json" for name in NAMES)
    for path in written:
        committed = COMMITTED / path.name
        assert committed.exists(), f"{committed} is missing: {REGENERATE}"
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{committed} is stale: {REGENERATE}"
        )


def test_a_document_names_the_routes_and_fields_the_console_reads(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    register = json.loads((tmp_path / "register.json").read_text(encoding="utf-8"))
    assert "/risk-points" in register["paths"]
    assert "/units" in register["paths"]
    assert "/powers/{power_id}/flowchart.svg" in register["paths"]
    listing = register["paths"]["/risk-points"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"category", "grade", "status"}
