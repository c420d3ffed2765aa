/**
 * Printable blocks -> ESC/POS for a printer that has the code page: text is sent as
 * characters in windows-1251 (or the profile's table) after `ESC t n`, sized with `GS !`.
 */
import { LF, align, bold, characterSize, concatBytes, selectCodePage } from './escpos/commands';
import { epilogue, prologue, qrBlock } from './escpos/frame';
import type { PrintBlock, TextBlock } from './layout';
import type { PrinterProfile } from './profile';
import { encodeText, printableText } from './text/encoding';
import { wrapText } from './text/wrap';

const NEWLINE = Uint8Array.of(LF);

const textBytes = (block: TextBlock, profile: PrinterProfile): Uint8Array[] => {
  const width = Math.max(1, Math.floor(profile.charsPerLine / block.scale));
  const lines = wrapText(printableText(block.text, profile.encoding), width);
  return [
    align(block.align),
    ...(block.bold ? [bold(true)] : []),
    ...(block.scale > 1 ? [characterSize(block.scale)] : []),
    ...lines.flatMap((line) => [encodeText(line, profile.encoding), NEWLINE]),
    ...(block.scale > 1 ? [characterSize(1)] : []),
    ...(block.bold ? [bold(false)] : []),
  ];
};

const blockBytes = (block: PrintBlock, profile: PrinterProfile): Uint8Array[] => {
  switch (block.kind) {
    case 'text':
      return textBytes(block, profile);
    case 'rule':
      return [align('left'), encodeText('-'.repeat(profile.charsPerLine), profile.encoding), NEWLINE];
    case 'space':
      return [NEWLINE];
    case 'qr':
      return qrBlock(profile, block.data, block.moduleSize);
    default: {
      const _exhaustive: never = block;
      return _exhaustive;
    }
  }
};

export const blocksToTextEscPos = (blocks: readonly PrintBlock[], profile: PrinterProfile): Uint8Array =>
  concatBytes([
    ...prologue(profile),
    selectCodePage(profile.codePage),
    ...blocks.flatMap((block) => blockBytes(block, profile)),
    ...epilogue(profile),
  ]);
