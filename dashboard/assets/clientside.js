// Callbacks that run in the browser (dashboard/callbacks.py registers them).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  // The page arrives drawn for its address when it can (the bare one, a shared link's:
  // callbacks.arrives_drawn); when the visitor came by another one (another query, another
  // path), pass its path and query on to the callbacks that draw them.
  address: {
    follow: function (href, pathname, search) {
      var here = new URL(href);
      if (here.pathname === pathname && here.search === search) {
        throw window.dash_clientside.PreventUpdate;
      }
      fillPicker(); // (the answer may pick another indicator)
      var unchanged = window.dash_clientside.no_update;
      return [
        here.pathname === pathname ? unchanged : here.pathname,
        here.search === search ? unchanged : here.search,
      ];
    },
  },
  // The tab's title names the view, as the server named the first one (dashboard/preview.py).
  views: {
    title: function (title) {
      if (title) { document.title = title; }
      return title;
    },
    // The words about a view follow its chart (dashboard/callbacks.py DESCRIPTION), and so does
    // the rest of an answer that drew the chart first (callbacks.py chart_first): the view an answer drew is
    // passed on once plotly has drawn the chart it redrew, as the view whose words to draw and,
    // for such an answer, as the view to complete the page for. Dash may run this before plotly
    // has the new figure or after it has drawn it (it does so now: React renders the answer,
    // plotly draws, then Dash turns to the callbacks the answer triggers); in the second case
    // there is no draw left to wait for.
    afterChart: function (drawn, figure) {
      function then() {
        // (Set, not returned: Dash runs no callback again that a chain of callbacks started,
        // and the explorer's answer started this one.)
        if (drawn.rest) { window.dash_clientside.set_props("follow", { data: drawn.view }); }
        return drawn.view;
      }
      var chart = document.querySelector("#chart .js-plotly-plot");
      if (!drawn.redrawn || !chart || !chart.once) { return then(); }
      // (dcc's chart hands plotly the figure's own data, and is pending until it has drawn it.)
      var done = figure && chart.data === figure.data
        && !chart.classList.contains("dash-graph--pending");
      if (done) { return then(); }
      return new Promise(function (resolve) {
        var settled = false;
        function settle() { if (!settled) { settled = true; resolve(then()); } }
        chart.once("plotly_afterplot", settle);
        // Should plotly not draw (on a touch screen it waits for the first touch).
        setTimeout(settle, 1000);
      });
    },
  },
  // Chart export: plotly.js renders the figure (title, units and source line included) to a file.
  exports: {
    png: function (clicks, figure) { return saveChart("png", figure); },
    svg: function (clicks, figure) { return saveChart("svg", figure); },
  },
});

// The image is the chart as drawn, with what the page prints around it added by the layout the
// server made for images (dashboard/figures.py export_layout): title, subtitle, source lines.
function saveChart(format, figure) {
  if (!figure || !figure.layout || !window.Plotly) { return "Chart not ready"; }
  // (On a touch screen plotly.js may still be on its way: the press that got here sent for it.)
  var extra = (figure.layout.meta && figure.layout.meta.export) || {};
  var layout = Object.assign({}, figure.layout, extra);
  var title = (extra.title && extra.title.text) || "chart";
  var name = title.replace(/<[^>]*>/g, " ").trim().toLowerCase().replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "").slice(0, 60) || "chart";
  Promise.resolve(window.Plotly).then(function (plotly) {
    plotly.downloadImage({ data: figure.data, layout: layout, config: { staticPlot: true } },
      { format: format, width: layout.width, height: layout.height, filename: name });
  });
  return "Saved " + format.toUpperCase();
}

// The picker arrives holding only the chosen indicator (dashboard/layout.py explorer): it gets
// every indicator's option when a pointer comes over it or presses it, or the focus or a key
// reaches it, before it can open; and before an answer can pick another indicator (the dropdown
// clears a value it has no option for), which only an address does: back and forward, and an
// arrival by another address (address.follow). Not at the page's first touch anywhere: filling
// it takes the dropdown tens of milliseconds (it indexes its options' words), which a first
// click elsewhere, on the view say, waited for (36-52 ms more than a later click, in Chromium).
// Before Dash has started there is nothing to fill yet, and the next event tries again.
var PICKER = ".picker";
var PICKER_EVENTS = ["pointerover", "pointerdown", "focusin", "keydown"];
var pickerFilled = false;
function fillPicker() {
  var api = window.dash_component_api;
  if (pickerFilled) { return; }
  var store = api && api.getLayout && api.getLayout("picker-options");
  if (!store || !window.dash_clientside.set_props) { return; }
  pickerFilled = true;
  PICKER_EVENTS.forEach(function (name) { removeEventListener(name, onPicker, true); });
  removeEventListener("popstate", fillPicker, true);
  window.dash_clientside.set_props("indicator", { options: store.props.data });
}
function onPicker(event) {
  if (event.target.closest && event.target.closest(PICKER)) { fillPicker(); }
}
PICKER_EVENTS.forEach(function (name) {
  addEventListener(name, onPicker, { capture: true, passive: true });
});
addEventListener("popstate", fillPicker, { capture: true, passive: true });

// Typing in an open dropdown searches: the dropdown focuses its chosen option, where the arrow
// keys move on from it (open, ArrowDown, Enter picks the next indicator) but typed letters did
// nothing. While a dropdown is open (its search box exists), a printable key pressed anywhere but
// in a text field (the trigger, before the option has the focus; an option) moves the focus to
// the search box, which then receives it.
document.addEventListener("keydown", function (event) {
  var search = document.querySelector("input.dash-dropdown-search");
  var printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
  var typing = event.target.isContentEditable || (event.target.matches
    && event.target.matches("textarea, input:not([type=checkbox]):not([type=radio])"));
  if (search && printable && !typing) { search.focus(); }
}, true);

// Enter in a typed-year box applies the year, as leaving the box does.
document.addEventListener("keydown", function (event) {
  var box = event.target;
  if (event.key === "Enter" && box.matches && box.matches("#years input")) { box.blur(); }
});

// Accessibility repairs to what Dash 4's components draw (axe-core: tests/browser/test_a11y.py).
// Its checklists and radio groups mark each label role="option" inside a role="listbox" with no
// name, around a native checkbox or radio: an interactive control nested in another, in a list
// nobody can name. The native inputs, under their fieldset's legend, are the accessible form;
// the roles go. The typed-year boxes get names, and the dropdown's hidden focus catcher leaves
// the tab order (it is focused by script, never by Tab).
var YEAR_NAMES = { "dash-range-slider-min-input": "First year", "dash-range-slider-max-input": "Last year" };
// ``root`` and every element under it that matches ``selector``.
function matching(root, selector) {
  var found = Array.prototype.slice.call(root.querySelectorAll(selector));
  return root.matches(selector) ? [root].concat(found) : found;
}
function repairAccessibility(root) {
  matching(root, ".dash-checklist[role=listbox], .dash-radioitems[role=listbox]")
    .forEach(function (list) { list.removeAttribute("role"); });
  // (React sets these again on a redraw: each is removed wherever it stands.)
  ["role", "aria-selected", "aria-checked"].forEach(function (attribute) {
    matching(root,
      ".dash-checklist label[" + attribute + "], .dash-radioitems label[" + attribute + "]"
    ).forEach(function (option) { option.removeAttribute(attribute); });
  });
  Object.keys(YEAR_NAMES).forEach(function (name) {
    matching(root, "input." + name).forEach(function (box) {
      if (!box.getAttribute("aria-label")) { box.setAttribute("aria-label", YEAR_NAMES[name]); }
    });
  });
  // Only what needs changing is changed: each change is a mutation this observer sees again.
  matching(root, ".dash-dropdown-focus-target[aria-hidden=true]:not([tabindex='-1'])")
    .forEach(function (box) { box.setAttribute("tabindex", "-1"); });
}
// Only where something changed: scanning the whole page after each of React's changes was a
// tenth of a phone's script time while the page loads.
// Nor inside the chart, which holds none of those controls: plotly's redraw of it makes about 170
// changes, and scanning where they were took a millisecond of an indicator pick.
new MutationObserver(function (records) {
  var roots = new Set();
  records.forEach(function (record) { roots.add(record.target); });
  roots.forEach(function (root) {
    if (root.nodeType === Node.ELEMENT_NODE && root.isConnected
        && !root.closest(".js-plotly-plot")) { repairAccessibility(root); }
  });
}).observe(document.documentElement, {
  childList: true, subtree: true, attributes: true, attributeFilter: ["role", "aria-selected", "aria-checked", "tabindex"],
});

// The first screen's picture (dashboard/prerender.py) gives way to the app once the app's chart
// has its lines: the app was laid out under it, so nothing moves. The check runs after each
// change the app makes, before the browser paints it. On a touch screen, where plotly.js waits
// for the first touch (start-dash-renderer.js), the picture gives way as soon as the app has
// drawn its controls, and its drawing of the chart stands in the app's chart frame until the
// chart itself is drawn; should the view change first, the drawing is dimmed as out of date.
(function () {
  var picture = document.querySelector(".prerendered");
  if (!picture) { return; }
  var app = document.getElementById("react-entry-point");
  var onDemand = document.documentElement.classList.contains("chart-on-demand");
  var controls = ".dash-dropdown, .dash-slider-container, .dash-checklist, .dash-radioitems";
  var words = "#chart-title, #chart-subtitle, #sentence";
  var drawing = null;
  var drawn = null;
  function described() {
    return Array.prototype.map.call(app.querySelectorAll(words), function (e) {
      return e.textContent;
    }).join("\n");
  }
  var observer = new MutationObserver(function () {
    if (app.querySelector(".js-plotly-plot .scatterlayer .trace")) {
      observer.disconnect();
      picture.remove();
      if (drawing) { drawing.remove(); }
      return;
    }
    var frame = app.querySelector(".chart-frame");
    if (onDemand && !drawing && frame && frame.querySelector("#chart")
        && app.querySelectorAll(controls).length === picture.querySelectorAll(controls).length) {
      drawing = picture.querySelector(".prerendered-chart");
      frame.appendChild(drawing);
      picture.remove();
      drawn = described();
    } else if (drawing && described() !== drawn) {
      drawing.classList.add("out-of-date");
    }
  });
  observer.observe(app, { childList: true, subtree: true, characterData: true });
})();
