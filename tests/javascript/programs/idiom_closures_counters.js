function makeCounter(start = 0, step = 1) {
  let value = start;
  return { inc: () => (value += step), dec: () => (value -= step), get value() { return value; } };
}
const memo = (fn) => { const cache = new Map(); return (n) => { if (!cache.has(n)) cache.set(n, fn(n)); return cache.get(n); }; };
const slowSquare = memo((n) => { console.log(`computing ${n}`); return n * n; });
const nums = require('fs').readFileSync(0, 'utf8').trim().split(',').map(Number);
const c = makeCounter(10, 5);
nums.forEach(() => c.inc());
c.dec();
console.log(c.value);
console.log(nums.map(slowSquare), nums.map(slowSquare).reduce((a, b) => a + b));
const adders = [];
for (let i = 0; i < 3; i++) adders.push((x) => x + i);
var fns = [];
for (var j = 0; j < 3; j++) fns.push(() => j);
console.log(adders.map((f) => f(10)), fns.map((f) => f()));
const compose = (...fs) => (x) => fs.reduceRight((acc, f) => f(acc), x);
console.log(compose((x) => x + 1, (x) => x * 2)(5));
const curry = (f) => function curried(...args) { return args.length >= f.length ? f(...args) : (...more) => curried(...args, ...more); };
console.log(curry((a, b, c) => a + b + c)(1)(2)(3));
