const data = require('fs').readFileSync(0, 'utf8').trim().split('\n');
let total = 0;
for (const line of data) {
  const obj = JSON.parse(line);
  total += obj.value.amount;
  console.log(total);
}
