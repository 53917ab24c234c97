"""A service's parts apart from its API: `migrate` (the chart's hook Job), `worker` (its pods).

    python -m shouhu.platform.run migrate registry   # migrate and seed, then exit
    python -m shouhu.platform.run worker registry    # relay, consumers, timers; /healthz, /readyz
    python -m shouhu.platform.run parked registry    # the events its consumers parked
    python -m shouhu.platform.run redrive registry   # apply them again now, in order

Both build the service as its API does (`shouhu.<service>.app:create_app`, the same settings),
so a setting the service refuses stops the Job or the worker as it would stop the API.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlmodel import Session, col, select

from shouhu.platform import telemetry
from shouhu.platform.app import health_router, prepare
from shouhu.platform.events import ParkedEvent


def service_app(service: str) -> FastAPI:
    """The service's API app, built but not started: its spec, engine, transport and worker."""
    module = importlib.import_module(f"shouhu.{service}.app")
    app: FastAPI = module.create_app()
    return app


def migrate_only(service: FastAPI) -> None:
    """Migrate the service's database to head and seed it; nothing else starts."""
    try:
        prepare(service.state.spec, service.state.engine)
    finally:
        service.state.engine.dispose()


def parked(service: FastAPI) -> list[ParkedEvent]:
    """The messages the service's consumers parked, oldest first."""
    with Session(service.state.engine) as session:
        return list(session.exec(select(ParkedEvent).order_by(col(ParkedEvent.id))).all())


def show_parked(rows: list[ParkedEvent]) -> None:
    """One line per parked message: when, topic, key, tries and the error."""
    for row in rows:
        print(
            f"{row.id}\t{row.parked_at:%Y-%m-%d %H:%M:%S}\t{row.topic}\t{row.key}"
            f"\t{row.attempts}\t{row.error}"
        )
    print(f"{len(rows)} parked", flush=True)


def create_worker_app(service: FastAPI) -> FastAPI:
    """The service's worker alone, with `/healthz` and `/readyz` for its probes: no API."""
    state = service.state

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The migration Job ran before this pod: the worker only waits for a migrated schema.
        await asyncio.to_thread(state.worker.start)
        try:
            yield
        finally:
            await asyncio.to_thread(state.worker.stop)
            telemetry.flush()
            state.engine.dispose()

    app = FastAPI(
        title=f"Shouhu {state.spec.name} worker",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.include_router(health_router(engine=state.engine, transport=state.transport, verifier=None))
    return app


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run it."""
    parser = argparse.ArgumentParser(prog="python -m shouhu.platform.run", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    migrate = commands.add_parser("migrate", help="migrate and seed the service's database")
    migrate.add_argument("service")
    worker = commands.add_parser("worker", help="run the relay, consumers and timers only")
    worker.add_argument("service")
    # Every interface: the pod's probes call it from outside the container.
    worker.add_argument("--host", default="0.0.0.0")
    worker.add_argument("--port", type=int, default=8000)
    for command, about in (
        ("parked", "list the events its consumers parked"),
        (
            "redrive",
            "apply the parked events again now, in order (the worker does it every "
            "SHOUHU_REDRIVE_SECONDS too)",
        ),
    ):
        commands.add_parser(command, help=about).add_argument("service")
    args = parser.parse_args(argv)
    service = service_app(args.service)
    if args.command == "migrate":
        migrate_only(service)
        print(f"{args.service}: migrated", flush=True)
        return 0
    if args.command == "parked":
        show_parked(parked(service))
        return 0
    if args.command == "redrive":
        done = service.state.worker.redrive()
        print(f"{args.service}: {done} applied", flush=True)
        left = parked(service)
        show_parked(left)
        return 1 if left else 0
    import uvicorn

    uvicorn.run(create_worker_app(service), host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
