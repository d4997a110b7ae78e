const { createInterface } = require('readline');
const rl = createInterface({ input: process.stdin });
const queue = [];
let resolveWaiter = null;
rl.on('line', (l) => { if (resolveWaiter) { resolveWaiter(l); resolveWaiter = null; } else queue.push(l); });
rl.on('close', () => { if (resolveWaiter) resolveWaiter(null); closed = true; });
let closed = false;
const nextLine = () => (queue.length ? Promise.resolve(queue.shift()) : closed ? Promise.resolve(null) : new Promise((r) => { resolveWaiter = r; }));
(async () => {
  const t = Number(await nextLine());
  for (let i = 0; i < t; i++) {
    const [a, b] = (await nextLine()).split(' ').map(Number);
    console.log(`Case #${i + 1}: ${a * b}`);
  }
})();
