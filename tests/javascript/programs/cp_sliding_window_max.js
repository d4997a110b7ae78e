const [first, second] = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [, k] = first.split(' ').map(Number);
const a = second.split(' ').map(Number);
const dq = [];
const res = [];
for (let i = 0; i < a.length; i++) {
  while (dq.length && a[dq[dq.length - 1]] <= a[i]) dq.pop();
  dq.push(i);
  if (dq[0] <= i - k) dq.shift();
  if (i >= k - 1) res.push(a[dq[0]]);
}
console.log(res.join(' '));
