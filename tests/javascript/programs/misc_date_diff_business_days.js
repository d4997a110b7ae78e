const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((s) => new Date(`${s}T00:00:00Z`));
let business = 0;
for (let d = new Date(a); d <= b; d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) business++;
const days = (b - a) / 86400000;
console.log(`${days} calendar days, ${business} business days`);
console.log(a.toISOString().slice(0, 10), '->', b.toISOString().slice(0, 10), `(${Math.floor(days / 7)} weeks ${days % 7} days)`);
console.log(b.toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }));
