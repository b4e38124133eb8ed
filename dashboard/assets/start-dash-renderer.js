// Starts Dash once the first screen is on it (dashboard/factory.py writes the page so).
//
// Dash's scripts are a few hundred kilobytes that a phone takes seconds to run; written as
// plain script tags, a browser could fetch and run them before it first painted the page, which
// then waited for them. The page names them in #dash-scripts; this asks for them after the
// browser has painted the first frame, runs them in their order, and then starts Dash's
// renderer, as Dash's own last script tag does.
(function () {
  var sources = JSON.parse(document.getElementById("dash-scripts").textContent);
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
