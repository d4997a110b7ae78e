const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l !== '');
const pairs = { ')': '(', ']': '[', '}': '{' };
for (const line of lines) {
  const stack = [];
  let ok = true;
  for (const ch of line) {
    if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs) { if (stack.pop() !== pairs[ch]) { ok = false; break; } }
  }
  console.log(ok && stack.length === 0 ? 'balanced' : 'unbalanced');
}
