"""关爱资源 in the browser: district civil affairs registers a caring family (爱心家庭), approves
it (评估审批) and links a child to it (家庭寄养), which the child's file then shows; the women's
federation records a donation designated to that child (登记捐赠, typed in yuan), is refused a
use above what is left in the server's words, records a use, and the year's public summary
(公开透明) shows the gift and the use without the child's name.
"""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from shouhu.platform.clock import today
from shouhu.platform.testing import fresh_identity_number, graphql

VILLAGE = "110109001001"
CIVIL_AFFAIRS = "admin.district"
FEDERATION = "womensfed.district"
REGISTER = """
mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id name } }
"""


def a_child(platform: Any) -> dict[str, Any]:
    """A boy of nine in 德露苑社区, registered by civil affairs."""
    birth = today() - timedelta(days=365 * 9 + secrets.randbelow(200))
    child = {
        "name": f"关爱{uuid.uuid4().hex[:4]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=True),
        "residenceDivisionCode": VILLAGE,
    }
    body = graphql(platform.graphql_url, REGISTER, platform.token(CIVIL_AFFAIRS), {"input": child})
    assert "errors" not in body, body
    registered: dict[str, Any] = body["data"]["registerChild"]
    return registered


def test_a_family_cares_for_a_child_and_a_donation_is_used_in_public(tab, embedded):
    child = a_child(embedded)
    page = tab.page
    head = f"户主{uuid.uuid4().hex[:4]}"
    head_id = fresh_identity_number(date(1980, 5, 1), male=True)

    # 爱心家庭: 登记家庭, 评估审批 (通过), then 关联儿童 on its page.
    tab.sign_in(CIVIL_AFFAIRS, path="/caring/families")
    expect(page.get_by_role("heading", name="爱心家庭", level=1)).to_be_visible()
    menu = page.get_by_role("navigation", name="主菜单")
    for title in ("爱心家庭", "爱心捐赠", "需求与资源"):
        expect(menu.get_by_role("menuitem", name=title)).to_be_visible()
    page.get_by_test_id("cf-register").click()
    form = page.get_by_test_id("cf-register-form")
    expect(form).to_be_visible()
    form.get_by_label("户主姓名").fill(head)
    form.get_by_label("户主身份证号").fill(head_id)
    form.get_by_label("手机号").fill("13912345678")
    tab.choose("所在镇（街道）", "大峪街道")
    tab.choose("所在村（社区）", "德露苑社区居委会")
    form.get_by_label("住址").fill("德露苑小区3号楼1单元101")
    tab.shot("caring-family-register")
    page.get_by_test_id("cf-register-save").click()
    expect(page.get_by_test_id("cf-notice")).to_contain_text(head)
    row = page.get_by_test_id("caring-families").locator("tr", has_text=head)
    expect(row).to_contain_text("待评估")
    expect(row).to_contain_text("家庭寄养")

    row.get_by_role("button", name=f"评估审批：{head}").click()
    page.get_by_test_id("cf-assess-save").click()
    expect(row).to_contain_text("评估通过")
    tab.shot("caring-families")
    tab.assert_accessible()

    row.get_by_role("button", name=f"详情：{head}").click()
    detail = page.get_by_test_id("cf-detail")
    expect(detail.get_by_test_id("cf-detail-status")).to_have_text("评估通过")
    detail.get_by_test_id("cf-link").click()
    link_form = page.get_by_test_id("cf-link-form")
    link_form.get_by_label("儿童姓名").fill(child["name"])
    page.get_by_test_id("cf-link-search").click()
    expect(link_form.locator(".el-select")).to_contain_text(child["name"])
    page.get_by_test_id("cf-link-save").click()
    links = detail.get_by_test_id("cf-links")
    expect(links).to_contain_text(child["name"])
    expect(links).to_contain_text("关爱中")
    expect(links).to_contain_text("家庭寄养")
    tab.shot("caring-family-detail")
    tab.assert_accessible()

    # The child's file shows the family on its plan tab (read only).
    links.get_by_role("link", name=child["name"]).click()
    expect(page.get_by_test_id("child-name")).to_have_text(child["name"])
    page.get_by_role("tab", name="帮扶计划").click()
    expect(page.get_by_test_id("child-caring-families")).to_contain_text(head)
    tab.sign_out()

    # 爱心捐赠: the women's federation records 1,000 yuan for the child.
    tab.sign_in(FEDERATION, path="/caring/donations")
    expect(page.get_by_role("heading", name="爱心捐赠", level=1)).to_be_visible()
    donor = f"爱心人士{uuid.uuid4().hex[:4]}"
    page.get_by_test_id("dn-record").click()
    record = page.get_by_test_id("dn-record-form")
    expect(record).to_be_visible()
    tab.choose("接收组织", "北京市门头沟区妇女联合会")
    record.get_by_label("捐赠人", exact=True).fill(donor)
    record.get_by_label("金额（元）").fill("1000")
    tab.choose("定向", "定向帮扶儿童")
    record.get_by_label("儿童姓名").fill(child["name"])
    page.get_by_test_id("dn-child-search").click()
    expect(record.locator(".el-select").last).to_contain_text(child["name"])
    tab.shot("caring-donation-record")
    page.get_by_test_id("dn-record-save").click()
    expect(page.get_by_test_id("dn-notice")).to_contain_text(donor)
    listed = page.get_by_test_id("donations").locator("tr", has_text=donor)
    expect(listed).to_contain_text("1,000.00 元")
    detail = page.get_by_test_id("dn-detail")
    expect(detail.get_by_test_id("dn-remaining")).to_have_text("1,000.00 元")

    # A use above what is left is refused in the server's words; then 600 yuan is used.
    detail.get_by_test_id("dn-use").click()
    use = page.get_by_test_id("dn-use-form")
    expect(page.get_by_test_id("dn-use-remaining")).to_have_text("1,000.00 元")
    use.get_by_label("金额（元）").fill("1200")
    use.get_by_label("用途").fill(f"{child['name']}的学习用品")
    page.get_by_test_id("dn-use-save").click()
    expect(page.get_by_test_id("dn-use-error")).to_contain_text("超出剩余1,000.00元")
    use.get_by_label("金额（元）").fill("600")
    page.get_by_test_id("dn-use-save").click()
    expect(use).to_be_hidden()
    expect(detail.get_by_test_id("dn-remaining")).to_have_text("400.00 元")
    expect(detail.get_by_test_id("dn-uses")).to_contain_text("600.00 元")

    # 公开透明: the gift and the use, the child named nowhere (not even in the use's purpose).
    summary = page.get_by_test_id("dn-summary")
    gifts = summary.get_by_test_id("dn-public-donations")
    expect(gifts.locator("tr", has_text=donor)).to_contain_text("定向帮扶儿童")
    expect(gifts.locator("tr", has_text=donor)).to_contain_text("1,000.00 元")
    expect(summary.get_by_test_id("dn-public-uses")).to_contain_text("600.00 元")
    expect(summary).not_to_contain_text(child["name"])
    expect(summary).not_to_contain_text(re.compile(child["id"]))
    tab.shot("caring-donations")
    tab.assert_accessible()
