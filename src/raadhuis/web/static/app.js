// Raadhuis workbench: org chart collapse/expand, keyboard use, and PNG export.
// Plain script, no libraries: everything the page loads comes from this server.
(function () {
  "use strict";
  var chart = document.getElementById("chart");
  if (chart) { setUpChart(chart); }
  var png = document.getElementById("export-png");
  if (png && chart) { png.addEventListener("click", function () { exportPng(chart, png.dataset.name || "organogram.png"); }); }

  function units(svg) { return Array.prototype.slice.call(svg.querySelectorAll("g.unit[data-unit]")); }

  // The chart is laid out on the server; folding a unit asks for a new layout with that
  // unit in ?collapsed=, so the URL always describes what is on screen.
  function setUpChart(box) {
    var svg = box.querySelector("svg");
    if (!svg) { return; }
    var folded = (box.dataset.collapsed || "").split(",").filter(Boolean);
    units(svg).forEach(function (g) {
      var id = g.getAttribute("data-unit");
      var toggleEl = g.querySelector("[data-toggle]");
      g.setAttribute("tabindex", "0");
      if (toggleEl) { g.setAttribute("aria-expanded", folded.indexOf(id) >= 0 ? "false" : "true"); }
      g.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          if (toggleEl) { toggle(id); } else { open(id); }
        }
      });
      g.addEventListener("click", function (ev) {
        if (ev.target.closest && ev.target.closest("[data-toggle]")) { return; }
        open(id);
      });
    });
    Array.prototype.forEach.call(svg.querySelectorAll("[data-toggle]"), function (el) {
      el.style.cursor = "pointer";
      el.addEventListener("click", function (ev) { ev.stopPropagation(); toggle(el.getAttribute("data-toggle")); });
    });
    var wanted = decodeURIComponent((window.location.hash || "").replace(/^#unit-/, ""));
    if (wanted) {
      var target = svg.querySelector('g.unit[data-unit="' + cssEscape(wanted) + '"]');
      if (target) { target.focus(); }
    }

    function open(id) {
      if (!box.dataset.org) { return; }
      window.location.href = "/o/" + encodeURIComponent(box.dataset.org) + "/u/" + encodeURIComponent(id) +
        "?at=" + encodeURIComponent(box.dataset.at || "") + "&view=" + encodeURIComponent(box.dataset.view || "");
    }

    function toggle(id) {
      var i = folded.indexOf(id);
      if (i >= 0) { folded.splice(i, 1); } else { folded.push(id); }
      var url = new URL(window.location.href);
      if (folded.length) { url.searchParams.set("collapsed", folded.join(",")); } else { url.searchParams.delete("collapsed"); }
      url.hash = "unit-" + encodeURIComponent(id);
      window.location.assign(url.toString());
    }
  }

  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/"/g, '\\"'); }

  function exportPng(box, name) {
    var svg = box.querySelector("svg");
    if (!svg) { return; }
    var clone = svg.cloneNode(true);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    var box2 = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.viewBox.baseVal : svg.getBBox();
    var w = Math.ceil(box2.width), h = Math.ceil(box2.height), scale = 2;
    var blob = new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = w * scale; canvas.height = h * scale;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (out) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(out); a.download = name;
        document.body.appendChild(a); a.click(); a.remove();
      }, "image/png");
    };
    img.src = url;
  }
})();
