"""The certificate of service hours (志愿服务时长证明): an A4 PDF in Chinese, from plain data."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from shouhu.platform.pdf import MARGIN, chinese_date, styles, text

SHADE = colors.HexColor("#F2F2F2")
HEADER = ("序号", "服务日期", "服务项目", "服务时长（小时）")
COLUMN_WIDTHS = tuple(w * mm for w in (14, 40, 80, 40))  # 174 mm between the margins
DISTRICT = "北京市门头沟区"


@dataclass(frozen=True)
class CertificateLine:
    """One approved record: the day, the activity (or a pairing visit), the hours."""

    on: date
    what: str
    hours: float


@dataclass(frozen=True)
class Certificate:
    """What the certificate shows; the identity number comes masked."""

    volunteer_name: str
    id_number: str
    organisation_name: str
    total_hours: float
    star_level: int
    issued_on: date
    lines: Sequence[CertificateLine] = field(default_factory=tuple)


def _hours(value: float) -> str:
    return f"{value:g}"


def render_certificate(paper: Certificate) -> bytes:
    """The certificate as an A4 PDF."""
    style = styles()
    cell = style["cell"]
    title = "志愿服务时长证明"
    rows: list[list[Flowable]] = [[text(h, cell) for h in HEADER]]
    for number, line in enumerate(paper.lines, start=1):
        rows.append(
            [
                text(str(number), cell),
                text(chinese_date(line.on), cell),
                text(line.what, cell),
                text(_hours(line.hours), cell),
            ]
        )
    rows.append(
        [text("", cell), text("合计", cell), text("", cell), text(_hours(paper.total_hours), cell)]
    )
    table = Table(rows, colWidths=COLUMN_WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    stars = f"{paper.star_level}星级志愿者" if paper.star_level else "尚未达到星级"
    body = style["body"]
    story: list[Flowable] = [
        text(title, style["title"]),
        text(
            f"兹证明 {paper.volunteer_name}（身份证号 {paper.id_number}）"
            f"为{paper.organisation_name}注册志愿者，截至{chinese_date(paper.issued_on)}，经组织审核确认的志愿服务时长累计"
            f"{_hours(paper.total_hours)}小时，{stars}。",
            body,
        ),
        Spacer(0, 4 * mm),
        text("服务记录", style["heading"]),
        table,
        Spacer(0, 8 * mm),
        text(f"{paper.organisation_name}（盖章）", style["stamp"]),
        text(chinese_date(paper.issued_on), style["stamp"]),
    ]
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        # The title only: the volunteer's name stays out of the metadata.
        title=title,
        author=DISTRICT,
    )
    document.build(story)
    return out.getvalue()
