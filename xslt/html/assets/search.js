/* Offline full-text search over the index the renderer writes into assets/search/ (see
   toolchain/render/search.py): manifest.js, loaded with the page, names the shards; a query loads the
   word buckets of its words (words-B.js), then the entries of the results it shows (entries-K.js), each a
   script, so that it works from file:// and no request leaves the edition. Matching ignores case, accents
   and ё/е; a passage is found when each word of the query begins one of its words. */
(function () {
  "use strict";
  var S = (window.EDITION_SEARCH = window.EDITION_SEARCH || {});
  var here = document.currentScript ? document.currentScript.src.replace(/[^\/]*$/, "") + "search/" : "assets/search/";
  var manifest = null;
  var buckets = {}, entries = {}, loading = {};
  var SHOWN = 50; // results shown at a time
  // manifest.js comes after this script (both deferred: the page is parsed): the search starts with it
  S.manifest = function (m) { manifest = m; start(); };
  S.words = function (name, words) { buckets[name] = words; };
  S.entries = function (k, list) { entries[k] = list; };

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ё/g, "е");
  }
  function wordsOf(s) { return fold(s).match(/[\p{L}\p{N}]+/gu) || []; }
  S.wordsOf = wordsOf; // the words of a text as the index has them (toolchain/render/search.py)
  function bucketOf(w) {
    return Array.from(w).slice(0, 2).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  // a shard, once: a script element; a file that is not there holds nothing
  function load(file) {
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve) {
        var s = document.createElement("script");
        s.src = here + file;
        s.onload = s.onerror = function () { resolve(); };
        document.head.appendChild(s);
      });
    }
    return loading[file];
  }

  // the entries a word of the query begins a word of: from the bucket of its first two letters (of each
  // bucket a one-letter word may begin)
  function found(word) {
    var key = bucketOf(word);
    var names = manifest.buckets.filter(function (b) {
      return b === key || (Array.from(word).length === 1 && b.indexOf(key + "-") === 0);
    });
    return Promise.all(names.map(function (b) { return load("words-" + b + ".js"); })).then(function () {
      var ids = new Set();
      names.forEach(function (b) {
        var words = buckets[b] || {};
        Object.keys(words).forEach(function (w) {
          if (w.indexOf(word) !== 0) return;
          var at = 0;
          words[w].forEach(function (gap) { at += gap; ids.add(at); });
        });
      });
      return ids;
    });
  }

  // where a word of the text begins with `word` (folded), from `from` on; -1: nowhere
  var LETTER = /[\p{L}\p{N}]/u;
  function wordAt(f, word, from) {
    var j = f.indexOf(word, from);
    while (j > 0 && LETTER.test(f[j - 1])) j = f.indexOf(word, j + 1);
    return j;
  }

  // about 80 characters before the first word found and 200 after, cut between words
  function snippet(text, words) {
    var f = fold(text);
    var at = wordAt(f, words[0], 0);
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
        var j = wordAt(f, w, i);
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

  var current = 0; // the query last typed: the answers to earlier ones are not shown

  // the results from `from` on, SHOWN of them, then a button for more
  function show(hits, from, words, asked) {
    var list = document.getElementById("ed-results");
    var part = hits.slice(from, from + SHOWN);
    var files = {};
    part.forEach(function (id) { files["entries-" + Math.floor(id / manifest.shard) + ".js"] = true; });
    return Promise.all(Object.keys(files).map(load)).then(function () {
      if (asked !== current) return;
      var more = document.getElementById("ed-more");
      if (more) more.remove();
      part.forEach(function (id) {
        var shard = entries[Math.floor(id / manifest.shard)];
        var e = shard && shard[id % manifest.shard];
        if (!e) return;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = e[0];
        a.textContent = e[1];
        var head = document.createElement("span");
        head.className = "ed-result-title";
        head.appendChild(a);
        li.appendChild(head);
        var p = document.createElement("span");
        p.lang = e[3];
        highlight(p, snippet(e[2], words), words);
        li.appendChild(p);
        list.appendChild(li);
      });
      if (from + SHOWN < hits.length) {
        var button = document.createElement("button");
        button.type = "button";
        button.id = "ed-more";
        button.className = "ed-more";
        button.textContent = "Show " + Math.min(SHOWN, hits.length - from - SHOWN) + " more";
        button.addEventListener("click", function () { show(hits, from + SHOWN, words, asked); });
        list.parentNode.insertBefore(button, list.nextSibling);
      }
    });
  }

  function run(query) {
    var asked = ++current;
    var list = document.getElementById("ed-results");
    var status = document.getElementById("ed-search-status");
    var words = wordsOf(query);
    var more = document.getElementById("ed-more");
    if (more) more.remove();
    list.textContent = "";
    if (!words.length) { status.textContent = "Type words to find."; return; }
    Promise.all(words.map(found)).then(function (sets) {
      if (asked !== current) return;
      sets.sort(function (a, b) { return a.size - b.size; });
      var hits = Array.from(sets[0]).filter(function (id) {
        return sets.every(function (s) { return s.has(id); });
      }).sort(function (a, b) { return a - b; });
      status.textContent = hits.length + (hits.length === 1 ? " passage found" : " passages found");
      return show(hits, 0, words, asked);
    });
  }

  function start() {
    var form = document.querySelector("form.ed-search");
    var input = document.getElementById("ed-q");
    if (!form || !input) return;
    document.getElementById("ed-search-status").textContent = manifest.entries + " passages searchable.";
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(input.value); });
    input.addEventListener("input", function () { run(input.value); });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; run(q); }
  }
})();
