"""Helm, built once from its Go module into the cache, for the chart's tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from shouhu.localstack._common import StartupError, cache_dir, file_lock, run

# A pinned v3 release the Go module proxy serves; the chart is tested with this one.
HELM_VERSION = "3.19.5"
# The Kubernetes version of its client-go (v0.34): `helm template` and `helm lint` assume it
# when given no --kube-version.
KUBE_VERSION = ("1", "34")


def _ldflags(version: str) -> str:
    """What Helm's Makefile sets and `go install` leaves out: its version, Kubernetes'."""
    values = {
        "internal/version.version": f"v{version}",
        "pkg/chartutil.k8sVersionMajor": KUBE_VERSION[0],
        "pkg/chartutil.k8sVersionMinor": KUBE_VERSION[1],
        "pkg/lint/rules.k8sVersionMajor": KUBE_VERSION[0],
        "pkg/lint/rules.k8sVersionMinor": KUBE_VERSION[1],
    }
    return "-ldflags=-s -w " + " ".join(f"-X helm.sh/helm/v3/{k}={v}" for k, v in values.items())


def fetch(version: str = HELM_VERSION) -> Path:
    """`go install` Helm once into ~/.cache/shouhu/helm-<version>/ and return the binary."""
    home = cache_dir(f"helm-{version}")
    binary = home / "helm"
    if binary.exists():
        return binary
    go = shutil.which("go")
    if go is None:
        raise StartupError("Go is needed once to build Helm (https://go.dev/dl/)")
    with file_lock(home.with_name(home.name + ".lock")):
        if binary.exists():
            return binary
        # Built beside the cache folder and moved in whole: a killed build leaves no binary.
        staging = home.with_name(home.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        env = {**os.environ, "GOBIN": str(staging), "GOFLAGS": "-mod=mod", "CGO_ENABLED": "0"}
        run(
            [go, "install", _ldflags(version), f"helm.sh/helm/v3/cmd/helm@v{version}"],
            env=env,
            timeout=3600,
        )
        if not (staging / "helm").exists():
            raise StartupError(f"go install left no helm in {staging}")
        (staging / "helm").rename(binary)
        shutil.rmtree(staging, ignore_errors=True)
    return binary
