"""Settings of the registry."""

from shouhu.platform.settings import ServiceSettings


class RegistrySettings(ServiceSettings):
    """Registry settings; `SHOUHU_*` variables."""

    service_name: str = "registry"
    database_url: str = "sqlite:///./data/registry.db"
    exit_job_every_seconds: float = 3600.0
    seal_every_seconds: float = 1.0
