/**
 * The running line at the bottom, in the board's language, as an administrator last set it.
 * It scrolls with a CSS animation at about the same speed whatever its length; with reduced
 * motion it stands still (see panels.css).
 */
import type { CSSProperties } from 'react';

/** Seconds for one pass: the screen's width plus the text's, at a steady pace. */
export const tickerSeconds = (text: string): number => Math.round(12 + text.length * 0.15);

export const Ticker = ({ text }: { readonly text: string }) => {
  if (text.trim() === '') return null;
  const style = { '--ticker-duration': `${tickerSeconds(text)}s` } as CSSProperties;
  return (
    <footer className="ticker" data-testid="ticker">
      {/* The key restarts the line from the right edge when the text changes. */}
      <p className="ticker__text" key={text} style={style}>
        {text}
      </p>
    </footer>
  );
};
