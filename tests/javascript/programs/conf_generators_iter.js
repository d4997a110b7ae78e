function* fib() { let [a, b] = [0n, 1n]; for (;;) { yield a; [a, b] = [b, a + b]; } }
function* take(it, n) { let i = 0; for (const x of it) { if (i++ >= n) return 'done'; yield x; } }
console.log([...take(fib(), 15)].join(','));
function* delegating() { const r = yield* take([1, 2, 3], 2); console.log('inner returned', r); yield 'end'; }
console.log([...delegating()]);
const g = (function* () { try { const x = yield 1; console.log('got', x); yield x * 2; } finally { console.log('finally'); } })();
console.log(g.next(), g.next(21), g.return(99), g.next());
class Range { constructor(a, b) { this.a = a; this.b = b; } *[Symbol.iterator]() { for (let i = this.a; i < this.b; i++) yield i; } }
console.log([...new Range(3, 8)], Math.max(...new Range(0, 5)), Array.from(new Range(0, 3), x => x * x));
const it = [10, 20, 30][Symbol.iterator](); console.log(it.next(), [...it], it.next());
const entries = Object.entries({x: 1, y: 2}); for (const [k, v] of entries) console.log(k, v);
label: for (const i of [1, 2, 3]) { for (const j of [1, 2, 3]) { if (j === 2) continue label; if (i === 3) break label; console.log(i, j); } }
console.log(fib().next(), typeof fib().return, fib()[Symbol.toStringTag], String(fib()));
