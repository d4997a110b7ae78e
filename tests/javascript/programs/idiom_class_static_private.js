class IdGen {
  static #next = 1;
  static #issued = new Set();
  static next(prefix = 'id') { const id = `${prefix}-${String(this.#next++).padStart(3, '0')}`; this.#issued.add(id); return id; }
  static has(id) { return IdGen.#issued.has(id); }
  static { this.version = '1.0'; }
}
class Stack {
  #items = [];
  push(...xs) { this.#items.push(...xs); return this; }
  pop() { if (!this.#items.length) throw new Error('empty stack'); return this.#items.pop(); }
  peek() { return this.#items.at(-1); }
  get size() { return this.#items.length; }
  #secret() { return 'hidden'; }
  reveal() { return this.#secret(); }
  static isStack(x) { return #items in x; }
}
const ops = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/);
const s = new Stack();
for (const op of ops) {
  if (op === '+') s.push(s.pop() + s.pop());
  else if (op === '*') s.push(s.pop() * s.pop());
  else if (op === '-') { const b = s.pop(), a = s.pop(); s.push(a - b); }
  else s.push(Number(op));
}
console.log(s.peek(), s.size, s.reveal(), Stack.isStack(s), Stack.isStack({}));
console.log(IdGen.next(), IdGen.next('user'), IdGen.has('id-001'), IdGen.version, s);
try { new Stack().pop(); } catch (e) { console.log(e.message); }
