import { readFileSync } from 'node:fs';
const [n, ...rest] = readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const arr = rest.slice(0, n);
console.log(Math.min(...arr), Math.max(...arr), arr.reduce((a, b) => a + b, 0) / n);
console.log(typeof this, typeof globalThis.arr);
