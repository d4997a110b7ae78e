const items = require('fs').readFileSync(0, 'utf8').trim().split(' ');
const target = Number(items.shift());
const nums = items.map(Number);
const found = [];
for (let mask = 0; mask < 1 << nums.length; mask++) {
  let s = 0;
  const pick = [];
  for (let i = 0; i < nums.length; i++) if (mask & (1 << i)) { s += nums[i]; pick.push(nums[i]); }
  if (s === target) found.push(pick.join('+'));
}
console.log(found.length ? found.sort().join('\n') : 'none');
