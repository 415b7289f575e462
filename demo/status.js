/* global document, fetch, setTimeout */
// The status page: polls GET /status once a second and shows it. Plain DOM, no framework.
(function () {
  function $(id) {
    return document.getElementById(id);
  }

  function fill(table, rows) {
    table.innerHTML = '';
    if (rows.length === 0) rows = [['none', '']];
    rows.forEach(function (row) {
      var tr = document.createElement('tr');
      var th = document.createElement('th');
      var td = document.createElement('td');
      th.textContent = row[0];
      td.textContent = String(row[1]);
      td.className = 'num';
      tr.appendChild(th);
      tr.appendChild(td);
      table.appendChild(tr);
    });
  }

  function duration(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return (h ? h + ' h ' : '') + (h || m ? m + ' min ' : '') + s + ' s';
  }

  function show(status) {
    $('users').textContent = status.users;
    $('connections').textContent = status.connections;
    $('channels').textContent = status.channels;
    $('rate-in').textContent = status.messagesPerSecond.in.toFixed(1);
    $('rate-out').textContent = status.messagesPerSecond.delivered.toFixed(1);
    $('node').textContent = status.node;
    $('engine').textContent = status.engine;
    $('version').textContent = status.version;
    $('uptime').textContent = duration(status.uptimeS);
    var t = status.totals;
    fill($('totals'), [
      ['connections opened', t.connections],
      ['logins', t.logins],
      ['peer messages in', t.messagesIn.peer],
      ['channel messages in', t.messagesIn.channel],
      ['peer deliveries', t.deliveries.peer],
      ['channel deliveries (fan-out)', t.deliveries.channel],
      ['frames in / out', t.framesIn + ' / ' + t.framesOut],
      ['slow-consumer drops', t.queueDrops],
    ]);
    fill($('errors'), Object.keys(status.errors).map(function (code) { return [code, status.errors[code]]; }));
    $('updated').textContent = 'Updated ' + new Date().toLocaleTimeString() + '.';
  }

  function poll() {
    fetch('/status', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(show)
      .catch(function () { $('updated').textContent = 'The server does not answer.'; })
      .then(function () { setTimeout(poll, 1000); });
  }

  poll();
})();
