"""Export every service's OpenAPI document without starting a server, for the web console's types.

`python -m shared.openapi_export [out_dir]` (default console/openapi) writes `<service>.json`: the
document FastAPI serves at `/openapi.json`, built from the service's real routes on an in-memory
store. `npm run gen:api` in console/ turns them into `console/src/api/<service>.d.ts`
(openapi-typescript). The output is deterministic, so tests keep the committed files current
(tests/unit/shared/test_openapi_export.py for the JSON, tests/browser for the TypeScript).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from shared.clock import ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings

DEFAULT_OUT_DIR: Final = Path("console/openapi")


def render(document: dict[str, Any]) -> str:
    """The stable text of a JSON document: sorted keys, two-space indent, trailing newline."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@contextmanager
def _dev_mode() -> Iterator[None]:
    """LIANFANG_ENV=dev while the documents are built: a service that holds keys (the console)
    makes throwaway ones in the scratch data folder instead of refusing to start."""
    before = os.environ.get("LIANFANG_ENV")
    os.environ["LIANFANG_ENV"] = "dev"
    try:
        yield
    finally:
        if before is None:
            del os.environ["LIANFANG_ENV"]
        else:
            os.environ["LIANFANG_ENV"] = before


def openapi_document(name: str) -> dict[str, Any]:
    """The OpenAPI document of service `name`, as its running process would serve it."""
    from services import registry

    spec, settings = registry.load(name)
    with tempfile.TemporaryDirectory() as scratch, _dev_mode():
        # A memory store: nothing is read or written; the data folder only holds a dev key if any.
        common = CommonSettings(store="memory", data_dir=Path(scratch))
        runtime = Runtime(spec, settings(common=common), ManualClock())
        try:
            return create_api(runtime).openapi()
        finally:
            runtime.close()


def export_openapi(out_dir: Path = DEFAULT_OUT_DIR) -> list[Path]:
    """Write `<service>.json` for every service into `out_dir`; the paths written."""
    from services import registry

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in registry.NAMES:
        path = out_dir / f"{name}.json"
        path.write_text(render(openapi_document(name)), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    for path in export_openapi(Path(args[0]) if args else DEFAULT_OUT_DIR):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
