"""Rules of statistics: counts only, never personal data; within the principal's division."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.clock import DISTRICT_TZ, today
from shouhu.platform.divisions import name as division_name
from shouhu.platform.errors import NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.labels import DEPARTMENT_NAMES, ROLE_NAMES, STEP_NAMES
from shouhu.registry import policy
from shouhu.registry.cases import deadlines
from shouhu.registry.cases import repository as cases
from shouhu.registry.cases.deadlines import Step
from shouhu.registry.classifications.taxonomy import (
    ClassificationGroup,
    ClassificationSubtype,
    PrimaryCategory,
)
from shouhu.registry.divisions import repository as divisions
from shouhu.registry.intakes import repository as intakes
from shouhu.registry.models import Division
from shouhu.registry.statistics import repository
from shouhu.registry.statistics.case_export import case_statistics_xlsx
from shouhu.registry.statistics.intake_export import (
    IntakeDimension,
    IntakeStatisticsRow,
    intake_statistics_xlsx,
)
from shouhu.registry.statistics.schemas import (
    CaseFigures,
    CaseStatistics,
    Count,
    DivisionCounts,
    DivisionStatistics,
    IntakeFigures,
    IntakeStatistics,
    MonthPoint,
    StepFigures,
)
from shouhu.registry.statistics.suppression import Sum, suppressed

TREND_MONTHS = 12
DISTRICT = "110109"
LONGEST_PERIOD_DAYS = 3660  # ten years: the figures of any period the district asks about


class _Tally:
    """Counts of one division, folded from period combinations, subtypes as the caller sees them."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal
        # How each subtype is shown to this principal, looked up once (policy.disclosed).
        self.shown = {s.value: policy.disclosed(principal, s.value) for s in ClassificationSubtype}
        self.total = 0
        self.left_behind = 0
        self.primary: Counter[str] = Counter()
        self.groups: Counter[str] = Counter()
        self.subtypes: Counter[str] = Counter()

    def add(self, primary: str, left_behind: bool, groups: str, subtypes: str, n: int) -> None:
        self.total += n
        self.left_behind += n if left_behind else 0
        self.primary[primary] += n
        for group in filter(None, groups.split(",")):
            self.groups[group] += n
        # A child counts once under a subtype, also when two of its subtypes are shown as one.
        for subtype in {self.shown[s] for s in subtypes.split(",") if s}:
            self.subtypes[subtype] += n

    def cells(self) -> dict[str, int]:
        """Every count by cell name, as `DivisionCounts.suppressed` names them."""
        shown = [s for s, as_shown in self.shown.items() if as_shown == s]
        return {
            "total": self.total,
            "leftBehind": self.left_behind,
            **{f"byPrimaryCategory.{c.value}": self.primary[c.value] for c in PrimaryCategory},
            **{f"byGroup.{g.value}": self.groups[g.value] for g in ClassificationGroup},
            **{f"bySubtype.{s}": self.subtypes[s] for s in shown},
        }


def _sums(row: str) -> list[Sum]:
    """The sums within one division's counts that subtraction could undo."""
    return [
        (f"{row}.total", [f"{row}.byPrimaryCategory.{c.value}" for c in PrimaryCategory]),
        (f"{row}.leftBehind", [f"{row}.byGroup.{ClassificationGroup.LEFT_BEHIND.value}"]),
    ]


def _division_counts(division: Division, cells: dict[str, int], hidden: set[str]) -> DivisionCounts:
    def count(name: str) -> Count:
        key = name.split(".", 1)[1]
        if name in hidden:
            return Count(key=key, count=None, shown=f"<{policy.SMALL_CELL}")
        return Count(key=key, count=cells[name], shown=str(cells[name]))

    def listed(prefix: str) -> list[Count]:
        return [count(name) for name in cells if name.startswith(prefix)]

    return DivisionCounts(
        division_code=division.code,
        division_name=division.name,
        total=None if "total" in hidden else cells["total"],
        left_behind=None if "leftBehind" in hidden else cells["leftBehind"],
        by_primary_category=listed("byPrimaryCategory."),
        by_group=listed("byGroup."),
        by_subtype=listed("bySubtype."),
        suppressed=[name for name in cells if name in hidden],
    )


EARLIEST = date(1900, 1, 1)  # no record of this network is older


def month_ends(as_of: date, months: int = TREND_MONTHS) -> list[date]:
    """The last day of each of the `months` months ending with `as_of` (itself the last point)."""
    points = [as_of]
    year, month = as_of.year, as_of.month
    for _ in range(months - 1):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        points.append(date(year, month, calendar.monthrange(year, month)[1]))
    return sorted(points)


def statistics(
    session: Session, principal: Principal, division_code: str, as_of: date | None
) -> DivisionStatistics:
    """Counts by primary category, group and subtype, below the division too, and the trend."""
    policy.require(principal, policy.STATISTICS_ROLES, "无权查看统计")
    division = divisions.get(session, division_code)
    if division is None or not policy.sees_division(principal, division_code):
        raise NotFound("区划不存在")
    day = as_of or today()
    if day > today():
        raise ValidationFailed(fields={"asOf": "统计日期不能晚于今天"})
    if day < EARLIEST:  # the trend reaches a year back; day one of year one has no year before
        raise ValidationFailed(fields={"asOf": f"统计日期不能早于{EARLIEST.year}年"})
    below = {d.code: d for d in divisions.children_of(session, division_code)}
    points = month_ends(day)
    tallies: dict[str, _Tally] = {code: _Tally(principal) for code in below}
    whole = _Tally(principal)
    by_point: list[Counter[str]] = [Counter() for _ in points]
    for key, primary, left_behind, groups, subtypes, *counts in repository.tallies(
        session, division_code, points
    ):
        # The last point is the day asked about.
        whole.add(primary, left_behind, groups, subtypes, counts[-1])
        if key in tallies:  # a village's own periods come keyed by the village itself
            tallies[key].add(primary, left_behind, groups, subtypes, counts[-1])
        for index, n in enumerate(counts):
            by_point[index][primary] += n
    rows = {"": whole.cells(), **{code: tally.cells() for code, tally in tallies.items()}}
    trend = [
        {
            "total": sum(counts.values()),
            "hardship": counts[PrimaryCategory.HARDSHIP.value],
            "leftBehind": counts[PrimaryCategory.LEFT_BEHIND.value],
            "none": counts[PrimaryCategory.NONE.value],
        }
        for counts in by_point
    ]
    hidden = _hidden(principal, rows, trend)
    return DivisionStatistics(
        division_code=division_code,
        as_of=day,
        counts=_division_counts(division, rows[""], hidden.get("", set())),
        children=[
            _division_counts(d, rows[code], hidden.get(code, set())) for code, d in below.items()
        ],
        trend=[
            MonthPoint(
                month=f"{p.year:04d}-{p.month:02d}",
                on=p,
                total=_shown(cells, "total", hidden.get(f"trend{i}", set())),
                hardship=_shown(cells, "hardship", hidden.get(f"trend{i}", set())),
                left_behind=_shown(cells, "leftBehind", hidden.get(f"trend{i}", set())),
                none=_shown(cells, "none", hidden.get(f"trend{i}", set())),
                suppressed=sorted(hidden.get(f"trend{i}", set())),
            )
            for i, (p, cells) in enumerate(zip(points, trend, strict=True))
        ],
    )


def _shown(cells: dict[str, int], name: str, hidden: set[str]) -> int | None:
    return None if name in hidden else cells[name]


def _hidden(
    principal: Principal, rows: dict[str, dict[str, int]], trend: list[dict[str, int]]
) -> dict[str, set[str]]:
    """Cells to show as `<5`, by row: none for roles that read files, else small-cell rules.

    The sums that subtraction could undo: within a division's counts; each count of the
    division as the sum of the divisions below; each trend point; and the last trend point,
    which is the day asked about, equal to the division's counts.
    """
    if policy.reads_personal_data(principal):
        return {}
    values = {f"{row}|{name}": n for row, cells in rows.items() for name, n in cells.items()}
    values |= {f"trend{i}|{name}": n for i, cells in enumerate(trend) for name, n in cells.items()}
    sums: list[Sum] = []
    for row in rows:
        sums += [(f"{row}|total", [f"{row}|byPrimaryCategory.{c.value}" for c in PrimaryCategory])]
        sums += [(f"{row}|leftBehind", [f"{row}|byGroup.{ClassificationGroup.LEFT_BEHIND.value}"])]
    below = [row for row in rows if row]
    if below:
        sums += [(f"|{name}", [f"{row}|{name}" for row in below]) for name in rows[""]]
    for i in range(len(trend)):
        sums += [(f"trend{i}|total", [f"trend{i}|{n}" for n in ("hardship", "leftBehind", "none")])]
    last = f"trend{len(trend) - 1}"
    sums += [
        (f"{last}|total", ["|total"]),
        (f"{last}|hardship", [f"|byPrimaryCategory.{PrimaryCategory.HARDSHIP.value}"]),
        (f"{last}|leftBehind", [f"|byPrimaryCategory.{PrimaryCategory.LEFT_BEHIND.value}"]),
        (f"{last}|none", [f"|byPrimaryCategory.{PrimaryCategory.NONE.value}"]),
    ]
    hidden: dict[str, set[str]] = {}
    for cell in suppressed(values, sums, policy.SMALL_CELL):
        row, name = cell.split("|", 1)
        hidden.setdefault(row, set()).add(name)
    return hidden


# ---- the single window (督查考核) --------------------------------------------------------------


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(), DISTRICT_TZ).astimezone(UTC)


def _period(start: date, end: date) -> tuple[datetime, datetime]:
    """The moments of [start, end] as whole district days; a period backwards or over ten years
    is refused."""
    if end < start:
        raise ValidationFailed(fields={"to": "结束日期不能早于开始日期"})
    if (end - start).days > LONGEST_PERIOD_DAYS:
        raise ValidationFailed(fields={"to": "统计期间不能超过十年"})
    return _day_start(start), _day_start(end + timedelta(days=1))


def _town_of(principal: Principal) -> str | None:
    """The town a principal of a town or village sees; None for the district's."""
    scope = principal.division_code
    return scope[:9] if len(scope) >= 9 else None


def intake_statistics(
    session: Session, principal: Principal, start: date, end: date
) -> IntakeStatistics:
    """Per town and per department: applications, open and overdue tasks, and days to finish
    (median, 90th percentile) of the tasks made in the period; a town's people see their town."""
    policy.require(principal, policy.INTAKE_STATISTICS_ROLES, "无权查看一门受理统计")
    period = _period(start, end)
    town = _town_of(principal)
    now = utcnow()
    figures = {
        by: {row[0]: row[1:] for row in intakes.figures(session, by, *period, now, town)}
        for by in ("town", "department")
    }
    towns = [town] if town else [d.code for d in divisions.children_of(session, DISTRICT)]
    return IntakeStatistics(
        from_date=start,
        to_date=end,
        as_of=now,
        by_town=[_figures(c, division_name(c), figures["town"].get(c)) for c in towns],
        by_department=[
            _figures(code, name, figures["department"].get(code))
            for code, name in DEPARTMENT_NAMES.items()
        ],
    )


def _figures(
    code: str, name: str, row: tuple[int, int, int, float | None, float | None] | None
) -> IntakeFigures:
    applications, running, overdue, median, p90 = row or (0, 0, 0, None, None)
    return IntakeFigures(
        code=code,
        name=name,
        applications=applications,
        open_tasks=running,
        overdue_tasks=overdue,
        median_days=None if median is None else round(median, 1),
        p90_days=None if p90 is None else round(p90, 1),
    )


def intake_statistics_workbook(
    session: Session, principal: Principal, start: date, end: date
) -> bytes:
    """The same figures as a workbook: a sheet by town, a sheet by department."""
    found = intake_statistics(session, principal, start, end)
    rows = [
        IntakeStatisticsRow(
            kind,
            f.code,
            f.name,
            f.applications,
            f.open_tasks,
            f.overdue_tasks,
            f.median_days,
            f.p90_days,
        )
        for kind, figures in (
            (IntakeDimension.TOWN, found.by_town),
            (IntakeDimension.DEPARTMENT, found.by_department),
        )
        for f in figures
    ]
    title = f"{division_name(DISTRICT)}一门受理办理情况"
    return intake_statistics_xlsx(rows, period=(start, end), title=title)


# ---- protection cases (追责) --------------------------------------------------------------------

NO_TOWN = "区级（未定镇街）"


def case_statistics(
    session: Session, principal: Principal, start: date, end: date
) -> CaseStatistics:
    """The clocks of the cases reported in the period (追责): the whole, by town, by who reported
    (an institution, else the reporter's role); a town's people see their town."""
    policy.require(principal, policy.CASE_STATISTICS_ROLES, "无权查看强制报告追责统计")
    period = _period(start, end)
    town = _town_of(principal)
    now = utcnow()
    limits = deadlines.current()
    found = cases.accountability(session, *period, now, town, limits)
    towns = [town] if town else [d.code for d in divisions.children_of(session, DISTRICT)]
    if "" in found["town"]:
        towns.append("")
    reporters = sorted(found["reporter"].items(), key=lambda item: (-item[1][0], item[0]))

    def figures(
        code: str, name: str, row: tuple[int, dict[Step, cases.StepFigures]] | None
    ) -> CaseFigures:
        reports, steps = row or (0, {})
        return CaseFigures(
            code=code,
            name=name,
            reports=reports,
            steps=[_step(s, steps.get(s), limits) for s in Step],
        )

    return CaseStatistics(
        from_date=start,
        to_date=end,
        as_of=now,
        deadlines_version=limits.version,
        total=figures(
            town or DISTRICT, division_name(town or DISTRICT), found["all"].get(cases.DISTRICT_KEY)
        ),
        by_town=[
            figures(code, division_name(code) if code else NO_TOWN, found["town"].get(code))
            for code in towns
        ],
        by_reporter=[figures(code, _reporter_name(code), row) for code, row in reporters],
    )


def _reporter_name(code: str) -> str:
    if code.startswith("role:"):
        role = code.removeprefix("role:")
        return ROLE_NAMES.get(role, role)
    return code


def _step(step: Step, row: cases.StepFigures | None, limits: deadlines.Deadlines) -> StepFigures:
    ended, median, worst, late = row or (0, None, None, 0)
    limit = limits.steps[step]
    return StepFigures(
        step=step,
        name=STEP_NAMES[step],
        limit_hours=limit.hours,
        urgent_limit_hours=limit.urgent_hours or limit.hours,
        ended=ended,
        median_hours=None if median is None else round(median, 1),
        worst_hours=None if worst is None else round(worst, 1),
        late=late,
    )


def case_statistics_workbook(
    session: Session, principal: Principal, start: date, end: date
) -> bytes:
    """The same figures as a workbook: a sheet by town, a sheet by reporter."""
    found = case_statistics(session, principal, start, end)
    title = f"{division_name(DISTRICT)}强制报告办理时限（追责）"
    return case_statistics_xlsx(found, title=title)
