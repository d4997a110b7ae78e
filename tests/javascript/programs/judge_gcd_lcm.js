const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const gcd = (x, y) => (y === 0 ? x : gcd(y, x % y));
const g = gcd(a, b);
console.log(`gcd=${g} lcm=${(a / g) * b}`);
