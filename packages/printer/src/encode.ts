/**
 * The package's main entry: a ticket view -> the bytes to send to the printer, in the
 * printer profile's way (characters in its code page, or raster images), laid out by the
 * template. Pure apart from reading the raster font files once.
 */
import { blocksToRasterEscPos } from './encode-raster';
import { blocksToTextEscPos } from './encode-text';
import { type PrintBlock, layoutTicket } from './layout';
import type { PrinterProfile } from './profile';
import type { RasterFonts } from './raster/render';
import { type TicketTemplate, resolveTemplate } from './template';
import type { TicketView } from './ticket-view';

/** A printer without native QR support gets the status URL as text instead. */
const withQrFallback = (blocks: readonly PrintBlock[], profile: PrinterProfile): PrintBlock[] =>
  profile.qrCode
    ? [...blocks]
    : blocks.map((block) =>
        block.kind === 'qr'
          ? { kind: 'text', text: block.data, align: 'center', scale: 1, bold: false }
          : block,
      );

export const ticketBlocks = (
  view: TicketView,
  profile: PrinterProfile,
  template?: Partial<TicketTemplate>,
): PrintBlock[] => withQrFallback(layoutTicket(view, resolveTemplate(template)), profile);

export const ticketToEscPos = (
  view: TicketView,
  profile: PrinterProfile,
  template?: Partial<TicketTemplate>,
  fonts?: RasterFonts,
): Uint8Array => {
  const blocks = ticketBlocks(view, profile, template);
  return profile.render === 'raster'
    ? blocksToRasterEscPos(blocks, profile, fonts)
    : blocksToTextEscPos(blocks, profile);
};

/** Raster output whatever the profile's render mode: the fallback for a misprinting printer. */
export const ticketToRasterEscPos = (
  view: TicketView,
  profile: PrinterProfile,
  template?: Partial<TicketTemplate>,
  fonts?: RasterFonts,
): Uint8Array => blocksToRasterEscPos(ticketBlocks(view, profile, template), profile, fonts);
