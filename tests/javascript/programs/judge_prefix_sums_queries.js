const it = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((x) => x.length)[Symbol.iterator]();
const next = () => Number(it.next().value);
const n = next(), q = next();
const pre = new Float64Array(n + 1);
for (let i = 0; i < n; i++) pre[i + 1] = pre[i] + next();
const res = [];
for (let i = 0; i < q; i++) { const l = next(), r = next(); res.push(pre[r] - pre[l - 1]); }
process.stdout.write(res.join('\n') + '\n');
