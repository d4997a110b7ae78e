const input = require('fs').readFileSync(0, 'utf8').trim().split(' ');
const log = (m) => console.log(m);
log('start');
for (const w of input) {
  if (w.startsWith('t')) process.nextTick(log, `tick ${w}`);
  else if (w.startsWith('p')) Promise.resolve(`promise ${w}`).then(log);
  else if (w.startsWith('s')) setTimeout(log, 0, `timeout ${w}`);
  else queueMicrotask(() => log(`microtask ${w}`));
}
log('end of script');
