const input = require('fs').readFileSync(0, 'utf8');
const nums = input.split(/\s+/).filter(Boolean).map(Number);
process.stdout.write(`count=${nums.length}\n`);
process.on('exit', (code) => { console.log('exiting with', code); });
if (nums.some(Number.isNaN)) { console.error('bad input'); process.exitCode = 3; }
else { console.log(nums.reduce((a, b) => a + b, 0)); }
setTimeout(() => console.log('timer ran'), 0);
Promise.resolve().then(() => console.log('microtask'));
