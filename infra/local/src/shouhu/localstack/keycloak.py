"""Keycloak with the shouhu realm: an env-named server, a testcontainer, or a local JVM."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tarfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shouhu.localstack._common import (
    ManagedProcess,
    Restart,
    StartupError,
    cache_dir,
    file_lock,
    find_java_home,
    free_ports,
    make_temp_dir,
    maven_artifact,
    provider,
    register_cleanup,
    remove_dir,
    restartable,
    run,
    unregister_cleanup,
)

ENV_URL = "SHOUHU_KEYCLOAK_URL"
KEYCLOAK_VERSION = os.environ.get("SHOUHU_KEYCLOAK_VERSION", "26.7.3")
IMAGE = os.environ.get("SHOUHU_KEYCLOAK_IMAGE", f"quay.io/keycloak/keycloak:{KEYCLOAK_VERSION}")
JAVA_MIN = 21
REALM_RELPATH = Path("infra/keycloak/shouhu-realm.json")
# Build-time options baked into the cached ("augmented") distribution; --optimized reuses them.
BUILD_OPTIONS = ("--db=dev-file", "--health-enabled=true")
ADMIN = ("admin", "admin")


@dataclass
class KeycloakHandle:
    """A running Keycloak serving the realm; URLs come from its discovery document."""

    base_url: str
    realm: str = "shouhu"
    issuer: str = ""
    token_url: str = ""
    jwks_url: str = ""
    admin_username: str | None = None
    admin_password: str | None = None
    provider: str = "local"
    _stop: Callable[[], None] = field(default=lambda: None, repr=False)
    _restart: Restart | None = field(default=None, repr=False)

    def halt(self) -> None:
        """Stop the server, keeping its database (realm, keys), as an outage would."""
        restartable(self._restart, "keycloak", self.provider).halt()

    def resume(self) -> None:
        """Start the halted server again on the same ports and database; wait for the realm."""
        restartable(self._restart, "keycloak", self.provider).resume()

    @property
    def discovery_url(self) -> str:
        """The realm's OpenID Connect discovery URL."""
        return f"{self.base_url}/realms/{self.realm}/.well-known/openid-configuration"

    def stop(self) -> None:
        """Stop the server (if this process started it) and remove its files."""
        stop, self._stop = self._stop, lambda: None
        unregister_cleanup(self)
        stop()


def default_realm_file() -> Path:
    """Locate infra/keycloak/shouhu-realm.json (SHOUHU_KEYCLOAK_REALM_FILE overrides)."""
    if os.environ.get("SHOUHU_KEYCLOAK_REALM_FILE"):
        return Path(os.environ["SHOUHU_KEYCLOAK_REALM_FILE"]).resolve()
    for parent in Path(__file__).resolve().parents:
        candidate = parent / REALM_RELPATH
        if candidate.is_file():
            return candidate
    raise StartupError(f"{REALM_RELPATH} not found above {Path(__file__).resolve()}")


def realm_name(realm_file: Path) -> str:
    """Return the realm name declared in a realm export file."""
    return str(json.loads(realm_file.read_text(encoding="utf-8"))["realm"])


def start_keycloak(
    realm_file: Path | str | None = None, *, full_jit: bool = False
) -> KeycloakHandle:
    """Start (or attach to) Keycloak: SHOUHU_KEYCLOAK_URL, else Docker, else a local JVM.

    A local JVM boots on the client compiler only (half the CPU), unless `full_jit`: for the
    benches, which measure Keycloak's own work at a steady state."""
    chosen = provider(ENV_URL)
    if chosen == "env":
        realm = os.environ.get("SHOUHU_KEYCLOAK_REALM") or (
            realm_name(Path(realm_file)) if realm_file else "shouhu"
        )
        return _handle(os.environ[ENV_URL], realm, "env", wait=30)
    realm_path = Path(realm_file) if realm_file else default_realm_file()
    if chosen == "docker":
        try:
            return start_docker(realm_path)
        except ImportError as exc:
            print(
                f"[localstack] Docker answers but {exc}; running a local process", file=sys.stderr
            )
    return start_local(realm_path, full_jit=full_jit)


def _get_json(url: str, timeout: float = 3) -> dict[str, Any]:
    """GET a URL and decode its JSON body (raises on non-2xx)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        body: dict[str, Any] = json.load(response)
        return body


def _handle(
    base_url: str,
    realm: str,
    provider_name: str,
    wait: float = 0,
    stop: Callable[[], None] | None = None,
    admin: tuple[str, str] | None = None,
) -> KeycloakHandle:
    """Build a handle from the realm's discovery document (polling up to wait seconds)."""
    handle = KeycloakHandle(base_url.rstrip("/"), realm, provider=provider_name)
    deadline = time.monotonic() + wait
    while True:
        try:
            discovery = _get_json(handle.discovery_url)
            break
        except Exception as exc:  # keep polling until the deadline
            if time.monotonic() > deadline:
                if stop is not None:
                    stop()
                raise StartupError(f"keycloak realm not served at {handle.discovery_url}") from exc
            time.sleep(0.5)
    handle.issuer = discovery["issuer"]
    handle.token_url = discovery["token_endpoint"]
    handle.jwks_url = discovery["jwks_uri"]
    if admin is not None:
        handle.admin_username, handle.admin_password = admin
    if stop is not None:
        handle._stop = stop
        register_cleanup(handle, handle.stop)
    return handle


def start_docker(realm_file: Path) -> KeycloakHandle:
    """Start a Keycloak testcontainer (dev mode) importing the realm file."""
    try:
        from testcontainers.community.keycloak import KeycloakContainer
    except ImportError:
        from testcontainers.keycloak import KeycloakContainer

    container = KeycloakContainer(IMAGE, username=ADMIN[0], password=ADMIN[1])
    container.with_realm_import_file(str(realm_file))
    container.start()
    return _handle(
        container.get_url(), realm_name(realm_file), "docker", 120, container.stop, ADMIN
    )


# --- local process ------------------------------------------------------------------------------


def _java_env(full_jit: bool = False) -> dict[str, str]:
    """Environment for kc.sh with a Java 21+ JAVA_HOME."""
    env = dict(os.environ)
    env["JAVA_HOME"] = str(find_java_home(JAVA_MIN))
    for var in ("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_ADD_OPENS", "KC_DB", "KC_CACHE"):
        env.pop(var, None)
    if not full_jit:
        # The client compiler only: a boot takes half the CPU (measured: 22 s → 12 s), which is
        # what a restart under load waits for; a password grant is 10% slower, no matter to a
        # test. The benches keep the full JIT, as a district's Keycloak runs.
        env["JAVA_OPTS_APPEND"] = "-XX:TieredStopAtLevel=1"
    return env


def _extract(tarball: Path, dest: Path) -> Path:
    """Extract the distribution tarball into dest and return its top folder."""
    with tarfile.open(tarball) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(dest, filter="data")
        else:
            archive.extractall(dest)  # trusted Maven Central artifact
    tops = [p for p in dest.iterdir() if p.is_dir()]
    if len(tops) != 1:
        raise StartupError(f"unexpected layout in {tarball}: {tops}")
    return tops[0]


def fetch_dist(version: str = KEYCLOAK_VERSION) -> Path:
    """Download, extract and build (augment) the distribution once; return its cached folder."""
    dist = cache_dir() / f"keycloak-{version}"
    stamp = dist / ".shouhu-built"
    wanted = " ".join(BUILD_OPTIONS)
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return dist
    with file_lock(cache_dir() / f"keycloak-{version}.lock"):
        if stamp.exists() and stamp.read_text().strip() == wanted:
            return dist
        tarball = maven_artifact(
            "org.keycloak", "keycloak-quarkus-dist", version, "tar.gz", cache_dir("downloads")
        )
        staging = cache_dir() / f"keycloak-{version}.staging"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        top = _extract(tarball, staging)
        run([top / "bin" / "kc.sh", "build", *BUILD_OPTIONS], env=_java_env(), cwd=top)
        shutil.rmtree(dist, ignore_errors=True)
        top.rename(dist)
        shutil.rmtree(staging, ignore_errors=True)
        stamp.write_text(wanted + "\n")
    return dist


def _make_home(dist: Path) -> Path:
    """Create a throwaway Keycloak home: own conf/ and data/, shared read-only lib/ and themes/."""
    home = make_temp_dir("shouhu-keycloak-")
    (home / "bin").mkdir()
    shutil.copy2(dist / "bin" / "kc.sh", home / "bin" / "kc.sh")
    (home / "conf").mkdir()
    (home / "data").mkdir()
    for name in ("lib", "themes", "providers"):
        if (dist / name).exists():
            (home / name).symlink_to(dist / name)
    return home


def _launch(
    home: Path, http_port: int, management_port: int, *extra: str, full_jit: bool = False
) -> ManagedProcess:
    """Run kc.sh start --optimized in a home on loopback ports."""
    cmd = [
        str(home / "bin" / "kc.sh"),
        "start",
        "--optimized",
        "--cache=local",
        "--http-enabled=true",
        "--http-host=127.0.0.1",
        f"--http-port={http_port}",
        f"--http-management-port={management_port}",
        f"--hostname=http://127.0.0.1:{http_port}",
        *extra,
    ]
    env = _java_env(full_jit)
    env["KC_BOOTSTRAP_ADMIN_USERNAME"], env["KC_BOOTSTRAP_ADMIN_PASSWORD"] = ADMIN
    return ManagedProcess("keycloak", cmd, home / "keycloak.log", cwd=home, env=env)


def _wait_ready(proc: ManagedProcess, url: str, timeout: float) -> None:
    """Wait until url answers 200."""

    def ok() -> bool:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)

    proc.wait_until(ok, timeout, f"serving {url}", 0.25)


def fetch_template(realm_file: Path, version: str = KEYCLOAK_VERSION) -> Path:
    """Build (once per realm file content) an H2 database with the realm already imported."""
    dist = fetch_dist(version)
    digest = hashlib.sha256(realm_file.read_bytes()).hexdigest()[:16]
    template = cache_dir() / f"keycloak-{version}-db-{digest}"
    stamp = template / ".complete"
    if stamp.exists():
        return template
    with file_lock(cache_dir() / f"keycloak-{version}-db.lock"):
        if stamp.exists():
            return template
        home = _make_home(dist)
        (home / "data" / "import").mkdir()
        shutil.copy2(realm_file, home / "data" / "import" / realm_file.name)
        http_port, management_port = free_ports(2)
        proc = _launch(home, http_port, management_port, "--import-realm")
        try:
            url = f"http://127.0.0.1:{http_port}/realms/{realm_name(realm_file)}"
            _wait_ready(proc, url + "/.well-known/openid-configuration", 300)
        finally:
            proc.stop(timeout=60)
        try:
            if proc.popen.returncode not in (0, 130, 143):
                raise proc.fail(f"did not shut down cleanly ({proc.popen.returncode})")
            shutil.rmtree(template, ignore_errors=True)
            shutil.copytree(
                home / "data" / "h2",
                template / "h2",
                ignore=shutil.ignore_patterns("*.trace.db", "*.lock.db"),
            )
            stamp.write_text(f"{realm_file}\n")
        finally:
            remove_dir(home)
    return template


def start_local(
    realm_file: Path, timeout: float = 300, *, full_jit: bool = False
) -> KeycloakHandle:
    """Run Keycloak from the cached optimized build with a fresh copy of the realm database."""
    template = fetch_template(realm_file)
    home = _make_home(fetch_dist())
    shutil.copytree(template / "h2", home / "data" / "h2")
    http_port, management_port = free_ports(2)
    realm = realm_name(realm_file)
    base_url = f"http://127.0.0.1:{http_port}"
    discovery = f"{base_url}/realms/{realm}/.well-known/openid-configuration"
    try:
        restart = Restart(
            lambda: _launch(home, http_port, management_port, full_jit=full_jit),
            lambda started: _wait_ready(started, discovery, timeout),
        )
    except BaseException:
        remove_dir(home)
        raise

    def stop() -> None:
        restart.halt()
        remove_dir(home)

    handle = _handle(base_url, realm, "local", 10, stop, ADMIN)
    handle._restart = restart
    return handle


def fetch(realm_file: Path | None = None) -> Path:
    """Warm every Keycloak cache (download, build, realm database)."""
    return fetch_template(realm_file or default_realm_file())
