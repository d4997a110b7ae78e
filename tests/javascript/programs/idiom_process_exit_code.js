const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
let bad = 0;
for (const l of lines) {
  if (!/^\d+$/.test(l)) { console.log(`invalid: ${l}`); bad++; continue; }
  console.log(`ok: ${Number(l) * 2}`);
}
if (bad) {
  process.stdout.write(`${bad} invalid lines\n`);
  process.exit(3);
}
console.log('never here');
