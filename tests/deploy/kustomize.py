"""Rendering deploy/k8s with kustomize, and checking custom resources against their CRD schemas."""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
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


_VERSION = r"v\d+\.\d+\.\d+"
_GO_MODULE = re.compile(
    rb"\nmod\tsigs\.k8s\.io/kustomize/kustomize/v\d+\t(" + _VERSION.encode() + rb")\t"
)


def kustomize_version() -> str:
    """The version of the kustomize that renders (e.g. "v5.5.0"); AssertionError if unknown.

    kubectl names its embedded kustomize. A kustomize binary says its version, except one built
    by `go install` (as .ci/run does), which says "(devel)": its version is then read from the
    Go build info inside the binary, where `go install ...@v5.5.0` recorded it.
    """
    command = kustomize_command()
    if command[0] == "kubectl":
        asked = ["kubectl", "version", "--client"]
        pattern = re.compile(r"Kustomize Version: (" + _VERSION + ")")
    else:
        asked = [command[0], "version"]
        pattern = re.compile(r"(" + _VERSION + ")")
    done = subprocess.run(asked, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    if found := pattern.search(done.stdout):
        return found.group(1)
    binary = shutil.which(command[0])
    assert binary is not None
    version = go_module_version(Path(binary).read_bytes())
    assert version is not None, (
        f"{' '.join(asked)} says {done.stdout.strip()!r} and {binary} carries no Go build info "
        "naming sigs.k8s.io/kustomize/kustomize: its version is unknown"
    )
    return version


def go_module_version(binary: bytes) -> str | None:
    """The kustomize module version in a Go binary's embedded build info, if it has one."""
    found = _GO_MODULE.search(binary)
    return found.group(1).decode() if found else None


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
