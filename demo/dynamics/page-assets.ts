/**
 * Inline CSS and the inline page script of the demo Unified Interface pages. Both are strings in
 * the served HTML (the page's own code, not Parley's): no external resources.
 *
 * The page script plays the part of the Dynamics client: it defines `window.Xrm` (page context,
 * global context, `Xrm.Page.data.entity`, `getAttribute(name)` with getValue / setValue /
 * addOnChange / getText, save events, a little `ui`) backed by the form's inputs, loads it a
 * moment after the page (as Unified Interface does, so bridges must wait), recalculates quote
 * line amounts when a price changes, and navigates between records in-app: links with
 * `data-nav` fetch the next form, swap it in and `history.pushState` its URL.
 */

export const PAGE_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;font-size:14px;color:#242424;background:#f3f2f1}
a{color:#115ea3;text-decoration:none}a:hover{text-decoration:underline}
.flexbox{display:flex}
#ApplicationShell{display:flex;flex-direction:column;height:100%}
#topBar{height:48px;background:#002050;color:#fff;align-items:center;padding:0 12px;gap:16px}
#topBar .waffle{width:20px;height:20px;background:radial-gradient(circle,#fff 2px,transparent 3px) 0 0/7px 7px;opacity:.9}
#topBar [data-id=appBreadCrumb]{color:#fff;font-weight:600;font-size:15px}
#topBar .search{margin-left:auto;background:#fff;color:#605e5c;border-radius:4px;padding:5px 10px;width:280px;font-size:13px}
#topBar .avatar{width:30px;height:30px;border-radius:50%;background:#8764b8;color:#fff;display:flex;align-items:center;justify-content:center;font-size:12px;font-weight:600;border:0}
.body{flex:1;display:flex;min-height:0}
[data-id=navbar-container]{width:208px;background:#fff;border-right:1px solid #e1dfdd;padding:8px 0;overflow:auto}
[data-id=navbar-container] h3{font-size:12px;color:#605e5c;margin:12px 16px 4px;font-weight:600}
[data-id=navbar-container] li{list-style:none;padding:7px 16px;font-size:13px}
[data-id=navbar-container] li.active{background:#edebe9;border-left:3px solid #0f6cbd;padding-left:13px;font-weight:600}
[data-id=navbar-container] ul{margin:0;padding:0}
#mainContent{flex:1;overflow:auto;display:flex;flex-direction:column}
[data-id=commandBarWrapper]{background:#fff;border-bottom:1px solid #e1dfdd;padding:4px 8px}
[data-id=CommandBar]{list-style:none;margin:0;padding:0;gap:2px}
[data-id=CommandBar] button{background:none;border:0;padding:6px 10px;font:inherit;color:#242424;cursor:pointer;border-radius:4px;display:flex;gap:6px;align-items:center}
[data-id=CommandBar] button:hover{background:#f3f2f1}
.symbol{width:14px;height:14px;display:inline-block;border:1.5px solid #0f6cbd;border-radius:2px}
[data-id=form-header]{background:#fff;padding:16px 24px 0;border-bottom:1px solid #e1dfdd}
[data-id=header_title]{font-size:20px;font-weight:600;margin:0}
[data-id=header_title] .status{font-weight:400;color:#605e5c;font-size:14px}
.entity-line{color:#605e5c;font-size:13px;margin:2px 0 12px;gap:6px}
[data-id=headerControlsList]{gap:32px;margin-left:auto}
.header-row{display:flex;align-items:flex-start;gap:24px}
[data-id=headerControlsList] [data-id$=-FieldSectionItemContainer]{flex-direction:column-reverse;gap:2px;min-width:110px}
[data-id=headerControlsList] label{font-size:12px;color:#605e5c}
[data-id=headerControlsList] .ro{font-weight:600}
ul[role=tablist]{list-style:none;margin:8px 0 0;padding:0;gap:4px}
ul[role=tablist] li{padding:8px 12px;cursor:pointer;border-bottom:2px solid transparent;color:#424242}
ul[role=tablist] li[aria-selected=true]{border-bottom-color:#0f6cbd;font-weight:600;color:#242424}
[data-id=form-body]{padding:16px 24px;gap:16px;flex-wrap:wrap;align-items:flex-start}
[role=tabpanel]{display:flex;gap:16px;flex-wrap:wrap;width:100%;align-items:flex-start}
section.card{background:#fff;border-radius:8px;box-shadow:0 1.6px 3.6px rgba(0,0,0,.13),0 .3px .9px rgba(0,0,0,.11);padding:12px 16px 16px;flex:1 1 420px;min-width:360px}
section.card h2{font-size:14px;font-weight:600;margin:0 0 8px;letter-spacing:.2px}
section.card [data-id$=-FieldSectionItemContainer]{display:grid;grid-template-columns:160px 1fr;align-items:center;min-height:36px;border-bottom:1px solid #f3f2f1}
section.card label{color:#424242;font-size:13px}
input[type=text],textarea,select{font:inherit;border:1px solid transparent;border-bottom-color:#d1d1d1;background:#fff;padding:4px 6px;width:100%;border-radius:2px}
input[type=text]:hover,textarea:hover,select:hover{border-color:#8a8886}
input[readonly]{color:#616161;background:transparent;border-color:transparent}
[data-id$=_SelectedRecordList]{list-style:none;margin:0;padding:0}
[data-id$=_selected_tag]{display:inline-flex;background:#ebf3fc;border-radius:4px;padding:2px 8px}
.toggle{gap:8px;align-items:center}
[data-id$=-pcf_grid_control_container]{flex-direction:column;width:100%}
[role=grid]{border:1px solid #edebe9;border-radius:4px;overflow:hidden;margin-top:8px}
[role=row]{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;border-bottom:1px solid #f3f2f1}
[role=columnheader]{font-weight:600;font-size:12px;color:#424242;padding:8px;background:#faf9f8}
[role=gridcell]{padding:8px;font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.timeline li{list-style:none;padding:8px 0;border-bottom:1px solid #f3f2f1;font-size:13px}
.timeline ul{margin:0;padding:0}
.timeline .when{color:#605e5c;font-size:12px}
.list-page{padding:24px}
.list-page table{width:100%;background:#fff;border-collapse:collapse;border-radius:8px}
.list-page th,.list-page td{text-align:left;padding:10px;border-bottom:1px solid #edebe9}
`

export const PAGE_SCRIPT = `
(function () {
  "use strict";
  var VERSION = "9.2.25011.00171";
  var state = null, attrs = [], saveHandlers = [], postSaveHandlers = [], ready = false;

  function readState() {
    var el = document.getElementById("demo-record");
    return el ? JSON.parse(el.textContent) : null;
  }
  function money(n) {
    return n == null ? "" : "$" + Number(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function display(a) {
    if (a.value == null) return "";
    if (a.type === "money") return money(a.value);
    if (a.type === "decimal" || a.type === "double") return Number(a.value).toLocaleString("en-US", { maximumFractionDigits: 5 });
    if (a.type === "integer") return Number(a.value).toLocaleString("en-US");
    return String(a.value);
  }
  function inputsOf(name) {
    return Array.prototype.slice.call(document.querySelectorAll('[data-attr="' + name + '"]'));
  }
  function showValue(a) {
    inputsOf(a.name).forEach(function (el) {
      if (el.tagName === "SELECT") el.value = a.value == null ? "-1" : String(a.value);
      else if (el.type === "checkbox") { el.checked = !!a.value; el.setAttribute("aria-checked", String(!!a.value)); }
      else if ("value" in el && el.tagName !== "DIV") { el.value = display(a); el.title = display(a); }
      else { el.textContent = display(a); el.title = display(a); }
    });
  }
  function makeAttribute(a) {
    var handlers = [];
    var attribute = {
      getName: function () { return a.name; },
      getAttributeType: function () { return a.type; },
      getFormat: function () { return a.format || null; },
      getValue: function () {
        if (a.type === "datetime") return a.value ? new Date(a.value) : null;
        if (a.type === "lookup") return a.value ? a.value.map(function (x) { return { id: x.id, name: x.name, entityType: x.entityType }; }) : null;
        return a.value;
      },
      getText: function () { return a.options && a.value != null ? (a.options[a.value] || null) : null; },
      getIsDirty: function () { return !!a.dirty; },
      getRequiredLevel: function () { return "none"; },
      setValue: function (v) { a.value = v instanceof Date ? v.toISOString() : v; a.dirty = true; showValue(a); },
      addOnChange: function (h) { if (typeof h === "function") handlers.push(h); },
      removeOnChange: function (h) { handlers = handlers.filter(function (x) { return x !== h; }); },
      fireOnChange: function () {
        handlers.slice().forEach(function (h) {
          try { h({ getEventSource: function () { return attribute; }, getFormContext: function () { return Xrm.Page; } }); } catch (e) { console.error(e); }
        });
      },
      controls: { get: function () { return inputsOf(a.name).map(function (el) { return { getName: function () { return a.name; }, getDisabled: function () { return !!el.readOnly; } }; }); } }
    };
    return attribute;
  }
  function attribute(name) {
    for (var i = 0; i < attrs.length; i++) if (attrs[i].getName() === name) return attrs[i];
    return null;
  }
  function raw(name) {
    for (var i = 0; i < state.attributes.length; i++) if (state.attributes[i].name === name) return state.attributes[i];
    return null;
  }
  function setFromUser(name, value) {
    var a = raw(name);
    if (!a) return;
    a.value = value; a.dirty = true;
    markDirty();
    recalc(name);
    showValue(a);
    attribute(name).fireOnChange();
  }
  // Quote lines: extended amount = price x quantity - manual discount (Dynamics recalculates likewise).
  function recalc(changed) {
    if (state.entityName !== "quotedetail" || ["priceperunit", "quantity", "manualdiscountamount"].indexOf(changed) < 0) return;
    var p = raw("priceperunit"), q = raw("quantity"), d = raw("manualdiscountamount"), b = raw("baseamount"), e = raw("extendedamount");
    if (!p || !q) return;
    var base = (p.value || 0) * (q.value || 0);
    if (b) { b.value = base; showValue(b); }
    if (e) { e.value = base - ((d && d.value) || 0); showValue(e); attribute("extendedamount").fireOnChange(); }
  }
  function parse(a, el) {
    if (el.tagName === "SELECT") return el.value === "-1" ? null : Number(el.value);
    if (el.type === "checkbox") return el.checked;
    var text = String(el.value).trim();
    if (a.type === "money" || a.type === "decimal" || a.type === "double" || a.type === "integer") {
      if (!text) return null;
      var n = Number(text.replace(/[^0-9.\\-]/g, ""));
      return isNaN(n) ? a.value : (a.type === "integer" ? Math.round(n) : n);
    }
    return text;
  }
  function markDirty() {
    var status = document.querySelector('[data-id="header_title"] .status');
    if (status) status.textContent = " - Unsaved";
  }
  function save() {
    var context = { getEventArgs: function () { return { getSaveMode: function () { return 1; } }; } };
    saveHandlers.slice().forEach(function (h) { try { h(context); } catch (e) { console.error(e); } });
    state.attributes.forEach(function (a) { a.dirty = false; });
    var status = document.querySelector('[data-id="header_title"] .status');
    if (status) status.textContent = " - Saved";
    postSaveHandlers.slice().forEach(function (h) { try { h(context); } catch (e) { console.error(e); } });
  }
  function bindForm() {
    state = readState();
    ready = false;
    if (!state) { attrs = []; return; }
    attrs = state.attributes.map(makeAttribute);
    saveHandlers = []; postSaveHandlers = [];
    // Unified Interface finishes loading the form a moment after the page: bridges must wait.
    setTimeout(function () { ready = true; }, 60);
  }

  var entity = {
    getEntityName: function () { return ready && state ? state.entityName : ""; },
    getId: function () { return ready && state ? "{" + state.entityId.toUpperCase() + "}" : ""; },
    getPrimaryAttributeValue: function () { return state ? state.name : null; },
    getIsDirty: function () { return state ? state.attributes.some(function (a) { return a.dirty; }) : false; },
    attributes: {
      get: function () { return ready ? attrs.slice() : []; },
      forEach: function (f) { (ready ? attrs : []).forEach(f); },
      getLength: function () { return ready ? attrs.length : 0; }
    },
    addOnSave: function (h) { saveHandlers.push(h); },
    removeOnSave: function (h) { saveHandlers = saveHandlers.filter(function (x) { return x !== h; }); },
    addOnPostSave: function (h) { postSaveHandlers.push(h); },
    removeOnPostSave: function (h) { postSaveHandlers = postSaveHandlers.filter(function (x) { return x !== h; }); },
    save: function () { save(); }
  };

  function installXrm() {
    window.Xrm = {
      Utility: {
        getPageContext: function () {
          return { input: state ? { pageType: "entityrecord", entityName: state.entityName, entityId: state.entityId, formId: state.formId } : { pageType: "entitylist", entityName: "account" } };
        },
        getGlobalContext: function () {
          return {
            getClientUrl: function () { return location.origin; },
            getVersion: function () { return VERSION; },
            userSettings: { userName: "Rosa Diaz", languageId: 1033 },
            organizationSettings: { uniqueName: "northwind" }
          };
        }
      },
      Page: {
        data: { entity: entity, save: function () { save(); return Promise.resolve(); } },
        getAttribute: function (name) { return name === undefined ? (ready ? attrs.slice() : []) : (ready ? attribute(name) : null); },
        ui: {
          getFormType: function () { return 2; },
          setFormNotification: function () { return true; },
          clearFormNotification: function () { return true; }
        }
      },
      Navigation: { openForm: function (o) { navigate("main.aspx?appid=" + state.appId + "&pagetype=entityrecord&etn=" + o.entityName + "&id=" + o.entityId, true); return Promise.resolve(); } }
    };
  }

  function navigate(href, push) {
    var url = new URL(href, location.href);
    if (push) history.pushState({}, "", url.href);
    // The page context switches first; the new form arrives a moment later.
    fetch(url.href, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      var content = next.getElementById("mainContent"), data = next.getElementById("demo-record");
      var oldData = document.getElementById("demo-record");
      if (content) document.getElementById("mainContent").replaceWith(document.importNode(content, true));
      if (oldData) oldData.remove();
      if (data) document.body.appendChild(document.importNode(data, true));
      document.title = next.title;
      bindForm();
    });
  }

  document.addEventListener("click", function (e) {
    var t = e.target instanceof Element ? e.target : null;
    var link = t && t.closest("a[data-nav]");
    if (link) { e.preventDefault(); navigate(link.getAttribute("href"), true); return; }
    var tab = t && t.closest('ul[role="tablist"] li');
    if (tab) {
      Array.prototype.forEach.call(tab.parentNode.children, function (li) { li.setAttribute("aria-selected", String(li === tab)); });
      Array.prototype.forEach.call(document.querySelectorAll('[role="tabpanel"]'), function (p) { p.hidden = p.getAttribute("data-tab") !== tab.getAttribute("data-tab"); });
      return;
    }
    var button = t && t.closest("button[data-command]");
    if (button && button.getAttribute("data-command") === "save") save();
  });
  document.addEventListener("change", function (e) {
    var el = e.target;
    var name = el && el.getAttribute && el.getAttribute("data-attr");
    var a = name && raw(name);
    if (a && !el.readOnly) setFromUser(name, parse(a, el));
  });
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  });
  window.addEventListener("popstate", function () { navigate(location.href, false); });

  bindForm();
  setTimeout(installXrm, 40);
})();
`
