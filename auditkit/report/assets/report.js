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

  function drawCharts() {
    var options = Object.assign({}, config.plotly);
    if (config.localeModule) {
      window.Plotly.register(config.localeModule);
      options.locale = config.locale;
    }
    var blocks = document.querySelectorAll("script[data-chart]");
    return Promise.all(
      Array.prototype.map.call(blocks, function (block) {
        var figure = JSON.parse(block.textContent);
        var target = document.getElementById(block.getAttribute("data-chart"));
        return window.Plotly.newPlot(target, figure.data, figure.layout, options);
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

  window.addEventListener("beforeprint", fitChartsToPage);
  inflatePlotly()
    .then(drawCharts)
    .then(function () {
      root.setAttribute("data-charts", "ready");
    }, showFailure);
})();
