class Range {
  constructor(start, end, step = 1) { Object.assign(this, { start, end, step }); }
  *[Symbol.iterator]() { for (let x = this.start; x < this.end; x += this.step) yield x; }
  get length() { return Math.max(0, Math.ceil((this.end - this.start) / this.step)); }
}
class LinkedList {
  constructor() { this.head = null; this.size = 0; }
  push(v) { const node = { v, next: null }; if (!this.head) this.head = node; else { let c = this.head; while (c.next) c = c.next; c.next = node; } this.size++; return this; }
  [Symbol.iterator]() { let c = this.head; return { next: () => { if (!c) return { done: true, value: undefined }; const v = c.v; c = c.next; return { done: false, value: v }; } }; }
}
const [a, b, s] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
const r = new Range(a, b, s);
console.log([...r], r.length, Math.max(...r));
const list = new LinkedList();
for (const x of r) list.push(x * x);
console.log([...list].join(' -> '), list.size);
const [first, , third, ...rest] = list;
console.log(first, third, rest);
console.log(Array.from(new Range(0, 5), (x) => x * 10));
