/* Offline full-text search over window.EDITION_INDEX (assets/search-index.js, made by the renderer):
   {pages: [[address, title, [[anchor, text, language], ...]], ...]}.
   Works from file://: no request is made. Matching ignores case, accents and ё/е; every word of the
   query must occur in an entry. */
(function () {
  "use strict";
  var data = window.EDITION_INDEX || { pages: [] };
  var index = [];
  data.pages.forEach(function (page) {
    page[2].forEach(function (e) {
      index.push({ u: page[0] + e[0], t: page[1], x: e[1], l: e[2] });
    });
  });
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ё/g, "е");
  }
  var folded = index.map(function (e) { return fold(e.x); });

  // about 80 characters before the first word found and 200 after, cut between words
  function snippet(text, words) {
    var f = fold(text);
    var at = f.indexOf(words[0]);
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, (at < 0 ? 0 : at) + 200);
    if (start > 0) {
      var blank = text.indexOf(" ", start);
      start = blank >= 0 && blank < Math.max(at, 0) ? blank + 1 : start;
    }
    if (end < text.length) {
      var last = text.lastIndexOf(" ", end);
      end = last > Math.max(at, start) ? last : end;
    }
    return { text: text.slice(start, end), folded: f.slice(start, end), pre: start > 0, post: end < text.length };
  }

  function highlight(li, s, words) {
    // builds text nodes and <mark> elements: the index text is never parsed as HTML
    var i = 0, t = s.text, f = s.folded;
    if (s.pre) li.appendChild(document.createTextNode("… "));
    while (i < t.length) {
      var best = -1, len = 0;
      words.forEach(function (w) {
        var j = f.indexOf(w, i);
        if (j >= 0 && (best < 0 || j < best)) { best = j; len = w.length; }
      });
      if (best < 0) { li.appendChild(document.createTextNode(t.slice(i))); break; }
      li.appendChild(document.createTextNode(t.slice(i, best)));
      var m = document.createElement("mark");
      m.textContent = t.slice(best, best + len);
      li.appendChild(m);
      i = best + len;
    }
    if (s.post) li.appendChild(document.createTextNode(" …"));
  }

  function run(query) {
    var list = document.getElementById("ed-results");
    var status = document.getElementById("ed-search-status");
    list.textContent = "";
    var words = fold(query).split(/[\s.,;:!?"«»“”()]+/).filter(Boolean);
    if (!words.length) { status.textContent = "Type words to find."; return; }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      if (words.every(function (w) { return folded[i].indexOf(w) >= 0; })) hits.push(i);
    }
    status.textContent = hits.length + (hits.length === 1 ? " passage found" : " passages found");
    hits.slice(0, 200).forEach(function (i) {
      var e = index[i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.u;
      a.textContent = e.t;
      var head = document.createElement("span");
      head.className = "ed-result-title";
      head.appendChild(a);
      li.appendChild(head);
      var p = document.createElement("span");
      p.lang = e.l;
      highlight(p, snippet(e.x, words), words);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  function start() {
    var form = document.querySelector("form.ed-search");
    var input = document.getElementById("ed-q");
    if (!form || !input) return;
    document.getElementById("ed-search-status").textContent = index.length + " passages searchable.";
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(input.value); });
    input.addEventListener("input", function () { run(input.value); });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; run(q); }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
