"""JSON log lines (structlog) for every logger of a service process, with the current trace id.

One line per record on stderr: `timestamp`, `level`, `logger`, `event` (the message), `trace_id`
and `span_id` when the work belongs to a trace (shared/tracing.py), `exception` when there is one.
Standard-library loggers (ours, uvicorn's, faust's, aiokafka's) are rendered the same way.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import structlog

from shared import tracing

if TYPE_CHECKING:
    from structlog.typing import EventDict, Processor


def add_trace(_: Any, __: str, event_dict: EventDict) -> EventDict:
    """Put the current trace's ids on the line (a structlog processor)."""
    trace = tracing.current()
    if trace is not None:
        event_dict.setdefault("trace_id", trace.trace_id)
        event_dict.setdefault("span_id", trace.span_id)
    return event_dict


def _enrich() -> list[Processor]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        add_trace,
    ]


def json_formatter() -> logging.Formatter:
    """The formatter that renders any standard-library record as one JSON line."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_enrich(),
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
    )


def configure(level: int = logging.INFO) -> None:
    """Route every logger of the process, and structlog's own, to JSON lines on stderr."""
    handler = logging.StreamHandler()
    handler.setFormatter(json_formatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    structlog.configure(
        processors=[*_enrich(), structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
