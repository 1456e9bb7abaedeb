"""The exported contract: current with the code, valid AsyncAPI 3.0.0, and true to what we emit."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT7

from shared.contract_export import asyncapi_document, export_contract, main
from shared.envelope import to_record
from shared.events import EVENT_TYPES, PUBLIC_EVENT_TYPES, CloudEvent
from tests.unit.shared import samples

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "docs" / "contract"
ASYNCAPI_SCHEMA = ROOT / "tests" / "data" / "asyncapi-3.0.0.schema.json"
REGENERATE = "run `python -m shared.contract_export` and commit docs/contract"


@cache
def asyncapi_validator() -> Draft7Validator:
    """The official AsyncAPI 3.0.0 schema; every $ref it makes is bundled in it (offline)."""
    schema = json.loads(ASYNCAPI_SCHEMA.read_text(encoding="utf-8"))

    def offline(uri: str) -> Any:
        raise LookupError(f"the bundled AsyncAPI schema should not need {uri}")

    registry = Registry(retrieve=offline).with_resource(
        schema["$id"], DRAFT7.create_resource(schema)
    )
    return Draft7Validator(schema, registry=registry.crawl())


def test_the_committed_contract_is_what_the_code_exports(tmp_path: Path) -> None:
    written = export_contract(tmp_path)
    relative = sorted(p.relative_to(tmp_path) for p in written)
    committed = sorted(p.relative_to(COMMITTED) for p in COMMITTED.rglob("*.json"))
    assert relative == committed, f"the set of contract files changed: {REGENERATE}"
    for path in relative:
        fresh = (tmp_path / path).read_bytes()
        assert fresh == (COMMITTED / path).read_bytes(), f"{path} is out of date: {REGENERATE}"
        assert fresh.endswith(b"}\n")


def test_export_is_deterministic_and_drops_stale_schemas(tmp_path: Path) -> None:
    stale = tmp_path / "schemas" / "cn.gov.qingxin.lianfang.intake.Gone.v1.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}\n")
    first = {p: p.read_bytes() for p in export_contract(tmp_path)}
    assert not stale.exists()
    assert {p: p.read_bytes() for p in export_contract(tmp_path)} == first
    assert len(first) == len(EVENT_TYPES) + 1


def test_main_writes_where_it_is_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main([str(tmp_path / "out")])
    assert (tmp_path / "out" / "asyncapi.json").is_file()
    assert "asyncapi.json" in capsys.readouterr().out


def test_the_asyncapi_document_is_valid_against_the_official_schema() -> None:
    document = json.loads((COMMITTED / "asyncapi.json").read_text(encoding="utf-8"))
    errors = [
        f"{e.json_path}: {e.message[:200]}" for e in asyncapi_validator().iter_errors(document)
    ]
    assert errors == []


def test_the_official_schema_does_catch_a_broken_document() -> None:
    # Guards the check above against passing vacuously.
    document = asyncapi_document()
    document["operations"]["intake.publish"]["action"] = "publish"  # AsyncAPI 2 wording
    document["components"]["schemas"]["Actor"]["type"] = 5
    assert len(list(asyncapi_validator().iter_errors(document))) == 2


def test_every_local_reference_in_the_document_resolves() -> None:
    document = asyncapi_document()

    def refs(node: Any) -> list[str]:
        if isinstance(node, dict):
            own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
            return own + [r for value in node.values() for r in refs(value)]
        if isinstance(node, list):
            return [r for value in node for r in refs(value)]
        return []

    found = refs(document)
    assert found
    for ref in found:
        assert ref.startswith("#/"), ref
        target: Any = document
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        assert isinstance(target, dict), ref


def test_the_document_describes_the_public_four_on_their_producers_topics() -> None:
    document = asyncapi_document()
    assert document["info"]["title"] == "Lianfang 廉防 events"
    assert document["channels"]["intake"]["address"] == "lianfang.intake.events"
    messages = document["components"]["messages"]
    public = {m["name"] for m in messages.values() if m["tags"] == [{"name": "public"}]}
    assert public == {cls.__name__ for cls in PUBLIC_EVENT_TYPES.values()}
    overdue = messages["RectificationOverdue.v1"]
    assert "Art. 28" in overdue["summary"]
    assert overdue["headers"]["properties"]["ce_type"]["const"] == (
        "cn.gov.qingxin.lianfang.warning.RectificationOverdue.v1"
    )
    assert overdue["bindings"]["kafka"]["key"]["type"] == "string"
    operation = document["operations"]["warning.publish"]
    assert operation["action"] == "send"
    assert {"$ref": "#/channels/warning/messages/WarningIssued.v1"} in operation["messages"]


@pytest.mark.parametrize("event", samples.every_event(), ids=lambda e: e.type.split(".")[-2])
def test_what_we_emit_is_valid_under_what_we_publish(event: CloudEvent) -> None:
    # The structured envelope against its schema file...
    schema = json.loads((COMMITTED / "schemas" / f"{event.type}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    checker = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    checker.validate(json.loads(event.model_dump_json()))
    # ...and the Kafka record against the AsyncAPI message's headers and payload.
    document = json.loads((COMMITTED / "asyncapi.json").read_text(encoding="utf-8"))
    name = event.type.rsplit(".", 2)
    message = document["components"]["messages"][f"{name[1]}.{name[2]}"]
    record = to_record(event)
    headers = {k: v.decode() for k, v in record.headers}
    Draft7Validator(message["headers"]).validate(headers)
    payload_schema = {**message["payload"], "components": document["components"]}
    Draft7Validator(payload_schema).validate(json.loads(record.value))
