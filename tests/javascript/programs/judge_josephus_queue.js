const [n, k] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
const people = Array.from({ length: n }, (_, i) => i + 1);
const order = [];
let idx = 0;
while (people.length) {
  idx = (idx + k - 1) % people.length;
  order.push(people.splice(idx, 1)[0]);
}
console.log(order.join(' '));
console.log('survivor:', order.at(-1));
