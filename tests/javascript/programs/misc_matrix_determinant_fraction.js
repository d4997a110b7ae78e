const rows = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((r) => r.split(' ').map(BigInt));
const gcd = (a, b) => { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) [a, b] = [b, a % b]; return a; };
class Frac {
  constructor(n, d = 1n) { if (d < 0n) { n = -n; d = -d; } const g = gcd(n, d) || 1n; this.n = n / g; this.d = d / g; }
  sub(o) { return new Frac(this.n * o.d - o.n * this.d, this.d * o.d); }
  mul(o) { return new Frac(this.n * o.n, this.d * o.d); }
  div(o) { return new Frac(this.n * o.d, this.d * o.n); }
  toString() { return this.d === 1n ? `${this.n}` : `${this.n}/${this.d}`; }
}
const m = rows.map((r) => r.map((x) => new Frac(x)));
let det = new Frac(1n);
for (let c = 0; c < m.length; c++) {
  let p = m.findIndex((r, i) => i >= c && r[c].n !== 0n);
  if (p < 0) { det = new Frac(0n); break; }
  if (p !== c) { [m[p], m[c]] = [m[c], m[p]]; det = det.mul(new Frac(-1n)); }
  det = det.mul(m[c][c]);
  for (let r = c + 1; r < m.length; r++) {
    const f = m[r][c].div(m[c][c]);
    m[r] = m[r].map((x, j) => x.sub(f.mul(m[c][j])));
  }
}
console.log(`det = ${det}`);
