"""Helm in the cache: built once, then found; the flags say its version and Kubernetes'."""

from pathlib import Path

import pytest

from shouhu.localstack import helm


def test_a_cached_helm_is_returned_without_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SHOUHU_CACHE", str(tmp_path))
    binary = tmp_path / f"helm-{helm.HELM_VERSION}" / "helm"
    binary.parent.mkdir()
    binary.write_text("")
    monkeypatch.setattr(helm.shutil, "which", lambda _name: pytest.fail("go was looked for"))
    assert helm.fetch() == binary


def test_without_go_a_missing_helm_says_what_is_needed(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOUHU_CACHE", str(tmp_path))
    monkeypatch.setattr(helm.shutil, "which", lambda _name: None)
    with pytest.raises(helm.StartupError, match="Go is needed"):
        helm.fetch()


def test_the_build_stamps_the_versions_helms_makefile_would():
    flags = helm._ldflags("3.19.5")
    assert flags.startswith("-ldflags=-s -w ")
    assert "-X helm.sh/helm/v3/internal/version.version=v3.19.5" in flags
    assert "-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=34" in flags
    assert "-X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=34" in flags
