// dashboard/markup.py HtmlBlock: an element holding HTML the server wrote (escaped there, by
// to_html), one component for Dash where its elements would each be one.
window.us_china_indicators = Object.assign({}, window.us_china_indicators, {
  HtmlBlock: function HtmlBlock(props) {
    return window.React.createElement(props.tag || "div", {
      id: props.id,
      className: props.className,
      dangerouslySetInnerHTML: { __html: props.html || "" },
    });
  },
});
