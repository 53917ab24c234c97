"""Signing in and out of the console through the realm's login page, as each kind of user."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from playwright.sync_api import expect


@dataclass(frozen=True)
class Person:
    username: str
    role: str  # as the header names it
    division: str  # as the header names it
    menu: tuple[str, ...]  # the sidebar, in order
    lists: tuple[str, ...]  # the home page's lists of work (their test ids)


PEOPLE = [
    Person(
        "clerk.district",
        "窗口受理员",
        "门头沟区",
        (
            "首页",
            "一门受理",
            "儿童档案",
            "台账导入",
            "定期走访",
            "强制报告",
            "统计分析",
            "教育统计",
        ),
        ("todo-intakes",),
    ),
    Person(
        "worker.110109001",
        "儿童社会工作者",
        "大峪街道",
        (
            "首页",
            "儿童档案",
            "台账导入",
            "定期走访",
            "强制报告",
            "案件办理",
            "统计分析",
            "控辍保学",
            "送教上门",
            "教育统计",
            "爱心家庭",
            "需求与资源",
        ),
        ("todo-reports-REFERRED_TO_TOWN", "todo-visits"),
    ),
    Person(
        "supervisor.110109001001",
        "儿童福利督导员",
        "大峪街道 德露苑社区居委会",
        ("首页", "儿童档案", "台账导入", "定期走访", "强制报告", "教育统计"),
        ("todo-visits",),
    ),
    Person(
        "police.110109001",
        "公安",
        "大峪街道",
        ("首页", "部门待办", "儿童档案", "强制报告", "案件办理"),
        ("todo-reports-REPORTED", "todo-tasks"),
    ),
    Person(
        "reporter.school.110109001",
        "强制报告责任单位",
        "大峪街道",
        ("首页", "强制报告"),
        ("todo-reports-all",),
    ),
    Person(
        "admin.district",
        "区民政局",
        "门头沟区",
        (
            "首页",
            "一门受理",
            "部门待办",
            "儿童档案",
            "台账导入",
            "定期走访",
            "强制报告",
            "案件办理",
            "统计分析",
            "保障金发放",
            "教育统计",
            "爱心家庭",
            "爱心捐赠",
            "需求与资源",
        ),
        ("todo-tasks",),
    ),
]


@pytest.mark.parametrize("person", PEOPLE, ids=[p.username for p in PEOPLE])
def test_sign_in_and_out_through_the_login_page(tab, person: Person) -> None:
    tab.goto("/")
    tab.at_login_page()
    assert tab.page.locator("html").get_attribute("lang") == "zh-CN"
    expect(tab.page.get_by_text("登录您的账户")).to_be_visible()
    tab.sign_in(person.username)

    header = tab.page.get_by_test_id("current-user")
    expect(header).to_contain_text(person.role)
    expect(tab.page.get_by_test_id("current-division")).to_have_text(person.division)
    menu = tab.page.get_by_role("navigation", name="主菜单").get_by_role("menuitem")
    expect(menu).to_have_text(list(person.menu))
    for list_id in person.lists:
        expect(tab.page.get_by_test_id(list_id)).to_be_visible()
    expect(tab.page.get_by_test_id("todo-error")).to_have_count(0)  # no list was refused
    tab.live()
    assert tab.page.title() == "首页 · 守护"
    tab.shot(f"home-{person.username}")

    tab.sign_out()
    # The realm's session ended with it: the console asks for the password again.
    tab.goto("/")
    tab.at_login_page()


def test_the_login_page_refuses_a_wrong_password_in_chinese(tab) -> None:
    tab.goto("/")
    tab.at_login_page()
    tab.shot("login")
    tab.assert_accessible()
    tab.page.fill("input[name=username]", "housing.district")
    tab.page.fill("input[name=password]", "not-the-password")
    tab.page.locator("form [type=submit]").click()
    expect(tab.page.get_by_role("alert")).to_have_text("用户名或密码错误。")
    expect(tab.page.locator("input[name=username]")).to_have_value("housing.district")
    tab.shot("login-refused")


def test_a_deep_link_comes_back_to_its_page_after_sign_in(tab) -> None:
    tab.sign_in("judicial.district", path="/tasks")
    expect(tab.page.get_by_role("heading", name="部门待办")).to_be_visible()
    assert tab.page.title() == "部门待办 · 守护"


def test_a_signed_in_tab_reloads_without_signing_in_again(tab) -> None:
    tab.sign_in("education.district")
    tab.page.reload()
    expect(tab.page.get_by_test_id("current-user")).to_contain_text("education.district")
    assert "/realms/" not in tab.page.url
