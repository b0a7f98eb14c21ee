// Raadhuis change form: the effect of a change follows the fields as they are filled, and the
// lists to pick units and posts from follow the chosen date. Our own small script (no library);
// without it the form works the same with the 'Effect bekijken' button.
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), function (el) {
    el.addEventListener("change", function () { if (el.form) { el.form.submit(); } });
  });

  var form = document.getElementById("change-form");
  var slot = document.getElementById("effect-slot");
  if (!form || !slot || !window.fetch || !window.FormData) { return; }
  var timer = null;
  var asked = 0;

  function preview() {
    var mine = ++asked;
    var data = new FormData(form);
    data.delete("step");
    fetch(form.getAttribute("data-preview"), { method: "POST", body: data, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || mine !== asked) { return; }
        slot.innerHTML = html;
        if (slot.querySelector("#save")) { clearErrors(); }
      })
      .catch(function () { /* the button still works */ });
  }

  // Once the fields make a change that fits, the problems the page showed before are gone.
  function clearErrors() {
    Array.prototype.forEach.call(document.querySelectorAll(".errors[role=alert], #change-form .field-error"), function (el) {
      el.parentNode.removeChild(el);
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) {
      el.removeAttribute("aria-invalid");
      var d = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return !/-error$/.test(x); });
      if (d.length) { el.setAttribute("aria-describedby", d.join(" ")); } else { el.removeAttribute("aria-describedby"); }
    });
    Array.prototype.forEach.call(form.querySelectorAll(".field.invalid"), function (el) { el.classList.remove("invalid"); });
  }

  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(preview, 400);
  }

  function fill(id, items) {
    var list = document.getElementById(id);
    if (!list) { return; }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    items.forEach(function (item) {
      var o = document.createElement("option");
      o.value = item.value;
      if (item.label) { o.textContent = item.label; }
      list.appendChild(o);
    });
  }

  function choices() {
    var day = form.elements.date ? form.elements.date.value : "";
    var status = form.elements.status ? form.elements.status.value : "realised";
    var url = form.getAttribute("data-choices") + "?at=" + encodeURIComponent(day) + "&status=" + encodeURIComponent(status);
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        fill("unit-names", data.units);
        fill("post-names", data.posts);
      })
      .catch(function () { /* the lists of the page's date stay */ });
  }

  // A split: the lists 'naar welke nieuwe eenheid' offer the names typed so far (the first when none is chosen).
  function successors() {
    var names = [];
    Array.prototype.forEach.call(form.querySelectorAll("input[name^='name_']"), function (el) {
      var v = el.value.replace(/\s+/g, " ").trim();
      if (v) { names.push(v); }
    });
    Array.prototype.forEach.call(form.querySelectorAll("select[data-alloc]"), function (sel) {
      var chosen = sel.value;
      while (sel.firstChild) { sel.removeChild(sel.firstChild); }
      if (!names.length) {
        var first = document.createElement("option");
        first.value = "";
        first.textContent = sel.getAttribute("data-first") || "";
        sel.appendChild(first);
      }
      names.forEach(function (n) {
        var o = document.createElement("option");
        o.value = n;
        o.textContent = n;
        if (n.toLowerCase() === chosen.toLowerCase()) { o.selected = true; }
        sel.appendChild(o);
      });
    });
  }

  form.addEventListener("input", function (ev) {
    if (ev.target && /^name_\d+$/.test(ev.target.name || "")) { successors(); }
    if (ev.target && ev.target.name === "reason") { return; } // the reason does not change the effect
    later();
  });
  form.addEventListener("change", function (ev) {
    if (ev.target && (ev.target.name === "date" || ev.target.name === "status")) { choices(); }
    if (ev.target && ev.target.name !== "reason") { later(); }
  });
})();
