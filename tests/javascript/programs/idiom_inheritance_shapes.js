class Shape {
  constructor(name) { this.name = name; }
  area() { return 0; }
  describe() { return `${this.name} with area ${this.area().toFixed(2)}`; }
}
class Circle extends Shape {
  constructor(r) { super('circle'); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
}
class Rect extends Shape {
  constructor(w, h) { super('rect'); Object.assign(this, { w, h }); }
  area() { return this.w * this.h; }
}
class Square extends Rect {
  constructor(s) { super(s, s); this.name = 'square'; }
  describe() { return super.describe() + ' (a square)'; }
}
const make = { circle: (r) => new Circle(+r), rect: (w, h) => new Rect(+w, +h), square: (s) => new Square(+s) };
const shapes = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => { const [k, ...a] = l.split(' '); return make[k](...a); });
shapes.sort((a, b) => b.area() - a.area()).forEach((s) => console.log(s.describe()));
console.log(shapes.filter((s) => s instanceof Rect).length, Object.getPrototypeOf(Square) === Rect);
console.log(shapes[0]);
