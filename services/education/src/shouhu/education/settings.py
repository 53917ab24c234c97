"""Settings of education."""

from shouhu.platform.settings import ServiceSettings


class EducationSettings(ServiceSettings):
    """Education settings; `SHOUHU_*` variables."""

    service_name: str = "education"
    database_url: str = "sqlite:///./data/education.db"
