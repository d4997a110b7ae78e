const words = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/);
const groups = {};
for (const w of words) {
  const key = [...w].sort().join('');
  (groups[key] ||= []).push(w);
}
Object.values(groups)
  .filter((g) => g.length > 1)
  .sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]))
  .forEach((g) => console.log(g.sort().join(', ')));
