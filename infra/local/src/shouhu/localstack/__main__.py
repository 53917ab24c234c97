"""CLI: `up` runs PostgreSQL, Kafka and Keycloak until stopped; `fetch` only warms the caches."""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from shouhu.localstack import helm, kafka, keycloak, postgres


def _timed(start: Callable[[], Any]) -> tuple[Any, float]:
    """Call start() and return its result with the seconds it took."""
    began = time.monotonic()
    result = start()
    return result, time.monotonic() - began


def fetch() -> int:
    """Download and build everything the local processes need."""
    steps: dict[str, Callable[[], Any]] = {
        "postgres binaries": postgres.ensure_bindir,
        "kafka jars": kafka.fetch,
        "keycloak dist + realm db": keycloak.fetch,
        "helm (the chart's tests)": helm.fetch,
    }
    for name, step in steps.items():
        result, seconds = _timed(step)
        print(f"# {name}: {result} ({seconds:.1f}s)", flush=True)
    return 0


def up(env_file: Path | None) -> int:
    """Start all three services, print export lines, wait for Ctrl-C/SIGTERM, then stop them."""
    stop_event = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop_event.set())
    starters: dict[str, Callable[[], Any]] = {
        "postgres": postgres.start_postgres,
        "kafka": kafka.start_kafka,
        "keycloak": keycloak.start_keycloak,
    }
    with ThreadPoolExecutor(len(starters)) as pool:
        futures = {name: pool.submit(_timed, start) for name, start in starters.items()}
    handles: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    errors: list[str] = []
    for name, future in futures.items():
        try:
            handles[name], seconds[name] = future.result()
        except Exception as exc:  # report every failure, then stop the rest
            errors.append(f"{name}: {exc}")
    try:
        if errors:
            print("\n\n".join(errors), file=sys.stderr)
            return 1
        exports = {
            "SHOUHU_POSTGRES_URL": handles["postgres"].server_url,
            "SHOUHU_KAFKA_BOOTSTRAP": handles["kafka"].bootstrap,
            "SHOUHU_KEYCLOAK_URL": handles["keycloak"].base_url,
        }
        lines = [f"export {key}={shlex.quote(value)}" for key, value in exports.items()]
        lines += [f"# {name} ready in {secs:.1f}s" for name, secs in seconds.items()]
        text = "\n".join(lines) + "\n"
        print(text, end="", flush=True)
        if env_file is not None:
            partial = env_file.with_name(env_file.name + ".partial")
            partial.write_text(text)
            partial.replace(env_file)
        print("# running; Ctrl-C or SIGTERM stops", file=sys.stderr, flush=True)
        while not stop_event.wait(1):
            pass
        return 0
    finally:
        for handle in handles.values():
            handle.stop()
        if env_file is not None and env_file.exists():
            env_file.unlink()


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run it."""
    parser = argparse.ArgumentParser(prog="python -m shouhu.localstack", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    up_parser = commands.add_parser("up", help="start all three and wait for Ctrl-C/SIGTERM")
    up_parser.add_argument("--env-file", type=Path, help="also write the export lines here")
    commands.add_parser("fetch", help="only download and cache what the local processes need")
    args = parser.parse_args(argv)
    if args.command == "fetch":
        return fetch()
    return up(args.env_file)


if __name__ == "__main__":
    sys.exit(main())
