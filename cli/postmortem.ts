/** Entry point of the `postmortem` command: real files, real streams, real exit codes. */
import { runCli } from './main';
import { nodeIo } from './nodeIo';

process.exitCode = await runCli(process.argv.slice(2), nodeIo);
