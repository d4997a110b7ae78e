// Node's inspect layout: a constructor prefix ('Dog {', 'Map(2) {', 'Foo(2) [') counts towards the 80-column
// break with its space (the sandbox broke one column late), and a Set or Map shows 100 entries and '... N more items'.
class Dog { constructor() { this.name = 'Rex'; this.legs = 4; this.tricks = ['sit', 'roll']; this._nick = 'REXY'; } }
console.log({ pet: new Dog() });
console.log({ m: new Map([['aaaaaaaaaaaaaaaaaaaa', 1], ['bbbbbbbbbbbbbbbbbbbbbb', 2], ['ccccccc', 3]]) });
console.log({ s: new Set(['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbb', 'ccccccccc']) });
console.log({ mm: new Map([['k', 'x'.repeat(40)], ['j', 1]]) });
console.log({ s: new Set(['x'.repeat(54), 1]) });
for (let n = 40; n < 80; n += 3) {
  console.log(new Dog(), [new Set(['y'.repeat(n)])], new Map([['z'.repeat(n), n]]));
  console.log(new Uint8Array(n % 30 + 10), { ab: new ArrayBuffer(n % 20) });
  class Foo extends Array {}; const f = Foo.from(['q'.repeat(n % 50), 'r'.repeat(20)]); console.log(f);
  const e = new Error('boom'); console.log({ e: 1, k: 'w'.repeat(n) });
  console.log(Object.assign(Object.create(null), { a: 'b'.repeat(n) , c: 1}));
}
console.log(new Set(Array.from({ length: 150 }, (_, i) => i)));
console.log(new Map(Array.from({ length: 101 }, (_, i) => [i, 'v' + i])));
console.log({ s: new Set(Array.from({ length: 100 }, (_, i) => i * 7)) });
console.log([new Map(Array.from({ length: 230 }, (_, i) => ['k' + i, { i }]))]);
