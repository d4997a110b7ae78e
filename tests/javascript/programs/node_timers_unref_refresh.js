const jobs = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
const watchdog = setTimeout(() => console.log('watchdog fired (never, unref)'), 1000);
watchdog.unref();
let done = 0;
const started = [];
for (const [i, ms] of jobs.entries()) {
  const t = setTimeout(() => {
    done++;
    console.log(`job ${i} (${ms}ms) done, ${done}/${jobs.length}`);
    if (done === jobs.length) console.log('all done; watchdog has ref:', watchdog.hasRef());
  }, ms);
  started.push(t);
}
clearTimeout(started[started.length - 1]);
jobs.pop();
const tick = setInterval(() => {}, 5);
setTimeout(() => clearInterval(tick), 12);
console.log('scheduled', started.length, typeof started[0], Number.isInteger(+started[0]));
