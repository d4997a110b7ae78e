const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n').slice(1);
const iv = lines.map((l) => l.split(' ').map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const merged = [];
for (const [s, e] of iv) {
  const last = merged[merged.length - 1];
  if (last && s <= last[1]) last[1] = Math.max(last[1], e);
  else merged.push([s, e]);
}
console.log(merged.map(([s, e]) => `[${s},${e}]`).join(' '));
console.log('total covered:', merged.reduce((t, [s, e]) => t + e - s, 0));
