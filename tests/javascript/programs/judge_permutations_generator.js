function* permutations(arr) {
  if (arr.length <= 1) { yield arr.slice(); return; }
  for (let i = 0; i < arr.length; i++) {
    const rest = [...arr.slice(0, i), ...arr.slice(i + 1)];
    for (const p of permutations(rest)) yield [arr[i], ...p];
  }
}
const letters = require('fs').readFileSync(0, 'utf8').trim().split('');
const seen = new Set();
for (const p of permutations(letters)) seen.add(p.join(''));
const list = [...seen].sort();
console.log(list.length);
console.log(list.slice(0, 8).join(' '));
