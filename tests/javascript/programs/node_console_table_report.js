const rows = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => {
  const [name, lang, stars] = l.split(',');
  return { name, lang, stars: Number(stars) };
});
console.table(rows.sort((a, b) => b.stars - a.stars));
const byLang = {};
for (const r of rows) byLang[r.lang] = { repos: (byLang[r.lang]?.repos ?? 0) + 1, stars: (byLang[r.lang]?.stars ?? 0) + r.stars };
console.table(byLang);
console.table(rows.map((r) => r.name), []);
