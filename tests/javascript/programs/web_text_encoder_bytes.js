const text = require('fs').readFileSync(0, 'utf8').trim();
const enc = new TextEncoder();
const bytes = enc.encode(text);
console.log(text.length, bytes.length, bytes.slice(0, 8));
console.log(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').slice(0, 32));
const dec = new TextDecoder('utf-8');
console.log(dec.decode(bytes) === text, dec.decode(bytes.subarray(0, 3)));
const hexToBytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
console.log(dec.decode(hexToBytes('48656c6c6f2c20e4b896e7958c')));
