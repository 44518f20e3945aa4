// Solves the petition form's ALTCHA proof of work (PoW v2, PBKDF2/SHA-256) in the browser, so
// that a signature from a person with JavaScript is not held for review. Without JavaScript, or
// without WebCrypto, the form still works: the signature is then reviewed by an organizer.
/* global document, window, crypto, btoa */
(function () {
  'use strict';
  var form = document.getElementById('petition-form');
  var field = document.getElementById('f-altcha');
  var status = document.getElementById('petition-status');
  if (!form || !field || !window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  var challenge;
  try {
    challenge = JSON.parse(form.getAttribute('data-challenge') || '');
  } catch {
    return;
  }
  if (!challenge || !challenge.parameters) return;
  var p = challenge.parameters;

  function hexToBytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }
  function bytesToHex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s;
  }
  function startsWith(key, prefix) {
    for (var i = 0; i < prefix.length; i++) if (key[i] !== prefix[i]) return false;
    return true;
  }

  var nonce = hexToBytes(p.nonce);
  var salt = hexToBytes(p.salt);
  var prefix = hexToBytes(p.keyPrefix);
  var password = new Uint8Array(nonce.length + 4);
  password.set(nonce, 0);
  var view = new DataView(password.buffer);
  var hash = p.algorithm.slice('PBKDF2/'.length);

  function derive(counter) {
    view.setUint32(nonce.length, counter, false);
    return crypto.subtle
      .importKey('raw', password, { name: 'PBKDF2' }, false, ['deriveBits'])
      .then(function (key) {
        return crypto.subtle.deriveBits({ name: 'PBKDF2', salt: salt, iterations: p.cost, hash: hash }, key, (p.keyLength || 32) * 8);
      })
      .then(function (bits) {
        return new Uint8Array(bits);
      });
  }

  var solved = null;
  var solving = (function loop(counter) {
    if (counter > 10000000) return Promise.resolve(null);
    return derive(counter).then(function (key) {
      if (startsWith(key, prefix)) return { counter: counter, derivedKey: bytesToHex(key) };
      return loop(counter + 1);
    });
  })(0)
    .then(function (solution) {
      if (!solution) return null;
      solved = btoa(JSON.stringify({ challenge: challenge, solution: solution }));
      field.value = solved;
      return solved;
    })
    .catch(function () {
      return null;
    });

  var submitting = false;
  form.addEventListener('submit', function (event) {
    if (solved || submitting) return;
    // Still working: wait for it (a second or so), then send. If it fails, send anyway.
    event.preventDefault();
    submitting = true;
    if (status) status.textContent = form.getAttribute('data-wait') || 'One moment…';
    solving.then(function () {
      form.submit();
    });
  });
})();
