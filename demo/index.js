/* global document, location */
// Fills in the server's own address (the page may be reached through a proxy, so the browser knows best).
(function () {
  var origin = location.origin;
  var ws = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/rtm';
  document.getElementById('server-url').textContent = origin;
  document.getElementById('ws-url').textContent = ws;
  var spots = document.querySelectorAll('.origin');
  for (var i = 0; i < spots.length; i++) spots[i].textContent = origin;
})();
