(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var shown = document.getElementById("shown");
  function checked(name) {
    var out = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }
  function apply() {
    var sev = checked("sev"), cat = checked("cat");
    var only = document.getElementById("only-failing").checked;
    document.querySelectorAll("main [data-sev]").forEach(function (el) {
      var on = sev[el.getAttribute("data-sev")] !== false && cat[el.getAttribute("data-cat")] !== false;
      el.classList.toggle("off", !on);
    });
    var n = 0, all = 0;
    document.querySelectorAll("article.para").forEach(function (card) {
      card.hidden = only && card.getAttribute("data-passed") === "true";
      all += 1;
      if (!card.hidden) { n += 1; }
    });
    shown.textContent = n + " of " + all + " paragraphs shown";
  }
  form.addEventListener("change", apply);
  apply();
}());
