// Chart export: plotly.js renders the figure (title, units and source line included) to a file.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
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
