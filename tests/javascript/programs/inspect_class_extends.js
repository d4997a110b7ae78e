// Node's getClassBase: a class shows the class it extends ('[class Mid extends Base]', '[class (anonymous) extends Map]',
// 'extends [null prototype]'); the sandbox dropped it (conformance round 7).
class Base {}
class Mid extends Base { static x = 1; }
console.log(class extends Base {}, [class Named extends Base {}], Mid, Base);
console.log({ k: class extends Mid {} }, class extends Array {}, class extends Map {});
const NullProto = class {}; Object.setPrototypeOf(NullProto, null);
console.log([NullProto]);
class Odd extends Base { static get name() { return 'Renamed'; } }
console.log(class extends Odd {}, Odd);
console.log(class extends Object {});
