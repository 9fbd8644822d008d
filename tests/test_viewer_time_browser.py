"""The viewer's time features in a real browser (see test_viewer_browser.py for the set-up):
the year range filter over the acts and the date in a fact's evidence panel."""

from __future__ import annotations

from pathlib import Path

import pytest

import npcgraph
from npcgraph.viewer import render
from test_viewer_browser import _index_of, _open, _panel, _problems, browser  # noqa: F401  (a fixture)

pytestmark = pytest.mark.browser

SESSION = Path(__file__).parent / "data" / "standing-committee-session"


@pytest.fixture(scope="module")
def session_page(tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("time") / "graph.html"
    page.write_text(render(npcgraph.to_graph(npcgraph.build([SESSION]))), encoding="utf-8")
    return page


def _shown_relations(driver) -> list[str]:
    """'subject|relation key|object' of each drawn edge."""
    return driver.execute_script(
        "var v = window.npcgraphViewer, d = v.data;"
        "return v.network.body.data.edges.get().filter(function (e) { return !e.hidden; }).map(function (e) {"
        "  var edge = d.edges[e.id]; return d.entities[edge.from].label + '|' + d.relations[edge.rel].key + '|' + d.entities[edge.to].label; });"
    )


def _years(driver, first: int, last: int) -> None:
    from selenium.webdriver.common.keys import Keys

    for name, value in (("year-from", first), ("year-to", last)):
        box = driver.find_element("id", name)
        box.clear()
        box.send_keys(str(value), Keys.TAB)


def test_the_year_filter_hides_acts_of_other_years_only(browser, session_page: Path) -> None:  # noqa: F811
    _open(browser, session_page)
    assert browser.find_element("id", "year-controls").is_displayed()
    every = _shown_relations(browser)
    river = "襄阳市人民代表大会常务委员会|enacted|襄阳市河道管理条例"  # 去年: 2024
    green = "湖北省人民代表大会常务委员会|approved|襄阳市城市绿化条例"  # 2025-09-12
    organized = [r for r in every if "|organizedBy|" in r]
    assert river in every and green in every and organized

    _years(browser, 2025, 2025)
    shown = _shown_relations(browser)
    assert river not in shown and green in shown
    assert all(r in shown for r in organized)  # not an act: no year hides it

    _years(browser, 2024, 2024)
    shown = _shown_relations(browser)
    assert river in shown and green not in shown

    browser.find_element("id", "reset-button").click()
    assert sorted(_shown_relations(browser)) == sorted(every)
    severe, requests = _problems(browser)
    assert severe == [] and requests == []


def test_the_evidence_panel_gives_each_facts_date(browser, session_page: Path) -> None:  # noqa: F811
    _open(browser, session_page)
    regulation = _index_of(browser, "襄阳市城市绿化条例")
    browser.execute_script("window.npcgraphViewer.select(arguments[0])", regulation)
    _panel(browser)
    browser.execute_script(
        "var items = document.querySelectorAll('#panel-body ul.relations li');"
        "for (var i = 0; i < items.length; i++) if (items[i].textContent.indexOf('批准') >= 0) { items[i].querySelector('button.evidence').click(); break; }"
    )
    panel = _panel(browser)
    assert "批准" in panel["title"]
    assert "日期：2025-09-12" in panel["text"]
