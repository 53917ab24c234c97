"""Load the localstack fixtures here unless the root conftest already loaded them."""

import pytest

PLUGIN = "shouhu.localstack.pytest_plugin"


def pytest_configure(config: pytest.Config) -> None:
    """Register the plugin once (pytest_plugins is only allowed in the root conftest)."""
    if not config.pluginmanager.has_plugin(PLUGIN):
        config.pluginmanager.import_plugin(PLUGIN)
