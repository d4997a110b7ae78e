const n = Number(require('fs').readFileSync(0, 'utf8'));
const res = [];
(function gen(s, open, close) {
  if (s.length === 2 * n) { res.push(s); return; }
  if (open < n) gen(s + '(', open + 1, close);
  if (close < open) gen(s + ')', open, close + 1);
})('', 0, 0);
console.log(res.length);
console.log(res.slice(0, 10).join('\n'));
