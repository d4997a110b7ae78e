// attack: fs-process-binding
// category: filesystem
// tries: reach the filesystem through process.binding('fs') and Deno/Bun globals
// source: vm2 escape write-ups (process.binding); HackTricks 'Node.js sandbox escape'
// verdict: status in {violation, error, compile_error} and canary not in output
const p = globalThis.process || (globalThis.Deno && Deno) || (globalThis.Bun && Bun);
console.log(p.binding ? p.binding("fs") : p.readTextFileSync("{{CANARY_FILE}}"));
