"""deploy/k8s: the overlays render, every object is valid, and names only what the code has.

Kubernetes objects are validated offline with kubernetes-validate (strict: no unknown fields);
Strimzi resources with the openAPIV3Schema of Strimzi's own CRDs (tests/data/strimzi, 1.2.0).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import jsonschema
import kubernetes_validate
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lianfang.cli import app
from lianfang.kafka_acl import STRIMZI_NODES, strimzi_users
from services import registry
from services.console.main import SPEC as CONSOLE
from services.console.settings import ConsoleSettings
from shared.clock import ManualClock
from shared.http import create_api
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED, Runtime
from shared.topics import SERVICES, Topics
from shared.worker import EVENT_PARTITIONS
from tests.deploy.kustomize import (
    K8S,
    crd_schemas,
    kustomize_command,
    kustomize_version,
    render,
    unknown_fields,
)
from tests.deploy.support import env_names, settings_under
from tests.support.tokens import TEST_JWKS_FILE

if TYPE_CHECKING:
    from pathlib import Path

OVERLAYS = {"district": ("district", "QX"), "town-taihe": ("town-taihe", "QX-TH")}
K8S_VERSION = "1.32.0"  # the kubectl on this machine image; the schemas ship with the package
STRIMZI = "kafka.strimzi.io/v1"


def of_kind(objects: tuple[dict[str, Any], ...], kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


def config(objects: tuple[dict[str, Any], ...]) -> dict[str, str]:
    (configmap,) = of_kind(objects, "ConfigMap").values()
    data: dict[str, str] = configmap["data"]
    return data


def test_kustomize_is_there_and_recent() -> None:
    # v5 renders `labels` and `replicas` as the overlays use them; kubectl's or a binary's.
    assert re.fullmatch(r"v5\.\d+\.\d+", kustomize_version())


def fake_kustomize(folder: Path, build_info: str) -> None:
    """A `kustomize` that says "(devel)" like a `go install`ed one, carrying `build_info`."""
    script = folder / "kustomize"
    script.write_text(f"#!/bin/sh\necho '(devel)'\nexit 0\n{build_info}", encoding="utf-8")
    script.chmod(0o755)


def test_a_go_installed_kustomize_is_known_by_its_build_info(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no kubectl: the kustomize binary renders
    # What `go install sigs.k8s.io/kustomize/kustomize/v5@v5.5.0` embeds (`go version -m`).
    fake_kustomize(
        tmp_path,
        "path\tsigs.k8s.io/kustomize/kustomize/v5\n"
        "mod\tsigs.k8s.io/kustomize/kustomize/v5\tv5.5.0\th1:abc=\n"
        "dep\tsigs.k8s.io/kustomize/api\tv0.18.0\th1:def=\n",
    )
    assert kustomize_command() == ["kustomize", "build"]
    assert kustomize_version() == "v5.5.0"
    # One that cannot tell its version fails the check, loudly.
    fake_kustomize(tmp_path, "path\tcmd/other\nmod\tother/tool\tv5.1.0\th1:x=\n")
    with pytest.raises(AssertionError, match="its version is unknown"):
        kustomize_version()


@pytest.mark.parametrize("overlay", sorted(OVERLAYS))
def test_every_kubernetes_object_is_valid_for_the_api_server(overlay: str) -> None:
    objects = render(f"overlays/{overlay}")
    checked = 0
    for obj in objects:
        if obj["apiVersion"].startswith("kafka.strimzi.io/"):
            continue
        kubernetes_validate.validate(obj, K8S_VERSION, strict=True)
        checked += 1
    assert checked >= 4 * 6 + 2  # per service 2 Deployments, 2 Services, PDB, HPA; ConfigMap, NS


def test_the_kubernetes_check_would_catch_a_mistake() -> None:
    deployment = dict(of_kind(render("overlays/district"), "Deployment")["intake-api"])
    deployment["spec"] = {**deployment["spec"], "replica": 2}  # a typo'd field
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSION, strict=True)


@pytest.mark.parametrize("overlay", sorted(OVERLAYS))
def test_strimzi_resources_match_strimzi_s_own_schemas(overlay: str) -> None:
    schemas = crd_schemas()
    for obj in render(f"overlays/{overlay}"):
        if not obj["apiVersion"].startswith("kafka.strimzi.io/"):
            continue
        if obj["kind"] == "KafkaUser":
            continue  # its CRD is not vendored (tests/data/README.md); see the KafkaUser test
        schema = schemas[(obj["apiVersion"], obj["kind"])]
        errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(obj)]
        assert errors == [], obj["metadata"]["name"]
        assert unknown_fields(obj, schema) == [], obj["metadata"]["name"]


def test_the_strimzi_check_would_catch_a_mistake() -> None:
    topic = next(iter(of_kind(render("overlays/district"), "KafkaTopic").values()))
    schema = crd_schemas()[(STRIMZI, "KafkaTopic")]
    typo = {**topic, "spec": {**topic["spec"], "partitons": 3}}
    assert unknown_fields(typo, schema) == [".spec.partitons"]
    wrong = {**topic, "spec": {**topic["spec"], "partitions": "three"}}
    assert list(jsonschema.Draft7Validator(schema).iter_errors(wrong))


@pytest.mark.parametrize("overlay", sorted(OVERLAYS))
def test_each_service_has_an_api_and_a_single_worker(overlay: str) -> None:
    objects = render(f"overlays/{overlay}")
    deployments = of_kind(objects, "Deployment")
    assert set(deployments) == {f"{s}-{r}" for s in registry.NAMES for r in ("api", "worker")}
    hpas, pdbs = (
        of_kind(objects, "HorizontalPodAutoscaler"),
        of_kind(objects, "PodDisruptionBudget"),
    )
    for service in registry.NAMES:
        worker = deployments[f"{service}-worker"]
        assert worker["spec"]["replicas"] == 1  # one outbox relay per service (base comment)
        assert worker["spec"]["strategy"]["rollingUpdate"]["maxSurge"] == 0
        assert hpas[f"{service}-api"]["spec"]["scaleTargetRef"]["name"] == f"{service}-api"
        assert (
            pdbs[f"{service}-api"]["spec"]["selector"]["matchLabels"]
            == (deployments[f"{service}-api"]["spec"]["selector"]["matchLabels"])
        )
    assert not any(name.endswith("-worker") for name in hpas | pdbs)


@pytest.mark.parametrize("overlay", sorted(OVERLAYS))
def test_containers_run_real_commands_with_settings_the_code_reads(
    overlay: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    objects = render(f"overlays/{overlay}")
    configmap = config(objects)
    services = of_kind(objects, "Service")
    for name, deployment in of_kind(objects, "Deployment").items():
        service, role = name.rsplit("-", 1)
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        args = container["args"]
        assert args[:2] == [role, service]
        result = CliRunner().invoke(app, [*args, "--help"])
        assert result.exit_code == 0, result.output
        # A value from a Secret (the console's TOTP key) stands in as a placeholder.
        env = configmap | {e["name"]: e.get("value", "from-a-secret") for e in container["env"]}
        assert set(env) <= env_names(service), set(env) - env_names(service)
        if "LIANFANG_INTAKE_IDENTITY_KEY_FILE" in env:  # a mounted Secret: a file stands in
            key = tmp_path / "identity.key"
            key.write_text("a-key-from-the-secret\n", encoding="utf-8")
            env["LIANFANG_INTAKE_IDENTITY_KEY_FILE"] = str(key)
        settings, _ = settings_under(service, env, monkeypatch)
        (port,) = container["ports"]
        assert port["containerPort"] == settings.port
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert container["readinessProbe"]["httpGet"]["port"] == port["name"]
        refs = {r.get("secretRef", {}).get("name") for r in container["envFrom"]}
        assert refs - {None} == {f"lianfang-{service}-postgres"}  # its own, no shared one
        assert container["resources"]["limits"]
        assert container["resources"]["requests"]
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        assert annotations["prometheus.io/port"] == str(settings.port)
        if role == "api":
            assert services[service]["spec"]["ports"][0]["port"] == settings.port


def test_the_secret_s_documented_keys_are_settings() -> None:
    text = (K8S / "base" / "kustomization.yaml").read_text(encoding="utf-8")
    keys = set(re.findall(r"--from-literal=(\w+)=", text))
    assert keys == {
        "LIANFANG_POSTGRES_USER", "LIANFANG_POSTGRES_PASSWORD", "LIANFANG_CONSOLE_TOTP_KEY"
    }  # fmt: skip
    assert keys - {"LIANFANG_CONSOLE_TOTP_KEY"} <= env_names("intake")
    assert "LIANFANG_CONSOLE_TOTP_KEY" in env_names("console")
    # The identity key is a file (LIANFANG_INTAKE_IDENTITY_KEY_FILE), never a literal here.
    assert "--from-file=key=" in text


def test_only_the_district_console_api_holds_sign_in_s_keys() -> None:
    """One issuer (docs/sign-in.md): the district's console-api signs; a town's console holds no
    key at all and sends every call to the district's console."""
    for overlay in OVERLAYS:
        objects = render(f"overlays/{overlay}")
        for name, deployment in of_kind(objects, "Deployment").items():
            pod = deployment["spec"]["template"]["spec"]
            (container,) = pod["containers"]
            env = {e["name"]: e for e in container.get("env", [])}
            volumes = {v["name"] for v in pod.get("volumes", [])}
            mounts = {m["mountPath"] for m in container.get("volumeMounts", [])}
            keys = {n for n in env if "SIGNING_KEY" in n or "TOTP" in n}
            if name == "console-api" and overlay == "district":
                assert keys == {"LIANFANG_CONSOLE_SIGNING_KEY_FILE", "LIANFANG_CONSOLE_TOTP_KEY"}
                assert "signing-key" in volumes
                assert "LIANFANG_CONSOLE_DISTRICT_URL" not in env
            else:
                assert not keys, (overlay, name)
                assert "signing-key" not in volumes, (overlay, name)
                assert not any("signing-key" in m for m in mounts), (overlay, name)
            if name == "console-api" and overlay != "district":
                assert env["LIANFANG_CONSOLE_DISTRICT_URL"]["value"].startswith("https://")


def test_a_town_s_console_starts_outside_dev_mode_without_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The town's console-api, with exactly its rendered settings, serves (redirecting) rather
    than refusing to start for want of a signing key (services/console/bff/api.py `extend`)."""
    objects = render("overlays/town-taihe")
    (container,) = of_kind(objects, "Deployment")["console-api"]["spec"]["template"]["spec"][
        "containers"
    ]
    env = config(objects) | {e["name"]: e["value"] for e in container["env"]}
    # No server here: an in-memory store, and the district's public keys from a file.
    env |= {"LIANFANG_STORE": "memory", "LIANFANG_JWKS_FILE": str(TEST_JWKS_FILE)}
    env.pop("LIANFANG_JWKS_URL")
    settings, common = settings_under("console", env, monkeypatch)
    assert not common.dev_mode
    assert isinstance(settings, ConsoleSettings)
    assert settings.signin.signing_key_file is None
    assert settings.signin.totp_key is None
    runtime = Runtime(CONSOLE, settings, ManualClock())
    try:
        with TestClient(create_api(runtime), follow_redirects=False) as client:
            answer = client.get("/api/session")
    finally:
        runtime.close()
    assert answer.status_code == 307
    assert answer.headers["location"] == env["LIANFANG_CONSOLE_DISTRICT_URL"] + "/api/session"


@pytest.mark.parametrize("overlay", sorted(OVERLAYS))
def test_every_node_checks_tokens_with_the_district_console_s_public_keys(overlay: str) -> None:
    """Issue #14: no pod holds a key that can mint; one issuer for the district."""
    data = config(render(f"overlays/{overlay}"))
    assert data["LIANFANG_JWKS_URL"].startswith("http://console.lianfang-district.svc:")
    assert data["LIANFANG_JWKS_URL"].endswith("/.well-known/jwks.json")
    assert "LIANFANG_ENV" not in data
    assert not any("JWT_SECRET" in key for key in data)


@pytest.mark.parametrize("overlay", sorted(OVERLAYS))
def test_each_overlay_is_its_node(overlay: str) -> None:
    node_id, root_unit = OVERLAYS[overlay]
    objects = render(f"overlays/{overlay}")
    data = config(objects)
    assert data["LIANFANG_NODE_ID"] == node_id
    assert data["LIANFANG_NODE_ROOT_UNIT"] == root_unit
    OrgDirectory.from_json(DEFAULT_ORG_SEED).get(root_unit)  # a unit of the tree
    namespaces = {o["metadata"].get("namespace") for o in objects if o["kind"] != "Namespace"}
    assert namespaces == {f"lianfang-{overlay}"}


def test_nodes_never_share_a_database() -> None:
    district, town = config(render("overlays/district")), config(render("overlays/town-taihe"))
    assert district["LIANFANG_POSTGRES_DBNAME"] != town["LIANFANG_POSTGRES_DBNAME"]


def test_town_nodes_share_the_district_s_kafka() -> None:
    district, town = render("overlays/district"), render("overlays/town-taihe")
    (kafka,) = of_kind(district, "Kafka").values()
    assert not of_kind(town, "Kafka")
    assert not of_kind(town, "KafkaTopic")
    assert (
        config(district)["LIANFANG_KAFKA_BOOTSTRAP"]
        == f"{kafka['metadata']['name']}-kafka-bootstrap:9092"
    )
    namespace = kafka["metadata"]["namespace"]
    assert config(town)["LIANFANG_KAFKA_BOOTSTRAP"] == (
        f"{kafka['metadata']['name']}-kafka-bootstrap.{namespace}.svc:9092"
    )
    assert config(town)["LIANFANG_TOPIC_PREFIX"] == config(district)["LIANFANG_TOPIC_PREFIX"]


def test_kafka_is_kraft_with_node_pools_and_every_topic_of_the_code() -> None:
    objects = render("overlays/district")
    (kafka,) = of_kind(objects, "Kafka").values()
    pools = of_kind(objects, "KafkaNodePool")
    roles = {role for pool in pools.values() for role in pool["spec"]["roles"]}
    assert roles == {"controller", "broker"}
    cluster = kafka["metadata"]["name"]
    assert all(p["metadata"]["labels"]["strimzi.io/cluster"] == cluster for p in pools.values())
    topics = Topics(config(objects)["LIANFANG_TOPIC_PREFIX"])
    declared = {t["spec"]["topicName"]: t for t in of_kind(objects, "KafkaTopic").values()}
    events = {topics.events(s) for s in SERVICES}
    letters = {topics.dead_letter(s) for s in SERVICES}
    assert set(declared) == events | letters | {topics.audit()}
    for name, topic in declared.items():
        assert topic["metadata"]["labels"]["strimzi.io/cluster"] == cluster
        if name in events | {topics.audit()}:  # the audit trail and its witnesses: forever
            wanted = EVENT_PARTITIONS if name in events else 1
            assert topic["spec"]["partitions"] == wanted
            assert topic["spec"]["config"]["retention.ms"] == -1
            assert topic["spec"]["config"]["retention.bytes"] == -1
        else:
            assert topic["spec"]["partitions"] == 1
            assert topic["spec"]["config"]["retention.ms"] > 0


def test_every_service_of_every_node_is_a_kafka_user_with_the_launcher_s_acls() -> None:
    """Issue #17, review C2: the same principals and ACLs as the local broker's
    (lianfang/kafka_acl.py), a TLS listener with SCRAM, simple authorization, and only the nodes'
    pods as peers."""
    district, town = render("overlays/district"), render("overlays/town-taihe")
    (kafka,) = of_kind(district, "Kafka").values()
    (listener,) = kafka["spec"]["kafka"]["listeners"]
    assert listener["tls"] is True
    assert listener["authentication"] == {"type": "scram-sha-512"}
    assert listener["networkPolicyPeers"]
    assert kafka["spec"]["kafka"]["authorization"]["type"] == "simple"
    assert "userOperator" in kafka["spec"]["entityOperator"]
    users = of_kind(district, "KafkaUser")
    assert not of_kind(town, "KafkaUser")  # the cluster's namespace holds them all
    expected = strimzi_users(
        Topics(config(district)["LIANFANG_TOPIC_PREFIX"]), STRIMZI_NODES, "lianfang"
    )
    assert {u["metadata"]["name"] for u in expected} == set(users), (
        "regenerate: python -m lianfang.kafka_acl > deploy/k8s/kafka/users.yaml"
    )
    for user in expected:
        rendered = users[user["metadata"]["name"]]
        assert rendered["spec"] == user["spec"]
        assert rendered["metadata"]["labels"]["strimzi.io/cluster"] == kafka["metadata"]["name"]
        operations = {
            op for acl in user["spec"]["authorization"]["acls"] for op in acl["operations"]
        }
        assert not operations & {"Delete", "Alter", "AlterConfigs", "All", "ClusterAction"}


@pytest.mark.parametrize("overlay", sorted(OVERLAYS))
def test_each_pod_reads_its_own_kafka_password_from_a_file(overlay: str) -> None:
    objects = render(f"overlays/{overlay}")
    data = config(objects)
    assert data["LIANFANG_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert "LIANFANG_KAFKA_PASSWORD" not in data  # a file, never the environment
    for name, deployment in of_kind(objects, "Deployment").items():
        service = name.rsplit("-", 1)[0]
        pod = deployment["spec"]["template"]["spec"]
        secrets = {v["name"]: v["secret"]["secretName"] for v in pod["volumes"] if "secret" in v}
        assert secrets["kafka-user"] == f"lianfang-kafka-{service}"
        (container,) = pod["containers"]
        mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
        assert data["LIANFANG_KAFKA_PASSWORD_FILE"].startswith(mounts["kafka-user"] + "/")
        assert data["LIANFANG_KAFKA_SSL_CAFILE"].startswith(mounts["kafka-ca"] + "/")
        assert "LIANFANG_KAFKA_USERNAME" not in data  # `<node>-<service>` from the node's id
