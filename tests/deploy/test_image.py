"""The Dockerfile: multi-stage, slim, locked dependencies, non-root, labelled, one image for all.

No Docker engine here: the file is read, and what it relies on is checked against the repo.
"""

from __future__ import annotations

import re

from tests.deploy.support import REPO, cli_commands

DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")
IGNORE = (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()


def instructions(name: str) -> list[str]:
    """Every instruction of one kind, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(f"{name} ")]


def test_two_stages_on_a_slim_python_311() -> None:
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.11-slim", DOCKERFILE, re.M)
    stages = instructions("FROM")
    assert [s.split()[-1] for s in stages] == ["build", "runtime"]
    assert all(s.startswith("${PYTHON_IMAGE}") for s in stages)
    assert any("--from=build /app/.venv" in c for c in instructions("COPY"))


def test_dependencies_are_installed_exactly_as_locked_without_dev_tools() -> None:
    syncs = [r for r in instructions("RUN") if "uv sync" in r]
    assert len(syncs) == 2
    assert all("--frozen" in r and "--no-dev" in r for r in syncs)
    assert "--no-install-project" in syncs[0]  # a dependency layer that survives code changes
    assert "--no-editable" in syncs[1]  # the runtime stage needs no source tree


def test_it_runs_as_an_unprivileged_user() -> None:
    (user,) = instructions("USER")
    assert user.split(":")[0] not in {"0", "root"}
    assert "useradd --system --uid 10001" in DOCKERFILE


def test_oci_labels_are_set() -> None:
    labels = " ".join(instructions("LABEL"))
    for key in ("title", "description", "version", "revision", "licenses", "vendor"):
        assert f"org.opencontainers.image.{key}=" in labels


def test_one_image_serves_every_service_through_the_cli() -> None:
    assert instructions("ENTRYPOINT") == ['["lianfang"]']  # exec form: lianfang gets SIGTERM
    assert {"api", "worker", "serve"} <= set(cli_commands())
    assert instructions("EXPOSE") == ["8101 8102 8103 8104"]


def test_what_is_copied_exists_and_the_context_is_only_that() -> None:
    sources = []
    for copy in instructions("COPY"):
        if copy.startswith("--from"):
            continue
        sources += copy.split()[:-1]
    assert sources, "no COPY from the build context"
    for source in sources:
        assert (REPO / source).exists(), source
        assert f"!{source}" in IGNORE or f"!{source}/" in IGNORE, f".dockerignore drops {source}"
    assert IGNORE[IGNORE.index("**")] == "**"  # everything else stays out (.venv, var/, tests/)
