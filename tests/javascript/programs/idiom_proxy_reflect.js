const log = [];
const target = { a: 1, b: 2 };
const p = new Proxy(target, {
  get(t, k, r) { log.push(`get ${String(k)}`); return Reflect.get(t, k, r) ?? `<${String(k)} missing>`; },
  set(t, k, v) { if (typeof v !== 'number') throw new TypeError(`${k} must be a number`); log.push(`set ${k}`); return Reflect.set(t, k, v); },
  has(t, k) { return k.startsWith('_') ? false : k in t; },
  deleteProperty(t, k) { log.push(`delete ${k}`); return delete t[k]; },
});
const cmds = require('fs').readFileSync(0, 'utf8').trim().split('\n');
for (const c of cmds) {
  const [op, k, v] = c.split(' ');
  try {
    if (op === 'get') console.log(p[k]);
    if (op === 'set') p[k] = isNaN(v) ? v : Number(v);
    if (op === 'has') console.log(k in p);
    if (op === 'del') delete p[k];
  } catch (e) { console.log('error:', e.message); }
}
console.log(log.join('; '));
console.log(target, Reflect.ownKeys(target), Reflect.has(target, 'a'));
