/**
 * "Tap to enable sound": shown only while the browser holds sound back for want of a tap
 * (autoplay policy). Electron boards and browsers with autoplay allowed never show it.
 */
import { useT } from '@queue/ui';
import { enableSound, useSound } from '../sound/audio-output';

export const SoundPrompt = ({ muted }: { readonly muted: boolean }) => {
  const t = useT();
  const blocked = useSound((state) => state.blocked);
  if (!blocked || muted) return null;
  return (
    <button
      type="button"
      className="sound-prompt"
      data-testid="sound-prompt"
      onClick={() => void enableSound()}
    >
      <SpeakerIcon muted />
      {t('display.enableSound')}
    </button>
  );
};

/** A loudspeaker, crossed out when `muted`. */
export const SpeakerIcon = ({ muted = false }: { readonly muted?: boolean }) => (
  <svg className="speaker-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
    {muted ? (
      <path d="M16 9l6 6M22 9l-6 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    ) : (
      <path
        d="M16 8.5a5 5 0 0 1 0 7"
        stroke="currentColor"
        strokeWidth="2"
        fill="none"
        strokeLinecap="round"
      />
    )}
  </svg>
);
