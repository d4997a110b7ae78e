console.log('1 sync');
setTimeout(() => {
  console.log('6 timeout 0');
  setTimeout(() => console.log('8 timeout inside timeout'), 0);
  setImmediate(() => console.log('7 immediate inside timeout'));
  process.nextTick(() => console.log('6b nextTick inside timeout'));
}, 0);
setTimeout(() => console.log('9 timeout 20'), 20);
Promise.resolve().then(() => console.log('4 microtask')).then(() => console.log('5 microtask 2'));
queueMicrotask(() => console.log('4b queueMicrotask'));
(async () => { console.log('2 async start'); await null; console.log('4c after await'); })();
console.log('3 sync end');
const iv = setInterval(() => { console.log('interval', ++iv.count); if (iv.count >= 3) clearInterval(iv); }, 25);
iv.count = 0;
const never = setTimeout(() => console.log('never: unref'), 500);
never.unref();
