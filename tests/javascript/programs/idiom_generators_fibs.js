function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
function* take(it, n) { for (const x of it) { if (n-- <= 0) return; yield x; } }
function* filter(it, pred) { for (const x of it) if (pred(x)) yield x; }
const n = +require('fs').readFileSync(0, 'utf8');
console.log([...take(fib(), n)].join(','));
console.log([...take(filter(fib(), (x) => x % 2 === 0), 8)]);
const g = fib();
console.log(g.next(), g.next().value, g.return(99), g.next());
function* delegating() { const r = yield* [1, 2]; yield 'after'; return 'done'; }
console.log([...delegating()]);
