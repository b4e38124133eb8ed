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

// The image is the chart as drawn, with what the page prints around it added by the layout the
// server made for images (dashboard/figures.py export_layout): title, subtitle, source lines.
function saveChart(format, figure) {
  if (!figure || !figure.layout || !window.Plotly) { return "Chart not ready"; }
  var extra = (figure.layout.meta && figure.layout.meta.export) || {};
  var layout = Object.assign({}, figure.layout, extra);
  var title = (extra.title && extra.title.text) || "chart";
  var name = title.replace(/<[^>]*>/g, " ").trim().toLowerCase().replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "").slice(0, 60) || "chart";
  window.Plotly.downloadImage({ data: figure.data, layout: layout, config: { staticPlot: true } },
    { format: format, width: layout.width, height: layout.height, filename: name });
  return "Saved " + format.toUpperCase();
}
