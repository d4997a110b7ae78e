// attack: priv-native-addon
// category: privilege-escalation
// tries: load a native addon with process.dlopen
// source: Node.js docs 'process.dlopen'; CWE-111 analogue
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
process.dlopen({ exports: {} }, "/lib/x86_64-linux-gnu/libc.so.6");
console.log("REA" + "CHED");
