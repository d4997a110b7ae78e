const tag = Symbol('tag');
const obj = { [tag]: 'hidden', visible: 1, [Symbol.toStringTag]: 'Custom' };
console.log(Object.keys(obj), Object.getOwnPropertySymbols(obj).length, String(obj), obj[tag]);
class Money {
  constructor(c) { this.cents = c; }
  [Symbol.toPrimitive](hint) { return hint === 'number' ? this.cents / 100 : `$${(this.cents / 100).toFixed(2)}`; }
}
const amounts = require('fs').readFileSync(0, 'utf8').trim().split(' ').map((x) => new Money(Number(x)));
console.log(`${amounts[0]}`, +amounts[1], amounts[0] + '', amounts.reduce((s, m) => s + +m, 0).toFixed(2));
class EvenOnly { static [Symbol.hasInstance](x) { return x % 2 === 0; } }
console.log(4 instanceof EvenOnly, 5 instanceof EvenOnly, Symbol.for('app') === Symbol.for('app'), Symbol('a').description);
const spreadable = { length: 2, 0: 'x', 1: 'y', [Symbol.isConcatSpreadable]: true };
console.log([1].concat(spreadable), typeof Symbol.iterator, Symbol.keyFor(Symbol.for('k')));
