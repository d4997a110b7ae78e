const people = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => { const [n, a, s] = l.split(' '); return { n, a: +a, s: +s }; });
const show = (xs) => xs.map((p) => `${p.n}(${p.a},${p.s})`).join(' ');
console.log(show([...people].sort((x, y) => x.a - y.a)));
console.log(show([...people].sort((x, y) => y.s - x.s || x.n.localeCompare(y.n))));
console.log(show([...people].sort((x, y) => (x.n < y.n ? 1 : x.n > y.n ? -1 : 0))));
console.log([10, 9, 1, 100, 25].sort(), [10, 9, 1, 100, 25].sort((a, b) => a - b));
console.log(['b', 'a', 'C', 'á', 'A'].sort(), ['b', 'a', 'C', 'á', 'A'].sort((a, b) => a.localeCompare(b)));
console.log([3, undefined, 1, , 2].sort());
