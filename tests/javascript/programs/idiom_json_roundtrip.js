const obj = JSON.parse(require('fs').readFileSync(0, 'utf8'), (k, v) => (k === 'date' ? new Date(v) : v));
console.log(obj.date.getUTCFullYear(), obj.date.toISOString());
console.log(JSON.stringify(obj));
console.log(JSON.stringify(obj, null, 2));
console.log(JSON.stringify(obj, ['name', 'items']));
console.log(JSON.stringify({ big: 10n.toString(), u: undefined, f() {}, s: Symbol('x'), n: NaN, i: -Infinity, nested: [undefined, () => 1] }));
console.log(JSON.stringify('he said "hi"\n\u2028'), JSON.stringify({ toJSON() { return { replaced: true }; } }));
console.log(JSON.stringify([new Map([[1, 2]]), new Set([1])]), JSON.stringify({ a: 1, b: [1, 2] }, (k, v) => (typeof v === 'number' ? v * 10 : v), '\t'));
try { JSON.parse('{"a":}'); } catch (e) { console.log(e.name); }
