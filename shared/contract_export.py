"""Export the event contract for teams that do not read Python: JSON Schemas and AsyncAPI 3.0.0.

`python -m shared.contract_export [out_dir]` (default docs/contract) writes
`schemas/<ce_type>.json` (the structured-mode envelope of each event type, JSON Schema 2020-12)
and `asyncapi.json` (one channel per service's events topic, the binary-mode Kafka messages with
their ce_* headers and data payloads). The output is deterministic, so a test keeps the committed
files current.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from shared.envelope import CONTENT_TYPE, CONTENT_TYPE_HEADER, HEADER_OF
from shared.events import EVENT_TYPES, PUBLIC_EVENT_TYPES, CloudEvent, parse_event_type
from shared.topics import Topics

ASYNCAPI_VERSION: Final = "3.0.0"
CONTRACT_VERSION: Final = "1.2.0"  # bump when an event type is added or gets a new version
KAFKA_BINDING_VERSION: Final = "0.5.0"
JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
DEFAULT_OUT_DIR: Final = Path("docs/contract")
_REF_TEMPLATE: Final = "#/components/schemas/{model}"

JsonObject = dict[str, Any]


def render(document: JsonObject) -> str:
    """The stable text of a JSON document: sorted keys, two-space indent, trailing newline."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def envelope_schema(cls: type[CloudEvent]) -> JsonObject:
    """The JSON Schema of one event type's structured-mode envelope."""
    return {"$schema": JSON_SCHEMA_DIALECT, **cls.model_json_schema()}


def asyncapi_document(topics: Topics | None = None) -> JsonObject:
    """The AsyncAPI 3.0.0 document of every event, per producing service's topic."""
    topics = topics or Topics()
    inputs: list[tuple[type[BaseModel], JsonSchemaMode]] = [
        (cls.data_model(), "validation") for cls in EVENT_TYPES.values()
    ]
    refs, definitions = models_json_schema(inputs, ref_template=_REF_TEMPLATE)
    payloads = {cls: refs[(cls.data_model(), "validation")] for cls in EVENT_TYPES.values()}
    channels: JsonObject = {}
    operations: JsonObject = {}
    messages: JsonObject = {}
    # One channel per producer: each service's events topic, and the audit topic (checkpoints).
    for service in sorted({_service(cls) for cls in EVENT_TYPES.values()}):
        produced = [cls for cls in EVENT_TYPES.values() if _service(cls) == service]
        ids = [_message_id(cls) for cls in produced]
        channels[service] = {
            "address": topics.of_event(produced[0].event_type()),
            "title": f"{service} events",
            "description": f"Every {service} event, keyed by ce_subject.",
            "messages": {i: {"$ref": f"#/components/messages/{i}"} for i in ids},
        }
        operations[f"{service}.publish"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{service}"},
            "title": f"The {service} service publishes",
            "messages": [{"$ref": f"#/channels/{service}/messages/{i}"} for i in ids],
        }
        messages.update({_message_id(cls): _message(cls, payloads[cls]) for cls in produced})
    return {
        "asyncapi": ASYNCAPI_VERSION,
        "info": _info(topics),
        "defaultContentType": CONTENT_TYPE,
        "channels": channels,
        "operations": operations,
        "components": {"schemas": definitions.get("$defs", {}), "messages": messages},
    }


def export_contract(out_dir: Path) -> list[Path]:
    """Write `schemas/<type>.json` and `asyncapi.json` under `out_dir`; drop stale schema files."""
    schema_dir = out_dir / "schemas"
    schema_dir.mkdir(parents=True, exist_ok=True)
    files = {schema_dir / f"{t}.json": envelope_schema(cls) for t, cls in EVENT_TYPES.items()}
    files[out_dir / "asyncapi.json"] = asyncapi_document()
    for stale in set(schema_dir.glob("*.json")) - set(files):
        stale.unlink()
    for path, document in files.items():
        path.write_text(render(document), encoding="utf-8")
    return sorted(files)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: `python -m shared.contract_export [out_dir]`."""
    args = list(sys.argv[1:] if argv is None else argv)
    for path in export_contract(Path(args[0]) if args else DEFAULT_OUT_DIR):
        print(path)


def _service(cls: type[CloudEvent]) -> str:
    return parse_event_type(cls.event_type()).service


def _message_id(cls: type[CloudEvent]) -> str:
    name = parse_event_type(cls.event_type())
    return f"{name.name}.v{name.version}"


def _summary(cls: type[object]) -> str:
    return (cls.__doc__ or "").strip().splitlines()[0]


def _message(cls: type[CloudEvent], payload: JsonObject) -> JsonObject:
    event_type = cls.event_type()
    name = parse_event_type(event_type)
    public = event_type in PUBLIC_EVENT_TYPES
    data_model = cls.data_model()
    return {
        "name": name.name,
        "title": f"{name.name} v{name.version}",
        "summary": _summary(cls),
        "description": f"{_summary(data_model)} ce_type `{event_type}`; "
        + ("part of the public contract." if public else "internal to the services."),
        "contentType": CONTENT_TYPE,
        "tags": [{"name": "public" if public else "internal"}],
        "correlationId": {
            "description": "The case (aggregate) the event belongs to.",
            "location": "$message.header#/ce_subject",
        },
        "headers": _headers_schema(event_type),
        "payload": payload,
        "bindings": {
            "kafka": {
                "bindingVersion": KAFKA_BINDING_VERSION,
                "key": {
                    "type": "string",
                    "description": "ce_subject, UTF-8: one case's events share a partition.",
                },
            }
        },
    }


def _headers_schema(event_type: str) -> JsonObject:
    fields = CloudEvent.model_fields
    properties: JsonObject = {
        header: {"type": "string", "description": fields[attr].description}
        for attr, header in HEADER_OF.items()
    }
    properties["ce_id"]["format"] = "uuid"
    properties["ce_source"]["format"] = "uri-reference"
    properties["ce_time"]["format"] = "date-time"
    properties["ce_type"]["const"] = event_type
    properties["ce_specversion"]["const"] = "1.0"
    properties[CONTENT_TYPE_HEADER] = {
        "type": "string",
        "const": CONTENT_TYPE,
        "description": "Media type of the value (the CloudEvents datacontenttype).",
    }
    properties["traceparent"] = {
        "type": "string",
        "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
        "description": "Optional W3C Trace Context of the request that caused the event; "
        "consumers continue the trace with it (shared/tracing.py).",
    }
    return {
        "type": "object",
        "description": "CloudEvents 1.0 Kafka protocol binding, binary content mode: the "
        "envelope attributes as UTF-8 headers.",
        "required": [*HEADER_OF.values(), CONTENT_TYPE_HEADER],
        "properties": properties,
    }


def _info(topics: Topics) -> JsonObject:
    return {
        "title": "Lianfang 廉防 events",
        "version": CONTRACT_VERSION,
        "description": (
            "Events of the integrity-risk prevention system of Qingxin District "
            "(清远市清新区廉政风险防控工作暂行办法), as CloudEvents 1.0 in Kafka binary mode. "
            f"Topic names carry a deployment prefix (here `{topics.prefix}`). The public contract "
            "is the messages tagged `public`: RiskReported, RiskGraded, WarningIssued, "
            "RectificationOverdue. A breaking change adds a new `.vN` type."
        ),
        "tags": [
            {"name": "public", "description": "The public contract for downstream systems."},
            {"name": "internal", "description": "Published for the services themselves."},
        ],
    }


if __name__ == "__main__":
    main()
