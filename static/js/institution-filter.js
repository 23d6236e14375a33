// The filing form's institution picker: a box that narrows the list to the
// institutions whose name or acronym has what one types (accents and case
// aside), opening the places that have them. Without JavaScript the list of
// places works the same, one place at a time.
(function () {
  'use strict';
  var groups = Array.prototype.slice.call(document.querySelectorAll('details.institution-group'));
  if (!groups.length) return;
  var fold = function (text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  };

  var field = document.createElement('div');
  field.className = 'field institution-filter';
  var label = document.createElement('label');
  label.htmlFor = 'campo-buscar-institucion';
  label.textContent = 'Buscar la institución por su nombre o siglas';
  var input = document.createElement('input');
  input.type = 'search';
  input.id = 'campo-buscar-institucion';
  input.autocomplete = 'off';
  var status = document.createElement('p');
  status.className = 'hint';
  status.setAttribute('aria-live', 'polite');
  field.appendChild(label);
  field.appendChild(input);
  field.appendChild(status);
  groups[0].parentNode.insertBefore(field, groups[0]);
  var opened = groups.map(function (group) { return group.open; });

  input.addEventListener('input', function () {
    var query = fold(input.value.trim());
    var found = 0;
    groups.forEach(function (group, index) {
      var matches = 0;
      group.querySelectorAll('label.checkbox').forEach(function (option) {
        var show = !query || fold(option.textContent).indexOf(query) !== -1 ||
          fold(group.querySelector('summary').textContent).indexOf(query) !== -1;
        option.hidden = !show;
        if (show) matches++;
      });
      group.hidden = query !== '' && matches === 0;
      group.open = query ? matches > 0 : opened[index] || group.querySelector('input:checked') !== null;
      found += query ? matches : 0;
    });
    status.textContent = !query ? ''
      : found === 0 ? 'Ninguna institución coincide; prueba con otra palabra.'
      : found === 1 ? 'Una institución coincide.'
      : found + ' instituciones coinciden.';
  });
})();
