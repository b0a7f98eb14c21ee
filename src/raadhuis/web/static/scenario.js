// Raadhuis scenario page: move a unit on the chart by dragging it onto its new parent.
// Our own small script (no library, nothing from elsewhere). A drop fills the page's move form
// (the same form that works without JavaScript: pick the unit and its new parent from the lists)
// and sends it; the page then redraws the chart from the scenario as it now is.
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), function (el) {
    el.addEventListener("change", function () { if (el.form) { el.form.submit(); } });
  });

  var box = document.getElementById("scn-chart");
  if (!box) { return; }
  var form = document.getElementById(box.getAttribute("data-move-form") || "");
  if (!form) { return; }
  var status = document.getElementById("drop-status");
  var drag = null;
  var THRESHOLD = 6; // pixels before a press becomes a drag (a click stays a click)

  function unitOf(el) {
    var g = el && el.closest ? el.closest("g.unit[data-unit]") : null;
    return g && !g.classList.contains("gone") ? g : null; // a unit that is gone cannot take another
  }

  function clear() {
    if (!drag) { return; }
    box.classList.remove("dragging");
    drag.g.classList.remove("drag-source");
    if (drag.target) { drag.target.classList.remove("drop-target"); }
    drag = null;
  }

  box.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0 || (ev.target.closest && ev.target.closest("[data-toggle]"))) { return; }
    var g = unitOf(ev.target);
    if (g) { drag = { g: g, x: ev.clientX, y: ev.clientY, moving: false, target: null }; }
  });

  box.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    if (!drag.moving) {
      if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) < THRESHOLD) { return; }
      drag.moving = true;
      box.classList.add("dragging");
      drag.g.classList.add("drag-source");
      box.setPointerCapture(ev.pointerId);
    }
    ev.preventDefault();
    var target = unitOf(document.elementFromPoint(ev.clientX, ev.clientY));
    if (target === drag.g) { target = null; }
    if (drag.target && drag.target !== target) { drag.target.classList.remove("drop-target"); }
    drag.target = target;
    if (target) { target.classList.add("drop-target"); }
  });

  box.addEventListener("pointerup", function () {
    if (!drag) { return; }
    var done = drag.moving && drag.target ? { unit: drag.g, parent: drag.target } : null;
    clear();
    if (!done) { return; }
    form.elements.unit.value = done.unit.getAttribute("data-unit");
    form.elements.parent.value = done.parent.getAttribute("data-unit");
    if (status) {
      status.textContent = (box.getAttribute("data-drop-text") || "")
        .replace("{unit}", done.unit.getAttribute("aria-label") || "")
        .replace("{parent}", done.parent.getAttribute("aria-label") || "");
    }
    form.submit();
  });
  box.addEventListener("pointercancel", clear);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { clear(); } });

  // Enter on a unit in the chart picks it in the move form, for keyboard users who start there.
  box.addEventListener("keydown", function (ev) {
    var g = unitOf(ev.target);
    if (ev.key === "Enter" && g) {
      ev.preventDefault();
      form.elements.unit.value = g.getAttribute("data-unit");
      form.elements.parent.focus();
    }
  });
})();
