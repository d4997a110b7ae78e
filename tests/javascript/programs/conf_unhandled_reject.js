console.log('before');
async function f() { throw new RangeError('async fail'); }
f();
setTimeout(() => console.log('timer'), 10);
