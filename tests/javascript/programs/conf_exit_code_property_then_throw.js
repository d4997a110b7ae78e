process.exitCode = 5;
console.log('set');
process.on('exit', c => console.log('exit event', c, process.exitCode));
