/* The HTML edition's behaviour: view switches that persist across pages, the sortable catalogue.
   Without this script every page still reads: the diplomatic text, both languages side by side. */
(function () {
  "use strict";
  var root = document.documentElement;
  var store = {
    get: function (k) { try { return window.localStorage.getItem("edition." + k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem("edition." + k, v); } catch (e) { /* private mode */ } }
  };

  function applyView(name, value) {
    root.setAttribute("data-" + name, value);
    var inputs = document.querySelectorAll('input[name="ed-' + name + '"]');
    for (var i = 0; i < inputs.length; i++) inputs[i].checked = inputs[i].value === value;
  }

  function setupSwitch(name, fallback, allowed) {
    var inputs = document.querySelectorAll('input[name="ed-' + name + '"]');
    var saved = store.get(name);
    var value = allowed.indexOf(saved) >= 0 ? saved : fallback;
    applyView(name, value);
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].addEventListener("change", function (ev) {
        if (!ev.target.checked) return;
        applyView(name, ev.target.value);
        store.set(name, ev.target.value);
      });
    }
  }

  function setupSort() {
    var tables = document.querySelectorAll("table.ed-sortable");
    Array.prototype.forEach.call(tables, function (table) {
      var th = table.querySelector("th[data-sort-key]");
      var button = th && th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        th.setAttribute("aria-sort", next);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.getAttribute("data-date") || "", y = b.getAttribute("data-date") || "";
          var c = x < y ? -1 : x > y ? 1 : (+a.getAttribute("data-order")) - (+b.getAttribute("data-order"));
          return next === "ascending" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // a note's popover opens next to its marker (without the script, the browser centres it)
  function setupNotes() {
    var pops = document.querySelectorAll(".ed-note-pop[popover]");
    Array.prototype.forEach.call(pops, function (pop) {
      pop.addEventListener("toggle", function (ev) {
        if (ev.newState !== "open") return;
        var button = document.getElementById("ed-ref-" + pop.id.replace(/^ed-pop-/, ""));
        if (!button) return;
        var r = button.getBoundingClientRect();
        var w = pop.offsetWidth, h = pop.offsetHeight;
        var left = Math.min(Math.max(8, r.left - 16), window.innerWidth - w - 8);
        var top = r.bottom + 6;
        if (top + h > window.innerHeight - 8) top = Math.max(8, r.top - h - 6);
        pop.style.inset = "auto";
        pop.style.margin = "0";
        pop.style.left = left + "px";
        pop.style.top = top + "px";
      });
    });
  }

  function start() {
    var toolbar = document.querySelector(".ed-toolbar");
    if (toolbar && toolbar.querySelector("fieldset")) toolbar.hidden = false;
    setupSwitch("text-view", root.getAttribute("data-text-view") || "diplomatic", ["diplomatic", "reading"]);
    if (document.querySelector('input[name="ed-lang-view"]')) {
      setupSwitch("lang-view", "parallel", ["parallel", "original", "translation"]);
    }
    setupSort();
    setupNotes();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
