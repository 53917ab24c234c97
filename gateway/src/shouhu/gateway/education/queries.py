"""Queries of education."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.education.types import (
    AidProgramme,
    AidSemester,
    DropoutRiskConnection,
    EducationStatistics,
    HomeTeaching,
    School,
    SchoolPupilConnection,
)
from shouhu.platform.errors import NotFound


@strawberry.type
class Query:
    @strawberry.field(description="The district's schools, or a town's (学校名录)")
    async def schools(self, info: Ctx, town_code: str | None = None) -> list[School]:
        return [School.from_row(r) for r in await info.context.education.schools(town_code)]

    @strawberry.field(
        description="The caller's own school (本校) when the department has tied them to one"
    )
    async def my_school(self, info: Ctx) -> School | None:
        row = await info.context.education.my_school()
        return School.from_row(row) if row else None

    @strawberry.field(
        description="A school's children with an open enrolment (本校学生), the latest enrolled "
        "first: the education department any school's, a school's staff their own"
    )
    async def school_pupils(
        self, info: Ctx, school_code: str, first: int = 20, after: str | None = None
    ) -> SchoolPupilConnection:
        page = await info.context.education.school_pupils(school_code, first, after)
        return SchoolPupilConnection.from_row(page)

    @strawberry.field(
        description="The open dropout risks (控辍保学) of a division (district, town or village) "
        "within the caller's, newest first"
    )
    async def dropout_risks(
        self, info: Ctx, division_code: str, first: int = 20, after: str | None = None
    ) -> DropoutRiskConnection:
        page = await info.context.education.dropout_risks(division_code, first, after)
        return DropoutRiskConnection.from_row(page)

    @strawberry.field(description="Every aid programme with today's standard and its history")
    async def aid_standards(self, info: Ctx) -> list[AidProgramme]:
        return [AidProgramme.from_row(r) for r in await info.context.education.aid_programmes()]

    @strawberry.field(description='A semester\'s aid ledger, once run ("2026-AUTUMN")')
    async def aid_semester(self, info: Ctx, semester: str) -> AidSemester | None:
        try:
            row = await info.context.education.aid_semester(semester)
        except NotFound:
            return None
        return AidSemester.from_row(row)

    @strawberry.field(description="The latest semesters' aid ledgers, newest first")
    async def aid_semesters(self, info: Ctx, first: int = 10) -> list[AidSemester]:
        rows = await info.context.education.aid_semesters(first)
        return [AidSemester.from_row(r) for r in rows]

    @strawberry.field(
        description="The current home teaching plans (送教上门) of a division within the "
        "caller's, with this month's count: the town's social worker and the education department"
    )
    async def home_teaching(self, info: Ctx, division_code: str) -> list[HomeTeaching]:
        rows = await info.context.education.home_teaching(division_code)
        return [HomeTeaching.from_row(r) for r in rows]

    @strawberry.field(
        description="Education statistics of a division within the caller's (教育统计): "
        "compulsory-school age, enrolled, dropout risks, home teaching, by stage and by town, "
        "non-Beijing children (非京籍) counted apart"
    )
    async def education_statistics(self, info: Ctx, division_code: str) -> EducationStatistics:
        row = await info.context.education.education_statistics(division_code)
        return EducationStatistics.from_row(row)
