/**
 * Which monitor a board or kiosk goes on. A centre's PC often drives a desk monitor and a
 * hall TV: the board is told which one by display id, by position in the list, by the name
 * the system gives the monitor, or simply "not the primary one".
 */
import type { DisplayInfo } from './electron-api';

export type DisplayChoice =
  | { readonly kind: 'primary' }
  | { readonly kind: 'secondary' }
  | { readonly kind: 'id'; readonly id: number }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'label'; readonly label: string };

/** Parse `primary`, `secondary`, `id:12345`, `index:1` or `label:DELL U2419H` from configuration. */
export const parseDisplayChoice = (value: string | undefined): DisplayChoice => {
  if (!value || value === 'primary') return { kind: 'primary' };
  if (value === 'secondary') return { kind: 'secondary' };
  const separator = value.indexOf(':');
  const kind = value.slice(0, separator);
  const raw = value.slice(separator + 1);
  const number = Number(raw);
  if (kind === 'id' && raw !== '' && Number.isInteger(number)) return { kind: 'id', id: number };
  if (kind === 'index' && raw !== '' && Number.isInteger(number) && number >= 0)
    return { kind: 'index', index: number };
  if (kind === 'label' && raw.trim() !== '') return { kind: 'label', label: raw.trim() };
  return { kind: 'primary' };
};

/** The chosen display, or the primary one when the choice is not connected. */
export const chooseDisplay = (
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  choice: DisplayChoice,
): DisplayInfo => {
  switch (choice.kind) {
    case 'primary':
      return primary;
    case 'secondary':
      return displays.find((display) => display.id !== primary.id) ?? primary;
    case 'id':
      return displays.find((display) => display.id === choice.id) ?? primary;
    case 'index':
      return displays[choice.index] ?? primary;
    case 'label': {
      const wanted = choice.label.toLowerCase();
      return displays.find((display) => display.label?.toLowerCase().includes(wanted)) ?? primary;
    }
    default: {
      const exhaustive: never = choice;
      return exhaustive;
    }
  }
};
