const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
function modpow(b, e, m) {
  let r = 1n; b %= m;
  while (e > 0n) { if (e & 1n) r = (r * b) % m; b = (b * b) % m; e >>= 1n; }
  return r;
}
for (const line of lines) {
  const [b, e, m] = line.split(' ').map(BigInt);
  console.log(modpow(b, e, m).toString());
}
