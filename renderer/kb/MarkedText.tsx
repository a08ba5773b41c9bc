import type { Marked } from '../../shared/domain/kb';

/** Search text with the matched words in <mark>; the seat sends plain pieces, never HTML. */
export function MarkedText({ parts }: { parts: Marked }) {
  return (
    <>
      {parts.map((part, index) =>
        part.hit ? (
          <mark key={index} className="kb-mark">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
