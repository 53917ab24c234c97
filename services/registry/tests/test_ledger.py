"""Ledger import (台账导入): formats, every rule of registration per row, modes, idempotency."""

import csv
import io
import json
import secrets
import threading
import tracemalloc
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from shouhu.gateway.app import create_app as create_gateway
from shouhu.gateway.ledger import routes as gateway_ledger
from shouhu.gateway.settings import GatewaySettings
from shouhu.platform.auth import Principal
from shouhu.platform.events import Envelope, OutboxRow
from shouhu.platform.testing import eventually, free_port, identity_number
from shouhu.registry.app import create_app
from shouhu.registry.ledger import columns, repository, service, template
from shouhu.registry.ledger.schemas import ImportMode
from shouhu.registry.models import (
    CategoryPeriod,
    Child,
    ChildHistory,
    Classification,
    DuplicateReview,
    ImportBatch,
)
from shouhu.registry.settings import RegistrySettings

VILLAGE = "110109001001"
ELSEWHERE = "110109101001"  # 潭柘寺镇, outside 大峪街道
BIRTH = date(2013, 4, 9)
HEADERS = list(columns.NAMES)
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = "子梓浩宇轩欣怡涵晨雨"


def _name(seq: int) -> str:
    return SURNAMES[seq % 10] + GIVEN[seq // 10 % 10] + GIVEN[seq // 100 % 10]


def _row(seq: int = 1, **cells: object) -> dict[str, object]:
    """A valid ledger row (a girl born on BIRTH), with the cells given replaced."""
    base: dict[str, object] = {
        "姓名": _name(seq),
        "性别": "女",
        "出生日期": BIRTH.isoformat(),
        "身份证号": identity_number(BIRTH, male=False, seq=seq),
        "居住地区划代码": VILLAGE,
        "户籍地区划代码": "110109",
        "学校": "大峪小学",
        "备注": "",
        "分类": "",
        "分类起始日期": "",
    }
    base.update(cells)
    return base


def _csv(rows: list[dict[str, object]], headers=HEADERS, encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if row.get(h) is None else row.get(h, "") for h in headers])
    return out.getvalue().encode(encoding)


def _xlsx(rows: list[dict[str, object]], headers=HEADERS) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _import(registry, as_user, content: bytes, *, name="台账.csv", mode="VALID_ROWS", user=None):
    return registry.post(
        "/imports",
        files={"file": (name, content, "application/octet-stream")},
        data={"mode": mode},
        headers=as_user(user or "clerk.district"),
    )


def _rows(registry, model):
    with Session(registry.app.state.engine) as session:
        return session.exec(select(model)).all()


def _written(registry) -> dict[str, int]:
    """How many rows each table the import writes holds."""
    tables = (Child, Classification, CategoryPeriod, ChildHistory, OutboxRow, DuplicateReview)
    counts = {m.__name__: len(_rows(registry, m)) for m in tables}
    counts["ImportBatch"] = len(_rows(registry, ImportBatch))
    return counts


NOTHING = {
    name: 0
    for name in (
        "Child",
        "Classification",
        "CategoryPeriod",
        "ChildHistory",
        "OutboxRow",
        "DuplicateReview",
        "ImportBatch",
    )
}


# ---- happy paths ----------------------------------------------------------------------------


def test_a_csv_ledger_opens_files_with_classifications_history_and_events(registry, as_user):
    rows = [
        _row(1),
        _row(2, 性别="男", 身份证号=identity_number(BIRTH, male=True, seq=2)),
        _row(3, 分类="孤儿；父母双方外出务工", 分类起始日期="2024-01-01"),
        _row(4, 身份证号="", 分类="低保家庭儿童;残疾儿童", 分类起始日期="2024/3/1"),
    ]
    response = _import(registry, as_user, _csv(rows))
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["totalRows"] == 4
    assert report["importedRows"] == 4
    assert report["rejectedRows"] == report["skippedRows"] == report["heldForReview"] == 0
    assert report["errors"] == [] and report["errorCount"] == 0
    assert report["duplicateOfEarlierImport"] is False
    assert report["fileName"] == "台账.csv" and report["mode"] == "VALID_ROWS"
    children = {c.name: c for c in _rows(registry, Child)}
    assert set(children) == {_name(i) for i in (1, 2, 3, 4)}
    boy, orphan, poor = children[_name(2)], children[_name(3)], children[_name(4)]
    assert boy.gender == "MALE" and boy.town_code == "110109001"
    assert boy.hukou_division_code == "110109" and boy.school == "大峪小学"
    assert boy.id_number_cipher and "110109" not in boy.id_number_cipher
    assert (orphan.primary_category, orphan.left_behind) == ("HARDSHIP", True)
    assert (poor.primary_category, poor.id_number_hash) == ("HARDSHIP", None)
    assert children[_name(1)].primary_category == "NONE"
    subtypes = {(c.child_id, c.subtype, c.since) for c in _rows(registry, Classification)}
    assert subtypes == {
        (orphan.id, "ORPHAN", date(2024, 1, 1)),
        (orphan.id, "BOTH_PARENTS_AWAY", date(2024, 1, 1)),
        (poor.id, "MINIMUM_SUBSISTENCE_FAMILY", date(2024, 3, 1)),
        (poor.id, "DISABLED", date(2024, 3, 1)),
    }
    history = [(h.child_id, h.operation, h.actor) for h in _rows(registry, ChildHistory)]
    assert (orphan.id, "REGISTERED", "clerk.district") in history
    assert (orphan.id, "CLASSIFIED", "clerk.district") in history
    assert sum(1 for h in history if h[1] == "CLASSIFIED") == 2
    events = _rows(registry, OutboxRow)
    by_child = {}
    for event in events:
        by_child.setdefault(event.key, []).append(event.event_type)
    assert by_child[orphan.id] == ["registry.child.registered", "registry.child.classified"]
    assert by_child[boy.id] == ["registry.child.registered"]
    boy_registered = next(
        Envelope.model_validate_json(e.payload) for e in events if e.key == boy.id
    )
    assert boy_registered.data["hukouDivisionCode"] == "110109"  # as the row's 户籍地 says
    classified = next(
        Envelope.model_validate_json(e.payload)
        for e in events
        if e.key == orphan.id and e.event_type == "registry.child.classified"
    )
    assert classified.data["primaryCategory"] == "HARDSHIP" and classified.data["leftBehind"]
    assert [c["subtype"] for c in classified.data["classifications"]] == [
        "BOTH_PARENTS_AWAY",
        "ORPHAN",
    ]
    assert all(e.topic == "shouhu.registry" for e in events)
    (batch,) = _rows(registry, ImportBatch)
    assert batch.id == report["batchId"] and batch.imported_by == "clerk.district"
    assert batch.report["importedRows"] == 4


def test_an_imported_file_is_what_register_and_classify_write(registry, as_user):
    """The bulk writer writes the same rows as registerChild + classifyChild, field by field."""
    api_number = identity_number(BIRTH, male=False, seq=90)
    clerk = as_user("clerk.district")
    body = {
        "name": _name(90),
        "gender": "FEMALE",
        "birthDate": BIRTH.isoformat(),
        "idNumber": api_number,
        "residenceDivisionCode": VILLAGE,
        "hukouDivisionCode": "110109",
        "school": "大峪小学",
    }
    api = registry.post("/children", json=body, headers=clerk).json()
    classify = {
        "classifications": [
            {"group": "POVERTY", "subtype": "LOW_INCOME_FAMILY", "since": "2024-01-01"}
        ]
    }
    response = registry.post(
        f"/children/{api['id']}/classifications",
        params={"version": 1},
        json=classify,
        headers=clerk,
    )
    assert response.status_code == 200, response.text
    row = _row(91, 分类="低收入家庭儿童", 分类起始日期="2024-01-01")
    assert _import(registry, as_user, _csv([row])).json()["importedRows"] == 1
    by_name = {c.name: c for c in _rows(registry, Child)}
    made, imported = by_name[_name(90)], by_name[_name(91)]
    skip = {"id", "version", "name", "name_initials", "id_number_hash", "id_number_cipher"}
    skip |= {"created_at", "updated_at"}
    assert {k: v for k, v in made.model_dump().items() if k not in skip} == {
        k: v for k, v in imported.model_dump().items() if k not in skip
    }

    def periods(child):
        rows = [p for p in _rows(registry, CategoryPeriod) if p.child_id == child.id]
        return [p.model_dump(exclude={"id", "child_id"}) for p in rows]

    assert periods(made) == periods(imported) and periods(made)

    def history(child):
        rows = [h for h in _rows(registry, ChildHistory) if h.child_id == child.id]
        out = [(h.operation, h.reason, h.before, h.after) for h in rows]
        text = json.dumps(out, ensure_ascii=False)
        for number in (api_number, identity_number(BIRTH, male=False, seq=91)):
            text = text.replace(number[-4:], "####")
        return json.loads(text.replace(_name(90), "NAME").replace(_name(91), "NAME"))

    assert history(made) == history(imported)

    def events(child):
        out = []
        for row in _rows(registry, OutboxRow):
            if row.key == child.id:
                envelope = Envelope.model_validate_json(row.payload)
                data = {k: v for k, v in envelope.data.items() if k not in {"childId", "name"}}
                out.append(
                    (row.topic, row.event_type, envelope.source, envelope.schema_version, data)
                )
        return out

    assert events(made) == events(imported)


def test_an_xlsx_ledger_with_excel_date_and_number_cells(registry, as_user):
    rows = [
        _row(1, 出生日期=BIRTH, 居住地区划代码=int(VILLAGE)),
        _row(2, 出生日期=BIRTH, 分类="事实无人抚养儿童", 分类起始日期=date(2023, 9, 1)),
        _row(3, 出生日期="2013年4月9日"),
    ]
    response = _import(registry, as_user, _xlsx(rows), name="村台账.xlsx", mode="ALL_OR_NOTHING")
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["totalRows"], report["importedRows"], report["errors"]) == (3, 3, [])
    assert {c.birth_date for c in _rows(registry, Child)} == {BIRTH}
    (item,) = _rows(registry, Classification)
    assert (item.subtype, item.since) == ("DE_FACTO_UNSUPPORTED", date(2023, 9, 1))


def test_a_gb18030_csv_and_blank_rows_are_read(registry, as_user):
    content = _csv([_row(1), {}, _row(2)], encoding="gb18030")
    report = _import(registry, as_user, content).json()
    assert (report["totalRows"], report["importedRows"]) == (2, 2)
    assert {c.name for c in _rows(registry, Child)} == {_name(1), _name(2)}


def test_an_identity_number_typed_as_a_number_in_excel_is_a_row_error(registry, as_user):
    number = identity_number(BIRTH, male=False, seq=1)
    report = _import(registry, as_user, _xlsx([_row(1, 身份证号=float(number))]), name="a.xlsx")
    assert report.json()["errors"] == [
        {
            "row": 2,
            "column": "身份证号",
            "message": "身份证号码应以文本格式填写（数字格式会丢失末尾几位）",
        }
    ]


# ---- templates ------------------------------------------------------------------------------


def test_the_shipped_templates_are_the_columns(registry):
    assert template.shipped(template.CSV_NAME).read_bytes() == template.build_csv()
    csv_body = registry.get("/imports/template.csv")
    assert csv_body.status_code == 200
    assert csv_body.content.startswith(b"\xef\xbb\xbf")
    assert csv_body.headers["content-type"].startswith("text/csv")
    assert "filename*=UTF-8''" in csv_body.headers["content-disposition"]
    header = csv_body.content.decode("utf-8-sig").strip().split(",")
    assert header == [columns.template_header(c) for c in columns.COLUMNS]
    assert [h for h in header if h.endswith("*")] == [f"{n}*" for n in columns.REQUIRED]
    xlsx_body = registry.get("/imports/template.xlsx")
    assert xlsx_body.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_body.content))
    assert workbook.sheetnames == ["台账", "填写说明"]
    assert [c.value for c in workbook["台账"][1]] == header
    guide = [r[0] for r in workbook["填写说明"].iter_rows(values_only=True)]
    assert "一方外出务工另一方无监护能力" in guide and "受艾滋病影响儿童" in guide


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_filled_template_imports_cleanly(registry, as_user, kind):
    blank = registry.get(f"/imports/template.{kind}").content
    rows = [_row(1), _row(2, 分类="孤儿", 分类起始日期="2022-05-01")]
    if kind == "csv":
        body = blank.decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(body)))
        lines = io.StringIO()
        csv.writer(lines).writerows([[str(r[columns.normalize(h)]) for h in header] for r in rows])
        content = (body + lines.getvalue()).encode("utf-8-sig")
    else:
        workbook = openpyxl.load_workbook(io.BytesIO(blank))
        sheet = workbook["台账"]
        header = [c.value for c in sheet[1]]
        for index, row in enumerate(rows, start=2):
            for column, name in enumerate(header, start=1):
                sheet.cell(row=index, column=column, value=row[columns.normalize(name)])
        out = io.BytesIO()
        workbook.save(out)
        content = out.getvalue()
    response = _import(registry, as_user, content, name=f"模板.{kind}", mode="ALL_OR_NOTHING")
    report = response.json()
    assert (report["totalRows"], report["importedRows"], report["errors"]) == (2, 2, []), report
    assert len(_rows(registry, Child)) == 2


# ---- files refused whole --------------------------------------------------------------------


def _zip_without_workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "field", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "photo.csv", "file", "不是 CSV 或 XLSX"),
        (b"%PDF-1.7\n\x00\xff\xfe binary", "ledger.xlsx", "file", "不是 CSV 或 XLSX"),
        (_zip_without_workbook(), "ledger.xlsx", "file", "不是 CSV 或 XLSX"),
        (b"PK\x03\x04 broken zip", "ledger.xlsx", "file", "不是 CSV 或 XLSX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "ledger.xls", "file", ".xls"),
        (b"", "ledger.csv", "file", "文件为空"),
        ("姓名,性别\n".encode("utf-16"), "ledger.csv", "file", "不是 CSV 或 XLSX"),
        (_csv([], headers=HEADERS), "ledger.csv", "file", "没有数据行"),
        (_csv([_row(1)], headers=[*HEADERS, "年龄"]), "ledger.csv", "年龄", "未知的列"),
        (
            _csv([_row(1)], headers=[h for h in HEADERS if h != "居住地区划代码"]),
            "ledger.csv",
            "居住地区划代码",
            "缺少必填列",
        ),
        (_csv([_row(1)], headers=[*HEADERS, "姓名"]), "ledger.csv", "姓名", "表头重复"),
        (_xlsx([_row(1)], headers=["名字", *HEADERS[1:]]), "ledger.xlsx", "名字", "未知的列"),
    ],
    ids=[
        "png",
        "pdf",
        "zip-not-xlsx",
        "broken-zip",
        "old-xls",
        "empty",
        "utf16",
        "header-only",
        "unknown-header",
        "missing-required-header",
        "repeated-header",
        "unknown-xlsx-header",
    ],
)
def test_a_file_that_is_no_ledger_is_refused_and_nothing_is_written(
    registry, as_user, content, name, field, message
):
    for mode in ("VALID_ROWS", "ALL_OR_NOTHING"):
        response = _import(registry, as_user, content, name=name, mode=mode)
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["code"] == "VALIDATION_FAILED"
        assert message in body["fields"][field]
        assert message in body["message"]
    assert _written(registry) == NOTHING


def test_a_required_header_marked_with_a_star_is_accepted(registry, as_user):
    headers = [columns.template_header(c) for c in columns.COLUMNS]
    content = _csv(
        [
            {
                columns.template_header(c): v
                for c, v in zip(columns.COLUMNS, _row(1).values(), strict=True)
            }
        ],
        headers=headers,
    )
    assert _import(registry, as_user, content).json()["importedRows"] == 1


def test_an_unknown_mode_or_no_file_is_validation_failed(registry, as_user):
    response = _import(registry, as_user, _csv([_row(1)]), mode="SOME")
    assert response.status_code == 422
    assert response.json()["fields"] == {"mode": "取值不在允许范围内"}
    response = registry.post(
        "/imports", data={"mode": "VALID_ROWS"}, headers=as_user("clerk.district")
    )
    assert response.status_code == 422
    assert response.json()["fields"] == {"file": "必填"}
    assert _written(registry) == NOTHING


@pytest.mark.parametrize(
    "username", ["police.district", "auditor.district", "reporter.school.110109001"]
)
def test_roles_that_do_not_keep_files_may_not_import(registry, as_user, username):
    response = _import(registry, as_user, _csv([_row(1)]), user=username)
    assert response.status_code == 403
    assert response.json()["code"] == "FORBIDDEN"
    assert _written(registry) == NOTHING


def test_an_import_needs_a_token(registry):
    response = registry.post(
        "/imports", files={"file": ("a.csv", _csv([_row(1)]))}, data={"mode": "VALID_ROWS"}
    )
    assert response.status_code == 401
    assert _written(registry) == NOTHING


# ---- rows checked by the API's rules -------------------------------------------------------

TODAY = date.today()
FUTURE = TODAY + timedelta(days=3)
ADULT = date(TODAY.year - 19, 1, 1)


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"姓名": "  "}, "姓名", "姓名不能为空"),
        ({"姓名": "名" * 51}, "姓名", "过长"),
        ({"姓名": "王\x1b小红"}, "姓名", "不能包含控制字符、空字符或文字方向控制符"),
        ({"备注": "\u202e注备"}, "备注", "不能包含控制字符、空字符或文字方向控制符"),
        ({"性别": "未知"}, "性别", "性别应为“男”或“女”"),
        ({"性别": ""}, "性别", "必填"),
        ({"出生日期": ""}, "出生日期", "必填"),
        ({"出生日期": "09/04/2013"}, "出生日期", "日期格式应为 YYYY-MM-DD"),
        ({"出生日期": "2013-02-30"}, "出生日期", "日期不存在"),
        (
            {"出生日期": FUTURE.isoformat(), "身份证号": ""},
            "出生日期",
            "出生日期不能晚于今天",
        ),
        (
            {"出生日期": ADULT.isoformat(), "身份证号": ""},
            "出生日期",
            "已满18周岁，不属于保障范围",
        ),
        ({"身份证号": "110109201304090001"}, "身份证号", "身份证号码格式或校验位不正确"),
        (
            {"身份证号": identity_number(date(2012, 4, 9), male=False, seq=5)},
            "身份证号",
            "身份证号码中的出生日期与出生日期不一致",
        ),
        (
            {"身份证号": identity_number(BIRTH, male=True, seq=5)},
            "身份证号",
            "身份证号码中的性别与性别不一致",
        ),
        (
            {"居住地区划代码": "110109999999"},
            "居住地区划代码",
            "居住地应为本区的社区（村）区划代码",
        ),
        ({"居住地区划代码": "110109001"}, "居住地区划代码", "居住地应为本区的社区（村）区划代码"),
        ({"居住地区划代码": ""}, "居住地区划代码", "必填"),
        ({"户籍地区划代码": "1101090010011"}, "户籍地区划代码", "过长"),
        (
            {"分类": "贫困儿童", "分类起始日期": "2024-01-01"},
            "分类",
            "未知的分类：贫困儿童（名称见模板“填写说明”）",
        ),
        ({"分类": "孤儿"}, "分类起始日期", "填写分类时须填写分类起始日期"),
        ({"分类起始日期": "2024-01-01"}, "分类起始日期", "未填写分类，不应填写分类起始日期"),
        (
            {"分类": "孤儿", "分类起始日期": FUTURE.isoformat()},
            "分类起始日期",
            "起始日期不能晚于今天",
        ),
        ({"分类": "孤儿；孤儿", "分类起始日期": "2024-01-01"}, "分类", "同一分类细项不能重复"),
        (
            {"分类": "孤儿", "分类起始日期": "1899-12-31"},
            "分类起始日期",
            "起始日期不能早于1900年1月1日",
        ),
        (
            {"分类": "孤儿", "分类起始日期": "1900-01-01"},
            "分类起始日期",
            "起始日期不能早于儿童出生日期",
        ),
        ({"出生日期": "1899-12-31", "身份证号": ""}, "出生日期", "出生日期不能早于1900年1月1日"),
    ],
    ids=[
        "empty-name",
        "long-name",
        "escape-in-name",
        "bidi-override-in-notes",
        "bad-gender",
        "no-gender",
        "no-birth-date",
        "day-first-date",
        "impossible-date",
        "future-birth",
        "over-18",
        "bad-checksum",
        "id-birth-mismatch",
        "id-gender-mismatch",
        "unknown-village",
        "town-not-village",
        "no-village",
        "long-hukou",
        "unknown-subtype-name",
        "category-without-since",
        "since-without-category",
        "future-since",
        "subtype-twice",
        "since-1899",
        "since-before-birth",
        "birth-1899",
    ],
)
def test_a_bad_row_is_reported_in_chinese_and_the_good_rows_are_taken(
    registry, as_user, cells, column, message
):
    content = _csv([_row(1), _row(2, **cells), _row(3)])
    response = _import(registry, as_user, content)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["errors"] == [{"row": 3, "column": column, "message": message}], report
    assert (report["importedRows"], report["rejectedRows"], report["errorCount"]) == (2, 1, 1)
    assert {c.name for c in _rows(registry, Child)} == {_name(1), _name(3)}


def test_a_row_outside_the_callers_division_is_a_row_error_not_a_refusal(registry, as_user):
    content = _csv([_row(1), _row(2, 居住地区划代码=ELSEWHERE)])
    response = _import(registry, as_user, content, user="clerk.110109001")
    assert response.status_code == 200
    report = response.json()
    assert report["errors"] == [
        {"row": 3, "column": "居住地区划代码", "message": "该社区（村）不在您的管辖范围内"}
    ]
    assert [c.residence_division_code for c in _rows(registry, Child)] == [VILLAGE]


def test_a_row_with_several_problems_lists_each(registry, as_user):
    content = _csv([_row(1, 姓名="", 性别="x", 出生日期="soon", 居住地区划代码="", 分类="孤儿")])
    report = _import(registry, as_user, content).json()
    assert [(e["row"], e["column"]) for e in report["errors"]] == [
        (2, "姓名"),
        (2, "性别"),
        (2, "出生日期"),
        (2, "居住地区划代码"),
        (2, "分类起始日期"),
    ]
    assert (report["rejectedRows"], report["errorCount"]) == (1, 5)


def test_cells_without_a_header_are_a_row_error(registry, as_user):
    content = _csv([_row(1)]) + "王五,男,2013-04-09,,110109001001,,,,,,多出来的\r\n".encode()
    report = _import(registry, as_user, content).json()
    assert report["errors"] == [
        {"row": 3, "column": "第11列", "message": "该列没有表头，内容无法导入"}
    ]


# ---- modes ----------------------------------------------------------------------------------


def test_all_or_nothing_writes_nothing_when_any_row_is_bad(registry, as_user):
    content = _csv([_row(1), _row(2, 姓名=""), _row(3), _row(4, 性别="?")])
    response = _import(registry, as_user, content, mode="ALL_OR_NOTHING")
    assert response.status_code == 200
    report = response.json()
    assert report["batchId"] is None
    assert (report["totalRows"], report["importedRows"], report["rejectedRows"]) == (4, 0, 2)
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(3, "姓名"), (5, "性别")]
    assert _written(registry) == NOTHING
    # Nothing was recorded, so the same file may be taken row by row afterwards.
    again = _import(registry, as_user, content, mode="VALID_ROWS").json()
    assert (again["importedRows"], again["duplicateOfEarlierImport"]) == (2, False)


def test_all_or_nothing_takes_a_clean_file_whole(registry, as_user):
    rows = [_row(i) for i in range(1, 6)]
    report = _import(registry, as_user, _csv(rows), mode="ALL_OR_NOTHING").json()
    assert (report["importedRows"], report["errors"]) == (5, [])
    assert len(_rows(registry, Child)) == 5


def test_the_report_lists_at_most_a_thousand_errors_but_counts_all(registry, as_user):
    rows = [_row(i, 性别="?", 出生日期="?") for i in range(1, 601)]
    report = _import(registry, as_user, _csv(rows)).json()
    assert (report["rejectedRows"], report["errorCount"], len(report["errors"])) == (
        600,
        1200,
        1000,
    )
    assert report["errors"][-1]["row"] == 501
    assert _written(registry)["Child"] == 0


# ---- idempotency and duplicates -------------------------------------------------------------


def test_the_same_file_twice_creates_nothing_new(registry, as_user):
    content = _xlsx([_row(1), _row(2, 分类="孤儿", 分类起始日期="2024-01-01"), _row(3, 姓名="")])
    first = _import(registry, as_user, content, name="a.xlsx").json()
    written = _written(registry)
    assert written["Child"] == 2 and written["ImportBatch"] == 1
    for mode in ("VALID_ROWS", "ALL_OR_NOTHING"):
        again = _import(registry, as_user, content, name="b.xlsx", mode=mode, user="admin.district")
        assert again.status_code == 200
        body = again.json()
        assert body["duplicateOfEarlierImport"] is True
        assert body["batchId"] == first["batchId"] and body["fileName"] == "a.xlsx"
        assert {k: v for k, v in body.items() if k != "duplicateOfEarlierImport"} == {
            k: v for k, v in first.items() if k != "duplicateOfEarlierImport"
        }
    assert _written(registry) == written


def test_the_same_file_from_another_division_gets_its_own_report(registry, as_user):
    content = _csv([_row(1), _row(2)])
    first = _import(registry, as_user, content, user="supervisor.110109001001").json()
    other = _import(registry, as_user, content, user="supervisor.110109101001").json()
    # Not the first importer's report: the other village's user learns nothing of it.
    assert other["duplicateOfEarlierImport"] is False
    assert other["batchId"] != first["batchId"]
    assert other["importedRows"] == 0 and other["errorCount"] == 2


def test_rows_already_registered_are_skipped_not_errors(registry, as_user):
    first = _csv([_row(1), _row(2)])
    assert _import(registry, as_user, first).json()["importedRows"] == 2
    second = _csv([_row(2), _row(3), _row(1, 姓名="改了名字")])
    report = _import(registry, as_user, second).json()
    assert (report["importedRows"], report["skippedRows"], report["errors"]) == (1, 2, [])
    assert len(_rows(registry, Child)) == 3


def test_the_same_identity_number_twice_in_one_file_is_an_error_on_the_second(registry, as_user):
    rows = [_row(1), _row(2), _row(1, 姓名="另一人"), _row(4)]
    report = _import(registry, as_user, _csv(rows)).json()
    assert report["errors"] == [
        {"row": 4, "column": "身份证号", "message": "与第2行的身份证号码重复"}
    ]
    assert report["importedRows"] == 3
    assert "另一人" not in {c.name for c in _rows(registry, Child)}


def test_a_possible_duplicate_without_identity_number_is_held_for_review(registry, as_user):
    registered = registry.post(
        "/children",
        json={
            "name": _name(1),
            "gender": "FEMALE",
            "birthDate": BIRTH.isoformat(),
            "residenceDivisionCode": VILLAGE,
        },
        headers=as_user("clerk.district"),
    ).json()
    rows = [
        _row(1, 身份证号=""),  # the file registered above
        _row(2, 身份证号=""),
        _row(2, 身份证号="", 备注="同一文件中再次出现"),  # the row above, again
    ]
    report = _import(registry, as_user, _csv(rows)).json()
    assert (report["importedRows"], report["heldForReview"], report["errors"]) == (1, 2, [])
    children = {c.name: c for c in _rows(registry, Child)}
    assert len(children) == 2
    reviews = {r.matched_child_id: r for r in _rows(registry, DuplicateReview)}
    assert set(reviews) == {registered["id"], children[_name(2)].id}
    held = reviews[registered["id"]]
    assert held.status == "PENDING" and held.town_code == "110109001"
    assert held.submitted["name"] == _name(1) and held.submitted["importRow"] == 2
    queue = registry.get("/duplicate-reviews", headers=as_user("worker.110109001")).json()
    assert {r["matchedChildId"] for r in queue} == set(reviews)
    decided = registry.post(
        f"/duplicate-reviews/{held.id}/decide",
        json={"decision": "DIFFERENT_CHILD"},
        headers=as_user("worker.110109001"),
    )
    assert decided.status_code == 200, decided.text
    assert len(_rows(registry, Child)) == 3


# ---- streaming ------------------------------------------------------------------------------


def _big_csv(path, count: int, first_seq: int) -> None:
    """A ledger of `count` valid rows written straight to disk."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for seq in range(first_seq, first_seq + count):
            born = date(2010, 1, 1) + timedelta(days=seq % 3000)
            subtype = "低保家庭儿童" if seq % 3 == 0 else ""
            writer.writerow(
                [
                    _name(seq),
                    "男",
                    born.isoformat(),
                    identity_number(born, male=True, seq=seq // 3000),
                    VILLAGE,
                    "110109",
                    "",
                    "",
                    subtype,
                    "2024-01-01" if subtype else "",
                ]
            )


def test_memory_stays_flat_as_the_file_grows(registry, tmp_path):
    """Peak traced memory of a 20,000-row import hardly exceeds that of a 2,000-row one."""
    # Measured here: about 10 MB for either (one chunk of 1,000 rows in flight). The rows of a
    # 20,000-row file, merely read into a list of tuples, take 11 MB (570 bytes a row); what
    # they write (file, history, events, periods) would take some 200 MB. The import keeps
    # only a 16-byte key per identity number (under 200 bytes with its dict slot), so 18,000
    # more rows may add at most 300 bytes each (5.4 MB): holding the rows in any form adds
    # twice that. A small import runs first, so that caches filled once do not count.
    principal = Principal(
        subject="clerk",
        username="clerk.district",
        roles=frozenset({"intake_clerk"}),
        division_code="110109",
    )
    keys = registry.app.state.identity_keys
    peaks = []
    tracemalloc.start()
    try:
        for count, first in ((200, 0), (2_000, 1_000), (20_000, 100_000)):
            path = tmp_path / f"ledger-{count}.csv"
            _big_csv(path, count, first)
            with Session(registry.app.state.engine) as session, path.open("rb") as handle:
                before = tracemalloc.get_traced_memory()[0]
                tracemalloc.reset_peak()
                report = service.import_ledger(
                    session, principal, handle, path.name, ImportMode.VALID_ROWS, keys
                )
                peaks.append(tracemalloc.get_traced_memory()[1] - before)
                session.commit()
            assert (report.imported_rows, report.error_count) == (count, 0)
    finally:
        tracemalloc.stop()
    assert len(_rows(registry, Child)) == 22_200
    small, large = peaks[1], peaks[2]
    assert large - small < 18_000 * 300, f"peaks {peaks}"
    assert large < 32_000_000, f"peaks {peaks}"


# ---- through the gateway --------------------------------------------------------------------


@pytest.fixture
def served_registry(tmp_path, verifier):
    """The registry on a real port, for the gateway's aiohttp client."""
    settings = RegistrySettings(database_url=f"sqlite:///{tmp_path / 'served.db'}")
    app = create_app(settings, verifier=verifier)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    eventually(lambda: server.started, timeout=60)
    try:
        yield app, f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


IMPORT = """
mutation Import($file: Upload!, $mode: ImportMode!) {
  importLedger(file: $file, mode: $mode) {
    batchId fileName mode totalRows importedRows skippedRows heldForReview rejectedRows
    errorCount errors { row column message } duplicateOfEarlierImport
  }
}
"""


def _graphql_upload(client, headers, content: bytes, name: str, mode: str):
    operations = {"query": IMPORT, "variables": {"file": None, "mode": mode}}
    return client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, content, "text/csv")},
        headers=headers,
    )


def test_import_ledger_through_the_gateway(served_registry, verifier, as_user):
    registry_app, url = served_registry
    gateway = create_gateway(GatewaySettings(registry_url=url), verifier=verifier)
    gateway.include_router(gateway_ledger.router)
    clerk = as_user("clerk.district")
    content = _csv([_row(1), _row(2, 分类="孤儿", 分类起始日期="2024-01-01"), _row(3, 姓名="")])
    with TestClient(gateway) as client:
        response = _graphql_upload(client, clerk, content, "台账.csv", "VALID_ROWS")
        assert response.status_code == 200, response.text
        report = response.json()["data"]["importLedger"]
        assert (report["importedRows"], report["rejectedRows"], report["mode"]) == (
            2,
            1,
            "VALID_ROWS",
        )
        assert report["errors"] == [{"row": 4, "column": "姓名", "message": "姓名不能为空"}]
        assert report["fileName"] == "台账.csv" and report["batchId"]
        again = _graphql_upload(client, clerk, content, "again.csv", "ALL_OR_NOTHING").json()
        assert again["data"]["importLedger"]["duplicateOfEarlierImport"] is True
        refused = _graphql_upload(client, clerk, b"%PDF-1.4\x00", "x.pdf", "VALID_ROWS").json()
        (error,) = refused["errors"]
        assert error["extensions"]["code"] == "VALIDATION_FAILED"
        assert "file" in error["extensions"]["fields"]
        anonymous = _graphql_upload(client, {}, content, "a.csv", "VALID_ROWS").json()
        assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        xlsx = client.get("/ledger/template.xlsx")
        assert xlsx.status_code == 200
        assert xlsx.content == template.shipped(template.XLSX_NAME).read_bytes()
        assert "attachment" in xlsx.headers["content-disposition"]
        assert client.get("/ledger/template.csv").content.startswith(b"\xef\xbb\xbf")
    with Session(registry_app.state.engine) as session:
        assert len(session.exec(select(Child)).all()) == 2


# ---- on PostgreSQL (COPY) -------------------------------------------------------------------


@pytest.fixture
def postgres_url(postgres):
    """A database of its own for each test."""
    return postgres.create_database(f"ledger_{secrets.token_hex(4)}")


def _child_events(session):
    """The events of children's files (the seed announces the demo workforce besides)."""
    rows = session.exec(select(OutboxRow)).all()
    return [r for r in rows if not r.event_type.startswith("registry.workforce.")]


def test_on_postgresql_the_chunks_go_in_by_copy(postgres_url, verifier, as_user):
    settings = RegistrySettings(database_url=postgres_url)
    rows = []
    for i in range(1, 1_202):  # more than a chunk; 500 numbers at most per birth date
        born = BIRTH + timedelta(days=i % 400)
        number = identity_number(born, male=False, seq=i)
        classified = {"分类": "孤儿；父母双方外出务工", "分类起始日期": "2024-01-01"}
        rows.append(_row(i, 出生日期=born, 身份证号=number, **classified))
    rows.append({**rows[0], "姓名": "重复"})
    rows.append(_row(5_000, 姓名="钱多多", 身份证号="", 备注='引号"与\\反斜杠'))
    rows.append(_row(5_001, 姓名="钱多多", 身份证号="", 备注="同一人"))
    content = _xlsx(rows)
    with TestClient(create_app(settings, verifier=verifier)) as registry:
        report = _import(registry, as_user, content, name="大表.xlsx").json()
        assert (report["importedRows"], report["heldForReview"], report["rejectedRows"]) == (
            1_202,
            1,
            1,
        )
        with Session(registry.app.state.engine) as session:
            quoted = session.exec(select(Child).where(Child.id_number_hash.is_(None))).all()
            assert [c.notes for c in quoted] == ['引号"与\\反斜杠']
            history = session.exec(
                select(ChildHistory).where(ChildHistory.child_id == quoted[0].id)
            ).one()
            assert history.after["notes"] == '引号"与\\反斜杠' and history.after["name"]
            assert len(session.exec(select(Classification)).all()) == 2 * 1_201
            events = _child_events(session)
            assert len(events) == 1_202 + 1_201
            assert {Envelope.model_validate_json(e.payload).subject for e in events} == {
                e.key for e in events
            }
            (review,) = session.exec(select(DuplicateReview)).all()
            assert review.matched_child_id == quoted[0].id
            (batch,) = session.exec(select(ImportBatch)).all()
            assert batch.report["importedRows"] == 1_202
        again = _import(registry, as_user, content, name="大表.xlsx").json()
        assert again["duplicateOfEarlierImport"] is True


def test_on_postgresql_a_number_registered_meanwhile_fails_the_whole_import(
    postgres_url, verifier, as_user, monkeypatch
):
    settings = RegistrySettings(database_url=postgres_url)
    with TestClient(create_app(settings, verifier=verifier)) as registry:
        first = _import(registry, as_user, _csv([_row(1), _row(2)])).json()
        assert first["importedRows"] == 2
        # As if another clerk registered number 2 between the look-up and the write.
        monkeypatch.setattr(repository, "registered", lambda session, hashes: set())
        rows = [_row(2)]
        for i in range(3, 1_503):
            born = BIRTH + timedelta(days=i % 400)
            rows.append(_row(i, 出生日期=born, 身份证号=identity_number(born, male=False, seq=i)))
        response = _import(registry, as_user, _csv(rows))
        assert response.status_code == 409, response.text
        assert response.json() == {
            "code": "CONFLICT",
            "message": "导入期间他人登记了相同的身份证号码，请重新导入",
        }
        with Session(registry.app.state.engine) as session:
            assert len(session.exec(select(Child)).all()) == 2
            assert len(session.exec(select(ImportBatch)).all()) == 1
            assert len(_child_events(session)) == 2


# ---- what one file may hold -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_file_of_too_many_rows_is_refused_and_nothing_is_written(
    registry, as_user, monkeypatch, kind
):
    from shouhu.platform import spreadsheets as reading

    monkeypatch.setattr(reading, "MAX_ROWS", 2)
    rows = [_row(1), _row(2), _row(3)]
    content = _csv(rows) if kind == "csv" else _xlsx(rows)
    response = _import(registry, as_user, content, name=f"台账.{kind}")
    assert response.status_code == 422, response.text
    assert "行数据" in response.json()["fields"]["file"]
    assert _written(registry) == NOTHING
    monkeypatch.setattr(reading, "MAX_ROWS", 3)  # exactly at the cap: taken
    assert _import(registry, as_user, content, name=f"台账.{kind}").status_code == 200


def test_a_file_over_the_size_cap_is_refused(registry, as_user, monkeypatch):
    from shouhu.platform import spreadsheets as reading

    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    response = _import(registry, as_user, _csv([_row(1), _row(2)]))
    assert response.status_code == 422
    assert response.json()["fields"]["file"] == reading.TOO_LARGE
    assert _written(registry) == NOTHING


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_read(
    registry, as_user, monkeypatch
):
    from shouhu.platform import spreadsheets as reading

    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 1000)  # a real one unpacks to more
    response = _import(registry, as_user, _xlsx([_row(1)]), name="台账.xlsx")
    assert response.status_code == 422
    assert response.json()["fields"]["file"] == reading.TOO_UNPACKED
    assert _written(registry) == NOTHING
