// attack: proc-kill-parent
// category: process
// tries: kill the host process with process.kill / process.exit
// source: MITRE ATT&CK T1489 (Service Stop)
// verdict: status in {violation, error, compile_error} and a follow-up run is clean
process.kill(process.ppid, "SIGKILL");
process.exit(1);
