import { createInterface } from 'node:readline/promises';
import { CliError } from './run.server';

/**
 * The flag's value, or, on a terminal only, a prompt for it (hidden for secrets). Without a TTY a
 * missing flag is an error that names it: commands never wait for input in scripts or CI.
 */
export async function valueOrPrompt({ value, flag, label, secret = false }: { value?: string; flag: string; label: string; secret?: boolean }) {
  if (value) return value;
  if (!process.stdin.isTTY) throw new CliError(`Missing ${flag} (stdin is not a terminal, so there is no prompt)`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (secret) {
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = (text: string) => {
      if (text.includes(label)) process.stdout.write(text);
    };
  }
  try {
    const answer = (await rl.question(`${label}: `)).trim();
    if (secret) process.stdout.write('\n');
    if (!answer) throw new CliError(`${label} is required`);
    return answer;
  } finally {
    rl.close();
  }
}
