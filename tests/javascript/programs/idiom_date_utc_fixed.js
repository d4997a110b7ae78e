const stamps = require('fs').readFileSync(0, 'utf8').trim().split('\n');
for (const s of stamps) {
  const d = new Date(s);
  console.log(d.toISOString(), d.getTime(), d.getUTCDay(), d.toUTCString(), JSON.stringify(d));
}
const d = new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
console.log(d.toISOString(), new Date(d.getTime() + 1).toISOString());
const a = new Date('2024-01-01T00:00:00Z'), b = new Date('2024-12-25T00:00:00Z');
console.log(Math.round((b - a) / 864e5), 'days', a < b, new Date(0).toISOString(), new Date(NaN).getTime(), String(new Date('nonsense')));
const addMonths = (date, n) => { const r = new Date(date); r.setUTCMonth(r.getUTCMonth() + n); return r.toISOString().slice(0, 10); };
console.log(addMonths(new Date('2024-01-31T00:00:00Z'), 1), addMonths(a, 14), new Date(1e12).toISOString());
console.log(Date.parse('2020-06-15T10:20:30.456Z'), new Date(2020, 0, 1).getTimezoneOffset(), new Date(Date.UTC(99, 0)).getUTCFullYear());
