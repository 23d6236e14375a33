// Follows an import that has not ended: asks the API for its progress every
// second, updates the bar and the status line, and shows the whole page
// again once the import ends (its result is there).
(function () {
  'use strict';
  var box = document.getElementById('avance-importacion');
  if (!box || !box.hasAttribute('data-waiting') || !window.fetch) return;
  var line = document.getElementById('estado-importacion');
  var bar = document.getElementById('barra-importacion');
  var url = box.getAttribute('data-job-url');
  var lastText = line.textContent;

  function describe(job) {
    if (job.status === 'queued') return job.status_label + ': empezará cuando terminen las importaciones anteriores.';
    var read = job.progress ? job.progress.releases_read : 0;
    var percent = job.progress ? job.progress.percent : 0;
    if (job.progress && job.progress.finishing) {
      return job.status_label + ': leído todo el archivo (' + read + ' elementos); guardando los últimos lotes y ' +
        'preparando las búsquedas.';
    }
    return job.status_label + ': leído el ' + percent + ' % del archivo (' + read + ' elementos).';
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) return setTimeout(poll, 5000);
        var job = body.data;
        if (job.status === 'done' || job.status === 'failed') {
          window.location.reload();
          return;
        }
        if (bar && job.progress) bar.value = job.progress.percent;
        var text = describe(job);
        // Screen readers hear the status line only when its words change.
        if (text !== lastText) {
          line.textContent = text;
          lastText = text;
        }
        setTimeout(poll, 1000);
      }, function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
