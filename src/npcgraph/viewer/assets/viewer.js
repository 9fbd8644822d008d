/* npcgraph viewer: filters, search, focus and the evidence panel over a vis-network graph.
 *
 * All data comes from the JSON block #npcgraph-data. Every text from a report or the graph is
 * put on the page with textContent or createTextNode, never as HTML.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("npcgraph-data").textContent);
  var ENT = DATA.entities, EDGES = DATA.edges, SENT = DATA.sentences;
  var SVG = "http://www.w3.org/2000/svg";
  // Entities without relations are set aside behind a toggle, unless nothing else is drawn.
  var CONNECTED = ENT.filter(function (entity) { return entity.degree > 0; }).length;
  var state = {
    english: false,
    isolatedOn: CONNECTED === 0,
    classOn: DATA.classes.map(function () { return true; }),
    relOn: DATA.relations.map(function () { return true; }),
    report: -1,
    years: null,       // [from, to] of the year filter, or null for every year
    focus: null,       // Set of entity indices, or null
    selected: null,    // entity index
    panel: null        // {kind: "entity"|"edge", index}
  };

  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function t(zh, en) { return state.english ? en : zh; }
  function className(i) { var c = DATA.classes[i]; return state.english ? c.en : c.zh; }
  function relationName(i) { var r = DATA.relations[i]; return state.english ? r.en : r.zh; }
  function reportName(i) { return i === null || i === undefined ? "" : DATA.reports[i].label; }

  // Adjacency: outgoing and incoming edge indices per entity.
  var outgoing = ENT.map(function () { return []; });
  var incoming = ENT.map(function () { return []; });
  EDGES.forEach(function (edge, k) { outgoing[edge.from].push(k); incoming[edge.to].push(k); });

  // The network.
  var nodes = new vis.DataSet(DATA.vis.nodes);
  var edges = new vis.DataSet(DATA.vis.edges);
  var network = new vis.Network($("graph"), { nodes: nodes, edges: edges }, DATA.vis.options);
  var hidden = { nodes: ENT.map(function () { return false; }), edges: EDGES.map(function () { return false; }) };

  // ---- glyphs for the legend: the node's shape in its colour ----
  var SHAPES = {
    dot: function (s) { var c = document.createElementNS(SVG, "circle"); c.setAttribute("cx", 7); c.setAttribute("cy", 7); c.setAttribute("r", 6); return c; },
    square: function () { var r = document.createElementNS(SVG, "rect"); r.setAttribute("x", 1.5); r.setAttribute("y", 1.5); r.setAttribute("width", 11); r.setAttribute("height", 11); return r; },
    triangle: function () { return polygon("7,1 13,13 1,13"); },
    triangleDown: function () { return polygon("1,1 13,1 7,13"); },
    diamond: function () { return polygon("7,0.5 13.5,7 7,13.5 0.5,7"); },
    hexagon: function () { return polygon("3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7"); },
    star: function () { return polygon("7,0.5 8.8,5 13.5,5.2 9.8,8.2 11.1,13 7,10.3 2.9,13 4.2,8.2 0.5,5.2 5.2,5"); }
  };
  function polygon(points) { var p = document.createElementNS(SVG, "polygon"); p.setAttribute("points", points); return p; }
  function glyph(cls) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", 14); svg.setAttribute("height", 14); svg.setAttribute("class", "glyph");
    if (cls.points) svg.setAttribute("viewBox", "0 0 28 28");  // a glyph of styles.json, as on the graph
    var shape = cls.points ? polygon(cls.points) : (SHAPES[cls.shape] || SHAPES.dot)();
    shape.setAttribute("fill", cls.color); shape.setAttribute("stroke", "#555"); shape.setAttribute("stroke-width", 0.6);
    svg.appendChild(shape);
    return svg;
  }

  // ---- filters ----
  function checkboxList(list, items, isOn, label, onChange, decorate) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item, i) {
      var li = el("li"), lab = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = isOn(i);
      box.addEventListener("change", function () { onChange(i, box.checked); });
      lab.appendChild(box);
      if (decorate) lab.appendChild(decorate(item));
      lab.appendChild(el("span", label(i)));
      lab.appendChild(el("span", item.count, "count"));
      li.appendChild(lab);
      list.appendChild(li);
    });
  }
  function buildFilters() {
    checkboxList($("legend"), DATA.classes, function (i) { return state.classOn[i]; }, className,
      function (i, on) { state.classOn[i] = on; applyFilters(); }, glyph);
    checkboxList($("relation-filter"), DATA.relations, function (i) { return state.relOn[i]; }, relationName,
      function (i, on) { state.relOn[i] = on; if (state.focus) computeFocus(); applyFilters(); });
    var select = $("report-filter");
    while (select.options.length > 1) select.remove(1);
    DATA.reports.forEach(function (report, i) {
      var option = el("option", report.label); option.value = String(i);
      select.appendChild(option);
    });
    select.value = String(state.report === -1 ? "" : state.report);
    $("report-label").hidden = DATA.reports.length < 2;
    $("isolated-row").hidden = CONNECTED === 0 || CONNECTED === ENT.length;
    $("isolated").checked = state.isolatedOn;
    $("isolated-count").textContent = String(ENT.length - CONNECTED);
    buildYears();
  }

  // ---- years: acts dated outside the range (or not dated) are hidden; other relations stay ----
  function buildYears() {
    var years = DATA.years;
    $("year-controls").hidden = !years;
    if (!years) return;
    [$("year-from"), $("year-to")].forEach(function (input, j) {
      input.min = years[0]; input.max = years[1];
      input.value = state.years ? state.years[j] : years[j];
      input.onchange = function () {
        var from = parseInt($("year-from").value, 10), to = parseInt($("year-to").value, 10);
        from = isNaN(from) ? years[0] : from; to = isNaN(to) ? years[1] : to;
        state.years = from <= years[0] && to >= years[1] ? null : [from, to];
        applyFilters();
      };
    });
  }
  function inYears(edge) {
    if (!state.years || !edge.act) return true;
    return (edge.dates || []).some(function (date) {
      var year = date ? parseInt(date.slice(0, 4), 10) : NaN;
      return year >= state.years[0] && year <= state.years[1];
    });
  }

  function nodeShown(i) {
    var entity = ENT[i];
    if (!state.classOn[entity.cls]) return false;
    if (state.report >= 0 && entity.reports.indexOf(state.report) < 0) return false;
    if (state.focus && !state.focus.has(i)) return false;
    if (!state.isolatedOn && entity.degree === 0 && state.selected !== i && !(state.focus && state.focus.has(i))) return false;
    return true;
  }
  function edgeShown(k, shown) {
    var edge = EDGES[k];
    if (!state.relOn[edge.rel] || !shown[edge.from] || !shown[edge.to]) return false;
    if (state.report >= 0 && edge.reports.length && edge.reports.indexOf(state.report) < 0) return false;
    if (!inYears(edge)) return false;
    return true;
  }
  function applyFilters() {
    var shown = ENT.map(function (_, i) { return nodeShown(i); });
    var nodeChanges = [], edgeChanges = [];
    shown.forEach(function (on, i) { if (hidden.nodes[i] === on) { hidden.nodes[i] = !on; nodeChanges.push({ id: i, hidden: !on }); } });
    EDGES.forEach(function (_, k) {
      var on = edgeShown(k, shown);
      if (hidden.edges[k] === on) { hidden.edges[k] = !on; edgeChanges.push({ id: k, hidden: !on }); }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    var nodeCount = shown.filter(Boolean).length;
    var edgeCount = hidden.edges.filter(function (h) { return !h; }).length;
    $("counts").textContent = t("显示 " + nodeCount + " / " + ENT.length + " 个实体，" + edgeCount + " / " + EDGES.length + " 条关系",
      nodeCount + " of " + ENT.length + " entities, " + edgeCount + " of " + EDGES.length + " relations shown");
  }

  // ---- focus: the neighbours of the selected entity, to a depth ----
  function neighbourhood(starts, depth) {
    var seen = new Set(starts), frontier = starts.slice();
    for (var level = 0; level < depth && frontier.length; level++) {
      var next = [];
      frontier.forEach(function (i) {
        outgoing[i].concat(incoming[i]).forEach(function (k) {
          if (!state.relOn[EDGES[k].rel]) return;
          var other = EDGES[k].from === i ? EDGES[k].to : EDGES[k].from;
          if (!seen.has(other)) { seen.add(other); next.push(other); }
        });
      });
      frontier = next;
    }
    return seen;
  }
  var focusStarts = null;
  function computeFocus() {
    if (!focusStarts) return;
    var depth = Math.max(0, Math.min(9, parseInt($("depth").value, 10) || 0));
    state.focus = neighbourhood(focusStarts, depth);
  }
  function focusOn(starts) {
    focusStarts = starts.slice();
    computeFocus();
    applyFilters();
    fitShown();
  }
  function resetView() {
    focusStarts = null; state.focus = null; state.report = -1; state.years = null;
    state.classOn = state.classOn.map(function () { return true; });
    state.relOn = state.relOn.map(function () { return true; });
    state.isolatedOn = CONNECTED === 0;
    buildFilters();
    applyFilters();
    fitShown();
  }
  function fitShown() {
    var ids = ENT.map(function (_, i) { return i; }).filter(function (i) { return !hidden.nodes[i]; });
    if (ids.length) network.fit({ nodes: ids, animation: false });
    scaleLabels();
  }

  // ---- first sight: the names of the most important entities are readable at any zoom ----
  // vis-network skips labels smaller than drawThreshold on screen, and a whole graph fitted
  // on screen is drawn at a third of its size or less: the leading entities (most mentioned,
  // then most connected) get a font that stays READABLE pixels high until zoomed in.
  var READABLE = 12, BASE_FONT = DATA.vis.options.nodes.font.size;
  var IMPORTANT = ENT.map(function (_, i) { return i; })
    .sort(function (a, b) {
      return ((ENT[b].degree > 0) - (ENT[a].degree > 0)) || (ENT[b][DATA.metric] - ENT[a][DATA.metric])
        || (ENT[b].degree - ENT[a].degree) || (a - b);
    })
    .slice(0, Math.max(5, Math.min(30, Math.round(1.5 * Math.sqrt(ENT.length)))));
  var labelSize = BASE_FONT;
  function scaleLabels() {
    var scale = network.getScale() || 1;
    var size = Math.max(BASE_FONT, Math.ceil(READABLE / scale));
    if (size === labelSize) return;
    labelSize = size;
    nodes.update(IMPORTANT.map(function (i) { return { id: i, font: { size: size } }; }));
  }
  network.on("zoom", scaleLabels);

  // ---- the side panel ----
  function openPanel() { $("panel").hidden = false; }
  function closePanel() { $("panel").hidden = true; state.panel = null; }
  function clearPanel() { var body = $("panel-body"); while (body.firstChild) body.removeChild(body.firstChild); return body; }

  function entityButton(i) {
    var button = el("button", ENT[i].label, "entity");
    button.type = "button";
    button.title = className(ENT[i].cls);
    button.addEventListener("click", function () { selectEntity(i, true); });
    return button;
  }

  /* A sentence with the mentions of `targets` marked and other entities' mentions clickable. */
  function sentenceBlock(s, targets, extra) {
    var sentence = SENT[s], chars = Array.from(sentence.text), block = el("div", null, "sentence");
    if (sentence.report !== null && DATA.reports.length > 1) block.appendChild(el("span", reportName(sentence.report), "source"));
    var marks = sentence.marks.slice().sort(function (a, b) {
      var at = targets.indexOf(a[2]) >= 0 ? 0 : 1, bt = targets.indexOf(b[2]) >= 0 ? 0 : 1;
      return a[0] - b[0] || at - bt || (b[1] - a[1]);
    });
    var position = 0;
    marks.forEach(function (mark) {
      var begin = mark[0], end = mark[1], entity = mark[2];
      if (begin < position || end > chars.length) return;
      if (begin > position) block.appendChild(document.createTextNode(chars.slice(position, begin).join("")));
      var piece = chars.slice(begin, end).join(""), which = targets.indexOf(entity), node;
      if (which >= 0) {
        node = el("mark", piece, which === 1 ? "object" : "");
      } else {
        node = el("span", piece, "ref");
        node.title = ENT[entity].label + " · " + className(ENT[entity].cls);
        node.addEventListener("click", function () { selectEntity(entity, true); });
      }
      block.appendChild(node);
      position = end;
    });
    if (position < chars.length) block.appendChild(document.createTextNode(chars.slice(position).join("")));
    if (extra) block.appendChild(extra);
    return block;
  }

  function showEntity(i) {
    var entity = ENT[i], cls = DATA.classes[entity.cls], body = clearPanel();
    state.panel = { kind: "entity", index: i };
    body.appendChild(el("h2", entity.label));
    var meta = el("p", null, "meta");
    meta.appendChild(glyph(cls));
    meta.appendChild(el("span", className(entity.cls)));
    meta.appendChild(el("span", t("· 提及 " + entity.mentions + " 次 · 关系 " + entity.degree + " 条",
      "· " + entity.mentions + " mentions · " + entity.degree + " relations")));
    body.appendChild(meta);
    body.appendChild(el("p", entity.iri, "iri"));
    if (entity.aliases.length) body.appendChild(el("p", t("别名：", "Also: ") + entity.aliases.join(t("、", ", ")), "aliases"));
    if (entity.reports.length && DATA.reports.length > 1) {
      body.appendChild(el("p", t("报告：", "Reports: ") + entity.reports.map(reportName).join(t("；", "; ")), "reports"));
    }

    var links = outgoing[i].concat(incoming[i]);
    body.appendChild(el("h3", t("关系（" + links.length + "）", "Relations (" + links.length + ")")));
    if (!links.length) body.appendChild(el("p", t("图中没有这个实体的关系。", "No relations in the graph."), "none"));
    var list = el("ul", null, "relations");
    links.forEach(function (k) {
      var edge = EDGES[k], li = el("li");
      if (edge.from === i) {
        li.appendChild(el("span", relationName(edge.rel) + " →", "rel"));
        li.appendChild(entityButton(edge.to));
      } else {
        li.appendChild(entityButton(edge.from));
        li.appendChild(el("span", "→ " + relationName(edge.rel) + t(" → 本实体", " → this"), "rel"));
      }
      var proof = el("button", t("证据 " + edge.evidence.length, edge.evidence.length + " evidence"), "evidence");
      proof.type = "button";
      proof.addEventListener("click", function () { showEdge(k); });
      li.appendChild(proof);
      list.appendChild(li);
    });
    body.appendChild(list);

    body.appendChild(el("h3", t("证据句（" + entity.sentenceCount + "）", "Evidence sentences (" + entity.sentenceCount + ")")));
    if (!entity.sentences.length) body.appendChild(el("p", t("图中没有提及这个实体的句子。", "No sentence in the graph mentions it."), "none"));
    entity.sentences.forEach(function (s) { body.appendChild(sentenceBlock(s, [i])); });
    if (entity.sentenceCount > entity.sentences.length) {
      body.appendChild(el("p", t("另有 " + (entity.sentenceCount - entity.sentences.length) + " 句未收入本页。",
        (entity.sentenceCount - entity.sentences.length) + " more sentences are not in this page."), "more"));
    }
    openPanel();
  }

  function showEdge(k) {
    var edge = EDGES[k], body = clearPanel();
    state.panel = { kind: "edge", index: k };
    var heading = el("h2");
    heading.appendChild(entityButton(edge.from));
    heading.appendChild(el("span", " " + relationName(edge.rel) + " → ", "rel"));
    heading.appendChild(entityButton(edge.to));
    body.appendChild(heading);
    var rel = DATA.relations[edge.rel];
    body.appendChild(el("p", "npc:" + rel.key + " · " + rel.zh + " / " + rel.en, "iri"));
    body.appendChild(el("h3", t("陈述这一事实的句子（" + edge.evidence.length + "）", "Sentences stating this fact (" + edge.evidence.length + ")")));
    if (!edge.evidence.length) body.appendChild(el("p", t("图中没有这条关系的证据句。", "The graph has no evidence sentence for it."), "none"));
    edge.evidence.forEach(function (item, j) {
      var date = edge.dates ? edge.dates[j] : null, extra = null;
      if (item[1] || date) {
        extra = el("div", null, "post");
        if (date) extra.appendChild(el("span", t("日期：", "Date: ") + date, "date"));
        if (date && item[1]) extra.appendChild(document.createTextNode(" · "));
        if (item[1]) extra.appendChild(document.createTextNode(t("职务：", "Post: ") + item[1]));
      }
      body.appendChild(sentenceBlock(item[0], [edge.from, edge.to], extra));
    });
    network.selectEdges([k]);
    openPanel();
  }

  function selectEntity(i, move) {
    state.selected = i;
    $("focus-button").disabled = false;
    if (hidden.nodes[i] && ENT[i].degree === 0 && !state.isolatedOn) applyFilters();  // found by search
    if (!hidden.nodes[i]) {
      network.selectNodes([i]);
      if (move) network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    } else {
      network.unselectAll();
    }
    showEntity(i);
  }

  // ---- search ----
  var results = [], active = 0;
  function fold(text) { return text.normalize("NFKC").toLowerCase(); }  // full-width forms, case
  var searchNames = ENT.map(function (entity) { return [entity.label].concat(entity.aliases).map(fold); });
  function searchMatches(query) {
    var q = fold(query.trim());
    if (!q) return [];
    var found = [];
    ENT.forEach(function (entity, i) {
      var names = [entity.label].concat(entity.aliases), best = null;
      names.forEach(function (name, n) {
        var lower = searchNames[i][n], at = lower.indexOf(q);
        if (at < 0) return;
        var score = lower === q ? 0 : at === 0 ? 1 : 2;
        if (!best || score < best.score || (score === best.score && n === 0)) best = { score: score, name: name, alias: n > 0 };
      });
      if (best) found.push({ index: i, score: best.score, name: best.name, alias: best.alias });
    });
    found.sort(function (a, b) {
      return a.score - b.score || (ENT[b.index].mentions + ENT[b.index].degree) - (ENT[a.index].mentions + ENT[a.index].degree)
        || (ENT[a.index].label < ENT[b.index].label ? -1 : ENT[a.index].label > ENT[b.index].label ? 1 : 0);
    });
    return found.slice(0, 30);
  }
  function renderResults() {
    var list = $("search-results");
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!$("search").value.trim()) { list.hidden = true; return; }
    if (!results.length) { list.appendChild(el("li", t("没有匹配的实体", "No matching entity"), "none")); }
    results.forEach(function (result, n) {
      var li = el("li", null, n === active ? "active" : "");
      li.appendChild(glyph(DATA.classes[ENT[result.index].cls]));
      li.appendChild(el("span", ENT[result.index].label));
      if (result.alias) li.appendChild(el("span", t("（别名 ", "(alias ") + result.name + t("）", ")"), "alias"));
      li.appendChild(el("span", className(ENT[result.index].cls), "cls"));
      li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(n); });
      list.appendChild(li);
    });
    list.hidden = false;
  }
  function choose(n) {
    if (!results[n]) return;
    $("search-results").hidden = true;
    selectEntity(results[n].index, true);
  }
  $("search").addEventListener("input", function () { results = searchMatches(this.value); active = 0; renderResults(); });
  $("search").addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); choose(active); }
    else if (event.key === "ArrowDown") { event.preventDefault(); active = Math.min(active + 1, results.length - 1); renderResults(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); active = Math.max(active - 1, 0); renderResults(); }
    else if (event.key === "Escape") { this.value = ""; results = []; renderResults(); }
  });
  $("search").addEventListener("blur", function () { $("search-results").hidden = true; });
  $("search").addEventListener("focus", function () { if (this.value.trim()) renderResults(); });

  // ---- language ----
  function hoverText(i) {
    var entity = ENT[i];
    return entity.label + "\n" + className(entity.cls) + t(
      " · " + entity.mentions + " 次提及 · " + entity.degree + " 条关系",
      " · " + entity.mentions + " mentions · " + entity.degree + " relations");
  }
  function applyLanguage() {
    var lang = state.english ? "en" : "zh";
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-zh]"), function (node) { node.textContent = node.getAttribute("data-" + lang); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-zh-placeholder]"), function (node) { node.placeholder = node.getAttribute("data-" + lang + "-placeholder"); });
    edges.update(EDGES.map(function (edge, k) { return { id: k, label: relationName(edge.rel) }; }));
    nodes.update(ENT.map(function (entity, i) { return { id: i, title: hoverText(i) }; }));
    buildFilters();
    applyFilters();
    showNotice();
    if (state.panel && !$("panel").hidden) { if (state.panel.kind === "entity") showEntity(state.panel.index); else showEdge(state.panel.index); }
  }

  function showNotice() {
    var notice = $("notice");
    if (!DATA.notice) { notice.hidden = true; return; }
    notice.textContent = t(
      "实体太多，本页只画出连接最多的 " + DATA.notice.shown + " 个（共 " + DATA.notice.total + " 个）。搜索和筛选只作用于这些实体；要看其他部分，请生成聚焦视图：npcgraph view graph.ttl --focus 名称 --depth 2 -o 文件.html",
      "Too many entities: this page draws the " + DATA.notice.shown + " most connected of " + DATA.notice.total + ". Search and filters cover these only; for other parts render a focused view: npcgraph view graph.ttl --focus NAME --depth 2 -o FILE.html");
    notice.hidden = false;
  }

  // ---- wiring ----
  network.on("click", function (params) {
    if (params.nodes.length) selectEntity(params.nodes[0], false);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { selectEntity(params.nodes[0], false); focusOn([params.nodes[0]]); }
  });
  $("focus-button").addEventListener("click", function () { if (state.selected !== null) focusOn([state.selected]); });
  $("depth").addEventListener("change", function () { if (focusStarts) { computeFocus(); applyFilters(); fitShown(); } });
  $("reset-button").addEventListener("click", resetView);
  $("report-filter").addEventListener("change", function () {
    state.report = this.value === "" ? -1 : parseInt(this.value, 10);
    applyFilters();
    fitShown();
  });
  $("english").addEventListener("change", function () { state.english = this.checked; applyLanguage(); });
  $("isolated").addEventListener("change", function () { state.isolatedOn = this.checked; applyFilters(); fitShown(); });
  $("panel-close").addEventListener("click", closePanel);

  $("depth").value = String(DATA.depth);
  $("empty").hidden = ENT.length > 0;
  buildFilters();
  showNotice();
  applyFilters();
  fitShown();
  if (DATA.focus.length) selectEntity(DATA.focus[0], false);

  // For scripts and tests: what is drawn, and a way to select an entity.
  window.npcgraphViewer = {
    network: network,
    data: DATA,
    drawnNodeIds: function () { return network.body.nodeIndices.slice(); },
    important: IMPORTANT.slice(),
    labelSize: function () { return labelSize; },
    select: function (i) { selectEntity(i, true); }
  };
})();
