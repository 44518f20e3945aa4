// The embeddable petition (decision 0029). Pasted into another site with its snippet: a link to the
// hosted petition, which is all a visitor without JavaScript gets (and it works), and this script,
// which turns the link into a signing form that posts to the OSDI record-signature helper. The
// site's origin must be listed by an admin (CORS); the signer confirms by email, as on the hosted page.
/* global document, window, fetch */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var base = new URL(script.src).origin;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function field(form, name, label, type, required) {
    var id = 'uh-' + name + '-' + Math.random().toString(36).slice(2, 8);
    var wrap = el('p', { class: 'unionhall-field' });
    wrap.appendChild(el('label', { for: id }, label));
    wrap.appendChild(document.createElement('br'));
    var input = el('input', { id: id, name: name, type: type, autocomplete: name === 'email' ? 'email' : name === 'given_name' ? 'given-name' : name === 'family_name' ? 'family-name' : 'postal-code' });
    if (required) input.required = true;
    wrap.appendChild(input);
    form.appendChild(wrap);
    return input;
  }

  function mount(link) {
    var petitionId = link.getAttribute('data-petition');
    if (!petitionId || link.getAttribute('data-mounted')) return;
    link.setAttribute('data-mounted', 'true');
    var form = el('form', { class: 'unionhall-petition-form', novalidate: 'novalidate' });
    form.appendChild(el('p', { class: 'unionhall-title' }, link.textContent || 'Sign the petition'));
    var given = field(form, 'given_name', 'First name', 'text', false);
    var family = field(form, 'family_name', 'Last name', 'text', false);
    var email = field(form, 'email', 'Email', 'email', true);
    var zip = field(form, 'postal_code', 'Postal code', 'text', false);
    var button = el('button', { type: 'submit' }, 'Sign');
    form.appendChild(button);
    var status = el('p', { class: 'unionhall-status', role: 'status', 'aria-live': 'polite' });
    form.appendChild(status);
    var fallback = el('p', { class: 'unionhall-fallback' });
    var hosted = el('a', { href: link.href }, 'Or sign on the petition’s own page');
    fallback.appendChild(hosted);
    form.appendChild(fallback);

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!email.value) {
        status.textContent = 'Please give your email address.';
        email.focus();
        return;
      }
      var person = { email_addresses: [{ address: email.value.trim() }] };
      if (given.value.trim()) person.given_name = given.value.trim();
      if (family.value.trim()) person.family_name = family.value.trim();
      if (zip.value.trim()) person.postal_addresses = [{ postal_code: zip.value.trim() }];
      button.disabled = true;
      status.textContent = 'Sending…';
      fetch(base + '/api/v1/petitions/' + encodeURIComponent(petitionId) + '/record_signature_helper', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ person: person, referrer_data: { website: window.location.hostname, url: window.location.href } }),
      })
        .then(function (res) {
          if (res.ok) {
            form.reset();
            status.textContent = 'Thank you! Check your email and click the link to confirm your signature.';
            return;
          }
          return res.json().then(function (body) {
            status.textContent = (body && body.error && body.error.message) || 'That did not work. Please try again, or sign on the petition’s own page.';
          });
        })
        .catch(function () {
          status.textContent = 'That did not work. Please sign on the petition’s own page.';
        })
        .then(function () {
          button.disabled = false;
        });
    });
    link.parentNode.replaceChild(form, link);
  }

  var links = document.querySelectorAll('a.unionhall-petition[data-petition]');
  for (var i = 0; i < links.length; i++) mount(links[i]);
})();
