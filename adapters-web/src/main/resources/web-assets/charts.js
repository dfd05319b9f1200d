// The overview's dispatch chart: runs launched per minute and mean due -> launch lag, last hour.
// The same numbers are in the table below it, so the page says everything without this script.
(function () {
  var el = document.getElementById('dispatch-chart');
  if (!el || typeof uPlot === 'undefined') return;
  var raw = el.getAttribute('data-series');
  if (!raw) return;
  var t = [], launched = [], lag = [];
  raw.split(';').forEach(function (row) {
    var f = row.split(',');
    t.push(Number(f[0])); launched.push(Number(f[1])); lag.push(Number(f[2]));
  });
  new uPlot({
    width: Math.min(900, el.clientWidth || 900), height: 220,
    series: [{}, { label: 'launched / min', stroke: '#0b4f9c', scale: 'n' },
             { label: 'mean lag (s)', stroke: '#b35c00', scale: 's' }],
    axes: [{}, { scale: 'n' }, { scale: 's', side: 1 }]
  }, [t, launched, lag], el);
})();
