"""Settings of education."""

from shouhu.platform.settings import ServiceSettings


class EducationSettings(ServiceSettings):
    """Education settings; `SHOUHU_*` variables."""

    service_name: str = "education"
    database_url: str = "sqlite:///./data/education.db"
    # How often the worker looks whether today's dropout sweep is done (it sweeps once a day).
    dropout_sweep_every_seconds: float = 600.0
    # How often the aid job looks whether the district's day has turned (it acts once a day).
    aid_every_seconds: float = 600.0
    # How often the worker looks whether the month has turned (it checks home teaching's month
    # that ended once a month; a look costs nothing until then).
    home_teaching_every_seconds: float = 30.0
