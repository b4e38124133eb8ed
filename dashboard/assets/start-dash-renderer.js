// Starts Dash once the first screen is on it (dashboard/factory.py writes the page so).
//
// Dash's scripts are a few hundred kilobytes that a phone takes seconds to run; written as
// plain script tags, a browser could fetch and run them before it first painted the page, which
// then waited for them. The page names them in #dash-scripts; this asks for them after the
// browser has painted the first frame, runs them in their order, and then starts Dash's
// renderer, as Dash's own last script tag does.
(function () {
  var listed = document.getElementById("dash-scripts");
  var sources = JSON.parse(listed.textContent);
  // On a touch screen, plotly.js (a megabyte; half a second of a phone's CPU to run, longer
  // than everything else the page runs) waits until the page is first touched or typed in: the
  // chart until then is the server's drawing of it (clientside.js puts it in the app's place).
  // A mouse can point at the chart at once, so there it comes with the rest, as it does on a
  // page that arrived without a drawing (an address the server does not picture).
  var drawn = document.querySelector(".prerendered-chart");
  if (listed.dataset.plotly && drawn && matchMedia("(hover: none) and (pointer: coarse)").matches) {
    onFirstTouch(sources.splice(Number(listed.dataset.plotly), 1)[0]);
  }
  function onFirstTouch(plotly) {
    // dcc's chart waits for Promise.resolve(window.Plotly || its own loader): a thenable in
    // window.Plotly holds it until plotly.js has run (and replaced it with itself).
    var waiting = [];
    window.Plotly = { then: function (resolve, reject) { waiting.push([resolve, reject]); } };
    document.documentElement.classList.add("chart-on-demand");
    var events = ["pointerdown", "keydown"];
    function ask() {
      events.forEach(function (name) { removeEventListener(name, ask, true); });
      var script = document.createElement("script");
      script.src = plotly;
      script.onload = function () { waiting.forEach(function (w) { w[0](window.Plotly); }); };
      script.onerror = function (e) { waiting.forEach(function (w) { w[1](e); }); };
      document.body.appendChild(script);
    }
    events.forEach(function (name) { addEventListener(name, ask, { capture: true, passive: true }); });
  }
  // Dash marks every output of a callback as loading when the request goes out and again when
  // the answer comes, and each component that is an output then draws itself again, twice a
  // click: the explorer's answer has some twenty of them (the picker among them, with all its
  // options). The page shows no loading state (no dcc.Loading, no style on
  // data-dash-is-loading), so its store drops those two actions: in Chromium a change of view
  // went from 91 to 72 ms, key press to redrawn chart, an indicator pick from 123 to 119 (median
  // of 8). The store is caught as the renderer names it (window.store); its observers, which
  // send both actions, dispatch through it.
  var IGNORED = { LOADING: true, LOADED: true };
  Object.defineProperty(window, "store", {
    configurable: true,
    set: function (store) {
      var dispatch = store.dispatch;
      store.dispatch = function (action) {
        return action && IGNORED[action.type] ? action : dispatch.apply(this, arguments);
      };
      Object.defineProperty(window, "store", { value: store, writable: true, configurable: true });
    },
  });
  // The server draws the layout with the view at the page's address (dashboard/factory.py
  // page), so that a shared link arrives drawn with its view instead of the default one, which
  // the app then had to follow (two callbacks). Dash asks for the layout once, by a path
  // that has no query: the page's query is added to that one request.
  if (location.search) {
    var fetchAll = window.fetch;
    window.fetch = function (resource) {
      if (typeof resource === "string" && /_dash-layout$/.test(resource)) {
        window.fetch = fetchAll;
        arguments[0] = resource + location.search;
      }
      return fetchAll.apply(this, arguments);
    };
  }
  function load() {
    var last = null;
    sources.forEach(function (source) {
      var script = document.createElement("script");
      script.src = source;
      script.async = false; // run in the order given, as the tags they replace did
      document.body.appendChild(script);
      last = script;
    });
    last.addEventListener("load", function () { window.renderer = new window.DashRenderer(); });
  }
  // A frame's callbacks run just before it is painted; a task queued from one runs after.
  requestAnimationFrame(function () { setTimeout(load, 0); });
})();
