import type { TableOptions } from '../core/alerts/text-table.js';

/** Where a command writes. The real CLI uses the process streams; tests capture the text. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress lines are drawn only on a terminal. */
  readonly interactive: boolean;
  /** The width of the terminal `out` writes to; absent when it is not one, and tables are not fitted. */
  readonly columns?: number;
  /** Whether `out` may be coloured. */
  readonly color: boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything but "" (https://no-color.org). */
export function colorWanted(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(isTTY) && !env.NO_COLOR;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
  // A getter: the terminal may be resized while a run probes.
  get columns() {
    return (process.stdout.isTTY && process.stdout.columns) || undefined;
  },
  color: colorWanted(process.stdout.isTTY, process.env),
};

/** How a command's tables are drawn on this output: fitted and coloured on a terminal, plain otherwise. */
export function tableOptions(io: CliIo): Pick<TableOptions, 'width' | 'color'> {
  return { width: io.columns, color: io.color };
}

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
