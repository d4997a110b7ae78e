class Point { constructor(x, y) { this.x = x; this.y = y; } }
class Empty {}
class WithAccessor { get v() { return 1; } }
const pts = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => new Point(...l.split(' ').map(Number)));
console.log(pts[0], pts.slice(0, 3));
console.log(new Empty(), new WithAccessor(), Object.create(null), [new Point(1, 2)], { p: new Point(0, 0) });
console.log({ level1: { level2: { level3: { level4: 'deep' } }, arr: [[1, [2, [3, [4]]]]] } });
console.log(pts.map((p) => p.x * 1000.5));
console.log([function foo() {}, () => {}, class Bar {}, Symbol('s'), 10n, null, undefined, true]);
console.log({ 'key with space': 1, valid_id: 2, 3: 'three', '-dash': 4 });
console.log(['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20), 'd'.repeat(20)]);
console.log(new Error('printed error').message, [new Date(0)], { re: /x/g });
