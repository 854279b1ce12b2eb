/* auditkit report: inflate the embedded plotly.js once, then draw every chart from its JSON. */
(function () {
  "use strict";
  var root = document.documentElement;
  var config = JSON.parse(document.getElementById("chart-config").textContent);
  var PRINT_WIDTH_PX = 680; /* A4 width minus the @page margins of report.css, in CSS pixels */

  function inflatePlotly() {
    var packed = document.getElementById("plotly-gzip");
    if (window.Plotly || !packed) {
      return Promise.resolve();
    }
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot inflate the embedded plotly.js (no DecompressionStream)"));
    }
    var binary = atob(packed.textContent.trim());
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) {
      bytes[i] = binary.charCodeAt(i);
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(function (code) {
      var script = document.createElement("script");
      script.textContent = code;
      document.head.appendChild(script);
    });
  }

  /* On a narrow column (a phone), labels are shortened (the full text stays in the hover), turned or
     thinned out so that none overlaps, titles wrap and colour scales give way to the cells' numbers. */
  var NARROW_PX = 600;
  var LABEL_CHAR_PX = 6.6; /* average width of a character of a 12 px label */
  var TITLE_CHAR_PX = 8.4; /* the same for a 15 px title */
  var SUBTITLE_CHAR_PX = 6.2;
  var LINE_PX = 18;
  var TITLE_TOP_PX = 12;
  var TITLE_LEFT_PX = 4;
  var TICK_SPACING_PX = 64; /* room each number of a numeric axis takes */
  var TURNED_LABEL_CHARS = 14;

  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

  function plainText(label) {
    return String(label)
      .replace(/<br\s*\/?>/gi, " ")
      .replace(/&(amp|lt|gt|quot|#39);/g, function (entity) {
        return ENTITIES[entity];
      })
      .replace(/\s+/g, " ")
      .trim();
  }

  function labelMarkup(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function shortLabel(label, chars) {
    var text = plainText(label);
    if (text.length <= chars) {
      return labelMarkup(text);
    }
    var cut = text.slice(0, chars - 1);
    if (cut.lastIndexOf(" ") > chars / 2) {
      cut = cut.slice(0, cut.lastIndexOf(" "));
    }
    return labelMarkup(cut.replace(/[\s,;:.\u00b7&-]+$/, "")) + "\u2026";
  }

  function wrapped(text, chars) {
    var lines = [];
    plainText(text)
      .split(" ")
      .forEach(function (word) {
        var last = lines.length - 1;
        if (last >= 0 && (lines[last] + " " + word).length <= chars) {
          lines[last] += " " + word;
        } else {
          lines.push(word);
        }
      });
    return lines;
  }

  function narrowAxis(name, axis, given, width, update) {
    var title = given && given.title && given.title.text;
    if (title && name.charAt(0) === "y" && plainText(title).length * LABEL_CHAR_PX > axis._length) {
      wrapTitle(name + ".title.text", title, Math.max(8, Math.floor(axis._length / LABEL_CHAR_PX)), update);
    }
    var labels = axis.tickmode === "array" ? axis.ticktext : axis.type === "category" ? axis._categories : null;
    var values = axis.tickmode === "array" ? axis.tickvals : labels;
    if (!labels || !labels.length) {
      if (axis.type === "linear" || axis.type === "date") {
        update[name + ".tickmode"] = "auto";
        update[name + ".nticks"] = Math.max(3, Math.floor(axis._length / TICK_SPACING_PX));
      }
      return;
    }
    var chars;
    if (name.charAt(0) === "y") {
      chars = Math.floor((width * 0.5) / LABEL_CHAR_PX);
    } else {
      var room = axis._length / labels.length;
      var longest = Math.max.apply(null, labels.map(function (label) {
        return plainText(label).length * LABEL_CHAR_PX;
      }));
      if (longest <= room) {
        return;
      }
      chars = TURNED_LABEL_CHARS;
      update[name + ".tickangle"] = -90;
      update[name + ".side"] = "bottom";
    }
    update[name + ".tickmode"] = "array";
    update[name + ".tickvals"] = values;
    update[name + ".ticktext"] = labels.map(function (label) {
      return shortLabel(label, chars);
    });
  }

  function wrapTitle(path, text, chars, update) {
    var lines = wrapped(text || "", chars);
    update[path] = lines.map(labelMarkup).join("<br>");
    return Math.max(0, lines.length - 1);
  }

  var STACKED_HEIGHT = 1.8; /* two side-by-side panels stacked: the figure grows by this factor */

  function stackPanels(layout, update) {
    var left = layout.xaxis;
    var right = layout.xaxis2;
    if (!right || !left || left.domain[1] > right.domain[0] || !layout.yaxis2) {
      return 1;
    }
    update["xaxis.domain"] = [0, 1];
    update["xaxis2.domain"] = [0, 1];
    update["xaxis2.anchor"] = "y2";
    update["yaxis.domain"] = [0.64, 1];
    update["yaxis2.domain"] = [0, 0.36];
    update["yaxis2.anchor"] = "x2";
    return STACKED_HEIGHT;
  }

  function fitToNarrowColumn(target) {
    var layout = target._fullLayout;
    var width = layout.width;
    if (width >= NARROW_PX) {
      return Promise.resolve();
    }
    var update = {};
    var growth = stackPanels(layout, update);
    Object.keys(layout).forEach(function (name) {
      if (/^[xy]axis\d*$/.test(name) && layout[name].visible) {
        narrowAxis(name, layout[name], target.layout[name], width, update);
      }
    });
    var extraLines = wrapTitle("title.text", layout.title.text, Math.floor(width / TITLE_CHAR_PX), update);
    if (layout.title.subtitle && layout.title.subtitle.text) {
      extraLines += wrapTitle(
        "title.subtitle.text", layout.title.subtitle.text, Math.floor(width / SUBTITLE_CHAR_PX), update
      );
    }
    update["margin.t"] = layout.margin.t + extraLines * LINE_PX;
    update.height = Math.round(layout.height * growth) + extraLines * LINE_PX;
    update["title.yref"] = "container";
    update["title.y"] = 1 - TITLE_TOP_PX / update.height;
    update["title.yanchor"] = "top";
    update["title.xref"] = "container";
    update["title.x"] = TITLE_LEFT_PX / width;
    update["legend.orientation"] = "h";
    update["legend.x"] = 0;
    update["legend.xanchor"] = "left";
    update["legend.yref"] = "container";
    update["legend.y"] = 0;
    update["legend.yanchor"] = "bottom";
    var heatmaps = target.data
      .map(function (trace, index) {
        return trace.type === "heatmap" ? index : -1;
      })
      .filter(function (index) {
        return index >= 0;
      });
    var restyled = heatmaps.length ? window.Plotly.restyle(target, { showscale: false }, heatmaps) : null;
    return Promise.resolve(restyled).then(function () {
      return window.Plotly.relayout(target, update);
    });
  }

  function drawChart(target, source, options) {
    var figure = JSON.parse(source);
    target.setAttribute("data-narrow", String(target.clientWidth < NARROW_PX));
    return window.Plotly.react(target, figure.data, figure.layout, options).then(fitToNarrowColumn);
  }

  function drawCharts() {
    var options = Object.assign({}, config.plotly);
    if (config.localeModule) {
      window.Plotly.register(config.localeModule);
      options.locale = config.locale;
    }
    var blocks = Array.prototype.slice.call(document.querySelectorAll("script[data-chart]"));
    var redraw = null;
    window.addEventListener("resize", function () {
      clearTimeout(redraw);
      redraw = setTimeout(function () {
        blocks.forEach(function (block) {
          var target = document.getElementById(block.getAttribute("data-chart"));
          if (target.getAttribute("data-narrow") !== String(target.clientWidth < NARROW_PX)) {
            drawChart(target, block.textContent, options);
          }
        });
      }, 200);
    });
    return Promise.all(
      blocks.map(function (block) {
        return drawChart(document.getElementById(block.getAttribute("data-chart")), block.textContent, options);
      })
    );
  }

  function fitChartsToPage() {
    var widest = 0;
    document.querySelectorAll(".chart .main-svg").forEach(function (svg) {
      widest = Math.max(widest, svg.getBoundingClientRect().width);
    });
    root.style.setProperty("--print-zoom", widest > PRINT_WIDTH_PX ? String(PRINT_WIDTH_PX / widest) : "1");
  }

  function showFailure(error) {
    root.setAttribute("data-charts", "failed");
    document.querySelectorAll(".chart").forEach(function (chart) {
      chart.textContent = config.failure;
      chart.classList.add("chart-failed");
    });
    console.error(error);
  }

  /* Tables of four columns or more reflow into one card per row on a phone (report.css): each cell
     carries its column's heading. */
  function labelTableCells() {
    document.querySelectorAll("table.data").forEach(function (table) {
      var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      if (headings.length < 4) {
        return;
      }
      table.classList.add("reflow");
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (headings[index] && !cell.hasAttribute("colspan")) {
            cell.setAttribute("data-label", headings[index]);
          }
        });
      });
    });
  }

  labelTableCells();
  window.addEventListener("beforeprint", fitChartsToPage);
  inflatePlotly()
    .then(drawCharts)
    .then(function () {
      root.setAttribute("data-charts", "ready");
    }, showFailure);
})();
