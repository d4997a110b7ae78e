async function main() {
  console.log('start');
  await null;
  console.log('after await');
  process.exit(4);
}
main().then(() => console.log('never'));
console.log('sync end');
