"""A/B on one machine: a bench run on a base commit and on this tree, alternated (issue #18).

    python -m bench.ab [--base main] [--rounds 2] -- bench.filing --count 400 --clients 32

The machines here are shared and their speed drifts by the minute, so a change is judged by
runs of base and branch taken in turn, minutes apart, and by their ratio rather than by one
figure against an old one. The base is `git archive`d into a temporary folder with this tree's
bench/ laid over it (the bench measures; what it measures is the base's code), and both run
with this checkout's virtual environment. Every bench here prints one JSON line; the lines are
printed as they come, labelled, then each numeric field's base and branch values side by side.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def unpack(base: str, into: Path) -> None:
    """The base commit's tree in `into`, with this tree's bench/ over its own."""
    archive = subprocess.run(
        ["git", "archive", base], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    shutil.rmtree(into / "bench", ignore_errors=True)
    shutil.copytree(ROOT / "bench", into / "bench", ignore=shutil.ignore_patterns("results"))


def run(folder: Path, module: str, args: list[str]) -> dict[str, object]:
    """One bench run in `folder`; its JSON line."""
    done = subprocess.run(
        ["nice", "-n", "10", sys.executable, "-m", module, *args],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    )
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("module")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    results: dict[str, list[dict[str, object]]] = {"base": [], "branch": []}
    with tempfile.TemporaryDirectory(prefix="lianfang-ab-") as temporary:
        base_tree = Path(temporary)
        unpack(options.base, base_tree)
        for n in range(options.rounds):
            for label, folder in (("base", base_tree), ("branch", ROOT)):
                figures = run(folder, options.module, options.args)
                results[label].append(figures)
                print(f"round {n + 1} {label}: {json.dumps(figures)}", flush=True)
    for key, value in results["branch"][0].items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            base = ", ".join(str(r.get(key)) for r in results["base"])
            branch = ", ".join(str(r.get(key)) for r in results["branch"])
            print(f"{key}: base {base} | branch {branch}")


if __name__ == "__main__":
    main()
