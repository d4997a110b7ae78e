class Temperature {
  #c = 0;
  static fromF(f) { const t = new Temperature(); t.fahrenheit = f; return t; }
  get celsius() { return this.#c; }
  set celsius(v) { if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError('not a number'); this.#c = v; }
  get fahrenheit() { return this.#c * 9 / 5 + 32; }
  set fahrenheit(f) { this.celsius = (f - 32) * 5 / 9; }
  get kelvin() { return this.#c + 273.15; }
}
const obj = { _x: 1, get x() { return this._x * 2; }, set x(v) { this._x = v; } };
obj.x = 21;
console.log(obj.x, Object.keys(obj), obj);
for (const line of require('fs').readFileSync(0, 'utf8').trim().split('\n')) {
  const [unit, v] = line.split('=');
  const t = unit === 'F' ? Temperature.fromF(+v) : new Temperature();
  if (unit === 'C') t.celsius = +v;
  console.log(`${line}: ${t.celsius.toFixed(1)}C ${t.fahrenheit.toFixed(1)}F ${t.kelvin.toFixed(2)}K`);
}
try { new Temperature().celsius = 'hot'; } catch (e) { console.log(e instanceof TypeError, e.message); }
