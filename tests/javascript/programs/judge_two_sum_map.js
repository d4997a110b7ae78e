const [nLine, arrLine, targetLine] = require('fs').readFileSync(0, 'utf8').split('\n');
const nums = arrLine.split(' ').map(Number);
const target = Number(targetLine);
const seen = new Map();
let answer = null;
nums.forEach((x, i) => {
  if (answer) return;
  if (seen.has(target - x)) answer = [seen.get(target - x), i];
  seen.set(x, i);
});
console.log(answer ? answer.join(' ') : -1);
