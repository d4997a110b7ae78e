const input = require('fs').readFileSync(0).toString();
const lines = input.split(/\r?\n/);
console.log(JSON.stringify(lines));
const [n, ...rest] = input.trim().split(/\s+/).map(Number);
console.log(n, rest, rest.reduce((a, b) => Math.max(a, b), -Infinity));
