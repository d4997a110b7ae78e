const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split('\n');
function addStrings(x, y) {
  let i = x.length - 1, j = y.length - 1, carry = 0, out = [];
  while (i >= 0 || j >= 0 || carry) {
    const s = (i >= 0 ? +x[i--] : 0) + (j >= 0 ? +y[j--] : 0) + carry;
    out.push(s % 10); carry = Math.floor(s / 10);
  }
  return out.reverse().join('');
}
function mulStrings(x, y) {
  const res = new Array(x.length + y.length).fill(0);
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) {
    const p = x[i] * y[j] + res[i + j + 1];
    res[i + j + 1] = p % 10; res[i + j] += Math.floor(p / 10);
  }
  return res.join('').replace(/^0+(?=\d)/, '');
}
console.log(addStrings(a, b), addStrings(a, b) === (BigInt(a) + BigInt(b)).toString());
console.log(mulStrings(a, b), mulStrings(a, b) === (BigInt(a) * BigInt(b)).toString());
