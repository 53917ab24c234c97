"""Settings of the registry."""

from shouhu.platform.settings import ServiceSettings


class RegistrySettings(ServiceSettings):
    """Registry settings; `SHOUHU_*` variables."""

    service_name: str = "registry"
    database_url: str = "sqlite:///./data/registry.db"
