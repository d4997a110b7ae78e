const e = new RangeError('out of range');
console.log({code: 1, msg: e.message, name: e.name});
console.log([e.message], String(e), `${e}`, e.toString(), Object.keys(e), JSON.stringify(e), JSON.stringify({e}));
