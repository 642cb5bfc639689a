"""Saved web pages: rowspan/colspan, page chrome, layout tables, pages
without a table."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.model import Role
from xltools.importing.readers import detect_format, read_source
from xltools.importing.readers.html import table_grid
from textplans import unit_roles

PAGE = """<html><head><meta charset="gb2312"><title>某区2021年政务公开工作任务分工_某区人民政府</title></head>
<body><div>登录 | 注册</div><div>当前位置：首页 &gt; 政府信息公开</div>
<table width="100%"><tr><td>
<h3>某区2021年政务公开工作任务分工</h3><p>发布时间：2021-03-01</p>
<table border="1">
<tr><th rowspan="2">序号</th><th rowspan="2">工作任务</th><th rowspan="2">具体要求</th><th colspan="2">责任单位</th></tr>
<tr><th>牵头单位</th><th>协同单位</th></tr>
<tr><td colspan="5">一、推进决策公开</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">推进重大决策预公开</td><td>公布决策草案。</td>
    <td rowspan="2">区政府办</td><td rowspan="2">区司法局、各街道办事处</td></tr>
<tr><td>听取公众意见<br>并公开采纳情况。</td></tr>
<tr><td colspan="5">二、加强平台建设</td></tr>
<tr><td>2</td><td>规范政府网站</td><td>做好网站集约化。</td><td>区政务服务中心</td><td></td></tr>
</table>
<p>【打印本页】【关闭窗口】</p></td></tr></table>
<div>网站地图 | 联系我们</div></body></html>"""


def test_html_rowspan_colspan_and_chrome() -> None:
    data = PAGE.encode("gb18030")
    assert detect_format(data, "page") == "html"
    plan = build_plan(*read_source(data, "page.html"))
    assert plan.info.title == "某区2021年政务公开工作任务分工" and plan.info.year == 2021
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [
        ("推进决策公开", ["推进重大决策预公开"]), ("加强平台建设", ["规范政府网站"])]
    assert [r.text for r in plan.tasks[0].requirements] == ["公布决策草案。", "听取公众意见并公开采纳情况。"]
    for rid in ("1-1", "1-2"):
        assert unit_roles(plan, rid) == {("区政府办", Role.LEAD), ("区司法局", Role.ASSIST),
                                     ("各街道办事处", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("区政务服务中心", Role.LEAD)}


def test_table_grid_carries_rowspans() -> None:
    from bs4 import BeautifulSoup

    t = BeautifulSoup("<table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
                      "lxml").table
    grid = table_grid(t)
    assert [(c.text, c.from_above) for c in grid[1]] == [("a", True), ("c", False)]


def test_html_without_table_reads_page_text() -> None:
    page = ("<html><body><nav>首页</nav><h1>某县2022年工作要点</h1>"
            "<p>一、优化营商环境</p><p>1.推进一网通办。整合服务事项。（县政务服务局牵头）</p>"
            "<p>2.压减审批时限。全面压减审批时限。（县行政审批局牵头，各乡镇配合）</p></body></html>")
    plan = build_plan(*read_source(page.encode(), "p.htm"))
    assert [t.name for t in plan.tasks] == ["推进一网通办", "压减审批时限"]
    assert unit_roles(plan, "2-1") == {("县行政审批局", Role.LEAD), ("各乡镇", Role.ASSIST)}


def test_big5_page_converted_to_simplified() -> None:
    page = ("<html><head><meta charset='big5'><title>某縣2022年重點工作任務分工</title></head><body>"
            "<table border=1><tr><td>序號</td><td>工作任務</td><td>具體措施</td><td>牽頭單位</td>"
            "<td>配合單位</td><td>完成時限</td></tr><tr><td>1</td><td>優化營商環境</td><td>推行一網通辦。</td>"
            "<td>縣政務服務局</td><td>縣直各部門</td><td>2022年6月底前</td></tr></table></body></html>")
    plan = build_plan(*read_source(page.encode("big5"), "t.html"))
    assert plan.info.title == "某县2022年重点工作任务分工"
    assert plan.tasks[0].name == "优化营商环境"
    assert unit_roles(plan, "1-1") == {("县政务服务局", Role.LEAD), ("县直各部门", Role.ASSIST)}
    assert plan.requirement("1-1").deadline.date.isoformat() == "2022-06-30"


def test_ruby_pinyin_of_web_mirrors_removed() -> None:
    page = ("<html><body><p>某县2022年工作要点</p><p>一、优化营商环境</p>"
            "<p>1.推进一网通办。整合<ruby>经<rp>(</rp><rt>jīng</rt><rp>)</rp></ruby>济服务事项。"
            "（县政务服务局牵头）</p></body></html>")
    plan = build_plan(*read_source(page.encode(), "p.html"))
    assert plan.requirement("1-1").text == "整合经济服务事项。"
