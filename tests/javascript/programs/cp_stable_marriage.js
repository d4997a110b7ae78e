const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const { men, women } = data;
const free = Object.keys(men);
const next = Object.fromEntries(free.map((m) => [m, 0]));
const engaged = {};
const rank = Object.fromEntries(Object.entries(women).map(([w, prefs]) => [w, Object.fromEntries(prefs.map((m, i) => [m, i]))]));
while (free.length) {
  const m = free.shift();
  const w = men[m][next[m]++];
  const cur = engaged[w];
  if (!cur) engaged[w] = m;
  else if (rank[w][m] < rank[w][cur]) { engaged[w] = m; free.push(cur); }
  else free.push(m);
}
console.log(Object.entries(engaged).sort().map(([w, m]) => `${m}-${w}`).join(' '));
