const tasks = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0, active = 0, maxActive = 0;
  async function runner() {
    while (next < items.length) {
      const i = next++;
      active++; maxActive = Math.max(maxActive, active);
      results[i] = await fn(items[i], i);
      active--;
    }
  }
  await Promise.all(Array.from({ length: limit }, runner));
  return { results, maxActive };
}
pool(tasks, 3, async (ms, i) => { await sleep(ms); return `#${i}:${ms}`; }).then(({ results, maxActive }) => {
  console.log(results.join(' '));
  console.log('max concurrent:', maxActive);
});
