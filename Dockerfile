# syntax=docker/dockerfile:1.7
# One image for every Lianfang service; the command picks the service and the role:
#   docker run IMAGE api intake      # the intake API (HTTP only)
#   docker run IMAGE worker intake --ops   # its worker (agents, timers, outbox relay) + /healthz
# Build: docker build -t lianfang:0.1.0 .
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: the locked dependencies and the project, into /app/.venv -----------------------------
FROM ${PYTHON_IMAGE} AS build
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /bin/uv
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /src
# Dependencies first (their layer is reused until uv.lock changes), exactly as locked, no dev group.
COPY pyproject.toml uv.lock README.md ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project
COPY shared ./shared
COPY services ./services
COPY lianfang ./lianfang
# The project itself as a wheel (not editable): the runtime stage needs no source tree.
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable

# --- runtime: the venv on a slim Python, run by an unprivileged user -----------------------------
FROM ${PYTHON_IMAGE} AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="lianfang" \
      org.opencontainers.image.description="Lianfang 廉防: integrity-risk prevention and control (intake, register, warning, assessment)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="Proprietary" \
      org.opencontainers.image.vendor="清新区纪委监委 预防腐败室" \
      org.opencontainers.image.base.name="${PYTHON_IMAGE}"
# psycopg (the PostgreSQL store) is the pure-Python build: it needs the C client library.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 lianfang \
 && useradd --system --uid 10001 --gid lianfang --home-dir /app --shell /usr/sbin/nologin lianfang \
 && mkdir -p /var/lib/lianfang && chown lianfang:lianfang /var/lib/lianfang
COPY --from=build /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    LIANFANG_DATA_DIR=/var/lib/lianfang
WORKDIR /app
USER 10001:10001
VOLUME ["/var/lib/lianfang"]
EXPOSE 8101 8102 8103 8104
# exec form: `lianfang` is PID 1 and gets SIGTERM itself, so the worker drains before it exits.
ENTRYPOINT ["lianfang"]
CMD ["--help"]
