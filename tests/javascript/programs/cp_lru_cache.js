class LRU {
  constructor(cap) { this.cap = cap; this.map = new Map(); }
  get(k) { if (!this.map.has(k)) return -1; const v = this.map.get(k); this.map.delete(k); this.map.set(k, v); return v; }
  put(k, v) { this.map.delete(k); this.map.set(k, v); if (this.map.size > this.cap) this.map.delete(this.map.keys().next().value); }
}
const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const cache = new LRU(Number(lines[0]));
const out = [];
for (const l of lines.slice(1)) {
  const [op, k, v] = l.split(' ');
  if (op === 'put') cache.put(k, Number(v)); else out.push(cache.get(k));
}
console.log(out.join(' '));
console.log([...cache.map.keys()].join(','));
