const withTimeout = (p, ms) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`timeout after ${ms}ms`)), ms))]);
const delays = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
(async () => {
  for (const d of delays) {
    try {
      const v = await withTimeout(new Promise((r) => setTimeout(() => r(`done in ${d}`), d)), 15);
      console.log(v);
    } catch (e) {
      console.log(e.message);
    }
  }
})();
