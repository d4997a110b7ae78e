const n = Number(require('fs').readFileSync(0, 'utf8'));
const gray = Array.from({ length: 1 << n }, (_, i) => i ^ (i >> 1));
console.log(gray.map((g) => g.toString(2).padStart(n, '0')).join(' '));
let valid = true;
for (let i = 1; i < gray.length; i++) { const d = gray[i] ^ gray[i - 1]; if (d & (d - 1)) valid = false; }
console.log('valid gray sequence:', valid);
