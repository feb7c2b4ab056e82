/**
 * `npm run tongban -- <command>`: export / import bundles, import item lists, check the catalogue.
 * Opens the same store as `npm start` (TONGBAN_DATA_DIR or MONGODB_URI); see USAGE.
 */
import { runCli } from './commands.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  // `npm run` starts scripts in the package root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
