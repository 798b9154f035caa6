/**
 * Text from scanned hosts (versions, titles, model names, evidence) is untrusted. Every rendering
 * passes it through `cleanText` first, then the escaping of its own format.
 */

// CSI/OSC and other escape sequences, then any remaining C0/C1 control character.
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/** Strips escape sequences and control/invisible characters, collapses whitespace, caps length. */
export function cleanText(value: unknown, maxLength = 200): string {
  const text = String(value ?? '')
    .replace(ANSI, '')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/**
 * Escapes for Slack mrkdwn: `&`, `<`, `>` are the only control characters Slack documents, and
 * escaping `<` is what stops `<!channel>`, `<!here>`, `<@U123>` and `<url|text>` links.
 */
export function escapeSlack(value: unknown, maxLength = 200): string {
  return cleanText(value, maxLength).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack mrkdwn inline code: also neutralises `*`, `_`, `~` formatting. Backticks become quotes. */
export function slackCode(value: unknown, maxLength = 200): string {
  const text = escapeSlack(value, maxLength).replace(/`/g, "'");
  return text === '' ? '-' : `\`${text}\``;
}

export function escapeHtml(value: unknown, maxLength = 200): string {
  return cleanText(value, maxLength)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Escapes for Teams (Adaptive Card TextBlock/FactSet text, a Markdown subset). `<` and `>` become
 * the look-alikes ‹ ›, so `<at>everyone</at>` is no mention tag and nothing reads as HTML; the
 * Markdown specials are backslash-escaped, so `[click](http://evil)` is no link and `*x*` no
 * emphasis; a leading `-`, `+` or `1. ` would start a list (or `---` a rule). Newlines are
 * already gone (`cleanText`), so only the start of the text can open a block.
 */
export function escapeTeams(value: unknown, maxLength = 200): string {
  return cleanText(value, maxLength)
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/[\\*_`[\]()#~&]/g, '\\$&')
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)\.(?=\s|$)/, '$1\\.'); // "1. " starts a list, "0.5.1" does not
}
