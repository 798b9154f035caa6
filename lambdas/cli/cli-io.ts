/** Where a command writes. The real CLI uses the process streams; tests capture the text. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress lines are drawn only on a terminal. */
  readonly interactive: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/** Draws `label done/total` on one terminal line; silent when not interactive. */
export function progressReporter(io: CliIo, enabled: boolean): { update(text: string): void; done(): void } {
  const on = enabled && io.interactive;
  let drawn = false;
  return {
    update: (text) => {
      if (!on) return;
      process.stderr.write(`\r\u001b[2K${text}`);
      drawn = true;
    },
    done: () => {
      if (on && drawn) process.stderr.write('\r\u001b[2K');
    },
  };
}
