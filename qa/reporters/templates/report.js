(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var shown = document.getElementById("shown");
  var cards = all("article.para");
  function checked(name) {
    var out = {};
    all("input[name=" + name + "]", form).forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }
  function flash(el) {
    if (!el) { return; }
    all(".flash").forEach(function (x) { x.classList.remove("flash"); });
    var details = el.closest("details");
    if (details) { details.open = true; }
    el.classList.add("flash");
    el.scrollIntoView({block: "center"});
  }
  /* info collapsed by default when it outnumbers the rest (without script: everything shows) */
  var counts = {};
  all("[data-count-sev]", form).forEach(function (el) { counts[el.getAttribute("data-count-sev")] = +el.textContent; });
  if (counts.info > (counts.critical || 0) + (counts.major || 0) + (counts.minor || 0)) {
    form.querySelector("input[name=sev][value=info]").checked = false;
    document.getElementById("info-note").hidden = false;
  }
  function apply() {
    var sev = checked("sev"), cat = checked("cat");
    var only = document.getElementById("only-failing").checked;
    var narrowed = Object.keys(sev).some(function (k) { return !sev[k]; }) || Object.keys(cat).some(function (k) { return !cat[k]; });
    all("main [data-sev]").forEach(function (el) {
      var on = sev[el.getAttribute("data-sev")] !== false && cat[el.getAttribute("data-cat")] !== false;
      el.classList.toggle("off", !on);
    });
    var n = 0, bySev = {};
    cards.forEach(function (card) {
      var left = 0;
      all("li.finding", card).forEach(function (li) {
        if (!li.classList.contains("off")) {
          var k = +li.getAttribute("data-count");
          left += k;
          bySev[li.getAttribute("data-sev")] = (bySev[li.getAttribute("data-sev")] || 0) + k;
        }
      });
      var total = +card.getAttribute("data-total");
      var nfind = card.querySelector(".nfind");
      nfind.textContent = (left === total ? "" : left + " of ") + total + " finding" + (total === 1 ? "" : "s");
      card.hidden = (only && card.getAttribute("data-passed") === "true") || (narrowed && left === 0);
      var row = document.querySelector("#index-rows li[data-para='" + card.id + "']");
      if (row) { row.hidden = card.hidden; }
      if (!card.hidden) { n += 1; }
    });
    shown.textContent = n + " of " + cards.length + " paragraphs shown · " +
      Object.keys(sev).filter(function (k) { return sev[k]; }).map(function (k) { return (bySev[k] || 0) + " " + k; }).join(", ");
  }
  form.addEventListener("change", apply);
  apply();

  /* the index: worst first (as written) or in document order */
  var rows = document.getElementById("index-rows");
  if (rows) {
    document.querySelector(".index .sorter").hidden = false;
    all(".index [data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        var key = button.getAttribute("data-sort") === "score" ? "data-rank" : "data-order";
        all("li", rows).sort(function (a, b) { return a.getAttribute(key) - b.getAttribute(key); })
          .forEach(function (li) { rows.appendChild(li); });
        all(".index [data-sort]").forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
      });
    });
  }

  /* two-way navigation: a mark or its number to its explanation, the explanation back */
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var mark = t.closest && t.closest("mark[data-finding], .banner");
    var link = t.closest && t.closest("a[href^='#']");
    if (link) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target && (target.matches("li, mark, .banner") )) {
        ev.preventDefault();
        history.replaceState(null, "", link.getAttribute("href"));
        flash(target);
        if (target.matches("li")) { target.focus({preventScroll: true}); }
        return;
      }
    }
    if (mark && !t.closest("a, button")) {
      var li = document.getElementById("f-" + mark.getAttribute("data-finding"));
      if (li) { flash(li); li.focus({preventScroll: true}); }
    }
  });

  /* next / previous finding from the keyboard */
  var current = -1;
  function heads() {
    return all("main mark[data-head], main .banner").filter(function (m) {
      return !m.classList.contains("off") && !m.closest("article").hidden;
    });
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName)) { return; }
    var step = {j: 1, n: 1, k: -1, p: -1}[ev.key];
    if (!step) { return; }
    var list = heads();
    if (!list.length) { return; }
    current = Math.max(0, Math.min(list.length - 1, current + step));
    var m = list[current];
    flash(m);
    var ref = m.matches(".banner") ? m.querySelector("a") : document.querySelector("sup.ref[data-finding='" + m.getAttribute("data-finding") + "'] a");
    if (ref) { ref.focus({preventScroll: true}); }
  });

  /* copy a suggestion exactly as it is */
  all("button.copy").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var text = b.getAttribute("data-copy");
      if (navigator.clipboard) { navigator.clipboard.writeText(text).then(function () { b.textContent = "copied"; }, function () {}); }
    });
  });

  /* triage: accept / false alarm; download the decisions as a qa baseline file */
  var decided = document.getElementById("decided");
  all(".triage, p.all").forEach(function (el) { el.hidden = false; });
  function count() {
    var on = all(".tri[aria-pressed=true]");
    var acc = on.filter(function (b) { return b.getAttribute("data-decision") === "accept"; }).length;
    decided.textContent = acc + " accepted, " + (on.length - acc) + " false alarm" + (on.length - acc === 1 ? "" : "s");
  }
  function decide(button, state) {
    var other = button.parentNode.querySelector(".tri:not([data-decision='" + button.getAttribute("data-decision") + "'])");
    button.setAttribute("aria-pressed", String(state));
    if (state && other) { other.setAttribute("aria-pressed", "false"); }
  }
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("button.tri, button.tri-all");
    if (!b) { return; }
    if (b.classList.contains("tri")) {
      decide(b, b.getAttribute("aria-pressed") !== "true");
    } else {
      all(".tri[data-decision='" + b.getAttribute("data-decision") + "']", b.closest("li.group"))
        .forEach(function (x) { decide(x, true); });
    }
    count();
  });
  document.getElementById("download").addEventListener("click", function () {
    var lines = all(".tri[aria-pressed=true]").map(function (b) { return b.parentNode; })
      .sort(function (a, b) { return a.getAttribute("data-rank") - b.getAttribute("data-rank"); })
      .map(function (t) { return t.getAttribute("data-entry"); });
    var text = lines.length ? form.getAttribute("data-head") + lines.join(form.getAttribute("data-sep")) + form.getAttribute("data-tail")
      : form.getAttribute("data-empty");
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], {type: "application/json"}));
    a.download = "qa-baseline.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
}());
