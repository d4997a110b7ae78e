// Every object reachable from the global object, and every own property of each, as lines of text:
// "<path> | <typeof> | proto <ref> | extensible|non-extensible [| <Function.prototype.toString> | constructor]"
// and "<path> = <wec flags> <value or ref>" / "<path> accessor <wec> get <ref> set <ref>".
// An object is named by the first path that reaches it (keys sorted, breadth first), so two realms
// with the same built-ins give the same lines whatever order their properties were defined in.
// SKIP_JSON is replaced by the host with a JSON string: global names left out (host APIs).
(function () {
  'use strict';
  const skip = new Set(JSON.parse(SKIP_JSON));
  const seen = new Map();
  const out = [];
  const queue = [];
  const fnToString = Function.prototype.toString;
  const isCtor = (f) => { try { Reflect.construct(String, [], f); return true; } catch { return false; } };
  const keyName = (k) => (typeof k === 'symbol' ? '[' + String(k) + ']' : k);
  function ref(v, path) {
    if (v === null) return 'null';
    const t = typeof v;
    if (t === 'function' || t === 'object') {
      if (seen.has(v)) return '@' + seen.get(v);
      seen.set(v, path);
      queue.push([v, path]);
      return '@' + path;
    }
    if (t === 'symbol') return 'symbol:' + String(v);
    if (t === 'number' && Object.is(v, -0)) return 'number:-0';
    return t + ':' + String(v);
  }
  function visit(obj, path) {
    const rec = [path, typeof obj, 'proto ' + ref(Object.getPrototypeOf(obj), path + '.[[Prototype]]'),
      Object.isExtensible(obj) ? 'extensible' : 'non-extensible'];
    if (typeof obj === 'function') {
      let src; try { src = Reflect.apply(fnToString, obj, []); } catch (e) { src = 'throws ' + e.name; }
      rec.push(JSON.stringify(src), isCtor(obj) ? 'constructor' : 'not-constructor');
    }
    out.push(rec.join(' | '));
    const keys = Reflect.ownKeys(obj).sort((a, b) => (keyName(a) < keyName(b) ? -1 : keyName(a) > keyName(b) ? 1 : 0));
    for (const k of keys) {
      const kn = keyName(k);
      if (path === 'globalThis' && skip.has(kn)) continue;
      const p = path + '.' + kn;
      const d = Reflect.getOwnPropertyDescriptor(obj, k);
      const flags = (d.writable ? 'w' : '-') + (d.enumerable ? 'e' : '-') + (d.configurable ? 'c' : '-');
      if ('value' in d) out.push(p + ' = ' + flags + ' ' + ref(d.value, p));
      else out.push(p + ' accessor ' + flags + ' get ' + ref(d.get, p + '<get>') + ' set ' + ref(d.set, p + '<set>'));
    }
  }
  seen.set(globalThis, 'globalThis');
  queue.push([globalThis, 'globalThis']);
  while (queue.length) { const [o, p] = queue.shift(); visit(o, p); }
  return out.join('\n');
})()
