const r = process.stdout.write('first\n', () => console.log('written cb'));
console.log(typeof r);
process.stdout.write(Buffer.from('buf\n'));
process.stdout.write(new Uint8Array([104, 105, 10]));
process.stderr.write('to stderr\n');
console.log([process.stdout.isTTY, typeof process.stdout.columns]);
