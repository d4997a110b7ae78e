const records = JSON.parse(require('fs').readFileSync(0, 'utf8'));
for (const r of records) {
  const city = r.profile?.address?.city ?? '(no city)';
  const firstTag = r.tags?.[0] ?? '(no tags)';
  const greet = r.greet?.() ?? '(no greeting)';
  const zero = r.score ?? 'missing';
  const or = r.score || 'falsy';
  console.log([r.id, city, firstTag, greet, zero, or].join(' | '));
}
let x = null;
x ??= 5; x ||= 7; x &&= x + 1;
console.log(x);
