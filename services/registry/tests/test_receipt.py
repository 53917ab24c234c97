"""The intake receipt (受理回执): rendered to PDF, then read back with a real text extractor."""

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from shouhu.platform.labels import DEPARTMENT_NAMES, NEED_NAMES, RELATION_NAMES
from shouhu.registry.intakes.receipt import Receipt, ReceiptLine, render_receipt

PHONE = "13812345678"
ID_NUMBER = "110109201304090018"
ROUTING = {
    "LIVING_ALLOWANCE": "CIVIL_AFFAIRS",
    "MEDICAL_ASSISTANCE": "HEALTH",
    "REHABILITATION": "DISABLED_PERSONS_FEDERATION",
    "EDUCATION_AID": "EDUCATION",
    "GUARDIANSHIP_SUPPORT": "CIVIL_AFFAIRS",
    "PSYCHOLOGICAL_SUPPORT": "HEALTH",
    "LEGAL_AID": "JUDICIAL",
    "HOUSING": "HOUSING",
    "PARENT_EMPLOYMENT": "HUMAN_RESOURCES",
    "HUKOU_REGISTRATION": "POLICE",
    "VOLUNTEER_PAIRING": "YOUTH_LEAGUE",
}


def receipt(lines: list[ReceiptLine], **changes: object) -> Receipt:
    base = Receipt(
        district_name="门头沟区",
        receipt_number="MTG-2026-000123",
        # 06:05 UTC is 14:05 in Beijing.
        submitted_at=datetime(2026, 11, 30, 6, 5, tzinfo=UTC),
        child_name="王小明",
        applicant_name="张丽",
        applicant_relation="VILLAGE_COMMITTEE",
        applicant_phone=PHONE,
        window_division="大峪街道社会事务办",
        clerk_name="李娟",
        window_phone="010-69841234",
        lines=lines,
        child_id_number=ID_NUMBER,
    )
    return replace(base, **changes)


def pages(pdf: bytes) -> list[str]:
    """Each page's text, without the spaces and line breaks an extractor puts between runs."""
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]


THREE = [
    ReceiptLine("LIVING_ALLOWANCE", "CIVIL_AFFAIRS", date(2026, 12, 14), ("户口簿", "低保证")),
    ReceiptLine("EDUCATION_AID", "EDUCATION", date(2026, 12, 21), ("户口簿",), ("学籍证明",)),
    ReceiptLine("LEGAL_AID", "JUDICIAL", date(2027, 1, 8), (), ("身份证",)),
]


def test_a_receipt_shows_the_number_the_names_the_deadlines_and_a_masked_phone() -> None:
    pdf = render_receipt(receipt(THREE))

    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    [text] = pages(pdf)
    for shown in (
        "门头沟区困境儿童和留守儿童一门受理回执",
        "MTG-2026-000123",
        "2026年11月30日14:05",
        "王小明",
        "110109************",
        "张丽",
        "村（居）委会",
        "138****5678",
        "基本生活保障",
        "区民政局",
        "2026年12月14日",
        "教育资助",
        "区教委",
        "2026年12月21日",
        "法律援助",
        "区司法局",
        "2027年1月8日",
        "户口簿、低保证",
        "学籍证明",
        "大峪街道社会事务办",
        "李娟",
        "010-69841234",
        "第1页共1页",
    ):
        assert shown in text, shown
    assert PHONE not in text
    assert ID_NUMBER not in text
    assert "12345678" not in text.replace("010-69841234", "")


def test_the_district_is_the_inputs_and_nothing_identifying_is_in_the_metadata() -> None:
    pdf = render_receipt(receipt(THREE, district_name="延庆区", child_id_number=None))

    [text] = pages(pdf)
    assert "延庆区困境儿童和留守儿童一门受理回执" in text
    assert "门头沟区" not in text
    assert "身份证号" not in text
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata is not None
    assert metadata.title == "延庆区困境儿童和留守儿童一门受理回执"
    assert not any("王小明" in str(value) for value in metadata.values())


def test_typed_text_is_printed_as_it_was_typed_not_read_as_markup() -> None:
    pdf = render_receipt(receipt(THREE, applicant_name="张<b>丽</b>&"))

    [text] = pages(pdf)
    assert "张<b>丽</b>&" in text


def test_many_needs_wrap_to_a_second_page_without_losing_a_row() -> None:
    needs = list(ROUTING) * 3
    lines = [
        ReceiptLine(
            need,
            ROUTING[need],
            # A distinct deadline a row, so that every row can be found once.
            date(2026, 12, 1) + timedelta(days=index),
            ("户口簿", "身份证", "医院诊断证明"),
            ("父母外出务工证明",) if index % 2 else (),
        )
        for index, need in enumerate(needs)
    ]

    texts = pages(render_receipt(receipt(lines)))

    assert len(texts) >= 2
    whole = "".join(texts)
    for index in range(len(lines)):
        deadline = date(2026, 12, 1) + timedelta(days=index)
        assert whole.count(f"{deadline.year}年{deadline.month}月{deadline.day}日") == 1, deadline
    for need, department in ROUTING.items():
        assert whole.count(NEED_NAMES[need]) == 3
        assert DEPARTMENT_NAMES[department] in whole
    # The header is repeated on every page of the table, and every page says whose it is.
    for number, text in enumerate(texts, start=1):
        if "2026年12月" in text:
            assert "申请事项承办部门办理时限" in text
        assert f"受理编号MTG-2026-000123第{number}页共{len(texts)}页" in text
    assert "如何查询办理进度" in texts[-1]


def test_a_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        render_receipt(receipt(THREE, submitted_at=datetime(2026, 11, 30, 14, 5)))


def test_a_deadline_given_as_a_time_is_shown_as_its_date_in_beijing() -> None:
    # 17:00 UTC on 13 December is 01:00 on the 14th in Beijing.
    line = ReceiptLine("LEGAL_AID", "JUDICIAL", datetime(2026, 12, 13, 17, 0, tzinfo=UTC))

    [text] = pages(render_receipt(receipt([line])))

    assert "2026年12月14日" in text
    assert "2026年12月13日" not in text


def test_every_value_of_the_enums_has_a_chinese_name() -> None:
    assert set(NEED_NAMES) == set(ROUTING)
    assert set(DEPARTMENT_NAMES) == {
        *ROUTING.values(),
        "WOMENS_FEDERATION",
        "TRADE_UNION",
    }
    assert set(RELATION_NAMES) == {
        "SELF",
        "PARENT",
        "GUARDIAN",
        "RELATIVE",
        "VILLAGE_COMMITTEE",
        "SCHOOL",
        "OTHER",
    }
