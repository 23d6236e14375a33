// While a citizen describes a new request, shows up to five requests like it
// that were already answered, so they can read the answer before asking.
// Without JavaScript the form works the same; the archive link is always there.
(function () {
  'use strict';
  var box = document.getElementById('solicitudes-parecidas');
  var field = document.getElementById('campo-description');
  if (!box || !field || !window.fetch) return;
  var url = box.getAttribute('data-search-url');
  var timer = null;
  var asked = '';

  function show(items) {
    while (box.firstChild) box.removeChild(box.firstChild);
    if (!items.length) return;
    var heading = document.createElement('h2');
    heading.textContent = 'Solicitudes parecidas que ya se respondieron';
    var hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'Quizá la respuesta que buscas ya está en alguna de ellas.';
    var list = document.createElement('ul');
    items.forEach(function (item) {
      var entry = document.createElement('li');
      var link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.folio + ' · ' + item.institution_name;
      var summary = document.createElement('p');
      summary.textContent = item.summary;
      entry.appendChild(link);
      entry.appendChild(summary);
      list.appendChild(entry);
    });
    box.appendChild(heading);
    box.appendChild(hint);
    box.appendChild(list);
  }

  function ask() {
    var text = field.value.trim().slice(0, 500);
    if (text.length < 20 || text === asked) return;
    asked = text;
    fetch(url + encodeURIComponent(text), { headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) { if (body && field.value.trim().slice(0, 500) === text) show(body.data || []); })
      .catch(function () { /* the form works without it */ });
  }

  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 600);
  });
  ask();
})();
