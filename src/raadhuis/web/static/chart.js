// Raadhuis org chart: zoom, pan, fit to screen, search that brings a unit into view, folding,
// keyboard use and PNG export. Our own small script (no library, nothing from elsewhere): the
// chart is an SVG laid out on the server; this only moves its viewBox.
(function () {
  "use strict";

  var MIN_SCALE = 0.02, MAX_SCALE = 4, STEP = 1.25, READABLE = 0.9;

  Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), function (el) {
    el.addEventListener("change", function () { if (el.form) { el.form.submit(); } });
  });

  var box = document.getElementById("chart");
  if (!box) { return; }
  var svg = box.querySelector("svg");
  if (!svg || !svg.viewBox || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) { return; }

  var full = { w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height };
  var view = { x: 0, y: 0, w: full.w, h: full.h };
  var tools = document.querySelector(".chart-tools");
  var label = document.getElementById("zoom-level");
  var status = document.getElementById("find-status");
  var folded = (box.dataset.collapsed || "").split(",").filter(Boolean);

  // The chart takes the room of the screen; the SVG follows the viewBox.
  box.classList.add("zoomable");
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
  if (tools) { tools.hidden = false; }

  function size() {
    var r = box.getBoundingClientRect();
    return { w: Math.max(r.width, 1), h: Math.max(r.height, 1) };
  }
  function scale() { return size().w / view.w; }
  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
  function fitScale() { var s = size(); return Math.min(s.w / full.w, s.h / full.h); }

  var lastK = 1;
  function apply() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(1); }).join(" "));
    lastK = scale();
    if (label) { label.textContent = Math.round(lastK * 100) + "%"; }
  }

  // Show the chart at scale ``k`` (screen pixels per chart unit) with chart point (cx, cy) at
  // screen fraction (fx, fy) of the box.
  function zoomTo(k, cx, cy, fx, fy) {
    var s = size();
    k = clamp(k, Math.min(MIN_SCALE, fitScale()), MAX_SCALE);
    view.w = s.w / k;
    view.h = s.h / k;
    view.x = cx - fx * view.w;
    view.y = cy - fy * view.h;
    apply();
  }
  function zoomBy(factor, fx, fy) {
    fx = fx === undefined ? 0.5 : fx;
    fy = fy === undefined ? 0.5 : fy;
    zoomTo(scale() * factor, view.x + fx * view.w, view.y + fy * view.h, fx, fy);
  }
  function fit() {
    var k = fitScale();
    var s = size();
    // Centred: the spare room goes to both sides.
    zoomTo(k, full.w / 2, full.h / 2, 0.5, 0.5);
    if (s.w / k > full.w) { view.x = (full.w - view.w) / 2; }
    if (s.h / k > full.h) { view.y = 0; }
    apply();
  }
  function actualSize() { zoomTo(1, view.x + view.w / 2, view.y + view.h / 2, 0.5, 0.5); }
  function initial() {
    // A chart that fits at full size is shown at full size; a larger one fitted, never below a
    // readable scale across its width (the user pans, or chooses "Passend maken").
    var k = fitScale();
    if (k >= 1) { zoomTo(1, 0, 0, 0, 0); view.x = -(size().w - full.w) / 2; apply(); return; }
    fit();
  }

  function boxOf(g) {
    var parts = (g.getAttribute("data-box") || "").split(" ").map(Number);
    if (parts.length !== 4 || parts.some(isNaN)) { return null; }
    return { x: parts[0], y: parts[1], w: parts[2], h: parts[3] };
  }
  // Bring a unit into view, readable, centred.
  function show(g) {
    var b = boxOf(g);
    if (!b) { return; }
    var k = Math.max(scale(), READABLE);
    zoomTo(k, b.x + b.w / 2, b.y + b.h / 2, 0.5, 0.5);
  }
  function visible(g) {
    var b = boxOf(g);
    return b && b.x >= view.x && b.y >= view.y && b.x + b.w <= view.x + view.w && b.y + b.h <= view.y + view.h &&
      scale() >= 0.5;
  }

  // --- pan with mouse, pen or finger; pinch with two fingers ---------------------------
  var pointers = {}, dragged = false, start = null;
  svg.addEventListener("pointerdown", function (ev) {
    pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
    dragged = false;
    start = { view: { x: view.x, y: view.y, w: view.w, h: view.h }, pointers: copy(pointers) };
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!pointers[ev.pointerId]) { return; }
    pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
    var ids = Object.keys(pointers);
    var k = scale();
    if (ids.length === 1 && start) {
      var p0 = start.pointers[ids[0]];
      if (!p0) { return; }
      var dx = ev.clientX - p0.x, dy = ev.clientY - p0.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 5) { return; }
      if (!dragged) { svg.setPointerCapture(ev.pointerId); }
      dragged = true;
      view.x = start.view.x - dx / k;
      view.y = start.view.y - dy / k;
      apply();
    } else if (ids.length === 2 && start) {
      var a0 = start.pointers[ids[0]], b0 = start.pointers[ids[1]];
      if (!a0 || !b0) { start = { view: { x: view.x, y: view.y, w: view.w, h: view.h }, pointers: copy(pointers) }; return; }
      var a = pointers[ids[0]], b = pointers[ids[1]];
      var ratio = dist(a, b) / Math.max(dist(a0, b0), 1);
      var r = box.getBoundingClientRect();
      var fx = ((a.x + b.x) / 2 - r.left) / r.width, fy = ((a.y + b.y) / 2 - r.top) / r.height;
      var k0 = size().w / start.view.w;
      var mx = ((a0.x + b0.x) / 2 - r.left) / r.width, my = ((a0.y + b0.y) / 2 - r.top) / r.height;
      zoomTo(k0 * ratio, start.view.x + mx * start.view.w, start.view.y + my * start.view.h, fx, fy);
      dragged = true;
    }
  });
  function release(ev) {
    delete pointers[ev.pointerId];
    start = { view: { x: view.x, y: view.y, w: view.w, h: view.h }, pointers: copy(pointers) };
  }
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);
  // A drag is not a click: the unit under the pointer does not open.
  svg.addEventListener("click", function (ev) { if (dragged) { ev.stopPropagation(); ev.preventDefault(); dragged = false; } }, true);
  function copy(o) { var c = {}; Object.keys(o).forEach(function (k) { c[k] = { x: o[k].x, y: o[k].y }; }); return c; }
  function dist(a, b) { return Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)); }

  // Ctrl + wheel (and a trackpad pinch, which the browser reports as one) zooms at the pointer;
  // a plain wheel keeps scrolling the page.
  box.addEventListener("wheel", function (ev) {
    if (!ev.ctrlKey && !ev.metaKey) { return; }
    ev.preventDefault();
    var r = box.getBoundingClientRect();
    zoomBy(Math.exp(-ev.deltaY * 0.002), (ev.clientX - r.left) / r.width, (ev.clientY - r.top) / r.height);
  }, { passive: false });

  // Keyboard on the chart area: arrows pan, + and − zoom, 0 fits, 1 shows full size.
  box.addEventListener("keydown", function (ev) {
    if (ev.target !== box) { return; }
    var step = 60 / scale();
    var keys = {
      ArrowLeft: function () { view.x -= step; apply(); },
      ArrowRight: function () { view.x += step; apply(); },
      ArrowUp: function () { view.y -= step; apply(); },
      ArrowDown: function () { view.y += step; apply(); },
      "+": function () { zoomBy(STEP); },
      "=": function () { zoomBy(STEP); },
      "-": function () { zoomBy(1 / STEP); },
      "0": fit,
      "1": actualSize
    };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });

  if (tools) {
    tools.addEventListener("click", function (ev) {
      var b = ev.target.closest && ev.target.closest("[data-zoom]");
      if (!b) { return; }
      var what = b.getAttribute("data-zoom");
      if (what === "in") { zoomBy(STEP); } else if (what === "out") { zoomBy(1 / STEP); } else if (what === "fit") { fit(); } else { actualSize(); }
    });
  }

  // --- units: open, fold, and follow the keyboard ---------------------------------------
  function units() { return Array.prototype.slice.call(svg.querySelectorAll("g.unit[data-unit]")); }
  units().forEach(function (g) {
    var id = g.getAttribute("data-unit");
    var toggleEl = g.querySelector("[data-toggle]");
    if (toggleEl) { g.setAttribute("aria-expanded", folded.indexOf(id) >= 0 ? "false" : "true"); }
    g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); open(id); }
      if (ev.key === " " && toggleEl) { ev.preventDefault(); toggle(id); }
    });
    g.addEventListener("click", function (ev) {
      if (ev.target.closest && ev.target.closest("[data-toggle]")) { return; }
      open(id);
    });
    // Tabbing to a unit outside the view brings it in.
    g.addEventListener("focus", function () { if (!visible(g)) { show(g); } });
  });
  Array.prototype.forEach.call(svg.querySelectorAll("[data-toggle]"), function (el) {
    el.addEventListener("click", function (ev) { ev.stopPropagation(); toggle(el.getAttribute("data-toggle")); });
  });

  function open(id) {
    if (!box.dataset.org) { return; }
    // A unit drawn struck through (gone by the second day of a difference) opens on the first day.
    var g = svg.querySelector('g.unit[data-unit="' + cssEscape(id) + '"]');
    var day = g && g.classList.contains("gone") && box.dataset.start ? box.dataset.start : (box.dataset.at || "");
    window.location.href = "/o/" + encodeURIComponent(box.dataset.org) + "/u/" + encodeURIComponent(id) +
      "?at=" + encodeURIComponent(day) + "&view=" + encodeURIComponent(box.dataset.view || "");
  }
  // Folding asks the server for a new layout with the unit in ?collapsed=, so the URL always
  // describes what is on screen.
  function toggle(id) {
    var i = folded.indexOf(id);
    if (i >= 0) { folded.splice(i, 1); } else { folded.push(id); }
    var url = new URL(window.location.href);
    if (folded.length) { url.searchParams.set("collapsed", folded.join(",")); } else { url.searchParams.delete("collapsed"); }
    url.searchParams.delete("find");
    url.hash = "unit-" + encodeURIComponent(id);
    window.location.assign(url.toString());
  }

  // --- search: a unit on the chart is brought into view at once; one not drawn (folded, or
  // deeper than the levels shown) is asked of the server, which opens the way to it ----------
  var form = document.querySelector("form.chart-search");
  var hits = [], current = -1;
  function words(key, values) {
    var text = (box.dataset[key] || "");
    Object.keys(values || {}).forEach(function (k) { text = text.replace("{" + k + "}", values[k]); });
    return text;
  }
  function find(q) {
    q = q.trim().toLowerCase();
    return units().filter(function (g) {
      var name = (g.getAttribute("aria-label") || "").toLowerCase();
      var uid = (g.getAttribute("data-unit") || "").toLowerCase();
      return q && (name.indexOf(q) >= 0 || uid === q);
    });
  }
  function mark(list) {
    units().forEach(function (g) { g.classList.remove("highlight"); });
    list.forEach(function (g) { g.classList.add("highlight"); });
  }
  function goTo(i) {
    if (!hits.length) { return; }
    current = (i + hits.length) % hits.length;
    show(hits[current]);
    hits[current].focus({ preventScroll: true });
    if (status && hits.length > 1) { status.textContent = words("hitOf", { i: current + 1, n: hits.length }); }
  }
  if (form) {
    var input = form.querySelector("input[type=search]");
    form.addEventListener("submit", function (ev) {
      var q = input ? input.value : "";
      var found = find(q);
      var same = hits.length && found.length === hits.length && found.every(function (g, i) { return g === hits[i]; });
      if (!found.length) { return; } // let the server look, also among units not drawn
      ev.preventDefault();
      if (same) { goTo(current + 1); return; }
      hits = found;
      mark(hits);
      if (status) { status.textContent = words("hits", { n: hits.length }); }
      goTo(0);
    });
  }

  // --- PNG: drawn from the SVG in the browser --------------------------------------------
  var png = document.getElementById("export-png");
  if (png) {
    png.hidden = false;
    png.addEventListener("click", function () { exportPng(png.dataset.name || "organogram.png"); });
  }
  function exportPng(name) {
    var clone = svg.cloneNode(true);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    clone.setAttribute("viewBox", "0 0 " + full.w + " " + full.h);
    // Browsers refuse canvases much larger than 16,000 pixels a side: a huge chart gets less detail.
    var k = Math.min(2, 16000 / Math.max(full.w, full.h));
    var w = Math.ceil(full.w * k), h = Math.ceil(full.h * k);
    clone.setAttribute("width", w);
    clone.setAttribute("height", h);
    var style = document.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = chartCss();
    clone.insertBefore(style, clone.firstChild);
    var blob = new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = w; canvas.height = h;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, w, h);
      ctx.drawImage(img, 0, 0, w, h);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (out) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(out); a.download = name;
        document.body.appendChild(a); a.click(); a.remove();
      }, "image/png");
    };
    img.src = url;
  }
  // The chart's rules from the linked orgchart.css, so the picture looks like the screen.
  function chartCss() {
    var out = [];
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      if (!sheet.href || sheet.href.indexOf("/orgchart.css") < 0) { return; }
      try { Array.prototype.forEach.call(sheet.cssRules, function (r) { out.push(r.cssText); }); } catch (e) { /* not readable */ }
    });
    return out.join("\n");
  }

  // As tall as the chart needs at its first scale, at most most of the screen.
  var k0 = Math.min(1, size().w / full.w);
  box.style.height = Math.round(Math.min(window.innerHeight * 0.72, Math.max(full.h * k0 + 4, 160))) + "px";
  initial();
  window.addEventListener("resize", function () {
    zoomTo(lastK, view.x + view.w / 2, view.y + view.h / 2, 0.5, 0.5);
  });
  // Arriving from a search or a fold: the unit asked for is brought into view.
  var wanted = decodeURIComponent((window.location.hash || "").replace(/^#unit-/, ""));
  var first = svg.querySelector("g.unit.highlight");
  var target = wanted ? svg.querySelector('g.unit[data-unit="' + cssEscape(wanted) + '"]') : first;
  if (target) {
    if (first && form) { form.scrollIntoView({ block: "start" }); }
    show(target);
    target.focus({ preventScroll: true });
    if (first) { hits = Array.prototype.slice.call(svg.querySelectorAll("g.unit.highlight")); current = hits.indexOf(target); }
  }
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/"/g, '\\"'); }
})();
