/** Owner-typed names inside translated sentences, bidi-isolated so Arabic or Hebrew never reorders the French around them. */
import { Fragment } from 'react';

const SLOT = '\u0000name\u0000';

/** `text` is the sentence for a given name (usually `(n) => t(key, { name: n })`); the name is rendered in <bdi>. */
export function Named({ text, name }: { readonly text: (name: string) => string; readonly name: string }) {
  const parts = text(SLOT).split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <bdi>{name}</bdi>}
          {part}
        </Fragment>
      ))}
    </>
  );
}
