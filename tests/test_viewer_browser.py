"""The viewer in a real browser: headless Chromium, driven by selenium, with the network cut.

Needs Debian's ``chromium`` and ``chromium-driver``. Without them these tests are skipped with
the reason, except when ``NPCGRAPH_REQUIRE_BROWSER=1`` (CI sets it): then they fail.
Screenshots are saved under pytest's tmp path (and into ``$NPCGRAPH_SCREENSHOTS`` when set).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from rdflib import Graph

import npcgraph
from npcgraph.cli import main
from npcgraph.viewer import render
from test_viewer import BODY, MARKUP, PERSON, WATER, XSS_IMG, XSS_SCRIPT, entities_in, viewer_corpus

pytestmark = pytest.mark.browser

_CHROMIUM = ("chromium", "chromium-browser", "/usr/bin/chromium", "/usr/lib/chromium/chromium")
_DRIVER = ("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--window-size=1400,900",
    # Any request that slipped through would go to a closed local port, never to a host.
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
)
_WAIT = 10  # seconds


def _find(candidates: tuple[str, ...]) -> str | None:
    for name in candidates:
        path = shutil.which(name)
        if path:
            return path
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("NPCGRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"NPCGRAPH_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install '.[test]')")
    chromium, driver_path = _find(_CHROMIUM), _find(_DRIVER)
    if not chromium or not driver_path:
        _unavailable("no Chromium/chromedriver found (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
        )
        yield driver
    finally:
        driver.quit()


def _open(driver, page: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(page.as_uri())
    WebDriverWait(driver, _WAIT).until(lambda d: d.execute_script("return !!window.npcgraphViewer"))


def _problems(driver) -> tuple[list[str], list[str]]:
    """SEVERE console messages, and every request for anything but the page itself."""
    severe = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("file:", "data:", "blob:", "about:")):
                requests.append(url)
    return severe, requests


def _screenshot(driver, path: Path) -> None:
    driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if folder := os.environ.get("NPCGRAPH_SCREENSHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


def _drawn(driver) -> int:
    return driver.execute_script("return window.npcgraphViewer.drawnNodeIds().length")


def _painted_pixels(driver) -> int:
    """Pixels of the graph's canvas that are not background: the graph is really drawn."""
    return driver.execute_script(
        """
        var canvas = document.querySelector('#graph canvas');
        var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        var painted = 0;
        for (var i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
        return painted;
        """
    )


def _click_at(driver, x: float, y: float) -> None:
    """A real mouse click on the canvas at DOM position (x, y)."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("css selector", "#graph canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()


def _click_node(driver, index: int) -> None:
    """A real mouse click on the node, where it is drawn."""
    x, y = driver.execute_script(
        """
        var network = window.npcgraphViewer.network, id = arguments[0];
        network.moveTo({position: network.getPosition(id), scale: 1.5, animation: false});
        var at = network.canvasToDOM(network.getPosition(id));
        return [at.x, at.y];
        """,
        index,
    )
    _click_at(driver, x, y)


def _click_edge(driver, source: int, target: int) -> None:
    """A real mouse click on the edge between two nodes, at a point where no other edge or node
    is drawn (edges meeting at a hub overlap near it)."""
    x, y = driver.execute_script(
        """
        var network = window.npcgraphViewer.network, from = arguments[0], to = arguments[1];
        var a = network.getPosition(from), b = network.getPosition(to);
        network.moveTo({position: {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}, scale: 1.5, animation: false});
        var wanted = network.getConnectedEdges(from).filter(function (id) {
          return network.getConnectedNodes(id).indexOf(to) >= 0;
        });
        for (var step = 1; step < 20; step++) {
          var t = step / 20, dom = network.canvasToDOM({x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t});
          if (network.getNodeAt(dom) === undefined && wanted.indexOf(network.getEdgeAt(dom)) >= 0) {
            return [dom.x, dom.y];
          }
        }
        throw new Error('no point of the edge is clear of others');
        """,
        source,
        target,
    )
    _click_at(driver, x, y)


def _click_edge_until_panel(driver, source: int, target: int, attempts: int = 3) -> None:
    """Click the edge, again (positions read afresh) if the panel has not opened: on a loaded
    machine the canvas may still be redrawing when the first click lands."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    for _ in range(attempts):
        _click_edge(driver, source, target)
        try:
            WebDriverWait(driver, _WAIT / attempts).until(lambda d: not d.execute_script("return document.getElementById('panel').hidden"))
            return
        except TimeoutException:
            continue


def _panel(driver) -> dict:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, _WAIT).until(lambda d: not d.execute_script("return document.getElementById('panel').hidden"))
    return driver.execute_script(
        """
        var panel = document.getElementById('panel-body');
        return {
          title: panel.querySelector('h2').textContent,
          text: panel.textContent,
          marks: Array.prototype.map.call(panel.querySelectorAll('mark'), function (m) { return m.textContent; }),
          sentences: Array.prototype.map.call(panel.querySelectorAll('.sentence'), function (s) { return s.textContent; }),
          elements: Array.prototype.map.call(panel.querySelectorAll('*'), function (e) { return e.tagName.toLowerCase(); })
        };
        """
    )


def _index_of(driver, label: str) -> int:
    return driver.execute_script(
        "var label = arguments[0];"
        "return window.npcgraphViewer.data.entities.findIndex(function (e) { return e.label === label; });",
        label,
    )


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    """``npcgraph build`` of the bundled report, as a user runs it."""
    out = tmp_path_factory.mktemp("seed-build")
    assert main(["build", "-o", str(out), "-q"]) == 0
    return out


def test_seed_page_draws_every_entity_offline(browser, seed_build: Path, tmp_path: Path) -> None:
    graph = npcgraph.load_graph(seed_build / "graph.ttl")
    _open(browser, seed_build / "graph.html")
    data = browser.execute_script("return window.npcgraphViewer.data")
    connected = sum(1 for e in data["entities"] if e["degree"])
    assert 0 < connected < len(entities_in(graph))
    assert _drawn(browser) == connected  # entities without relations wait behind the toggle
    browser.find_element("id", "isolated").click()
    assert _drawn(browser) == len(entities_in(graph))
    assert _painted_pixels(browser) > 500
    data = browser.execute_script("return window.npcgraphViewer.data")
    mentioned = [i for i, e in enumerate(data["entities"]) if e["sentences"]]
    assert mentioned, "the seed graph has no entity with an evidence sentence"
    target = max(mentioned, key=lambda i: (len(data["entities"][i]["sentences"]), -i))
    _click_node(browser, target)
    panel = _panel(browser)
    entity = data["entities"][target]
    assert panel["title"] == entity["label"]
    first = data["sentences"][entity["sentences"][0]]
    assert any(first["text"] in text for text in panel["sentences"])
    assert panel["marks"] and set(panel["marks"]) <= {entity["label"], *entity["aliases"]} | {
        first["text"][b:e] for b, e, _ in first["marks"]
    }
    _screenshot(browser, tmp_path / "seed-graph.png")
    severe, requests = _problems(browser)
    assert severe == [] and requests == []


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("hostile") / "graph.html"
    page.write_text(render(npcgraph.to_graph(viewer_corpus())), encoding="utf-8")
    return page


def test_markup_in_reports_is_shown_as_text_and_runs_nothing(browser, hostile_page: Path, tmp_path: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    _open(browser, hostile_page)
    _click_node(browser, _index_of(browser, MARKUP.label))
    panel = _panel(browser)
    assert panel["title"] == XSS_IMG
    assert any(XSS_SCRIPT in s and XSS_IMG in s for s in panel["sentences"])
    assert panel["marks"] == [XSS_IMG]
    assert not {"img", "script", "iframe", "object"} & set(panel["elements"])
    assert browser.execute_script("return document.querySelectorAll('img').length + document.scripts.length") == 3
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    visible = browser.find_element("id", "panel").text
    assert XSS_SCRIPT in visible and XSS_IMG in visible
    _screenshot(browser, tmp_path / "hostile.png")
    severe, requests = _problems(browser)
    assert severe == [] and requests == []


def test_search_filters_focus_and_edge_evidence(browser, hostile_page: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, hostile_page)
    total = _drawn(browser)
    entities = browser.execute_script("return window.npcgraphViewer.data.entities.length")
    assert total == entities - 1  # the unconnected place waits behind the toggle
    assert browser.find_element("id", "isolated-count").text == "1"
    search = browser.find_element("id", "search")
    search.send_keys("人大常委会")  # an alias: the canonical name is 武汉市人民代表大会常务委员会
    results = browser.find_element("id", "search-results")
    assert BODY.label in results.text
    search.send_keys(Keys.ENTER)
    assert _panel(browser)["title"] == BODY.label

    browser.find_element("id", "focus-button").click()
    assert _drawn(browser) == total  # everything connected is one step away
    browser.find_element("id", "depth").clear()
    browser.find_element("id", "depth").send_keys("0", Keys.TAB)
    assert _drawn(browser) == 1
    browser.find_element("id", "reset-button").click()
    assert _drawn(browser) == total

    regulation = browser.find_element("xpath", "//ul[@id='legend']//label[span[text()='条例']]/input")
    regulation.click()
    assert _drawn(browser) == total - 2
    regulation.click()

    browser.find_element("id", "english").click()
    labels = browser.execute_script("return window.npcgraphViewer.network.body.data.edges.get().map(function (e) { return e.label; })")
    assert "revised" in labels and "修订" not in labels
    browser.find_element("id", "english").click()

    person, body = _index_of(browser, PERSON.label), _index_of(browser, BODY.label)
    browser.find_element("id", "panel-close").click()
    _click_edge_until_panel(browser, person, body)
    by_click = _panel(browser)
    browser.execute_script("window.npcgraphViewer.select(arguments[0])", person)
    browser.find_element("css selector", "#panel-body button.evidence").click()
    panel = _panel(browser)
    assert panel == by_click
    assert PERSON.label in panel["title"] and BODY.label in panel["title"]
    assert panel["sentences"] and "武汉市人大常委会主任胡立山。" in panel["sentences"][0]
    assert set(panel["marks"]) == {"武汉市人大常委会", "胡立山"}
    assert "主任" in panel["text"]
    water = browser.execute_script(
        "var d = window.npcgraphViewer.data, label = arguments[0];"
        "return d.edges.filter(function (e) { return d.entities[e.to].label === label; }).length;",
        WATER.label,
    )
    assert water == 1
    severe, requests = _problems(browser)
    assert severe == [] and requests == []


def test_a_graph_without_entities_opens_cleanly(browser, tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(render(Graph()), encoding="utf-8")
    _open(browser, page)
    assert _drawn(browser) == 0
    assert browser.find_element("id", "empty").is_displayed()
    severe, requests = _problems(browser)
    assert severe == [] and requests == []


# --- first sight (issue 17): names readable at the opening zoom --------------------------------


def _clip(driver, box: dict) -> bytes:
    import base64

    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": {**box, "scale": 1}})
    return base64.b64decode(shot["data"])


def _png_pixels(data: bytes) -> list[bytes]:
    """The rows of an 8-bit RGB(A) PNG, as Chromium writes them (enough of PNG for a test)."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, width, height, bpp = 8, b"", 0, 0, 4
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return rows


def _changed(a: bytes, b: bytes) -> int:
    rows_a, rows_b = _png_pixels(a), _png_pixels(b)
    return sum(x != y for ra, rb in zip(rows_a, rows_b) for x, y in zip(ra, rb))


def test_the_main_names_are_drawn_at_first_paint(browser, seed_build: Path, tmp_path: Path) -> None:
    """Opened as it is, the bundled report's page shows the names of its leading entities: the
    screenshot under each of them changes when their labels are taken away."""
    _open(browser, seed_build / "graph.html")
    _screenshot(browser, tmp_path / "first-sight.png")
    boxes = browser.execute_script(
        """
        var v = window.npcgraphViewer, network = v.network, rect = document.getElementById('graph').getBoundingClientRect();
        var scale = network.getScale(), ents = v.data.entities, metric = v.data.metric;
        var leading = ents.map(function (_, i) { return i; }).filter(function (i) { return ents[i].degree > 0; })
          .sort(function (a, b) { return (ents[b][metric] - ents[a][metric]) || (ents[b].degree - ents[a].degree) || (a - b); });
        return leading.slice(0, 6).map(function (id) {
          var at = network.canvasToDOM(network.getPosition(id)), node = network.body.nodes[id];
          var top = rect.top + at.y + node.options.size * scale;
          return {id: id, label: v.data.entities[id].label, scale: scale,
                  box: {x: Math.max(0, rect.left + at.x - 80), y: Math.max(0, top - 2), width: 160, height: 30}};
        });
        """
    )
    assert boxes and boxes[0]["scale"] < 0.6, "the whole graph fitted on screen is drawn small"
    before = [_clip(browser, entry["box"]) for entry in boxes]
    browser.execute_script(
        "var v = window.npcgraphViewer; v.network.body.data.nodes.update(arguments[0].map(function (i) { return {id: i, label: ''}; }));"
        "v.network.redraw();",
        [entry["id"] for entry in boxes],
    )
    import time

    time.sleep(0.3)
    after = [_clip(browser, entry["box"]) for entry in boxes]
    drawn = [entry["label"] for entry, a, b in zip(boxes, before, after) if _changed(a, b) > 30]
    assert len(drawn) >= len(boxes) - 1, f"labels drawn at first paint: {drawn} of {[e['label'] for e in boxes]}"


def test_instrument_forms_differ_by_shape(browser, seed_build: Path) -> None:
    _open(browser, seed_build / "graph.html")
    classes = browser.execute_script("return window.npcgraphViewer.data.classes")
    instruments = {c["key"]: c for c in classes if c["key"] in ("Law", "Regulation", "Decision", "Resolution", "Opinion", "Measures", "Rules")}
    assert len(instruments) >= 4
    assert len({c["shape"] for c in instruments.values()}) == len(instruments)
    glyphs = browser.execute_script("return document.querySelectorAll('#legend svg.glyph polygon[points]').length")
    assert glyphs >= len(instruments) - 1  # the legend draws the same polygons (Law is a square)
    severe, requests = _problems(browser)
    assert severe == [] and requests == []
