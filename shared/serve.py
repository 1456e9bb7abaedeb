"""Entry points of a service process: API and worker together (local), or either alone."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import uvicorn

from shared.http import create_api
from shared.keys import refuse_development_secrets
from shared.runtime import Runtime
from shared.worker import Worker

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from fastapi import FastAPI

    from shared.runtime import ServiceSpec
    from shared.settings import ServiceSettings

log = logging.getLogger(__name__)


def build_api(runtime: Runtime, *, with_worker: bool, routes: bool = True) -> FastAPI:
    """The service's FastAPI app; with the worker running inside its lifespan when asked."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        worker = Worker(runtime) if with_worker else None
        if worker is not None:
            await worker.start()
        try:
            yield
        finally:
            if worker is not None:
                await worker.stop()
            runtime.close()

    return create_api(runtime, lifespan=lifespan, routes=routes)


def serve(
    spec: ServiceSpec, settings: ServiceSettings, *, with_worker: bool = True, routes: bool = True
) -> None:
    """Run the API (and, by default, the worker) until SIGTERM/SIGINT; then drain and exit.

    uvicorn stops taking connections on SIGTERM, finishes the requests in flight, then leaves the
    lifespan, which drains the worker. `routes=False` serves only /healthz, /readyz and /metrics.
    """
    refuse_development_secrets(settings, spec.name)
    runtime = Runtime(spec, settings)
    api = build_api(runtime, with_worker=with_worker, routes=routes)
    # uvicorn re-raises SIGTERM once it has shut down gracefully; end with status 0 then, as the
    # worker alone does: the drain succeeded (an orchestrator reads non-zero as a failure).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # log_config=None: uvicorn's loggers go through the process's JSON logging (shared/logs.py).
    uvicorn.run(
        api,
        host=settings.host,
        port=settings.port,
        log_level="info",
        access_log=False,
        log_config=None,
    )


def run_worker(spec: ServiceSpec, settings: ServiceSettings) -> None:
    """Run only the worker, without HTTP, until SIGTERM/SIGINT; then drain and exit."""

    refuse_development_secrets(settings, spec.name)

    async def main() -> None:
        runtime = Runtime(spec, settings)
        worker = Worker(runtime)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await worker.start()
        try:
            await stop.wait()
        finally:
            log.info("draining worker %s", worker.consumer_name)
            await worker.stop()
            runtime.close()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
