console.log('a');
setTimeout(() => { console.log('b'); throw new TypeError('late failure'); }, 1);
setTimeout(() => console.log('never'), 50);
