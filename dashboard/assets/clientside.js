// Callbacks that run in the browser (dashboard/callbacks.py registers them).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  // The page arrives drawn for the bare address; when the visitor came by another one (a shared
  // link, another path), pass its path and query on to the callbacks that draw them.
  address: {
    follow: function (href, pathname, search) {
      var here = new URL(href);
      if (here.pathname === pathname && here.search === search) {
        throw window.dash_clientside.PreventUpdate;
      }
      var unchanged = window.dash_clientside.no_update;
      return [
        here.pathname === pathname ? unchanged : here.pathname,
        here.search === search ? unchanged : here.search,
      ];
    },
  },
  // Chart export: plotly.js renders the figure (title, units and source line included) to a file.
  exports: {
    png: function (clicks, figure) { return saveChart("png", figure); },
    svg: function (clicks, figure) { return saveChart("svg", figure); },
  },
});

function saveChart(format, figure) {
  var graph = document.querySelector("#chart .js-plotly-plot");
  if (!graph || !window.Plotly) { return "Chart not ready"; }
  var title = (figure && figure.layout && figure.layout.title && figure.layout.title.text) || "chart";
  var name = title.replace(/<[^>]*>/g, " ").trim().toLowerCase().replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "").slice(0, 60) || "chart";
  window.Plotly.downloadImage(graph, { format: format, width: 1200, height: 700, filename: name });
  return "Saved " + format.toUpperCase();
}
