"""Least privilege in deploy/k8s (issue #17 item 6), on what kustomize renders for each overlay:
each service's own Secrets only (the identity key the intake's alone, as a file), no Kubernetes
API token in any pod, scratch volumes bounded, traffic denied but for the paths each needs,
PostgreSQL over verified TLS with a role per service and node, and our image pinnable by digest.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from tests.deploy.kustomize import K8S, kustomize_command, render
from tests.deploy.support import env_names

if TYPE_CHECKING:
    from pathlib import Path

OVERLAYS = ("district", "town-taihe")
SERVICES = ("intake", "register", "warning", "assessment", "console")
SHARED_SECRETS = {"lianfang-kafka-ca", "lianfang-postgres-ca"}
"""Certificates of the cluster's CAs: public, the same for every pod."""
IDENTITY_KEY = "lianfang-intake-identity-key"


def objects_of(overlay: str, kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in render(f"overlays/{overlay}") if o["kind"] == kind}


def pods(overlay: str) -> dict[str, dict[str, Any]]:
    """Deployment name -> its pod spec."""
    return {
        name: d["spec"]["template"]["spec"] for name, d in objects_of(overlay, "Deployment").items()
    }


def secrets_of(pod: dict[str, Any]) -> set[str]:
    """Every Secret a pod reads: as volumes, as envFrom, as single keys."""
    found = {v["secret"]["secretName"] for v in pod.get("volumes", []) if "secret" in v}
    for container in pod["containers"]:
        found |= {r["secretRef"]["name"] for r in container.get("envFrom", []) if "secretRef" in r}
        found |= {
            e["valueFrom"]["secretKeyRef"]["name"]
            for e in container.get("env", [])
            if "secretKeyRef" in e.get("valueFrom", {})
        }
    return found


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_service_reads_its_own_secrets_only(overlay: str) -> None:
    for name, pod in pods(overlay).items():
        service, role = name.rsplit("-", 1)
        own = {f"lianfang-{service}-postgres", f"lianfang-kafka-{service}"}
        if service == "intake":
            own.add(IDENTITY_KEY)
        if (service, role, overlay) == ("console", "api", "district"):
            # Sign-in's keys, in the district's console alone: one issuer (docs/sign-in.md).
            own |= {"lianfang-console-signing-key", "lianfang-console-secrets"}
        assert secrets_of(pod) - SHARED_SECRETS == own, name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_identity_key_is_a_file_in_the_intake_s_pods_alone(overlay: str) -> None:
    for name, pod in pods(overlay).items():
        (container,) = pod["containers"]
        env = {e["name"]: e for e in container.get("env", [])}
        assert "LIANFANG_INTAKE_IDENTITY_KEY" not in env, name  # never in the environment
        volumes = {v["name"]: v for v in pod.get("volumes", []) if "secret" in v}
        holders = [v for v in volumes.values() if v["secret"]["secretName"] == IDENTITY_KEY]
        if not name.startswith("intake-"):
            assert not holders, name
            continue
        (volume,) = holders
        (mount,) = (m for m in container["volumeMounts"] if m["name"] == volume["name"])
        assert mount["readOnly"] is True
        key_file = env["LIANFANG_INTAKE_IDENTITY_KEY_FILE"]["value"]
        assert key_file == f"{mount['mountPath']}/key"
        assert volume["secret"]["defaultMode"] & 0o007 == 0, "others may not read the key"
    assert "LIANFANG_INTAKE_IDENTITY_KEY_FILE" in env_names("intake")


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_no_pod_mounts_an_api_token_and_scratch_space_is_bounded(overlay: str) -> None:
    for name, pod in pods(overlay).items():
        assert pod["automountServiceAccountToken"] is False, name
        for volume in pod.get("volumes", []):
            if "emptyDir" in volume:
                limit = volume["emptyDir"].get("sizeLimit")
                assert limit, (name, volume["name"])
                assert re.fullmatch(r"\d+[MG]i", limit), (name, volume["name"])


def policies(overlay: str) -> dict[str, dict[str, Any]]:
    return {name: p["spec"] for name, p in objects_of(overlay, "NetworkPolicy").items()}


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    """Whether a label selector (matchLabels, matchExpressions In/Exists) selects `labels`."""
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expr in selector.get("matchExpressions", []):
        if expr["operator"] == "In" and labels.get(expr["key"]) not in expr["values"]:
            return False
        if expr["operator"] == "Exists" and expr["key"] not in labels:
            return False
    return True


def rules_for(overlay: str, labels: dict[str, str], direction: str) -> list[dict[str, Any]]:
    """Every ingress or egress rule that applies to pods with `labels`."""
    found = []
    for spec in policies(overlay).values():
        kind = direction.capitalize()
        if kind in spec["policyTypes"] and selects(spec["podSelector"], labels):
            found += spec.get(direction, [])
    return found


def pod_labels(overlay: str) -> dict[str, dict[str, str]]:
    return {
        name: d["spec"]["template"]["metadata"]["labels"]
        for name, d in objects_of(overlay, "Deployment").items()
    }


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_everything_is_denied_first(overlay: str) -> None:
    deny = policies(overlay)["default-deny"]
    assert deny["podSelector"] == {}
    assert set(deny["policyTypes"]) == {"Ingress", "Egress"}
    assert not deny.get("ingress")
    assert not deny.get("egress")


def namespaces_of(rule: dict[str, Any], side: str) -> set[str]:
    return {
        peer.get("namespaceSelector", {}).get("matchLabels", {}).get("kubernetes.io/metadata.name")
        or ("same" if "namespaceSelector" not in peer else "labelled")
        for peer in rule.get(side, [])
    } or {"anywhere"}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_apis_from_the_ingress_and_metrics_from_monitoring_only(overlay: str) -> None:
    for name, labels in pod_labels(overlay).items():
        service, role = name.rsplit("-", 1)
        sources = {
            source
            for r in rules_for(overlay, labels, "ingress")
            for source in namespaces_of(r, "from")
        }
        assert "anywhere" not in sources, name
        if role == "worker":
            assert sources == {"monitoring"}, name  # a worker takes no traffic but scraping
        elif service == "console":
            # The ingress, Prometheus, and every node's pods fetching the token keys (JWKS).
            assert sources == {"ingress-nginx", "monitoring", "labelled"}, name
        else:
            # The ingress, Prometheus, and the node's own console (its BFF); a town's also the
            # district's console, the one front door passing its people's calls on.
            district_console = {"lianfang-district"} if overlay != "district" else set()
            assert sources == {"ingress-nginx", "monitoring", "same"} | district_console, name


def test_the_district_console_reaches_each_town_s_apis_and_no_other_node_does() -> None:
    """LIANFANG_CONSOLE_NODE_URLS names 太和镇's four Services at their ports; the district
    console's egress and the town's ingress open exactly those ports between exactly those pods
    (docs/sign-in.md: one front door)."""
    (container,) = pods("district")["console-api"]["containers"]
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    node_urls = json.loads(env["LIANFANG_CONSOLE_NODE_URLS"])
    town_services = {
        name: svc["spec"]["ports"][0]["port"]
        for name, svc in objects_of("town-taihe", "Service").items()
    }
    expected = {
        service: f"http://{service}.lianfang-town-taihe.svc:{town_services[service]}"
        for service in ("intake", "register", "warning", "assessment")
    }
    assert node_urls == {"QX-TH": expected}
    api_ports = {town_services[s] for s in expected}
    console = pod_labels("district")["console-api"]
    to_town = [
        r for r in rules_for("district", console, "egress")
        if namespaces_of(r, "to") == {"lianfang-town-taihe"}
    ]  # fmt: skip
    assert {p["port"] for r in to_town for p in r["ports"]} == api_ports
    for name, labels in pod_labels("town-taihe").items():
        from_district = [
            r for r in rules_for("town-taihe", labels, "ingress")
            if namespaces_of(r, "from") == {"lianfang-district"}
        ]  # fmt: skip
        if name.removesuffix("-api") in expected and name.endswith("-api"):
            assert {p["port"] for r in from_district for p in r["ports"]} == api_ports, name
            (peer,) = from_district[0]["from"]
            assert peer["podSelector"] == {
                "matchLabels": {"app.kubernetes.io/component": "console-api"}
            }
        else:
            assert not from_district, name  # workers and the town's own console: nobody else's


ALLOWED_EGRESS_PORTS = {53, 9092, 5432, 8100}
"""DNS, Kafka, PostgreSQL and the district console's token keys; the console adds its APIs."""


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_egress_to_dns_kafka_postgres_and_token_keys_only(overlay: str) -> None:
    for name, labels in pod_labels(overlay).items():
        rules = rules_for(overlay, labels, "egress")
        ports = {p["port"] for r in rules for p in r.get("ports", [])}
        assert all(r.get("ports") for r in rules), f"{name}: an egress rule open on every port"
        allowed = ALLOWED_EGRESS_PORTS | (
            {8101, 8102, 8103, 8104} if name == "console-api" else set()
        )
        assert ports == allowed if name == "console-api" else ports <= allowed, name
        assert {53, 9092, 5432} <= ports, name
        kafka = [r for r in rules if any(p["port"] == 9092 for p in r["ports"])]
        assert all(namespaces_of(r, "to") == {"lianfang-district"} for r in kafka), name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_postgres_is_reached_over_verified_tls(overlay: str) -> None:
    (configmap,) = objects_of(overlay, "ConfigMap").values()
    data = configmap["data"]
    assert data["LIANFANG_POSTGRES_SSLMODE"] == "verify-full"
    ca = data["LIANFANG_POSTGRES_SSLROOTCERT"]
    assert "LIANFANG_POSTGRES_USER" not in data  # each service's role comes from its own Secret
    for name, pod in pods(overlay).items():
        (container,) = pod["containers"]
        mounts = {m["mountPath"] for m in container["volumeMounts"]}
        assert ca.rsplit("/", 1)[0] in mounts, name
    assert {"LIANFANG_POSTGRES_SSLMODE", "LIANFANG_POSTGRES_SSLROOTCERT"} <= env_names("intake")


def test_the_roles_script_makes_a_role_per_service_and_grants_no_tables() -> None:
    script = (K8S / "postgres" / "roles.sql").read_text(encoding="utf-8")
    for service in SERVICES:
        assert f"'{service}'" in script
    assert "REVOKE ALL ON DATABASE" in script
    assert "REVOKE ALL ON SCHEMA public FROM PUBLIC" in script
    grants = re.findall(r"GRANT [^']*", script)
    assert grants
    assert not [g for g in grants if "TABLE" in g.upper() or "ALL" in g.upper()], grants
    for power in ("SUPERUSER", "CREATEDB", "CREATEROLE", "REPLICATION", "BYPASSRLS"):
        assert f"NO{power}" in script


def test_our_image_is_pinned_by_digest_through_the_overlay_s_images(tmp_path: Path) -> None:
    """What deploy/k8s/README.md tells an operator to write: kustomize `images:` with a digest."""
    digest = "sha256:" + "ab" * 32
    overlay = tmp_path / "pinned"
    overlay.mkdir()
    (overlay / "kustomization.yaml").write_text(
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
        f"resources:\n- {os.path.relpath(K8S / 'overlays' / 'district', overlay)}\n"
        f"images:\n- name: lianfang\n  newName: registry.example/lianfang\n  digest: {digest}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [*kustomize_command(), str(overlay)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    images = set(re.findall(r"image: (\S+)", done.stdout))
    assert images == {f"registry.example/lianfang@{digest}"}
    readme = (K8S / "README.md").read_text(encoding="utf-8")
    assert "digest: sha256:" in readme
