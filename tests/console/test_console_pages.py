"""Every page of the console as its users meet it: each route's page with its title, a
screenshot of each, and axe-core finding no serious or critical violation on any. The gateway
serves the build as the browser needs it."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

# The routes fixed by API.md ("The console"), with their titles; civil affairs may open each.
PAGES = [
    ("/", "首页", "home"),
    ("/intake/new", "一门受理", "intake-new"),
    ("/tasks", "部门待办", "tasks"),
    ("/children", "儿童档案", "children"),
    ("/children/some-child-id", "儿童档案详情", "child"),
    ("/ledger", "台账导入", "ledger"),
    ("/visits", "定期走访", "visits"),
    ("/reports/new", "强制报告", "report-new"),
    ("/reports", "案件办理", "reports"),
    ("/reports/some-case-id", "案件详情", "report"),
    ("/statistics", "统计分析", "statistics"),
    ("/payments", "保障金发放", "payments"),
    ("/caring/families", "爱心家庭", "caring-families"),
    ("/caring/donations", "爱心捐赠", "caring-donations"),
    ("/caring/needs", "需求与资源", "caring-needs"),
]


def test_every_page_opens_with_its_title_and_passes_axe(tab):
    tab.sign_in("admin.district")
    for path, title, name in PAGES:
        tab.goto(path)
        expect(tab.page.get_by_role("heading", name=title, level=1)).to_be_attached()
        expect(tab.page.get_by_test_id("current-user")).to_contain_text("admin.district")
        assert tab.page.title() == f"{title} · 守护"
        tab.shot(f"page-{name}")
        tab.assert_accessible()


def test_an_unknown_route_is_the_apps_own_not_found_page(tab):
    tab.sign_in("clerk.district", path="/no/such/page")
    expect(tab.page.get_by_test_id("not-found")).to_contain_text("页面不存在")
    tab.shot("page-not-found")
    tab.assert_accessible()


def test_a_page_of_another_role_is_refused_in_words(tab):
    tab.sign_in("reporter.school.110109001", path="/children")
    refused = tab.page.get_by_test_id("forbidden")
    expect(refused).to_contain_text("无权访问此页面")
    expect(refused).to_contain_text("强制报告责任单位不能使用「儿童档案」")
    tab.shot("page-forbidden")
    tab.assert_accessible()


def test_a_village_supervisor_on_a_tablet(tab):
    tab.page.set_viewport_size({"width": 800, "height": 1280})
    tab.sign_in("supervisor.110109001001")
    menu = tab.page.get_by_role("navigation", name="主菜单").get_by_role("menuitem")
    expect(menu).to_have_count(6)  # 首页, 儿童档案, 台账导入, 定期走访, 强制报告, 教育统计
    expect(tab.page.get_by_test_id("todo-visits")).to_be_visible()
    tab.shot("home-tablet-supervisor")
    tab.assert_accessible()


@pytest.fixture
def gateway(embedded) -> httpx.Client:
    with httpx.Client(base_url=embedded.urls["gateway"], timeout=30) as client:
        yield client


def test_the_gateway_serves_the_build_with_its_cache_headers(gateway, embedded):
    page = gateway.get("/console/tasks", headers={"Accept-Encoding": "br, gzip"})
    assert page.status_code == 200 and page.headers["cache-control"] == "no-cache"
    assert page.headers["content-type"].startswith("text/html")
    scripts = re.findall(r'src="(/console/assets/[^"]+\.js)"', page.text)
    assert scripts, page.text
    asset = gateway.get(scripts[0], headers={"Accept-Encoding": "br, gzip"})
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert asset.headers["content-encoding"] == "br"
    config = gateway.get("/console/config.json").json()
    assert config["authority"] == f"{embedded.idp_url}/realms/shouhu"
    assert config["clientId"] == "shouhu-console"
