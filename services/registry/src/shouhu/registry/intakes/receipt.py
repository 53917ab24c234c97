"""The printable receipt of an intake (受理回执): an A4 PDF in Chinese, from plain data."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from shouhu.platform.identity import mask as mask_identity
from shouhu.platform.labels import DEPARTMENT_NAMES, NEED_NAMES, RELATION_NAMES
from shouhu.platform.pdf import FONT, MARGIN, chinese_date, chinese_time
from shouhu.platform.pdf import styles as _styles
from shouhu.platform.pdf import text as _text

# 序号, 申请事项, 承办部门, 办理时限, 已收材料, 待补材料: 174 mm, the width between the margins.
COLUMN_WIDTHS = tuple(w * mm for w in (12, 26, 32, 28, 38, 38))
SHADE = colors.HexColor("#F2F2F2")
HEADER = ("序号", "申请事项", "承办部门", "办理时限", "已收材料", "待补材料")


@dataclass(frozen=True)
class ReceiptLine:
    """One task on the receipt: a need, the department that handles it, its deadline, materials."""

    need: str  # an IntakeNeed value
    department: str  # a Department value
    due_on: date  # the last day; a datetime is shown as its date in Beijing
    materials_received: Sequence[str] = ()
    materials_missing: Sequence[str] = ()


@dataclass(frozen=True)
class Receipt:
    """What a receipt shows; the phone and identity numbers in full, masked when printed."""

    district_name: str  # 门头沟区
    receipt_number: str  # MTG-2026-000123
    submitted_at: datetime  # timezone-aware; printed in Beijing time
    child_name: str
    applicant_name: str
    applicant_relation: str  # an ApplicantRelation value
    applicant_phone: str
    window_division: str  # the division whose window took the application
    clerk_name: str
    window_phone: str
    lines: Sequence[ReceiptLine] = field(default_factory=tuple)
    child_id_number: str | None = None


def masked_phone(phone: str) -> str:
    """138****5678: the family can tell it is theirs, a finder of the paper cannot call it."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"


def _facts(receipt: Receipt, styles: dict[str, ParagraphStyle]) -> Table:
    """The applicant and the child, two label-value pairs a row."""
    child = receipt.child_name
    if receipt.child_id_number:
        child += f"（身份证号 {mask_identity(receipt.child_id_number)}）"
    cell = styles["cell"]
    rows = [
        ("儿童姓名", child, "", ""),
        (
            "申请人",
            receipt.applicant_name,
            "与儿童关系",
            RELATION_NAMES[receipt.applicant_relation],
        ),
        (
            "联系电话",
            masked_phone(receipt.applicant_phone),
            "受理时间",
            chinese_time(receipt.submitted_at),
        ),
    ]
    table = Table(
        [[_text(v, cell) for v in row] for row in rows],
        colWidths=[22 * mm, 65 * mm, 22 * mm, 65 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (1, 0), (3, 0)),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("BACKGROUND", (2, 1), (2, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _tasks(receipt: Receipt, styles: dict[str, ParagraphStyle]) -> Table:
    """Need → department → deadline → materials; the header repeats on every page."""
    cell = styles["cell"]
    rows: list[list[Any]] = [[_text(h, cell) for h in HEADER]]
    for number, line in enumerate(receipt.lines, start=1):
        rows.append(
            [
                _text(str(number), cell),
                _text(NEED_NAMES[line.need], cell),
                _text(DEPARTMENT_NAMES[line.department], cell),
                _text(chinese_date(line.due_on), cell),
                _text("、".join(line.materials_received) or "无", cell),
                _text("、".join(line.materials_missing) or "无", cell),
            ]
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
    return table


def _follow_up(receipt: Receipt, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """How the family follows the application: this paper, the window's phone, the SMS."""
    body = styles["body"]
    phone = masked_phone(receipt.applicant_phone)
    paragraphs = [
        f"1. 请妥善保管本回执。您可凭受理编号 {receipt.receipt_number} 到受理窗口"
        f"（{receipt.window_division}）或致电 {receipt.window_phone} 查询办理进度。",
        f"2. 申请人手机（{phone}）将收到一条含受理编号的受理短信；"
        "承办部门需要补充材料时，将以短信告知所需材料；全部事项办结后，将再次以短信告知办理结果。",
        "3. 上表“待补材料”请尽快送交受理窗口，承办部门自收到材料之日起继续计算办理时限。"
        "办理时限按工作日计算，法定节假日不计入。",
    ]
    return [_text(p, body) for p in paragraphs]


def _window(receipt: Receipt, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Where the application was taken, and room for the window's stamp."""
    body = styles["body"]
    return [
        _text(f"受理窗口：{receipt.window_division}　　受理人：{receipt.clerk_name}", body),
        _text(f"窗口电话：{receipt.window_phone}", body),
        Spacer(0, 6 * mm),
        _text(f"受理窗口（盖章）　　{chinese_date(receipt.submitted_at)}", styles["stamp"]),
    ]


class _NumberedCanvas(Canvas):
    """A canvas that writes 第 n 页 共 N 页 once the page count is known."""

    def __init__(self, *args: Any, receipt_number: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.receipt_number = receipt_number
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        # Held back until save(): the total is known only after the last page.
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # what Canvas.showPage ends with

    def save(self) -> None:
        total = len(self._pages)
        for page in self._pages:
            self.__dict__.update(page)
            self.setFont(FONT, 9)
            # A loose second page still says which receipt it belongs to.
            self.drawCentredString(
                A4[0] / 2,
                10 * mm,
                f"受理编号 {self.receipt_number}　第 {self.getPageNumber()} 页 共 {total} 页",
            )
            super().showPage()
        super().save()


def render_receipt(receipt: Receipt) -> bytes:
    """The receipt as an A4 PDF."""
    styles = _styles()
    title = f"{receipt.district_name}困境儿童和留守儿童一门受理回执"
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        # The title only: the child's and the applicant's names stay out of the metadata.
        title=title,
        author=receipt.district_name,
    )
    story: list[Flowable] = [
        _text(title, styles["title"]),
        _text(f"受理编号：{receipt.receipt_number}", styles["number"]),
        _facts(receipt, styles),
        _text("申请事项与办理时限", styles["heading"]),
        _tasks(receipt, styles),
        # A heading stays with what it heads, and a section is not cut across two pages.
        KeepTogether([_text("受理窗口", styles["heading"]), *_window(receipt, styles)]),
        KeepTogether([_text("如何查询办理进度", styles["heading"]), *_follow_up(receipt, styles)]),
    ]
    document.build(
        story, canvasmaker=partial(_NumberedCanvas, receipt_number=receipt.receipt_number)
    )
    return out.getvalue()
