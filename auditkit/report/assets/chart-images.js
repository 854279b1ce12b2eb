/* auditkit exports: draw every chart of the job to a PNG with plotly.js, then write them as JSON into
   <pre id="images"> for headless Chromium's --dump-dom. A picture that is not a PNG (an SVG logo) is
   drawn on a canvas and written as a PNG too. */
(function () {
  "use strict";
  var job = JSON.parse(document.getElementById("job").textContent);
  var out = { charts: {}, pictures: {}, errors: [] };

  function chartImage(name, chart) {
    var layout = Object.assign({}, chart.figure.layout, {
      title: { text: "" },
      width: chart.width,
      height: chart.height,
      margin: Object.assign({}, chart.figure.layout.margin, { t: chart.top }),
    });
    return window.Plotly.toImage(
      { data: chart.figure.data, layout: layout },
      { format: "png", width: chart.width, height: chart.height, scale: job.scale }
    ).then(function (url) {
      out.charts[name] = url;
    });
  }

  function pictureImage(name, picture) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () {
        var scale = Math.min(1, picture.max_width / (image.naturalWidth || picture.max_width));
        var canvas = document.createElement("canvas");
        canvas.width = Math.max(1, Math.round((image.naturalWidth || picture.max_width) * scale));
        canvas.height = Math.max(1, Math.round((image.naturalHeight || picture.max_width / 3) * scale));
        canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
        out.pictures[name] = canvas.toDataURL("image/png");
        resolve();
      };
      image.onerror = function () {
        reject(new Error("picture " + name + " could not be decoded"));
      };
      image.src = picture.url;
    });
  }

  if (job.locale) {
    window.Plotly.register(job.locale);
    window.Plotly.setPlotConfig({ locale: job.language });
  }
  var tasks = Object.keys(job.charts).map(function (name) {
    return chartImage(name, job.charts[name]).catch(function (error) {
      out.errors.push(name + ": " + error);
    });
  });
  Object.keys(job.pictures).forEach(function (name) {
    tasks.push(
      pictureImage(name, job.pictures[name]).catch(function (error) {
        out.errors.push(String(error));
      })
    );
  });
  Promise.all(tasks).then(function () {
    document.getElementById("images").textContent = JSON.stringify(out);
  });
})();
