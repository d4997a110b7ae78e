const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
for (const line of require('fs').readFileSync(0, 'utf8').trim().split('\n')) {
  const [y, m, d] = line.split('-').map(Number);
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  const dow = (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1] + d) % 7;
  const check = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  console.log(`${line}: ${days[dow]}${dow === check ? '' : ' (mismatch)'}${leap ? ', leap year' : ''}`);
}
