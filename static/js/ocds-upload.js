// A file larger than the form may carry goes to the API as the request body,
// which the server writes to disk as it arrives; a smaller one posts the form
// as it would without this script. The result is shown in the page.
(function () {
  'use strict';
  var form = document.querySelector('form[data-raw-upload]');
  if (!form || !window.fetch) return;
  var input = form.querySelector('input[type=file]');
  var status = document.getElementById('resultado-importacion');
  var limit = Number(form.getAttribute('data-form-limit'));

  function show(heading, text, problems) {
    status.textContent = '';
    var title = document.createElement('h2');
    title.textContent = heading;
    var paragraph = document.createElement('p');
    paragraph.textContent = text;
    status.appendChild(title);
    status.appendChild(paragraph);
    if (!problems || problems.length === 0) return;
    var list = document.createElement('ul');
    problems.slice(0, 50).forEach(function (problem) {
      var item = document.createElement('li');
      item.textContent = 'Línea ' + problem.line + (problem.ocid ? ' (' + problem.ocid + ')' : '') + ': ' +
        problem.reason;
      list.appendChild(item);
    });
    status.appendChild(list);
  }

  form.addEventListener('submit', function (event) {
    var file = input.files && input.files[0];
    if (!file || !(file.size > limit)) return;
    event.preventDefault();
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    show('Importando…', 'Subiendo ' + file.name + ' (' + Math.round(file.size / 1048576) + ' MB) e importándolo. ' +
      'Puede tardar varios minutos; no cierres esta página.');
    var token = form.querySelector('input[name=_csrf]').value;
    fetch(form.getAttribute('data-raw-upload') + '?name=' + encodeURIComponent(file.name), {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': token, 'Content-Type': 'application/octet-stream', 'Accept': 'application/json' },
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; },
        function () { return { ok: false, body: { error: { message: 'el servidor respondió ' + response.status } } }; });
    }).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        var error = result.body.error || {};
        show('No se importó nada', error.message || 'Error desconocido.');
        return;
      }
      var data = result.body.data;
      show('Resultado de la importación', file.name + ': ' + data.imported + ' entregas importadas, ' +
        data.duplicates + ' ya estaban guardadas, ' + data.rejected + ' rechazadas; ' + data.processes +
        ' procesos de contratación compilados.', data.problems);
    }, function () {
      button.disabled = false;
      show('No se importó nada', 'Se perdió la conexión con el servidor.');
    });
  });
})();
