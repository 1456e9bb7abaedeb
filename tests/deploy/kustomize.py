"""Rendering deploy/k8s with kustomize, and checking custom resources against their CRD schemas."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from typing import Any

import yaml

from tests.deploy.support import DATA, REPO

K8S = REPO / "deploy" / "k8s"


def kustomize_command() -> list[str]:
    """`kubectl kustomize` (on this machine image) or a `kustomize` binary; never silently none."""
    if shutil.which("kubectl"):
        return ["kubectl", "kustomize"]
    if shutil.which("kustomize"):
        return ["kustomize", "build"]
    raise AssertionError(
        "neither kubectl nor kustomize is on PATH: the Kubernetes manifests cannot be rendered. "
        "Install one, e.g. `go install sigs.k8s.io/kustomize/kustomize/v5@v5.5.0` (see .ci/run)."
    )


@cache
def render(path: str) -> tuple[dict[str, Any], ...]:
    """The objects a kustomization renders to (deploy/k8s/<path>)."""
    done = subprocess.run(
        [*kustomize_command(), str(K8S / path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return tuple(d for d in yaml.safe_load_all(done.stdout) if d)


@cache
def crd_schemas() -> dict[tuple[str, str], dict[str, Any]]:
    """(apiVersion, kind) -> openAPIV3Schema of the vendored Strimzi CRDs."""
    schemas = {}
    for path in sorted((DATA / "strimzi").glob("*.yaml")):
        crd = yaml.safe_load(path.read_text(encoding="utf-8"))
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if version.get("served"):
                schemas[(f"{group}/{version['name']}", kind)] = version["schema"]["openAPIV3Schema"]
    return schemas


def unknown_fields(obj: Any, schema: dict[str, Any], path: str = "") -> list[str]:
    """Fields the schema does not declare: the API server would silently drop (prune) them."""
    if schema.get("x-kubernetes-preserve-unknown-fields"):
        return []
    found = []
    if isinstance(obj, dict) and "properties" in schema:
        props = schema["properties"]
        for key, value in obj.items():
            if key in props:
                found += unknown_fields(value, props[key], f"{path}.{key}")
            elif not schema.get("additionalProperties"):
                found.append(f"{path}.{key}")
    elif isinstance(obj, dict) and isinstance(schema.get("additionalProperties"), dict):
        for key, value in obj.items():
            found += unknown_fields(value, schema["additionalProperties"], f"{path}.{key}")
    elif isinstance(obj, list) and "items" in schema:
        for n, item in enumerate(obj):
            found += unknown_fields(item, schema["items"], f"{path}[{n}]")
    return found
