// Text from the server's error table, where commands are written between backticks, shown with
// those commands as code instead of raw backticks.

/** Splits `text` at backticks: odd parts were quoted. An unmatched backtick stays as it is. */
export function splitCode(text: string): Array<{ text: string; code: boolean }> {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [{ text, code: false }];
  return parts.map((part, i) => ({ text: part, code: i % 2 === 1 })).filter((part) => part.text !== '');
}

export function CodeText({ text }: { text: string }) {
  return (
    <>
      {splitCode(text).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string have no other identity.
        part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
