const n = Number(require('fs').readFileSync(0, 'utf8'));
process.on('exit', (code) => console.log(`exiting with ${code}`));
if (n % 2) {
  console.log('odd input');
  process.exitCode = 2;
} else {
  console.log('even input');
}
setTimeout(() => console.log('timer still runs'), 1);
