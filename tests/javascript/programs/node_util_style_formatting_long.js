const n = Number(require('fs').readFileSync(0, 'utf8'));
const arr = Array.from({ length: n }, (_, i) => i * i);
console.log(arr);
console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 4 + 1)));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(new Map(arr.slice(0, 4).map((x) => [x, { sq: x }])), new Set(arr.slice(0, 10)));
console.log({ matrix: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] });
console.log([1.5, -2.25, 3e-7, 1e100, -0, NaN]);
