/**
 * The demo page's own script: Lightning-style SPA navigation. Clicking a record link pushes the
 * new URL with history.pushState and swaps the active page without a reload; the previous page
 * stays in the DOM, hidden and without `active`, as Lightning keeps it. New pages are fetched
 * (the same routes serve them) and parsed with DOMParser: no markup is built from strings.
 *
 * A plain string (not a serialised function): bundlers rewrite functions, and this must run as is.
 */
export const SPA_SCRIPT = `
(function () {
  var stage = document.querySelector(".oneCenterStage");
  if (!stage) return;
  var KEEP = 5;
  function idOf(path) {
    var m = /\\/([a-zA-Z0-9]{18}|[a-zA-Z0-9]{15})(?:\\/|$)/.exec(path);
    return m ? m[1] : null;
  }
  function pages() { return Array.prototype.slice.call(stage.querySelectorAll(".oneContent")); }
  function activate(page) {
    pages().forEach(function (p) { if (p !== page) p.classList.remove("active"); });
    page.classList.add("active");
    document.title = page.getAttribute("data-demo-title") || document.title;
    var tab = page.getAttribute("data-demo-tab");
    document.querySelectorAll(".slds-context-bar__item").forEach(function (li) {
      li.classList.toggle("slds-is-active", li.getAttribute("data-tab") === tab);
    });
    window.scrollTo(0, 0);
  }
  function go(path, push) {
    var id = idOf(path);
    var cached = pages().filter(function (p) { return id && p.getAttribute("data-demo-record-id") === id; })[0];
    if (cached) {
      if (push) history.pushState({ path: path }, "", path);
      activate(cached);
      return Promise.resolve();
    }
    return fetch(path, { credentials: "same-origin" }).then(function (res) {
      if (!res.ok) { location.assign(path); return; }
      return res.text().then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var incoming = doc.querySelector(".oneCenterStage > .oneContent");
        if (!incoming) { location.assign(path); return; }
        var page = document.importNode(incoming, true);
        page.classList.remove("active");
        stage.appendChild(page);
        var all = pages();
        while (all.length > KEEP) { stage.removeChild(all.shift()); }
        if (push) history.pushState({ path: path }, "", path);
        activate(page);
      });
    });
  }
  // The Aura "Edit Products" modal: opened and closed in place, values kept until Save (demo only).
  document.addEventListener("click", function (event) {
    var action = event.target && event.target.closest ? event.target.closest("[data-demo-action]") : null;
    if (!action) return;
    var page = action.closest(".oneContent");
    var modal = page && page.querySelector("[data-demo-modal='edit-products']");
    if (!modal) return;
    var open = action.getAttribute("data-demo-action") === "edit-products";
    modal.hidden = !open;
    if (open) { var first = modal.querySelector("td[data-label='Sales Price'] input"); if (first) first.focus(); }
  });
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target && event.target.closest ? event.target.closest("a[href^='/lightning/r/']") : null;
    if (!link || link.target === "_blank") return;
    event.preventDefault();
    go(link.getAttribute("href"), true);
  });
  window.addEventListener("popstate", function () { go(location.pathname, false); });
})();
`
