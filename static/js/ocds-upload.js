// Sends the chosen file to the API as the request body (the server writes it
// to disk as it arrives, so it may have any size) and opens the page that
// follows its import. Without this script the form posts the file itself.
(function () {
  'use strict';
  var form = document.querySelector('form[data-raw-upload]');
  if (!form || !window.fetch) return;
  var input = form.querySelector('input[type=file]');
  var status = document.getElementById('resultado-importacion');

  function show(heading, text) {
    status.textContent = '';
    var title = document.createElement('h2');
    title.textContent = heading;
    var paragraph = document.createElement('p');
    paragraph.textContent = text;
    status.appendChild(title);
    status.appendChild(paragraph);
  }

  form.addEventListener('submit', function (event) {
    var file = input.files && input.files[0];
    if (!file) return;
    event.preventDefault();
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    show('Subiendo…', 'Subiendo ' + file.name + ' (' + Math.max(1, Math.round(file.size / 1048576)) + ' MB). ' +
      'Cuando termine de subir verás el avance de su importación.');
    var token = form.querySelector('input[name=_csrf]').value;
    // The form's other choices (the licence) go along as query parameters.
    var query = '?name=' + encodeURIComponent(file.name);
    form.querySelectorAll('select').forEach(function (select) {
      query += '&' + encodeURIComponent(select.name) + '=' + encodeURIComponent(select.value);
    });
    fetch(form.getAttribute('data-raw-upload') + query, {
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
      window.location.assign(result.body.data.url);
    }, function () {
      button.disabled = false;
      show('No se importó nada', 'Se perdió la conexión con el servidor.');
    });
  });
})();
