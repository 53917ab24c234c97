"""A download's name: ASCII for every client, the Chinese title where RFC 6266 is read."""

from __future__ import annotations

from urllib.parse import unquote

from shouhu.platform.openapi import attachment


def test_an_attachment_is_named_in_ascii_and_titled_in_chinese_with_its_extension():
    response = attachment(b"a,b\n", "roster-template.csv", "text/csv", "花名册导入模板")
    disposition = response.headers["content-disposition"]
    plain, titled = disposition.split("; filename*=UTF-8''")
    assert plain == 'attachment; filename="roster-template.csv"'
    assert unquote(titled) == "花名册导入模板.csv"
    assert titled.isascii()
    assert response.body == b"a,b\n"


def test_an_attachment_without_a_title_has_its_ascii_name_only():
    response = attachment(b"%PDF", "certificate.pdf", "application/pdf")
    assert response.headers["content-disposition"] == 'attachment; filename="certificate.pdf"'
